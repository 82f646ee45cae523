// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/LagTieredSeries.h"

#include <algorithm>
#include <limits>

namespace cohort {

namespace {

constexpr std::array<qint64, LagTieredSeries::kTierCount> kBucketMs{5000, 60000, 600000};
constexpr std::array<int, LagTieredSeries::kTierCount> kCapacity{720, 1440, 1008};

qint64 bucketOf(qint64 timeMs, int tier)
{
    // Floor division: times before the epoch are not expected, but stay ordered.
    const qint64 b = kBucketMs[tier];
    return timeMs >= 0 ? timeMs / b : (timeMs - b + 1) / b;
}

}   // namespace

qint64 LagTieredSeries::bucketMs(LagTier tier)
{
    return kBucketMs[int(tier)];
}

int LagTieredSeries::capacity(LagTier tier)
{
    return kCapacity[int(tier)];
}

LagTieredSeries::LagTieredSeries(bool withLogStart)
{
    for (int t = 0; t < kTierCount; ++t)
        m_rings[t].setCapacity(kCapacity[t], withLogStart);
}

void LagTieredSeries::Ring::setCapacity(int capacity, bool withLogStart)
{
    m_capacity = capacity;
    m_withLogStart = withLogStart;
}

LagPoint LagTieredSeries::Ring::at(int i) const
{
    const int k = physical(i);
    const Packed &p = m_points[k];
    LagPoint out;
    out.timeMs = m_base + p.dtMs;
    out.endOffset = p.end;
    out.committedOffset = p.committed;
    out.lag = p.lag;
    out.logStartOffset = m_withLogStart ? m_logStarts[k] : -1;
    return out;
}

std::optional<qint64> LagTieredSeries::Ring::lastTime() const
{
    if (m_points.empty())
        return std::nullopt;
    return m_base + m_points[physical(size() - 1)].dtMs;
}

void LagTieredSeries::Ring::rebase(qint64 newBase)
{
    for (Packed &p : m_points)
        p.dtMs = qint32(m_base + p.dtMs - newBase);
    m_base = newBase;
}

LagTieredSeries::Ring::Packed LagTieredSeries::Ring::pack(const LagPoint &p)
{
    if (m_points.empty())
        m_base = p.timeMs;
    else if (p.timeMs - m_base > std::numeric_limits<qint32>::max())
        rebase(at(0).timeMs);
    return Packed{qint32(p.timeMs - m_base), p.endOffset, p.committedOffset, p.lag};
}

void LagTieredSeries::Ring::append(const LagPoint &p)
{
    if (int(m_points.size()) < m_capacity) {
        if (m_points.size() == m_points.capacity()) {
            // Grow by doubling, but never past the ring's size: a full day is most of the memory.
            const size_t next = std::min<size_t>(size_t(m_capacity), std::max<size_t>(16, m_points.capacity() * 2));
            m_points.reserve(next);
            if (m_withLogStart)
                m_logStarts.reserve(next);
        }
        const Packed packed = pack(p);
        m_points.push_back(packed);
        if (m_withLogStart)
            m_logStarts.push_back(p.logStartOffset);
        return;
    }
    // Full: the oldest goes; rebase on what remains before packing.
    m_head = (m_head + 1) % m_capacity;
    const int slot = physical(size() - 1);
    if (size() > 1 && p.timeMs - m_base > std::numeric_limits<qint32>::max())
        rebase(at(0).timeMs);
    m_points[slot] = Packed{qint32(p.timeMs - m_base), p.endOffset, p.committedOffset, p.lag};
    if (m_withLogStart)
        m_logStarts[slot] = p.logStartOffset;
}

void LagTieredSeries::Ring::replaceLast(const LagPoint &p)
{
    const int slot = physical(size() - 1);
    if (p.timeMs - m_base > std::numeric_limits<qint32>::max())
        rebase(at(0).timeMs);
    m_points[slot] = Packed{qint32(p.timeMs - m_base), p.endOffset, p.committedOffset, p.lag};
    if (m_withLogStart)
        m_logStarts[slot] = p.logStartOffset;
}

void LagTieredSeries::commit(int tier, const LagPoint &p, QList<std::pair<LagTier, LagPoint>> &added)
{
    m_rings[tier].append(p);
    added.append({LagTier(tier), p});
    if (tier + 1 < kTierCount)
        offer(tier + 1, p, added);
}

void LagTieredSeries::offer(int coarser, const LagPoint &p, QList<std::pair<LagTier, LagPoint>> &added)
{
    std::optional<LagPoint> &open = m_open[coarser];
    if (open && bucketOf(open->timeMs, coarser) != bucketOf(p.timeMs, coarser)) {
        const LagPoint closed = *open;
        open = p;
        commit(coarser, closed, added);
        return;
    }
    open = p;
}

QList<std::pair<LagTier, LagPoint>> LagTieredSeries::add(const LagPoint &point)
{
    QList<std::pair<LagTier, LagPoint>> added;
    Ring &fine = m_rings[0];
    const std::optional<qint64> last = fine.lastTime();
    if (last && point.timeMs <= *last)
        return added;   // not newer than what is held
    if (last && bucketOf(*last, 0) == bucketOf(point.timeMs, 0)) {
        // Same 5 s bucket: the later sample stands for it.
        fine.replaceLast(point);
        added.append({LagTier::FiveSeconds, point});
        m_open[1] = point;
        return added;
    }
    commit(0, point, added);
    return added;
}

void LagTieredSeries::restore(LagTier tier, const LagPoint &point)
{
    Ring &ring = m_rings[int(tier)];
    const std::optional<qint64> last = ring.lastTime();
    if (last && point.timeMs <= *last)
        return;
    if (last && bucketOf(*last, int(tier)) == bucketOf(point.timeMs, int(tier)))
        ring.replaceLast(point);
    else
        ring.append(point);
}

QList<LagPoint> LagTieredSeries::tierPoints(LagTier tier, qint64 fromMs, qint64 toMs) const
{
    const Ring &ring = m_rings[int(tier)];
    QList<LagPoint> out;
    // Binary search for the first point at or after fromMs: rings are in time order.
    int lo = 0, hi = ring.size();
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (ring.at(mid).timeMs < fromMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo; i < ring.size(); ++i) {
        const LagPoint p = ring.at(i);
        if (p.timeMs > toMs)
            break;
        out.append(p);
    }
    return out;
}

QList<LagPoint> LagTieredSeries::points(qint64 fromMs, qint64 toMs) const
{
    // The finest tier reaching back to fromMs; when none does, the one
    // reaching back furthest.
    int tier = -1;
    for (int t = 0; t < kTierCount && tier < 0; ++t)
        if (m_rings[t].size() > 0 && m_rings[t].at(0).timeMs <= fromMs)
            tier = t;
    if (tier < 0) {
        for (int t = 0; t < kTierCount; ++t)
            if (m_rings[t].size() > 0 && (tier < 0 || m_rings[t].at(0).timeMs < m_rings[tier].at(0).timeMs))
                tier = t;
    }
    if (tier < 0)
        return {};
    QList<LagPoint> out = tierPoints(LagTier(tier), fromMs, toMs);
    if (tier > 0) {
        // The bucket still open is not in the coarse tier yet: its latest sample is.
        const std::optional<LagPoint> latestFine = latest();
        if (latestFine && latestFine->timeMs >= fromMs && latestFine->timeMs <= toMs
            && (out.isEmpty() || out.last().timeMs < latestFine->timeMs))
            out.append(*latestFine);
    }
    return out;
}

QList<qint64> LagTieredSeries::recentLag(int count) const
{
    const Ring &ring = m_rings[0];
    QList<qint64> out;
    for (int i = qMax(0, ring.size() - count); i < ring.size(); ++i)
        out.append(ring.at(i).lag);
    return out;
}

std::optional<LagPoint> LagTieredSeries::latest() const
{
    for (int t = 0; t < kTierCount; ++t)
        if (m_rings[t].size() > 0)
            return m_rings[t].at(m_rings[t].size() - 1);
    return std::nullopt;
}

int LagTieredSeries::size(LagTier tier) const
{
    return m_rings[int(tier)].size();
}

}   // namespace cohort
