// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What ClusterClient's calls answer: what the cluster said, and, as data
// beside it, what it could not say by the deadline (after retries) and why.
// A partial answer is a value, not an error: the whole call fails only when
// nothing at all could be read.

#include "core/kafka/KafkaError.h"
#include "core/snapshot/ClusterTypes.h"

#include <QHash>
#include <QList>

namespace cohort {

// A broker that did not answer a per-broker request (ListGroups, ListOffsets).
struct BrokerFailure
{
    int brokerId = -1;   // -1: librdkafka said some broker failed without saying which
    QString address;     // "host:port", empty when not known
    KafkaError error;
};

struct GroupListingAnswer
{
    QList<GroupListing> groups;
    QList<BrokerFailure> failedBrokers;   // their groups are not in `groups`
};

struct GroupDescriptionAnswer
{
    QList<GroupDescription> groups;
    QHash<QString, KafkaError> failed;   // group id -> why it is not in `groups`
};

struct CommittedOffsetsAnswer
{
    QHash<QString, GroupOffsets> offsets;
    QHash<QString, KafkaError> failed;   // group id -> why it is not in `offsets`
};

// The partitions of one leader whose watermarks could not be read.
struct LeaderFailure
{
    BrokerFailure broker;
    QList<TopicPartition> partitions;
};

struct WatermarksAnswer
{
    QHash<TopicPartition, Watermarks> watermarks;
    QList<LeaderFailure> failed;
};

struct RecordTimestampsAnswer
{
    QHash<TopicPartition, RecordTimestamp> timestamps;
    QHash<TopicPartition, KafkaError> failed;   // no record read there, and why
};

struct TopicRetentionAnswer
{
    QHash<QString, TopicRetention> topics;
    QHash<QString, KafkaError> failed;   // topic -> why its configs were not read
};

// ListOffsets by timestamp: per partition the first offset whose record
// timestamp is at or after the time asked, or -1 where no record is (Kafka's
// UNKNOWN_OFFSET: an empty partition, or every record older).
struct OffsetsForTimesAnswer
{
    QHash<TopicPartition, qint64> offsets;
    QList<LeaderFailure> failed;
};

}   // namespace cohort
