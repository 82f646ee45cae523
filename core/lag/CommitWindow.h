// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagStatusRules.h"
#include "core/lag/TimeLagEstimator.h"

#include <QList>

#include <array>
#include <memory>
#include <optional>

namespace cohort {

// Burrow's window of one partition: its consumer's last kIntervals commits, as
// LagStatusRules judges them (with the partition's recent end offsets, which
// the partition's PartitionOffsetsTrack keeps for every group reading it).
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
    std::optional<LagStatusRules::Commit> last() const;
    bool hasCommits() const { return m_commitCount > 0; }
    // The newest commit's offset: the committed offset last observed (every
    // change is a commit). Only with hasCommits().
    qint64 lastOffset() const { return m_baseOffset; }
    // When the committed offset last changed (or was first seen): the commit
    // that moved it, in the window or the move pushed out (told from the
    // commits, not kept: a million windows). Only with hasCommits().
    qint64 lastMoveMs() const;
    // Burrow's rules over the window; recentEndOffsets: the partition's last
    // kIntervals end offsets, oldest first (PartitionOffsetsTrack keeps them
    // once for every group reading the partition, as Burrow keeps the
    // broker's offsets per partition, not per consumer).
    LagStatusRules::Status status(qint64 currentLag, qint64 nowMs, qint64 allowedLag, const QList<qint64> &recentEndOffsets) const;
    // Records/s the committed offset advanced over the last windowMs up to
    // latestMs (the latest refresh, which the owner keeps: at or after the
    // last observe()), after the last time it went back. The commits are
    // where it moved (and stood still under a live consumer), and the last
    // move pushed out of the window is kept, so the offset at any time since
    // then is known and no per-refresh samples are kept: the offset at the
    // window's start is the last commit before it, or the oldest known when
    // the window reaches further back. nullopt before two refreshes or when
    // no time passed.
    std::optional<double> advanceRate(qint64 windowMs, qint64 latestMs) const;
    void clear();

    // Whether the numbers are kept whole (for tests: both forms must agree).
    bool isWide() const { return m_wide.full != nullptr; }

private:
    // A commit (a lag of -1: unknown), as the rules' logic works on it.
    struct Stored
    {
        qint64 timestampMs = 0;
        qint64 offset = 0;
        qint64 lag = -1;
    };
    // The window unpacked: what observe() changes.
    struct Full
    {
        std::array<Stored, LagStatusRules::kIntervals> commits{};
        // The newest commit pushed out of the window that moved the offset
        // (the ones after it stood at its offset): where the rate's history starts.
        Stored evictedMove{};
    };
    // Kept for every partition of every group (a million at scale), so
    // packed: each commit in one 64-bit word of numbers back from the
    // newest commit's (time 22 bits: 69 minutes; offset and lag 21 bits
    // signed: a million records either way), as a live consumer's window
    // spans a minute or two of refreshes. The move pushed out of the window
    // keeps only its time and offset (the rate's start), 32 bits each, as it
    // may lie hours back (a live consumer of an idle partition). A window
    // whose numbers do not fit keeps them whole instead.
    using Packed = quint64;
    struct PackedMove
    {
        quint32 agoMs = 0;
        qint32 offsetDelta = 0;
    };
    static constexpr int kAgoBits = 22, kDeltaBits = 21;
    static constexpr qint64 kMaxAgo = (qint64(1) << kAgoBits) - 1;
    static constexpr qint64 kMaxDelta = (qint64(1) << (kDeltaBits - 1)) - 1;
    static constexpr qint64 kUnknownLagDelta = -(qint64(1) << (kDeltaBits - 1));   // the lag's: unknown
    // The whole numbers when they do not fit, on the heap (most windows
    // never need them); a copy of the window copies them.
    struct WideNumbers
    {
        std::unique_ptr<Full> full;
        WideNumbers() = default;
        WideNumbers(const WideNumbers &o) : full(o.full ? std::make_unique<Full>(*o.full) : nullptr) { }
        WideNumbers &operator=(const WideNumbers &o)
        {
            full = o.full ? std::make_unique<Full>(*o.full) : nullptr;
            return *this;
        }
        WideNumbers(WideNumbers &&) noexcept = default;
        WideNumbers &operator=(WideNumbers &&) noexcept = default;
    };

    LagStatusRules::Commit commitAt(int i) const;   // 0 = oldest
    Stored storedAt(int physical) const;
    Stored evictedMove() const;
    qint64 endAt(int physical) const;
    Full unpack() const;
    void pack(const Full &f);
    Stored unpackOne(Packed p) const;
    bool packOne(const Stored &s, Packed &out) const;
    // What lags are counted from: the newest commit's, 0 when unknown.
    qint64 lagBase() const { return qMax<qint64>(0, m_baseLag); }

    qint64 m_baseMs = 0;       // the newest commit's time,
    qint64 m_baseOffset = 0;   // offset
    qint64 m_baseLag = -1;     // and lag (-1 unknown)
    std::array<Packed, LagStatusRules::kIntervals> m_commits{};
    PackedMove m_evictedMove{};
    WideNumbers m_wide;   // set when the numbers do not fit the packing
    // Ring positions and flags in bytes, side by side.
    static_assert(LagStatusRules::kIntervals < 128);
    qint8 m_commitCount = 0, m_commitHead = 0;
    qint8 m_observations = 0;   // refreshes seen, counted up to 2
    bool m_hasEvictedMove = false;
    bool m_onlyActiveFirstSight = false;
};

}   // namespace cohort
