// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAnswers.h"
#include "core/kafka/Result.h"
#include "core/snapshot/ClusterTypes.h"
#include "core/snapshot/RefreshProgress.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

namespace cohort {

// Asynchronous access to one Kafka cluster. Every call returns at once; the work
// runs off the GUI thread and the future completes with a value or a KafkaError
// (never throws, never hangs). Every call keeps the deadline of `progress` (the
// one deadline of a whole refresh or CLI command; nullptr: the client's own
// timeout from now), retries retriable errors within it (RetryBackoff), and
// stops early when it is cancelled. What is still missing at the deadline
// comes back as data beside what was read (ClusterAnswers.h); the call fails
// only when nothing could be read. Implementations batch: the number of
// requests grows with brokers and groups, not with partitions.
class ClusterClient
{
public:
    using Progress = std::shared_ptr<RefreshProgress>;

    virtual ~ClusterClient() = default;

    // Brokers, controller and every topic with its partitions and leaders.
    virtual QFuture<Result<ClusterMetadata>> fetchMetadata(Progress progress = nullptr) = 0;

    // Every group of every broker (ListGroups is per broker), with the brokers
    // that did not answer. Fails only when no broker answered.
    virtual QFuture<Result<GroupListingAnswer>> listGroups(Progress progress = nullptr) = 0;

    // Describe these groups (batched). A group whose coordinator did not
    // answer by the deadline is in `failed` with the error, never shown as a
    // description; one the coordinator answered with a non-retriable error is
    // a description with describable=false and a note.
    virtual QFuture<Result<GroupDescriptionAnswer>> describeGroups(const QStringList &groupIds, Progress progress = nullptr) = 0;

    // Committed offsets of these groups (issued concurrently, one per group),
    // for the partitions listed per group; an empty list asks for every
    // partition the group has offsets for. Per-group failures are in `failed`.
    virtual QFuture<Result<CommittedOffsetsAnswer>> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &partitionsByGroup,
                                                                          Progress progress = nullptr)
        = 0;

    // Log start and end offsets of these partitions, batched per leader; the
    // partitions of leaders that did not answer are in `failed` per leader.
    virtual QFuture<Result<WatermarksAnswer>> fetchWatermarks(const QList<TopicPartition> &partitions, Progress progress = nullptr) = 0;

    // The timestamp of the first record at or after each offset (one record
    // per partition: a fetch from there). For the time lag of a group whose
    // committed offset is older than what Cohort has watched; callers bound
    // the partitions per call (LagHistory: 100 per refresh). A partition with
    // no record there (offset out of range, nothing read by the deadline) is
    // in `failed`.
    virtual QFuture<Result<RecordTimestampsAnswer>> fetchRecordTimestamps(const QHash<TopicPartition, qint64> &offsets,
                                                                          Progress progress = nullptr)
        = 0;

    // retention.ms and retention.bytes of these topics (DescribeConfigs);
    // a topic that does not exist or could not be described is in `failed`.
    virtual QFuture<Result<TopicRetentionAnswer>> fetchTopicRetention(const QStringList &topics, Progress progress = nullptr) = 0;

    // Per partition the first offset whose record timestamp is at or after
    // timestampMs (ListOffsets by timestamp), -1 where there is none, as
    // Kafka answers; batched per leader like fetchWatermarks.
    virtual QFuture<Result<OffsetsForTimesAnswer>> offsetsForTimes(const QList<TopicPartition> &partitions, qint64 timestampMs,
                                                                   Progress progress = nullptr)
        = 0;

    // Brokers, controller and API versions, for the connection dialog's test button.
    virtual QFuture<Result<ConnectionReport>> testConnection() = 0;

    // Whether end offsets are last stable offsets (isolation.level=read_committed).
    virtual bool readCommitted() const = 0;

    // Per broker id, the highest version of each API (key -> version) the
    // broker offered in ApiVersions, as far as asked so far (a refresh asks
    // every broker once); empty when the client does not ask (librdkafka
    // alone keeps them to itself). For KafkaReleaseEstimate.
    virtual QHash<int, QHash<qint16, qint16>> brokerApiVersions() const { return {}; }
};

}   // namespace cohort
