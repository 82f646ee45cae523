// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagPoint.h"

#include <QList>

#include <array>
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
    bool isEmpty() const { return size(LagTier::FiveSeconds) == 0 && size(LagTier::OneMinute) == 0 && size(LagTier::TenMinutes) == 0; }

private:
    // A ring of packed points with times as 32-bit offsets from a base,
    // rebased when they would overflow (the ring spans at most a week).
    class Ring
    {
    public:
        void setCapacity(int capacity, bool withLogStart);
        int size() const { return int(m_points.size()); }
        LagPoint at(int i) const;   // 0 = oldest
        void append(const LagPoint &p);
        void replaceLast(const LagPoint &p);
        std::optional<qint64> lastTime() const;

    private:
#pragma pack(push, 4)
        struct Packed
        {
            qint32 dtMs;
            qint64 end;
            qint64 committed;
            qint64 lag;
        };
#pragma pack(pop)
        int physical(int i) const
        {
            return (m_head + i) % m_capacity;
        }
        void rebase(qint64 newBase);
        Packed pack(const LagPoint &p);

        std::vector<Packed> m_points;
        std::vector<qint64> m_logStarts;   // only with log starts
        int m_capacity = 0;
        int m_head = 0;   // index of the oldest once full
        bool m_withLogStart = false;
        qint64 m_base = 0;
    };

    void commit(int tier, const LagPoint &p, QList<std::pair<LagTier, LagPoint>> &added);
    // Offers a point that entered tier `finer` to the next coarser tier.
    void offer(int coarser, const LagPoint &p, QList<std::pair<LagTier, LagPoint>> &added);

    std::array<Ring, kTierCount> m_rings;
    // The latest point of the bucket still open for the 1 min and 10 min tiers.
    std::array<std::optional<LagPoint>, kTierCount> m_open;
};

}   // namespace cohort
