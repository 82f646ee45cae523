// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagAssessment.h"
#include "core/lag/PartitionLagTrack.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace cohort {

// The numbers of docs/architecture.md, "Lag", from a partition's track: pure,
// `nowMs` passed in. Lag excludes records lost to retention (counted apart);
// time lag is interpolated from the end-offset history while the committed
// offset lies inside it, and otherwise taken from the timestamp of a record
// read at or before the committed offset (`recordTime`, requested offset and
// timestamp), interpolated up to the history; rates come from the last
// kRateWindowMs; status is Burrow's over the commit window; the reason says
// it in words, with units and the locale's digit grouping.
class LagAssessor
{
    Q_DECLARE_TR_FUNCTIONS(LagAssessor)

public:
    static constexpr qint64 kRateWindowMs = 60000;
    // A partition is hot when its lag is over kHotFactor × its group's median
    // partition lag and over kHotMinLag.
    static constexpr double kHotFactor = 10.0;
    static constexpr qint64 kHotMinLag = 1000;

    struct Inputs
    {
        TopicPartition tp;
        const PartitionLagTrack *track = nullptr;
        std::optional<TopicRetention> retention;              // nullopt: not read (yet)
        std::optional<TimeLagEstimator::Sample> recordTime;   // (time produced, offset)
        QString recordTimeProblem;                            // why no record time, when asked and failed
        qint64 allowedLag = 0;
    };

    // `withReason`: also the status reason and why the time lag is unknown,
    // in words (the costly part; a group needs only its worst partitions'
    // reasons, see group()).
    static PartitionAssessment partition(const Inputs &in, qint64 nowMs, bool withReason = true);
    static QString statusReason(const Inputs &in, const PartitionAssessment &a, qint64 nowMs);
    // Topics and the group from their partitions (sorted by topic, partition);
    // marks the hot ones. `keepPartitions`: put them into the result.
    // `reasonFor` makes the reason of a partition assessed without one, when
    // the group's or a topic's reason is that partition's.
    using ReasonFor = std::function<QString(const PartitionAssessment &)>;
    static GroupAssessment group(const QString &groupId, QList<PartitionAssessment> partitions, qint64 nowMs, bool keepPartitions,
                                 const ReasonFor &reasonFor = {});

    // records/s over the last kRateWindowMs of (time, offset) samples (at
    // least the last two), after the last counter reset: the one rate every
    // produce and consume rate is (a partition's, a whole topic's).
    static std::optional<double> windowRate(const QList<TimeLagEstimator::Sample> &samples, qint64 nowMs);

    // Whether the time lag needs the timestamp of the record at the
    // committed offset: behind, and the offset older than the track's history.
    static bool needsRecordTime(const PartitionLagTrack &track);

    // "4 min", "30 s" (FreshnessText's wording).
    static QString duration(qint64 ms);
};

}   // namespace cohort
