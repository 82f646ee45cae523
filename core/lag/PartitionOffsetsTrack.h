// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/TimeLagEstimator.h"

#include <QList>

#include <optional>

namespace cohort {

// What every group reading one partition shares of its history: the end
// offsets of the last kSamples refreshes (the time lag interpolates them,
// the produce rate is their slope), its latest log start and where the log
// start stood when first seen (its advance is the rate at which retention
// deletes records). One per topic partition, not per group partition: ten
// groups reading a topic keep its end offsets once (LagHistory hands the same
// track to each group's PartitionLagTrack).
class PartitionOffsetsTrack
{
public:
    static constexpr int kSamples = 36;   // 3 min at the default 5 s

    // A refresh's end and log start offsets (-1: unknown) at timeMs; the first
    // group to bring a time adds it, the others' samples of that time (or an
    // older one) change nothing. An end offset lower than before (the topic
    // made again) restarts the track and counts a reset.
    void add(qint64 timeMs, qint64 endOffset, qint64 logStartOffset);

    // (time, end offset) of the known samples since the last reset, oldest
    // first; shared, so handing it out copies nothing.
    const QList<TimeLagEstimator::Sample> &endOffsets() const { return m_ends; }
    std::optional<qint64> latestTimeMs() const { return m_latestMs; }
    // The log start when first seen after the last reset: (time, offset).
    std::optional<TimeLagEstimator::Sample> firstLogStart() const { return m_firstLogStart; }
    // How many times the end offset went back: a group's track that saw fewer
    // starts again too.
    int resets() const { return m_resets; }

private:
    QList<TimeLagEstimator::Sample> m_ends;
    std::optional<qint64> m_latestMs;
    std::optional<TimeLagEstimator::Sample> m_firstLogStart;
    int m_resets = 0;
};

}   // namespace cohort
