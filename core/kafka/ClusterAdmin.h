// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/snapshot/ClusterTypes.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace cohort {

// One partition's answer to a write (offset commit, offset delete): no error,
// or what the broker said about that partition.
struct PartitionWriteOutcome
{
    TopicPartition tp;
    qint64 offset = -1;   // the offset written, -1 where none (deletes)
    KafkaError error;     // isError() false: written
};

// A member to remove: static members by group.instance.id, dynamic (and
// KIP-848) members by member id.
struct MemberRef
{
    QString memberId;
    QString groupInstanceId;

    // How Cohort names a member it removes, as Kafka's admin client names
    // each member when it removes them all (KafkaAdminClient's
    // getMembersFromGroup): a static member by its group.instance.id alone,
    // so that it goes whatever member id it holds by then; any other, of a
    // classic or a KIP-848 group, by its member id. Kafka 4.4's coordinator
    // takes either identity for any member of a KIP-848 group, whichever
    // protocol it speaks.
    static MemberRef naming(const GroupMember &m)
    {
        return m.groupInstanceId.isEmpty() ? MemberRef{m.memberId, {}} : MemberRef{{}, m.groupInstanceId};
    }
};

struct MemberRemovalOutcome
{
    MemberRef member;
    KafkaError error;   // isError() false: removed
};

// The client id triggerRebalance's temporary member joins with: how a group
// watcher and cohort-cli tell it from the group's own members.
inline constexpr QLatin1String kRebalanceTriggerClientId("cohort-rebalance-trigger");

// What a triggered rebalance did, as the temporary member saw it. The classic
// DescribeGroups carries no generation, so the one before is inferred: every
// round adds exactly one, and the round the temporary member joined started
// from generationJoined - 1 (whether the group was Stable or already
// rebalancing). The state and member count before are as DescribeGroups said.
struct RebalanceTriggerReport
{
    GroupState stateBefore = GroupState::Unknown;
    int membersBefore = -1;
    int generationBefore = -1;   // the group's generation before the join, -1 when unknown
    int generationJoined = -1;   // the generation the temporary member joined
    qint64 joinedAfterMs = -1;   // from the first request until the member was in the group
    qint64 totalMs = -1;         // until the member had left again
};

// The write side of one cluster: every change Cohort makes to a cluster goes
// through here. A ClusterSession made from a read-only connection profile
// never creates one (ClusterSession::admin() refuses), so nothing that holds
// only a session can write. Every call returns at once and completes off the
// GUI thread with a value or a KafkaError whose hint says what to do, as
// ClusterClient's calls do.
class ClusterAdmin
{
public:
    virtual ~ClusterAdmin() = default;

    // Commits these offsets for the group as an admin (generation -1, no
    // member id), which brokers accept only while the group is Empty (or for a
    // group that does not exist yet). The call fails as a whole only when the
    // request could not be made; per-partition errors come back per partition.
    virtual QFuture<Result<QList<PartitionWriteOutcome>>> commitOffsets(const QString &groupId,
                                                                        const QHash<TopicPartition, qint64> &offsets)
        = 0;

    // Deletes the group and its offsets (DeleteGroups); only an Empty group can go
    // (NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND come back as the error).
    virtual QFuture<Result<Done>> deleteGroup(const QString &groupId) = 0;

    // Deletes the group's committed offsets of these topics (OffsetDelete);
    // GROUP_SUBSCRIBED_TO_TOPIC per partition of a topic the group still reads.
    virtual QFuture<Result<QList<PartitionWriteOutcome>>> deleteOffsets(const QString &groupId, const QStringList &topics) = 0;
    // Deletes the group's committed offsets of exactly these partitions
    // (OffsetDelete names partitions, as kafka-consumer-groups.sh
    // --delete-offsets --topic T:P does): how an undo takes back the first
    // offsets a reset gave. Cohort sends it only while the group is Empty
    // (ResetGuard), as it does commitOffsets.
    virtual QFuture<Result<QList<PartitionWriteOutcome>>> deletePartitionOffsets(const QString &groupId,
                                                                                 const QList<TopicPartition> &partitions)
        = 0;

    // Removes members from the group (LeaveGroup v3+ as an admin).
    virtual QFuture<Result<QList<MemberRemovalOutcome>>> removeMembers(const QString &groupId, const QList<MemberRef> &members) = 0;

    // Makes the group rebalance: joins briefly as a temporary member with the
    // group's own protocol type and assignor and a subscription that takes no
    // partitions, never commits, then leaves (docs/kafka-protocol.md §6).
    virtual QFuture<Result<RebalanceTriggerReport>> triggerRebalance(const QString &groupId, const QString &protocolType,
                                                                     const QString &assignor)
        = 0;

    // Why removeMembers and triggerRebalance cannot work on this connection
    // (they speak the group protocol on Cohort's own connections, which TLS
    // listeners do not have yet), asked before offering them; no
    // error when they can.
    virtual KafkaError groupProtocolRefusal() const { return {}; }
};

}   // namespace cohort
