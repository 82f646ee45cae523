// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionLagTrack.h"

namespace cohort {

PartitionLagTrack::PartitionLagTrack()
    : m_offsets(std::make_shared<PartitionOffsetsTrack>())
{ }

PartitionLagTrack::PartitionLagTrack(std::shared_ptr<PartitionOffsetsTrack> offsets)
    : m_offsets(std::move(offsets))
    , m_resetsSeen(m_offsets->resets())
{ }

bool PartitionLagTrack::add(const Sample &sample, bool consumerActive)
{
    if (m_timeMs >= 0 && sample.timeMs <= m_timeMs)
        return false;
    // The first group to bring this time feeds the shared end offsets; a
    // reset seen there (by it or by another group) restarts this one too.
    m_offsets->add(sample.timeMs, sample.endOffset, sample.logStartOffset);
    bool reset = m_offsets->resets() != m_resetsSeen;
    if (!reset && m_endOffset >= 0 && sample.endOffset >= 0 && sample.endOffset < m_endOffset)
        reset = true;   // went back since this group's last look, already seen by the shared track
    if (reset) {
        m_window.clear();
        m_resetsSeen = m_offsets->resets();
    }
    m_timeMs = sample.timeMs;
    m_endOffset = sample.endOffset;
    m_committed = sample.committedOffset >= 0;
    m_logStartOffset = sample.logStartOffset;
    if (sample.committedOffset >= 0)
        m_window.observe(sample.timeMs, sample.committedOffset,
                         sample.endOffset >= 0 ? std::optional<qint64>(sample.endOffset) : std::nullopt, consumerActive);
    return reset;
}

std::optional<PartitionLagTrack::Sample> PartitionLagTrack::latest() const
{
    if (m_timeMs < 0)
        return std::nullopt;
    return Sample{m_timeMs, m_endOffset, m_committed ? m_window.lastOffset() : -1, m_logStartOffset};
}

std::optional<double> PartitionLagTrack::consumeRate(qint64 windowMs) const
{
    return m_window.advanceRate(windowMs, m_timeMs);
}

LagStatusRules::Status PartitionLagTrack::status(qint64 currentLag, qint64 nowMs, qint64 allowedLag) const
{
    if (currentLag <= allowedLag || !m_window.hasCommits())
        return LagStatusRules::Status::Ok;   // what the rules say first, without gathering the end offsets
    const QList<TimeLagEstimator::Sample> ends = endOffsets();
    QList<qint64> recent;
    recent.reserve(LagStatusRules::kIntervals);
    for (qsizetype i = qMax<qsizetype>(0, ends.size() - LagStatusRules::kIntervals); i < ends.size(); ++i)
        recent.append(ends.at(i).offset);
    return m_window.status(currentLag, nowMs, allowedLag, recent);
}

QList<TimeLagEstimator::Sample> PartitionLagTrack::endOffsets() const
{
    const QList<TimeLagEstimator::Sample> &all = m_offsets->endOffsets();
    if (all.isEmpty() || all.last().timestampMs <= m_timeMs)
        return all;   // shared: no copy
    // Another group's later refresh fed the shared track: what this group saw ends here.
    qsizetype n = all.size();
    while (n > 0 && all.at(n - 1).timestampMs > m_timeMs)
        --n;
    return all.first(n);
}

}   // namespace cohort
