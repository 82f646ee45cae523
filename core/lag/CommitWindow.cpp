// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/CommitWindow.h"

namespace cohort {

bool CommitWindow::observe(qint64 timeMs, qint64 committedOffset, std::optional<qint64> endOffset, bool consumerActive)
{
    if (endOffset) {
        const int n = LagStatusRules::kIntervals;
        m_ends[(m_endHead + m_endCount) % n] = *endOffset;
        if (m_endCount < n)
            ++m_endCount;
        else
            m_endHead = (m_endHead + 1) % n;
    }
    m_lastObservedMs = timeMs;
    m_observations = qMin(m_observations + 1, 2);
    const bool firstSight = !m_lastSeen;
    const bool moved = firstSight || *m_lastSeen != committedOffset;
    if (moved)
        m_lastMoveMs = timeMs;
    m_lastSeen = committedOffset;
    if (!moved && !consumerActive)
        return false;
    Stored c;
    // Without a live consumer, an offset first seen was committed before
    // Cohort looked; with one, it may have been committed just now.
    c.timestampMs = firstSight && !consumerActive ? timeMs - 1 : timeMs;
    m_onlyActiveFirstSight = firstSight && consumerActive;
    c.offset = committedOffset;
    c.lag = endOffset ? qMax<qint64>(0, *endOffset - committedOffset) : -1;
    const int n = LagStatusRules::kIntervals;
    if (m_commitCount == n) {
        const Stored &out = m_commits[m_commitHead];
        if (!m_hasEvictedMove || out.offset != m_evictedMove.offset)
            m_evictedMove = out;
        m_hasEvictedMove = true;
    }
    m_commits[(m_commitHead + m_commitCount) % n] = c;
    if (m_commitCount < n)
        ++m_commitCount;
    else
        m_commitHead = (m_commitHead + 1) % n;
    return true;
}

LagStatusRules::Commit CommitWindow::commitAt(int i) const
{
    const Stored &s = m_commits[(m_commitHead + i) % LagStatusRules::kIntervals];
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

std::optional<double> CommitWindow::advanceRate(qint64 windowMs) const
{
    if (m_observations < 2 || m_commitCount == 0)
        return std::nullopt;
    // The last move pushed out, the commits, then the latest refresh (the
    // offset stood there since).
    std::array<TimeLagEstimator::Sample, LagStatusRules::kIntervals + 2> points;
    int n = 0;
    if (m_hasEvictedMove)
        points[n++] = {m_evictedMove.timestampMs, m_evictedMove.offset};
    for (int i = 0; i < m_commitCount; ++i) {
        const Stored &s = m_commits[(m_commitHead + i) % LagStatusRules::kIntervals];
        points[n++] = {s.timestampMs, s.offset};
    }
    if (m_lastObservedMs > points[n - 1].timestampMs)
        points[n++] = {m_lastObservedMs, *m_lastSeen};
    const int first = int(TimeLagEstimator::afterLastReset(std::span(points.data(), n)));
    const qint64 from = m_lastObservedMs - windowMs;
    int k = first;   // the offset at the window's start: the last commit at or before it
    for (int i = first + 1; i < n - 1 && points[i].timestampMs <= from; ++i)
        k = i;
    if (k >= n - 1)
        return std::nullopt;
    // The offset stood at points[k] from its time on, so from the window's start too.
    return TimeLagEstimator::ratePerSecond({qMax(points[k].timestampMs, from), points[k].offset}, points[n - 1]);
}

QList<qint64> CommitWindow::recentEndOffsets() const
{
    QList<qint64> out;
    out.reserve(m_endCount);
    for (int i = 0; i < m_endCount; ++i)
        out.append(m_ends[(m_endHead + i) % LagStatusRules::kIntervals]);
    return out;
}

std::optional<LagStatusRules::Commit> CommitWindow::last() const
{
    if (m_commitCount == 0)
        return std::nullopt;
    return commitAt(m_commitCount - 1);
}

LagStatusRules::Status CommitWindow::status(qint64 currentLag, qint64 nowMs, qint64 allowedLag) const
{
    if (m_onlyActiveFirstSight && m_commitCount == 1)
        return LagStatusRules::Status::Ok;
    const LagStatusRules::Status s = LagStatusRules::partitionStatus(commits(), currentLag, nowMs, allowedLag, recentEndOffsets());
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
