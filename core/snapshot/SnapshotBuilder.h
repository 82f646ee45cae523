// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"

namespace cohort {

// Turns what the cluster said into a ClusterSnapshot: decodes consumer
// subscriptions and assignments, finds each partition's owner, and computes lag
// (end offset − committed offset, per partition, summed per topic and group).
// Pure and thread-agnostic, so it runs off the GUI thread and is unit-tested.
namespace SnapshotBuilder {

struct Input
{
    ClusterMetadata metadata;
    QList<GroupListing> listings;
    QList<GroupDescription> descriptions;
    QHash<QString, GroupOffsets> offsets;
    QHash<TopicPartition, Watermarks> watermarks;
    bool readCommitted = true;
    QDateTime readAt;                            // when this refresh read what it read (UTC)
    QHash<QString, KafkaError> notDescribed;     // groups listed whose description failed, and why
    QHash<QString, KafkaError> offsetsNotRead;   // groups whose committed offsets could not be fetched, and why
    MissingParts missing;                        // what else could not be read (brokers' listings, watermarks)
};

ClusterSnapshot build(Input input);

// Lag of one partition: nullopt when no commit or no end offset is known;
// negative for a commit beyond the end (after a truncation or a recreated
// topic), as kafka-consumer-groups.sh shows it.
std::optional<qint64> lagOf(std::optional<qint64> committed, std::optional<qint64> end);

// Decodes consumer-protocol members in place (subscription, assignment, error).
void decodeMembers(GroupDescription &group);

// Which partitions to ask committed offsets for, per group: a consumer group's
// subscribed topics when its members say, otherwise an empty list, which asks
// for every partition the group has committed (an Empty group does not say
// what it read).
QHash<QString, QList<TopicPartition>> offsetRequests(const QStringList &groupIds, const QList<GroupDescription> &descriptions,
                                                     const ClusterMetadata &metadata);

// The partitions these groups own or have committed offsets for, sorted:
// the watermarks a one-group refresh needs.
QList<TopicPartition> partitionsOfGroups(const QList<GroupDescription> &descriptions, const QHash<QString, GroupOffsets> &offsets);

// The partitions whose watermarks a snapshot needs: every partition of every
// non-internal topic (the Topics page sums end offsets, read or not), plus
// those groups own or committed that the metadata lacks or marks internal.
QList<TopicPartition> partitionsNeedingWatermarks(const ClusterMetadata &metadata, const QList<GroupDescription> &descriptions,
                                                  const QHash<QString, GroupOffsets> &offsets);

}   // namespace SnapshotBuilder
}   // namespace cohort
