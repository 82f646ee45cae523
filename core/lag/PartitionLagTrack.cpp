// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionLagTrack.h"

namespace cohort {

bool PartitionLagTrack::add(const Sample &sample, bool consumerActive)
{
    const std::optional<Sample> last = latest();
    if (last && sample.timeMs <= last->timeMs)
        return false;
    bool reset = false;
    if (last && sample.endOffset >= 0 && last->endOffset >= 0 && sample.endOffset < last->endOffset) {
        *this = PartitionLagTrack();
        reset = true;
    }
    m_samples[(m_head + m_count) % kSamples] = sample;
    if (m_count < kSamples)
        ++m_count;
    else
        m_head = (m_head + 1) % kSamples;
    if (sample.logStartOffset >= 0 && (!m_firstLogStart || sample.logStartOffset < m_firstLogStart->offset))
        m_firstLogStart = TimeLagEstimator::Sample{sample.timeMs, sample.logStartOffset};
    if (sample.committedOffset >= 0)
        m_window.observe(sample.timeMs, sample.committedOffset,
                         sample.endOffset >= 0 ? std::optional<qint64>(sample.endOffset) : std::nullopt, consumerActive);
    return reset;
}

std::optional<PartitionLagTrack::Sample> PartitionLagTrack::latest() const
{
    if (m_count == 0)
        return std::nullopt;
    return at(m_count - 1);
}

QList<TimeLagEstimator::Sample> PartitionLagTrack::endOffsets(qint64 sinceMs) const
{
    QList<TimeLagEstimator::Sample> out;
    for (int i = 0; i < m_count; ++i) {
        const Sample s = at(i);
        if (s.timeMs >= sinceMs && s.endOffset >= 0)
            out.append({s.timeMs, s.endOffset});
    }
    return out;
}

QList<TimeLagEstimator::Sample> PartitionLagTrack::committedOffsets(qint64 sinceMs) const
{
    QList<TimeLagEstimator::Sample> out;
    for (int i = 0; i < m_count; ++i) {
        const Sample s = at(i);
        if (s.timeMs >= sinceMs && s.committedOffset >= 0)
            out.append({s.timeMs, s.committedOffset});
    }
    return out;
}

}   // namespace cohort
