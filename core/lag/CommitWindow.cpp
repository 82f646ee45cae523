// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/CommitWindow.h"

#include <limits>

namespace cohort {

namespace {

// A signed number in the low `bits` bits of a word, back.
qint64 signExtend(quint64 v, int bits)
{
    const quint64 sign = quint64(1) << (bits - 1);
    return qint64((v ^ sign) - sign);
}

}   // namespace

CommitWindow::Stored CommitWindow::unpackOne(Packed p) const
{
    const quint64 field = (quint64(1) << kDeltaBits) - 1;
    const qint64 ago = qint64(p & quint64(kMaxAgo));
    const qint64 offsetDelta = signExtend((p >> kAgoBits) & field, kDeltaBits);
    const qint64 lagDelta = signExtend((p >> (kAgoBits + kDeltaBits)) & field, kDeltaBits);
    return Stored{m_baseMs - ago, m_baseOffset + offsetDelta, lagDelta == kUnknownLagDelta ? -1 : lagBase() + lagDelta};
}

bool CommitWindow::packOne(const Stored &s, Packed &out) const
{
    const qint64 ago = m_baseMs - s.timestampMs;
    const qint64 offsetDelta = s.offset - m_baseOffset;
    const qint64 lagDelta = s.lag < 0 ? kUnknownLagDelta : s.lag - lagBase();
    // (Subtractions of offsets and lags Kafka gives, all below 2^62: no overflow.)
    if (ago < 0 || ago > kMaxAgo || offsetDelta < -kMaxDelta || offsetDelta > kMaxDelta
        || (s.lag >= 0 && (lagDelta < -kMaxDelta || lagDelta > kMaxDelta)))
        return false;
    const quint64 field = (quint64(1) << kDeltaBits) - 1;
    out = quint64(ago) | ((quint64(offsetDelta) & field) << kAgoBits) | ((quint64(lagDelta) & field) << (kAgoBits + kDeltaBits));
    return true;
}

CommitWindow::Stored CommitWindow::storedAt(int physical) const
{
    return m_wide.full ? m_wide.full->commits[size_t(physical)] : unpackOne(m_commits[size_t(physical)]);
}

CommitWindow::Stored CommitWindow::evictedMove() const
{
    if (m_wide.full)
        return m_wide.full->evictedMove;
    return Stored{m_baseMs - qint64(m_evictedMove.agoMs), m_baseOffset + m_evictedMove.offsetDelta, -1};
}

CommitWindow::Full CommitWindow::unpack() const
{
    if (m_wide.full)
        return *m_wide.full;
    Full f;
    const int n = LagStatusRules::kIntervals;
    for (int i = 0; i < m_commitCount; ++i) {
        const int at = (m_commitHead + i) % n;
        f.commits[size_t(at)] = storedAt(at);
    }
    if (m_hasEvictedMove)
        f.evictedMove = evictedMove();
    return f;
}

void CommitWindow::pack(const Full &f)
{
    const int n = LagStatusRules::kIntervals;
    // The bases: the newest commit's time and offset, so the deltas of a
    // window stay small.
    if (m_commitCount > 0) {
        const Stored &newest = f.commits[size_t((m_commitHead + m_commitCount - 1) % n)];
        m_baseMs = newest.timestampMs;
        m_baseOffset = newest.offset;
        m_baseLag = newest.lag;
    } else {
        m_baseMs = 0;
        m_baseOffset = 0;
        m_baseLag = -1;
    }
    bool fits = true;
    for (int i = 0; i < m_commitCount && fits; ++i) {
        const int at = (m_commitHead + i) % n;
        fits = packOne(f.commits[size_t(at)], m_commits[size_t(at)]);
    }
    if (fits && m_hasEvictedMove) {
        const qint64 ago = m_baseMs - f.evictedMove.timestampMs;
        const qint64 delta = f.evictedMove.offset - m_baseOffset;
        fits = ago >= 0 && ago <= std::numeric_limits<quint32>::max() && delta >= std::numeric_limits<qint32>::min()
            && delta <= std::numeric_limits<qint32>::max();
        if (fits)
            m_evictedMove = PackedMove{quint32(ago), qint32(delta)};
    }
    if (fits)
        m_wide.full.reset();
    else if (m_wide.full)
        *m_wide.full = f;
    else
        m_wide.full = std::make_unique<Full>(f);
}

bool CommitWindow::observe(qint64 timeMs, qint64 committedOffset, std::optional<qint64> endOffset, bool consumerActive)
{
    const int n = LagStatusRules::kIntervals;
    m_observations = qMin(m_observations + 1, 2);
    // Every change of the committed offset is a commit, so the newest commit
    // holds the offset last seen (none before the first).
    const bool firstSight = m_commitCount == 0;
    const bool moved = firstSight || storedAt((m_commitHead + m_commitCount - 1) % n).offset != committedOffset;
    if (!moved && !consumerActive)
        return false;
    Full f = unpack();
    Stored c;
    // Without a live consumer, an offset first seen was committed before
    // Cohort looked; with one, it may have been committed just now.
    c.timestampMs = firstSight && !consumerActive ? timeMs - 1 : timeMs;
    m_onlyActiveFirstSight = firstSight && consumerActive;
    c.offset = committedOffset;
    c.lag = endOffset ? qMax<qint64>(0, *endOffset - committedOffset) : -1;
    if (m_commitCount == n) {
        const Stored &out = f.commits[size_t(m_commitHead)];
        if (!m_hasEvictedMove || out.offset != f.evictedMove.offset)
            f.evictedMove = out;
        m_hasEvictedMove = true;
    }
    f.commits[size_t((m_commitHead + m_commitCount) % n)] = c;
    if (m_commitCount < n)
        ++m_commitCount;
    else
        m_commitHead = (m_commitHead + 1) % n;
    pack(f);
    return true;
}

LagStatusRules::Commit CommitWindow::commitAt(int i) const
{
    const Stored s = storedAt((m_commitHead + i) % LagStatusRules::kIntervals);
    LagStatusRules::Commit c;
    c.timestampMs = s.timestampMs;
    c.offset = s.offset;
    c.lagKnown = s.lag >= 0;
    c.lag = qMax<qint64>(0, s.lag);
    return c;
}

QList<LagStatusRules::Commit> CommitWindow::commits() const
{
    QList<LagStatusRules::Commit> out;
    out.reserve(m_commitCount);
    for (int i = 0; i < m_commitCount; ++i)
        out.append(commitAt(i));
    return out;
}

std::optional<double> CommitWindow::advanceRate(qint64 windowMs, qint64 latestMs) const
{
    if (m_observations < 2 || m_commitCount == 0)
        return std::nullopt;
    // The last move pushed out, the commits, then the latest refresh (the
    // offset stood there since).
    std::array<TimeLagEstimator::Sample, LagStatusRules::kIntervals + 2> points;
    int n = 0;
    if (m_hasEvictedMove) {
        const Stored e = evictedMove();
        points[n++] = {e.timestampMs, e.offset};
    }
    for (int i = 0; i < m_commitCount; ++i) {
        const Stored s = storedAt((m_commitHead + i) % LagStatusRules::kIntervals);
        points[n++] = {s.timestampMs, s.offset};
    }
    if (const TimeLagEstimator::Sample newest = points[n - 1]; latestMs > newest.timestampMs)
        points[n++] = {latestMs, newest.offset};   // the offset last seen: the newest commit's
    const int first = int(TimeLagEstimator::afterLastReset(std::span(points.data(), n)));
    const qint64 from = latestMs - windowMs;
    int k = first;   // the offset at the window's start: the last commit at or before it
    for (int i = first + 1; i < n - 1 && points[i].timestampMs <= from; ++i)
        k = i;
    if (k >= n - 1)
        return std::nullopt;
    // The offset stood at points[k] from its time on, so from the window's start too.
    return TimeLagEstimator::ratePerSecond({qMax(points[k].timestampMs, from), points[k].offset}, points[n - 1]);
}

qint64 CommitWindow::lastMoveMs() const
{
    const int n = LagStatusRules::kIntervals;
    // The newest commit whose offset differs from the one before it; when
    // the whole window stood at one offset, the move pushed out (it is at
    // that offset, the ones pushed out after it stood there too), or the
    // oldest commit when it was the first seen.
    for (int i = m_commitCount - 1; i > 0; --i)
        if (storedAt((m_commitHead + i) % n).offset != storedAt((m_commitHead + i - 1) % n).offset)
            return storedAt((m_commitHead + i) % n).timestampMs;
    const Stored oldest = storedAt(m_commitHead);
    if (m_hasEvictedMove) {
        const Stored e = evictedMove();
        if (e.offset == oldest.offset)
            return e.timestampMs;
    }
    return oldest.timestampMs;
}

std::optional<LagStatusRules::Commit> CommitWindow::last() const
{
    if (m_commitCount == 0)
        return std::nullopt;
    return commitAt(m_commitCount - 1);
}

LagStatusRules::Status CommitWindow::status(qint64 currentLag, qint64 nowMs, qint64 allowedLag, const QList<qint64> &recentEndOffsets) const
{
    if (m_onlyActiveFirstSight && m_commitCount == 1)
        return LagStatusRules::Status::Ok;
    const LagStatusRules::Status s = LagStatusRules::partitionStatus(commits(), currentLag, nowMs, allowedLag, recentEndOffsets);
    // Burrow sees real commits: a live Java consumer re-commits a stuck
    // offset every auto-commit interval, so two equal commits mean stuck.
    // Here an unchanged offset under a live consumer counts as a commit at
    // every refresh, also for one that commits less often than Cohort
    // refreshes (librdkafka commits only offsets that moved), which would be
    // STALL right after Cohort starts. So STALL needs a whole window of
    // refreshes without a move.
    if (s == LagStatusRules::Status::Stall && m_commitCount < LagStatusRules::kIntervals)
        return LagStatusRules::Status::Ok;
    return s;
}

void CommitWindow::clear()
{
    *this = CommitWindow();
}

}   // namespace cohort
