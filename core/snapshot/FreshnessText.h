// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"
#include "core/snapshot/Freshness.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace cohort {

// How old a value is and why it could not be read again, in words for people:
// the one wording the banner, the Groups table's tooltips and the group page
// share. Pure: `now` is passed in, so the tests pin it and the GUI's timers
// re-read it.
class FreshnessText
{
    Q_DECLARE_TR_FUNCTIONS(FreshnessText)

public:
    // "0 s" … "119 s", "2 min" … "119 min", "2 h" … "47 h", "2 d"…: precise
    // while it changes fast, rounded down once seconds stop mattering.
    static QString age(qint64 seconds);
    static QString ageBetween(const QDateTime &since, const QDateTime &now);
    // "NAME: message" without the hint (the hint goes on a line of its own);
    // the message alone when there is no name.
    static QString error(const KafkaError &error);

    // Nothing to say (an empty string) for a part read in the last refresh or
    // whose freshness was not recorded; otherwise, for a group's description:
    // "Not refreshed for 40 s: NAME: message" (a last good value is shown) or
    // "Not described: NAME: message" (never read).
    static QString description(const Freshness &freshness, const QDateTime &now);
    // The same for its committed offsets, which the lag is computed from.
    static QString offsets(const Freshness &freshness, const QDateTime &now);
    // The group page's header: "Last read 40 s ago — NAME: message", or
    // "Never read — NAME: message".
    static QString lastRead(const Freshness &freshness, const QDateTime &now);
};

}   // namespace cohort
