// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"
#include "core/reset/ResetBackupStore.h"

#include <QList>
#include <QString>

#include <optional>

namespace cohort {

// A partition whose committed offset, read back after the commit, is not the planned one.
struct OffsetDifference
{
    TopicPartition tp;
    qint64 planned = -1;
    std::optional<qint64> readBack;   // nullopt: nothing committed
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

}   // namespace cohort
