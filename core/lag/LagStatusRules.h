// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace cohort {

// Burrow's lag evaluation (linkedin/Burrow core/internal/evaluator, ported
// rule for rule): a partition's status from a window of its consumer's recent
// commits, and a group's from its partitions. Pure functions over the samples
// Cohort already collects on every refresh; the window is the last
// `kIntervals` commits (Burrow's `intervals`, default 10).
namespace LagStatusRules {

constexpr int kIntervals = 10;

enum class Status { Ok, Warn, Err, Stop, Stall, Rewind };

QString name(Status s);   // "OK", "WARN", "ERR", "STOP", "STALL", "REWIND" (Burrow's spelling)
// For sorting, trouble first: ERR 0, STOP 1, STALL 2, REWIND 3, WARN 4, OK 5.
int troubleRank(Status s);

// One commit as seen by a refresh: when, the committed offset, and the lag at
// that time (end offset − committed offset); lagKnown is false when the end
// offset was not read then (Burrow's nil lag).
struct Commit
{
    qint64 timestampMs = 0;
    qint64 offset = 0;
    qint64 lag = 0;
    bool lagKnown = true;
};

// The status of one partition, Burrow's calculatePartitionStatus. `window`
// is oldest first; `currentLag` is the lag now; `allowedLag` counts as caught
// up (Burrow's allowed-lag, default 0); `recentEndOffsets` are the partition's
// last end offsets (Burrow's broker offsets). Caught up now: OK. Otherwise,
// in this order: STOP when no commit came for longer than the window spans
// (so a single commit while behind is STOP as soon as time passes) unless a
// recent end offset shows the last commit had caught up; REWIND when an offset
// went back and the consumer has not come back to where it was; then, only
// when the lag was above the allowance at every commit of the window, STALL
// when the offset never moved and WARN when the lag never went down; else OK.
// An empty window is OK: there is nothing to judge.
// Cohort cannot see commit times (OffsetFetch has none), so a caller records
// a commit when a refresh sees the committed offset change; a consumer that
// keeps committing the same offset then looks stopped rather than stalled
// unless the caller adds a sample for it (CommitWindow does while the group
// has members that own the partition).
Status partitionStatus(const QList<Commit> &window, qint64 currentLag, qint64 nowMs, qint64 allowedLag = 0,
                       const QList<qint64> &recentEndOffsets = {});

// Burrow's rules one by one (its test cases check each): the lag was above
// the allowance at every commit whose lag is known; the index of the first
// commit whose offset went back, -1 when none; no commit for longer than the
// window spans; the offset never moved; the lag never went down; and a recent
// end offset at or below the last committed offset (caught up recently).
bool lagAlwaysAboveAllowed(const QList<Commit> &window, qint64 allowedLag);
qsizetype rewindIndex(const QList<Commit> &window);
bool rewindRecovered(const QList<Commit> &window, qsizetype rewindIndex);
bool offsetsStopped(const QList<Commit> &window, qint64 nowMs);
bool offsetsStalled(const QList<Commit> &window);
bool lagNotDecreasing(const QList<Commit> &window);
bool recentLagZero(const QList<Commit> &window, const QList<qint64> &recentEndOffsets);

// A group takes its worst partition: STOP, STALL and REWIND make it ERR,
// WARN makes it WARN, else OK.
Status groupStatus(const QList<Status> &partitions);

// How bad a partition status is, for picking a group's worst partition:
// OK < WARN < REWIND < STALL < STOP (ERR ranks with STOP).
int severity(Status s);

}   // namespace LagStatusRules
}   // namespace cohort
