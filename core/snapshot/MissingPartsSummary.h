// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/MissingPart.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace cohort {

// What a partial snapshot lacks, summarised for the window's banner: one line
// per broker that did not list its groups, per error that kept groups from
// being described or their offsets from being read, per broker whose end
// offsets are missing, each with since when ("Broker 1 (127.0.0.1:9093) slow:
// 5 groups not refreshed for 40 s", "3 groups not described for 12 s:
// COORDINATOR_NOT_AVAILABLE"). The details are every part's describe().
// Pure: `now` is passed in, so the banner re-reads it on a timer.
class MissingPartsSummary
{
    Q_DECLARE_TR_FUNCTIONS(MissingPartsSummary)

public:
    static QStringList headlines(const MissingParts &parts, const QDateTime &now);
    static QStringList details(const MissingParts &parts);
};

}   // namespace cohort
