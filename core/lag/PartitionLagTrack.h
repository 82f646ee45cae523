// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/CommitWindow.h"
#include "core/lag/TimeLagEstimator.h"

#include <QList>

#include <array>
#include <optional>

namespace cohort {

// What the assessor needs of one partition of one group, kept for every
// partition of every group (so fixed and small): the last kSamples refreshes'
// end, committed and log start offsets, Burrow's commit window, and where the
// log start stood when first seen (its advance over a long span is the rate
// at which retention deletes records).
class PartitionLagTrack
{
public:
    static constexpr int kSamples = 36;   // 3 min at the default 5 s

    struct Sample
    {
        qint64 timeMs = 0;
        qint64 endOffset = -1;         // -1 unknown
        qint64 committedOffset = -1;   // -1 no commit
        qint64 logStartOffset = -1;    // -1 unknown
    };

    // A refresh's sample, newer than the last (an older one is dropped). An
    // end offset lower than before (topic made again) restarts the track.
    // True when the end offset went back (so cached record times are void).
    bool add(const Sample &sample, bool consumerActive);

    int size() const { return m_count; }
    Sample at(int i) const { return m_samples[(m_head + i) % kSamples]; }   // 0 = oldest
    std::optional<Sample> latest() const;
    // (time, end offset) and (time, committed offset) of the known samples at or after sinceMs.
    QList<TimeLagEstimator::Sample> endOffsets(qint64 sinceMs = 0) const;
    QList<TimeLagEstimator::Sample> committedOffsets(qint64 sinceMs = 0) const;
    const CommitWindow &commits() const { return m_window; }
    // The log start when first seen after the last reset: (time, offset).
    std::optional<TimeLagEstimator::Sample> firstLogStart() const { return m_firstLogStart; }

private:
    std::array<Sample, kSamples> m_samples{};
    int m_count = 0, m_head = 0;
    CommitWindow m_window;
    std::optional<TimeLagEstimator::Sample> m_firstLogStart;
};

}   // namespace cohort
