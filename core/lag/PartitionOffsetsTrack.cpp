// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionOffsetsTrack.h"

#include <algorithm>

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
        // Exactly kSamples, shifted in place when full: removeFirst() then
        // append() made QList reallocate with room to grow, about twice the
        // bytes, for each of a hundred thousand partitions.
        if (m_ends.size() == kSamples) {
            std::move(m_ends.begin() + 1, m_ends.end(), m_ends.begin());
            m_ends.last() = {timeMs, endOffset};
        } else {
            if (m_ends.capacity() < kSamples)
                m_ends.reserve(kSamples);
            m_ends.append({timeMs, endOffset});
        }
    }
    if (logStartOffset >= 0 && (!m_firstLogStart || logStartOffset < m_firstLogStart->offset))
        m_firstLogStart = TimeLagEstimator::Sample{timeMs, logStartOffset};
}

}   // namespace cohort
