// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagStatusRules.h"
#include "core/lag/TimeLagEstimator.h"

#include <QList>

#include <array>
#include <optional>

namespace cohort {

// Burrow's window of one partition: its consumer's last kIntervals commits and
// the partition's last kIntervals end offsets, as LagStatusRules judges them.
// OffsetFetch carries no commit time, so a refresh counts as a commit when the
// committed offset changed since the last one, when it is the first seen, or
// when the group has a member that owns the partition: a live consumer
// committing the same offset is then STALL (once a whole window of refreshes
// saw it stand still: status()), a group without one STOP. Fixed
// arrays: kept for every partition of every group. An offset first seen
// without a live consumer counts as committed before Cohort looked (so a
// group stopped with lag is STOP at once); first seen with one, it is judged
// from the next refresh on (Burrow would call one fresh commit STALL).
class CommitWindow
{
public:
    // One refresh's view: the committed offset, the end offset (nullopt:
    // unknown), whether a live consumer owns the partition. True when it
    // counted as a commit.
    bool observe(qint64 timeMs, qint64 committedOffset, std::optional<qint64> endOffset, bool consumerActive);

    QList<LagStatusRules::Commit> commits() const;   // oldest first
    QList<qint64> recentEndOffsets() const;          // oldest first
    std::optional<LagStatusRules::Commit> last() const;
    // When the committed offset last changed (or was first seen).
    qint64 lastMoveMs() const { return m_lastMoveMs; }
    LagStatusRules::Status status(qint64 currentLag, qint64 nowMs, qint64 allowedLag = 0) const;
    // Records/s the committed offset advanced over the last windowMs up to
    // the latest refresh, after the last time it went back. The commits are
    // where it moved (and stood still under a live consumer), and the last
    // move pushed out of the window is kept, so the offset at any time since
    // then is known and no per-refresh samples are kept: the offset at the
    // window's start is the last commit before it, or the oldest known when
    // the window reaches further back. nullopt before two refreshes or when
    // no time passed.
    std::optional<double> advanceRate(qint64 windowMs) const;
    void clear();

private:
    // A commit packed (a lag of -1: unknown): kept for every partition of every group.
    struct Stored
    {
        qint64 timestampMs;
        qint64 offset;
        qint64 lag;
    };
    LagStatusRules::Commit commitAt(int i) const;   // 0 = oldest

    std::array<Stored, LagStatusRules::kIntervals> m_commits{};
    // The newest commit pushed out of the window that moved the offset (the
    // ones after it stood at its offset): where the rate's history starts.
    Stored m_evictedMove{};
    std::array<qint64, LagStatusRules::kIntervals> m_ends{};
    std::optional<qint64> m_lastSeen;
    qint64 m_lastMoveMs = 0;
    qint64 m_lastObservedMs = 0;
    // Ring positions and flags in bytes, side by side: a window per
    // partition of every group.
    static_assert(LagStatusRules::kIntervals < 128);
    qint8 m_commitCount = 0, m_commitHead = 0;
    qint8 m_endCount = 0, m_endHead = 0;
    qint8 m_observations = 0;   // refreshes seen, counted up to 2
    bool m_hasEvictedMove = false;
    bool m_onlyActiveFirstSight = false;
};

}   // namespace cohort
