// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/CommitWindow.h"
#include "core/lag/PartitionOffsetsTrack.h"
#include "core/lag/TimeLagEstimator.h"

#include <QList>

#include <memory>
#include <optional>

namespace cohort {

// What the assessor needs of one partition of one group, kept for every
// partition of every group (a million at 10,000 groups, so small): the
// latest refresh's offsets, Burrow's commit window (which also gives the
// consume rate), and the partition's shared PartitionOffsetsTrack (end
// offsets and log start, kept once for every group that reads it).
class PartitionLagTrack
{
public:
    struct Sample
    {
        qint64 timeMs = 0;
        qint64 endOffset = -1;         // -1 unknown
        qint64 committedOffset = -1;   // -1 no commit
        qint64 logStartOffset = -1;    // -1 unknown
    };

    // A track of its own (a lone partition: tests, the CLI), or one that
    // shares its partition's end offsets with the other groups reading it.
    PartitionLagTrack();
    explicit PartitionLagTrack(std::shared_ptr<PartitionOffsetsTrack> offsets);

    // A refresh's sample, newer than the last (an older one is dropped). An
    // end offset lower than before (topic made again) restarts the track.
    // True when the end offset went back (so cached record times are void).
    bool add(const Sample &sample, bool consumerActive);

    std::optional<Sample> latest() const;
    // (time, end offset) of the partition's samples up to this track's
    // latest, since the last reset, oldest first.
    QList<TimeLagEstimator::Sample> endOffsets() const;
    const CommitWindow &commits() const { return m_window; }
    // Records/s the group's committed offset advanced over the last windowMs
    // up to this track's latest sample (CommitWindow::advanceRate).
    std::optional<double> consumeRate(qint64 windowMs) const;
    // Burrow's status of the commit window at nowMs, with the partition's
    // last kIntervals end offsets up to this track's latest.
    LagStatusRules::Status status(qint64 currentLag, qint64 nowMs, qint64 allowedLag = 0) const;
    // The log start when first seen after the last reset: (time, offset).
    std::optional<TimeLagEstimator::Sample> firstLogStart() const { return m_offsets->firstLogStart(); }

private:
    std::shared_ptr<PartitionOffsetsTrack> m_offsets;
    CommitWindow m_window;
    qint64 m_timeMs = -1;   // -1: no sample yet
    qint64 m_endOffset = -1;
    qint64 m_logStartOffset = -1;
    int m_resetsSeen = 0;
    // Whether the latest sample had a committed offset: it is then the
    // window's newest commit's (a million tracks: not kept twice).
    bool m_committed = false;
};

}   // namespace cohort
