// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

#include <QDateTime>

namespace cohort {

// Whether one part of a snapshot (a group's description, its committed
// offsets) was read in the refresh that made the snapshot, and if not, how old
// the value shown is and why it could not be read. A snapshot never shows an
// unread value as if it were fresh: a group whose coordinator did not answer
// keeps its last good row with the age and the error, or, never read,
// says that it was not described.
struct Freshness
{
    QDateTime readAt;     // when the value shown was read (UTC); null: never read
    KafkaError failure;   // why the latest refresh could not read it; none: fresh

    bool isFresh() const { return !failure.isError() && readAt.isValid(); }
    bool hasValue() const { return readAt.isValid(); }
    // Stale: a last good value is shown, and the latest refresh failed to read it again.
    bool isStale() const { return failure.isError() && readAt.isValid(); }

    static Freshness freshAt(const QDateTime &when) { return Freshness{when, {}}; }
    static Freshness failed(const KafkaError &why, const QDateTime &lastGood = {}) { return Freshness{lastGood, why}; }
};

}   // namespace cohort
