// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagPoint.h"

#include <QList>

#include <array>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace cohort {

// One lag series (a group, a topic of a group, or a partition) in three ring
// buffers (LagTier): a point per 5 s for an hour, per minute for a day, per 10
// minutes for a week. Each coarser tier is filled from the finer one: the last
// point of each of its buckets, taken when a later bucket begins (offsets of a
// group or topic are sums at one time, so the point stays a sum). Two samples
// in one 5 s bucket keep the later. Points are stored packed (a 32-bit time
// from a base, log starts only for partition series) so that a day of a few
// thousand series fits in a few hundred megabytes.
class LagTieredSeries
{
public:
    static constexpr int kTierCount = 3;
    static qint64 bucketMs(LagTier tier);
    static int capacity(LagTier tier);
    // How far back a tier reaches: bucket × capacity.
    static qint64 spanMs(LagTier tier) { return bucketMs(tier) * capacity(tier); }

    // withLogStart: keep the log start offset of each point (partition series).
    explicit LagTieredSeries(bool withLogStart = false);

    // A new sample, later than every earlier one (an older one is dropped);
    // returns the points that entered a tier, the 5 s one first.
    QList<std::pair<LagTier, LagPoint>> add(const LagPoint &point);
    // A point stored by an earlier run, put into its tier as it was.
    void restore(LagTier tier, const LagPoint &point);

    // The points of the finest tier reaching back to fromMs (the coarsest
    // otherwise), in [fromMs, toMs], oldest first; from a coarser tier, the
    // latest sample of its bucket still open is added at the end.
    QList<LagPoint> points(qint64 fromMs, qint64 toMs) const;
    QList<LagPoint> tierPoints(LagTier tier, qint64 fromMs, qint64 toMs) const;
    // The last `count` lags of the 5 s tier, oldest first.
    QList<qint64> recentLag(int count) const;
    std::optional<LagPoint> latest() const;
    int size(LagTier tier) const;
    // Whether a tier keeps its numbers whole, not packed (for tests: both
    // forms must give the same points).
    bool isWide(LagTier tier) const { return m_rings[int(tier)].isWide(); }
    bool isEmpty() const { return size(LagTier::FiveSeconds) == 0 && size(LagTier::OneMinute) == 0 && size(LagTier::TenMinutes) == 0; }

private:
    // A ring of packed points: 16 bytes each, the time back to a base time
    // and the offsets from base offsets in 32 bits, rebased when a point
    // would not fit (times span at most a week, sums move by far less than
    // two billion in that time for most series). A series is kept for every
    // group and every topic of a group, 2,160 points each over a day: at
    // 10,000 groups this is most of the history's memory. A ring whose
    // numbers do not fit even then keeps them whole from then on.
    class Ring
    {
    public:
        void setCapacity(int capacity, bool withLogStart);
        int size() const { return int(m_wide.empty() ? m_points.size() : m_wide.size()); }
        LagPoint at(int i) const;   // 0 = oldest
        void append(const LagPoint &p);
        void replaceLast(const LagPoint &p);
        std::optional<qint64> lastTime() const;
        // Whether the numbers are kept whole (for tests: both forms must agree).
        bool isWide() const { return !m_wide.empty(); }

    private:
        struct Packed
        {
            quint32 dtMs;       // from m_base
            qint32 end;         // from m_baseEnd; kUnknown: -1
            qint32 committed;   // from m_baseCommitted; kUnknown: -1
            quint32 lag;        // kUnknownLag: -1
        };
        struct Whole
        {
            qint64 timeMs, end, committed, lag;
        };
        static constexpr qint32 kUnknown = std::numeric_limits<qint32>::min();
        static constexpr quint32 kUnknownLag = std::numeric_limits<quint32>::max();
        int physical(int i) const
        {
            return (m_head + i) % m_capacity;
        }
        LagPoint atPhysical(int k) const;
        std::optional<Packed> pack(const LagPoint &p) const;
        // Puts p at physical slot k (k == size(): a new one), rebasing or
        // keeping the numbers whole when it does not fit.
        void store(int k, const LagPoint &p);
        // The bases moved to the oldest point's time and the middle of the
        // offsets kept (with `around`, the point about to go to slot `skip`),
        // every point packed again; false (nothing changed) when one does not fit.
        bool rebase(const LagPoint &around, int skip);
        void widen();

        std::vector<Packed> m_points;
        std::vector<Whole> m_wide;         // instead of m_points once a ring did not fit
        std::vector<qint64> m_logStarts;   // only with log starts
        int m_capacity = 0;
        int m_head = 0;   // index of the oldest once full
        bool m_withLogStart = false;
        qint64 m_base = 0;
        qint64 m_baseEnd = 0;
        qint64 m_baseCommitted = 0;
    };

    void commit(int tier, const LagPoint &p, QList<std::pair<LagTier, LagPoint>> &added);
    // Offers a point that entered tier `finer` to the next coarser tier.
    void offer(int coarser, const LagPoint &p, QList<std::pair<LagTier, LagPoint>> &added);

    std::array<Ring, kTierCount> m_rings;
    // The latest point of the bucket still open for the 1 min and 10 min tiers.
    std::array<std::optional<LagPoint>, kTierCount> m_open;
};

}   // namespace cohort
