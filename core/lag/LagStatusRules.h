// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace cohort {

// Burrow's lag evaluation (what-users-compare.md, "Burrow"): a partition's
// status from a window of its consumer's recent commits, and a group's from
// its partitions. Pure functions over the samples Cohort already collects on
// every refresh; the window is the last `intervals` commits (Burrow: 10).
namespace LagStatusRules {

enum class Status { Ok, Warn, Err, Stop, Stall, Rewind };

QString name(Status s);   // "OK", "WARN", "ERR", "STOP", "STALL", "REWIND" (Burrow's spelling)

// One commit as seen by a refresh: when, the committed offset, and the lag at
// that time (end offset − committed offset).
struct Commit
{
    qint64 timestampMs = 0;
    qint64 offset = 0;
    qint64 lag = 0;
};

// The status of one partition. `window` is oldest first; `currentLag` is the
// lag now; `allowedLag` counts as caught up (Burrow's threshold, default 0).
// A partition caught up now, or at any point of the window, is OK. Otherwise,
// in this order: REWIND if an offset went back, STOP if no commit came for
// longer than the window spans, STALL if the offset never moved, WARN if the
// lag never went down; else OK. A window of fewer than two commits is OK:
// there is nothing to judge yet (Burrow waits for its window to fill too).
// Cohort cannot see commit times (OffsetFetch has none), so a caller records
// a commit when a refresh sees the committed offset change; a consumer that
// keeps committing the same offset then looks stopped rather than stalled
// unless the caller adds a sample for it (e.g. while the group is Stable).
Status partitionStatus(const QList<Commit> &window, qint64 currentLag, qint64 nowMs, qint64 allowedLag = 0);

// A group takes its worst partition: STOP, STALL and REWIND make it ERR,
// WARN makes it WARN, else OK.
Status groupStatus(const QList<Status> &partitions);

}   // namespace LagStatusRules
}   // namespace cohort
