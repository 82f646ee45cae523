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
    const bool firstSight = !m_lastSeen;
    const bool moved = firstSight || *m_lastSeen != committedOffset;
    if (moved)
        m_lastMoveMs = timeMs;
    m_lastSeen = committedOffset;
    if (!moved && !consumerActive)
        return false;
    LagStatusRules::Commit c;
    // Without a live consumer, an offset first seen was committed before
    // Cohort looked; with one, it may have been committed just now.
    c.timestampMs = firstSight && !consumerActive ? timeMs - 1 : timeMs;
    m_onlyActiveFirstSight = firstSight && consumerActive;
    c.offset = committedOffset;
    c.lagKnown = endOffset.has_value();
    c.lag = endOffset ? qMax<qint64>(0, *endOffset - committedOffset) : 0;
    const int n = LagStatusRules::kIntervals;
    m_commits[(m_commitHead + m_commitCount) % n] = c;
    if (m_commitCount < n)
        ++m_commitCount;
    else
        m_commitHead = (m_commitHead + 1) % n;
    return true;
}

QList<LagStatusRules::Commit> CommitWindow::commits() const
{
    QList<LagStatusRules::Commit> out;
    out.reserve(m_commitCount);
    for (int i = 0; i < m_commitCount; ++i)
        out.append(m_commits[(m_commitHead + i) % LagStatusRules::kIntervals]);
    return out;
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
    return m_commits[(m_commitHead + m_commitCount - 1) % LagStatusRules::kIntervals];
}

LagStatusRules::Status CommitWindow::status(qint64 currentLag, qint64 nowMs, qint64 allowedLag) const
{
    if (m_onlyActiveFirstSight && m_commitCount == 1)
        return LagStatusRules::Status::Ok;
    return LagStatusRules::partitionStatus(commits(), currentLag, nowMs, allowedLag, recentEndOffsets());
}

void CommitWindow::clear()
{
    *this = CommitWindow();
}

}   // namespace cohort
