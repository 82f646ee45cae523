// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain data that ClusterClient returns: what the cluster says, undigested.
// Derived figures (lag, totals) live in GroupSnapshot/ClusterSnapshot.

#include "core/kafka/KafkaError.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <compare>
#include <optional>

namespace cohort {

struct TopicPartition
{
    QString topic;
    int partition = -1;

    // "orders-3", as Kafka's TopicPartition.toString writes it (and cohort-cli, kcg's --verbose and the charts).
    QString name() const { return topic + QLatin1Char('-') + QString::number(partition); }

    friend bool operator==(const TopicPartition &, const TopicPartition &) = default;
    friend std::strong_ordering operator<=>(const TopicPartition &a, const TopicPartition &b)
    {
        if (const int c = a.topic.compare(b.topic); c != 0)
            return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
        return a.partition <=> b.partition;
    }
};

inline size_t qHash(const TopicPartition &tp, size_t seed = 0) noexcept
{
    return qHashMulti(seed, tp.topic, tp.partition);
}

struct BrokerInfo
{
    int id = -1;
    QString host;
    int port = 0;
    QString rack;
};

struct PartitionInfo
{
    int partition = -1;
    int leader = -1;   // -1: no leader right now
    QList<int> replicas;
    int errorCode = 0;   // per-partition metadata error (e.g. LEADER_NOT_AVAILABLE)
};

struct TopicInfo
{
    QString name;
    bool internal = false;
    QList<PartitionInfo> partitions;
    int errorCode = 0;
};

struct ClusterMetadata
{
    QString clusterId;
    int controllerId = -1;
    QList<BrokerInfo> brokers;
    QList<TopicInfo> topics;
    // Set when no broker answered this refresh's Metadata in time and these
    // are the last metadata read: the refresh goes on with them (one slow
    // broker must not blank the window) and says so as a missing part.
    std::optional<KafkaError> notRefreshed;

    // Every partition of the non-internal topics: what "the whole cluster"
    // means when a group's offsets or the Topics page need all of them.
    QList<TopicPartition> partitions() const;
};

// Partition numbers per topic, topics sorted: the shape every Kafka request
// and the consumer protocol use for a set of partitions.
QMap<QString, QList<int>> partitionsByTopic(const QList<TopicPartition> &partitions);

// Group states as DescribeGroups/ListGroups spell them (Kafka's
// org.apache.kafka.common.GroupState): the classic group's five, plus
// Assigning and Reconciling of KIP-848 consumer and KIP-1071 streams groups
// and NotReady of streams groups. Unknown covers anything else.
enum class GroupState { Unknown, Empty, PreparingRebalance, CompletingRebalance, Stable, Dead, Assigning, Reconciling, NotReady };

GroupState groupStateFromString(const QString &s);
QString groupStateToString(GroupState s);

// Which group protocol a group speaks (ListGroups v5's GroupType, KIP-848):
// classic (JoinGroup/SyncGroup), consumer (KIP-848), share (KIP-932), streams
// (KIP-1071). Unknown when the broker's ListGroups has no type (before v5).
enum class GroupType { Unknown, Classic, Consumer, Share, Streams };

// Any case ("consumer" on the wire, "Consumer" in Kafka's tools).
GroupType groupTypeFromString(const QString &s);
// As Kafka's tools print it (kafka-groups, kafka-consumer-groups --type): "Consumer".
QString groupTypeToString(GroupType t);
// Only classic groups answer DescribeGroups; the others need their own
// describe API (ConsumerGroupDescribe, ShareGroupDescribe, StreamsGroupDescribe).
inline bool describedByDescribeGroups(GroupType t)
{
    return t == GroupType::Classic || t == GroupType::Unknown;
}

// One row of ListGroups, with the broker that answered it (the coordinator).
struct GroupListing
{
    QString groupId;
    QString protocolType;                     // "consumer", "connect", "" for simple/offset-only groups
    GroupState state = GroupState::Unknown;   // Unknown when the broker's ListGroups has no state (v0-v3)
    int coordinatorId = -1;
    GroupType type = GroupType::Unknown;   // Unknown when the broker's ListGroups has no type (v0-v4)
};

// The consumer embedded protocol (docs/kafka-protocol.md §5).
struct ConsumerSubscription
{
    int version = 0;
    QStringList topics;
    QByteArray userData;
    QList<TopicPartition> ownedPartitions;   // v1+
    int generationId = -1;                   // v2+, -1 when absent
    QString rackId;                          // v3+, empty when absent/null
};

struct ConsumerAssignment
{
    int version = 0;
    QList<TopicPartition> partitions;
    QByteArray userData;
};

// Which protocol a member of a KIP-848 consumer group speaks
// (ConsumerGroupDescribe v1's member_type, KIP-1099): a classic member is a
// JoinGroup/SyncGroup client the broker keeps in the upgraded group. Unknown
// for members of classic groups and before v1.
enum class MemberType { Unknown, Classic, Consumer };

struct GroupMember
{
    QString memberId;
    QString clientId;
    QString host;
    QString groupInstanceId;   // empty: dynamic member
    QByteArray rawMetadata;    // as the broker sent it
    QByteArray rawAssignment;
    std::optional<ConsumerSubscription> subscription;   // decoded when protocol type is "consumer"
    std::optional<ConsumerAssignment> assignment;
    QString decodeError;   // why decoding failed, if it did
    // KIP-848 consumer groups only (ConsumerGroupDescribe): the member's
    // epoch (-1 otherwise), its regex subscription (empty when it names
    // topics), what the group's assignor wants it to own (assignment is
    // what it owns now; they differ while it reconciles) and its protocol.
    int memberEpoch = -1;
    QString subscribedTopicRegex;
    std::optional<QList<TopicPartition>> targetAssignment;
    MemberType type = MemberType::Unknown;

    // A KIP-848 member that does not own yet what its target assignment says.
    bool reconciling() const;
};

struct GroupDescription
{
    QString groupId;
    GroupState state = GroupState::Unknown;
    QString protocolType;
    QString protocol;   // the assignor for consumer groups ("range", "cooperative-sticky")
    QList<GroupMember> members;
    int coordinatorId = -1;
    bool describable = true;   // false for e.g. KIP-848 groups this client cannot describe
    QString note;              // shown to the user when !describable or something is partial
    int errorCode = 0;         // per-group error from DescribeGroups (0 = none)
    QString errorName;
    GroupType type = GroupType::Unknown;   // from the listing (ListGroups v5); DescribeGroups has none
    // Described by ConsumerGroupDescribe (a KIP-848 group, docs/kafka-protocol.md
    // §8): members carry epochs and target assignments, `protocol` is the
    // broker's assignor ("uniform", "range"), and there are no consumer-protocol
    // bytes to decode. Then groupEpoch and assignmentEpoch (the epoch of the
    // target assignment) are set; -1 otherwise.
    bool describedAsConsumerGroup = false;
    int groupEpoch = -1;
    int assignmentEpoch = -1;
    QString errorMessage;   // the coordinator's words for errorCode, when it gave any
    // Kafka's topic ids by topic name, base64 as Uuid#toString and
    // kafka-topics print them: ConsumerGroupDescribe names every partition of
    // a current or target assignment with its topic's id (the server-side
    // uniform assignor walks topics in the order of their ids). Only the
    // topics some member owns or is to own; empty for classic groups.
    QHash<QString, QString> topicIds;

    // Whether the members are known: a classic group's from DescribeGroups,
    // a KIP-848 group's from ConsumerGroupDescribe; not a share or streams
    // group's, nor a consumer group's on the librdkafka path.
    bool membersKnown() const { return describedAsConsumerGroup || describedByDescribeGroups(type); }

    // A group DescribeGroups cannot describe (consumer, share or streams
    // type): state and type come from its listing, the note says what
    // Cohort cannot show yet; offsets and lag are still read.
    void takeFromListing(const GroupListing &listing);

    // The coordinator answered with errorCode/errorName: the group stays
    // listed, says why, and still gets offsets and lag.
    void markNotDescribable();
};

struct CommittedOffset
{
    TopicPartition tp;
    qint64 offset = -1;   // -1: no committed offset
    int leaderEpoch = -1;
    QString metadata;
};

struct GroupOffsets
{
    QString groupId;
    QList<CommittedOffset> offsets;
};

struct Watermarks
{
    qint64 low = -1;    // log start offset
    qint64 high = -1;   // high watermark (or last stable offset under read_committed)
};

// A topic's retention (DescribeConfigs): how long and how much of its log
// Kafka keeps; -1 = no limit. Defaults are Kafka's (log.retention.hours=168,
// log.retention.bytes=-1).
struct TopicRetention
{
    qint64 retentionMs = 604800000;
    qint64 retentionBytes = -1;

    bool operator==(const TopicRetention &) const = default;
};

// The first record at or after an offset a fetch asked for: its own offset
// (later than asked when records were compacted away or are transaction
// markers) and timestamp (CreateTime, or LogAppendTime when the topic says so).
struct RecordTimestamp
{
    qint64 offset = -1;
    qint64 timestampMs = -1;

    bool operator==(const RecordTimestamp &) const = default;
};

// What "Test connection" reports.
struct ConnectionReport
{
    ClusterMetadata metadata;
    QList<QPair<int, QString>> apiVersions;   // (api key, "name min-max") as seen on the bootstrap broker
    qint64 roundTripMs = -1;
};

}   // namespace cohort

Q_DECLARE_METATYPE(cohort::ClusterMetadata)
