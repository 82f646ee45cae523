// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetScope.h"
#include "core/reset/ResetStrategy.h"

#include <QStringList>

namespace cohort {

// What a person asked to reset: which groups, which of their partitions, where to.
struct ResetRequest
{
    QStringList groups;
    // For a file or another group, which of the partitions they list
    // (all of them with allTopics).
    ResetScope scope = ResetScope::allTopics();
    ResetStrategy strategy;
};

}   // namespace cohort
