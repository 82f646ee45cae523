// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionOffsetsTrack.h"

namespace cohort {

void PartitionOffsetsTrack::add(qint64 timeMs, qint64 endOffset, qint64 logStartOffset)
{
    if (m_latestMs && timeMs <= *m_latestMs)
        return;
    m_latestMs = timeMs;
    if (endOffset >= 0) {
        if (!m_ends.isEmpty() && endOffset < m_ends.last().offset) {
            m_ends.clear();
            m_firstLogStart.reset();
            ++m_resets;
        }
        if (m_ends.size() == kSamples)
            m_ends.removeFirst();
        m_ends.append({timeMs, endOffset});
    }
    if (logStartOffset >= 0 && (!m_firstLogStart || logStartOffset < m_firstLogStart->offset))
        m_firstLogStart = TimeLagEstimator::Sample{timeMs, logStartOffset};
}

}   // namespace cohort
