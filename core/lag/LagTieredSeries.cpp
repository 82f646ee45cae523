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
    return atPhysical(physical(i));
}

LagPoint LagTieredSeries::Ring::atPhysical(int k) const
{
    LagPoint out;
    if (!m_wide.empty()) {
        const Whole &w = m_wide[size_t(k)];
        out = LagPoint{w.timeMs, w.end, w.committed, w.lag, -1};
    } else {
        const Packed &p = m_points[size_t(k)];
        out.timeMs = m_base + qint64(p.dtMs);
        out.endOffset = p.end == kUnknown ? -1 : m_baseEnd + p.end;
        out.committedOffset = p.committed == kUnknown ? -1 : m_baseCommitted + p.committed;
        out.lag = p.lag == kUnknownLag ? -1 : qint64(p.lag);
    }
    out.logStartOffset = m_withLogStart ? m_logStarts[size_t(k)] : -1;
    return out;
}

std::optional<qint64> LagTieredSeries::Ring::lastTime() const
{
    if (size() == 0)
        return std::nullopt;
    return atPhysical(physical(size() - 1)).timeMs;
}

std::optional<LagTieredSeries::Ring::Packed> LagTieredSeries::Ring::pack(const LagPoint &p) const
{
    const auto fits32 = [](qint64 v) { return v > std::numeric_limits<qint32>::min() && v <= std::numeric_limits<qint32>::max(); };
    const qint64 dt = p.timeMs - m_base;
    const qint64 end = p.endOffset - m_baseEnd;
    const qint64 committed = p.committedOffset - m_baseCommitted;
    if (dt < 0 || dt > qint64(std::numeric_limits<quint32>::max()) || (p.endOffset >= 0 && !fits32(end))
        || (p.committedOffset >= 0 && !fits32(committed)) || p.lag >= qint64(kUnknownLag))
        return std::nullopt;
    return Packed{quint32(dt), p.endOffset < 0 ? kUnknown : qint32(end), p.committedOffset < 0 ? kUnknown : qint32(committed),
                  p.lag < 0 ? kUnknownLag : quint32(p.lag)};
}

bool LagTieredSeries::Ring::rebase(const LagPoint &around, int skip)
{
    // The points that stay (all but physical slot `skip`, about to be
    // overwritten), oldest first, and the new one last.
    std::vector<LagPoint> all;
    all.reserve(size_t(size()) + 1);
    for (int i = 0; i < size(); ++i)
        if (physical(i) != skip)
            all.push_back(at(i));
    all.push_back(around);
    // Offsets from the middle of what is kept: a span of four billion fits.
    const auto middle = [&all](qint64 LagPoint::*field, qint64 fallback) {
        qint64 lo = std::numeric_limits<qint64>::max(), hi = -1;
        for (const LagPoint &p : all)
            if (p.*field >= 0) {
                lo = qMin(lo, p.*field);
                hi = qMax(hi, p.*field);
            }
        return hi < 0 ? fallback : lo + (hi - lo) / 2;
    };
    Ring moved = *this;
    moved.m_base = qMin(all.front().timeMs, around.timeMs);
    moved.m_baseEnd = middle(&LagPoint::endOffset, m_baseEnd);
    moved.m_baseCommitted = middle(&LagPoint::committedOffset, m_baseCommitted);
    if (!moved.pack(around))
        return false;
    for (int k = 0; k < size(); ++k) {
        if (k == skip)
            continue;
        const std::optional<Packed> p = moved.pack(atPhysical(k));
        if (!p)
            return false;
        moved.m_points[size_t(k)] = *p;
    }
    *this = std::move(moved);
    return true;
}

void LagTieredSeries::Ring::widen()
{
    std::vector<Whole> wide;
    wide.reserve(m_points.capacity());
    for (int k = 0; k < int(m_points.size()); ++k) {
        const LagPoint p = atPhysical(k);
        wide.push_back(Whole{p.timeMs, p.endOffset, p.committedOffset, p.lag});
    }
    m_wide = std::move(wide);
    m_points = {};
}

void LagTieredSeries::Ring::store(int k, const LagPoint &p)
{
    if (m_wide.empty()) {
        if (size() == 0) {
            m_base = p.timeMs;
            m_baseEnd = qMax<qint64>(0, p.endOffset);
            m_baseCommitted = qMax<qint64>(0, p.committedOffset);
        }
        std::optional<Packed> packed = pack(p);
        if (!packed && rebase(p, k))
            packed = pack(p);
        if (!packed)
            widen();
        else if (k == int(m_points.size()))
            m_points.push_back(*packed);
        else
            m_points[size_t(k)] = *packed;
    }
    if (!m_wide.empty()) {
        const Whole w{p.timeMs, p.endOffset, p.committedOffset, p.lag};
        if (k == int(m_wide.size()))
            m_wide.push_back(w);
        else
            m_wide[size_t(k)] = w;
    }
    if (m_withLogStart) {
        if (k == int(m_logStarts.size()))
            m_logStarts.push_back(p.logStartOffset);
        else
            m_logStarts[size_t(k)] = p.logStartOffset;
    }
}

void LagTieredSeries::Ring::append(const LagPoint &p)
{
    if (size() < m_capacity) {
        const size_t capacity = m_wide.empty() ? m_points.capacity() : m_wide.capacity();
        if (size_t(size()) == capacity) {
            // Grow by doubling, but never past the ring's size: a full day is most of the memory.
            const size_t next = std::min<size_t>(size_t(m_capacity), std::max<size_t>(16, capacity * 2));
            if (m_wide.empty())
                m_points.reserve(next);
            else
                m_wide.reserve(next);
            if (m_withLogStart)
                m_logStarts.reserve(next);
        }
        store(size(), p);
        return;
    }
    // Full: the oldest goes, the new point takes its slot.
    const int slot = m_head;
    m_head = (m_head + 1) % m_capacity;
    store(slot, p);
}

void LagTieredSeries::Ring::replaceLast(const LagPoint &p)
{
    store(physical(size() - 1), p);
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
