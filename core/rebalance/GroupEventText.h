// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"

#include <QString>

namespace cohort {

// A group event in words, for people: a chart marker's hover text, a
// notification ("Rebalance completed (generation 12): 3 partitions moved in
// 2.4 s"). Pure; translated through QCoreApplication::translate.
namespace GroupEventText {

// One line naming what happened.
QString title(const GroupEvent &event);
// The title, then a line per known detail (member, client, reason, partitions).
QString describe(const GroupEvent &event);

}   // namespace GroupEventText
}   // namespace cohort
