// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetStrategy.h"
#include "core/snapshot/ClusterTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cohort {

// One partition of a planned reset: where it is, where it goes, and why.
struct PartitionResetPlan
{
    // A target outside [log start, log end] is moved to the nearer end, as
    // kafka-consumer-groups.sh does for --to-offset, --shift-by and --from-file.
    enum class Clamp { None, ToLogStart, ToLogEnd };

    TopicPartition tp;
    std::optional<qint64> current;   // committed now; nullopt: none
    qint64 requested = -1;           // the target before clamping
    qint64 newOffset = -1;
    qint64 logStart = -1;
    qint64 logEnd = -1;
    Clamp clamp = Clamp::None;
    // An undo (or a backup re-applied) of a reset that gave this partition its
    // first offset: the offset is deleted (OffsetDelete), newOffset stays -1.
    bool deleteOffset = false;
    // --to-datetime / --by-duration found no record at or after the time: the
    // log end, as kafka-consumer-groups.sh falls back to.
    bool noRecordAtTime = false;

    bool clamped() const { return clamp != Clamp::None; }
    // new - current: negative re-reads, positive skips; nullopt without a current or a new offset.
    std::optional<qint64> change() const
    {
        return current && !deleteOffset ? std::optional<qint64>(newOffset - *current) : std::nullopt;
    }
    // Meaningless for a deleted offset (where the group reads then is its consumers' auto.offset.reset): shown as none.
    qint64 newLag() const { return logEnd - newOffset; }
};

// One group's plan, partitions sorted.
struct GroupResetPlan
{
    QString groupId;
    GroupState state = GroupState::Unknown;   // when planned
    QList<PartitionResetPlan> partitions;

    qint64 toReRead() const;               // messages before the current offsets that will be read again
    qint64 toSkip() const;                 // messages after them that will never be read
    int partitionsWithoutOffset() const;   // nothing committed before and a first offset now: no change to count
    QHash<TopicPartition, qint64> newOffsets() const;   // what is committed (not the deletes)
    QList<TopicPartition> deletions() const;            // whose offsets are deleted
};

// A whole reset as planned, before anything is written.
struct ResetPlan
{
    ResetStrategy strategy;
    QDateTime plannedAt;
    QList<GroupResetPlan> groups;

    const GroupResetPlan *group(const QString &groupId) const;
    // Every group's new offsets: what kafka-consumer-groups.sh --export writes of a reset.
    ResetStrategy::OffsetsByGroup newOffsets() const;
};

}   // namespace cohort
