// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/snapshot/ClusterTypes.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QStringList>

namespace cohort {

// Asynchronous access to one Kafka cluster. Every call returns at once; the work
// runs off the GUI thread and the future completes with a value or a KafkaError
// (never throws, never hangs: each call has a timeout). Implementations batch:
// the number of requests grows with brokers and groups, not with partitions.
class ClusterClient
{
public:
    virtual ~ClusterClient() = default;

    // Brokers, controller and every topic with its partitions and leaders.
    virtual QFuture<Result<ClusterMetadata>> fetchMetadata() = 0;

    // Every group of every broker (ListGroups is per broker). A broker that fails
    // makes the whole call fail only when no broker answered; partial failures
    // are reported through partialErrors() of the listing.
    virtual QFuture<Result<QList<GroupListing>>> listGroups() = 0;

    // Describe these groups (batched). Groups that cannot be described come back
    // with describable=false and a note, never as a failure of the whole call.
    virtual QFuture<Result<QList<GroupDescription>>> describeGroups(const QStringList &groupIds) = 0;

    // Committed offsets of these groups (issued concurrently, one per group),
    // for the partitions listed per group; an empty list asks for every
    // partition the group has offsets for. Per-group failures are dropped
    // from the map and fail the whole call only when every group failed.
    virtual QFuture<Result<QHash<QString, GroupOffsets>>> fetchCommittedOffsets(
        const QHash<QString, QList<TopicPartition>> &partitionsByGroup)
        = 0;

    // Log start and end offsets of these partitions, batched per leader.
    virtual QFuture<Result<QHash<TopicPartition, Watermarks>>> fetchWatermarks(const QList<TopicPartition> &partitions) = 0;

    // Brokers, controller and API versions, for the connection dialog's test button.
    virtual QFuture<Result<ConnectionReport>> testConnection() = 0;

    // Whether end offsets are last stable offsets (isolation.level=read_committed).
    virtual bool readCommitted() const = 0;
};

}   // namespace cohort
