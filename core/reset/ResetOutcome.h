// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"
#include "core/reset/ResetBackupStore.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <algorithm>
#include <optional>

namespace cohort {

// A partition whose committed offset, read back after the commit, is not the planned one.
struct OffsetDifference
{
    TopicPartition tp;
    qint64 planned = -1;              // -1: the offset was to be deleted (a delete row)
    std::optional<qint64> readBack;   // nullopt: nothing committed
    bool deletePlanned() const { return planned < 0; }
};

// What applying one group's plan did.
struct GroupResetOutcome
{
    QString groupId;
    QList<PartitionWriteOutcome> failed;     // partitions the broker refused, with its error
    QList<OffsetDifference> differences;     // the read-back that does not match the plan
    std::optional<KafkaError> verifyError;   // the offsets could not be read back
    bool ok() const { return failed.isEmpty() && differences.isEmpty() && !verifyError; }
};

// What applying a whole plan did: its backup and each group's outcome.
struct ResetOutcome
{
    ResetBackup backup;
    QList<GroupResetOutcome> groups;
    bool ok() const
    {
        return std::all_of(groups.cbegin(), groups.cend(), [](const GroupResetOutcome &g) { return g.ok(); });
    }
};

// What a wait until Empty saw at one look at the group.
struct GroupWaitState
{
    QString groupId;
    GroupState state = GroupState::Unknown;
    QList<GroupMember> members;   // client id, host: who still holds the group
};

}   // namespace cohort

Q_DECLARE_METATYPE(cohort::GroupWaitState)
