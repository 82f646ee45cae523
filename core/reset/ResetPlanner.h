// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetPlan.h"
#include "core/reset/ResetStrategy.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace cohort {

// Turns what was read of the cluster into a group's reset plan, by
// kafka-consumer-groups.sh's rules (GroupOffsetsResetter in Kafka 4.4):
// earliest/latest take the log start/end; a time takes the first offset at
// or after it, the log end where there is none; --to-offset, --shift-by and
// offsets from a file or another group are clamped into [log start, log
// end]; --to-current keeps the committed offset (the log end where none).
// A restored backup's partitions that had no offset before get none again
// (a delete row). Pure: it reads nothing and writes nothing.
class ResetPlanner
{
    Q_DECLARE_TR_FUNCTIONS(ResetPlanner)

public:
    struct Input
    {
        QString groupId;
        GroupState state = GroupState::Unknown;
        QList<TopicPartition> partitions;                // the scope, resolved
        QHash<TopicPartition, qint64> current;           // committed offsets (absent: none)
        QHash<TopicPartition, Watermarks> watermarks;    // log start and end
        QHash<TopicPartition, qint64> offsetsForTimes;   // ListOffsets by timestamp (-1: no record at or after it)
        QHash<TopicPartition, qint64> requested;         // FromFile / FromGroup: the targets
        QList<TopicPartition> deletions;                 // a backup restored: these partitions' offsets are deleted
    };

    // Every problem at once (a partition without watermarks, a shift without a
    // committed offset, ...), or the plan.
    static Result<GroupResetPlan, QStringList> plan(const ResetStrategy &strategy, const Input &input);
};

}   // namespace cohort
