// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace cohort {

// Turns successive snapshots of one group, each with the time it was read,
// into GroupEvents (pure: no clock, no network). What a poll cannot see it
// does not claim: a member that vanished between two reads "left or timed
// out" unless the states around it tell which; times are to within one poll.
//
// Who owns a partition is taken from the coordinator's description, except
// where the protocol says the clients already act otherwise (kafka-protocol.md
// §4): in an eager rebalance every member revokes all its partitions before it
// rejoins, so from the first read in PreparingRebalance nothing is owned until
// the new assignment arrives; in a cooperative one (cooperative-sticky, and
// KIP-848 groups) members keep what they own through the round, including
// while CompletingRebalance describes their assignment as empty, and only the
// partitions the leader takes away are without an owner until the follow-up
// round gives them out.
class GroupEventDetector
{
    Q_DECLARE_TR_FUNCTIONS(GroupEventDetector)

public:
    // After a cooperative round whose Stable assignment leaves partitions
    // without an owner, the follow-up round is waited for this long before
    // the rebalance is called complete anyway (a topic nobody subscribes to
    // any more stays unowned).
    static constexpr qint64 kFollowUpRoundWaitMs = 3000;

    // The next snapshot of the group, read at timeMs (UTC ms): the events
    // since the previous one. A snapshot whose description was not read
    // fresh is skipped (its members would read as fact), as is one of
    // another group.
    QList<GroupEvent> observe(const GroupSnapshot &snapshot, qint64 timeMs);

    // Whether the last snapshot showed a rebalance under way (the watcher
    // then polls faster).
    bool rebalanceInProgress() const { return m_rebalance.active; }
    bool hasObserved() const { return m_seen; }

    // The generation a snapshot shows: the classic generation where the
    // members' subscriptions carry it, a KIP-848 group's group epoch
    // (ConsumerGroupDescribe), -1 otherwise.
    static int generationOf(const GroupSnapshot &snapshot);
    // Whether the group is at rest: Stable, and for a KIP-848 group also
    // every member at the group epoch owning exactly its target assignment
    // (the broker's own Stable says as much; the members are checked too,
    // since the rebalance's completion is measured from them).
    static bool isSettled(const GroupSnapshot &snapshot);
    // Whether the group's members keep their partitions through a round.
    static bool isCooperative(const GroupSnapshot &snapshot);
    // States in which a round is under way.
    static bool isRebalancing(GroupState state);

private:
    struct Member
    {
        QString memberId;
        QString clientId;
        QString host;
        QString groupInstanceId;
        QSet<TopicPartition> partitions;   // as described
    };
    // Who owns which partition, by owner key (instance id for a static
    // member, so that a restart keeps its ownership; member id otherwise).
    using Ownership = QHash<TopicPartition, QString>;

    struct Rebalance
    {
        bool active = false;
        bool startMissed = false;   // begun between two reads: its duration is not known
        qint64 startedMs = 0;
        Ownership before;            // the last Stable ownership before it started
        qint64 firstStableMs = -1;   // a Stable read while waiting for the follow-up round
        QHash<TopicPartition, qint64> unownedSince;
        QMap<TopicPartition, qint64> unownedMs;   // partitions owned again, time without owner in all
        qint64 longestUnownedMs = 0;
    };

    static QString ownerKey(const Member &m) { return m.groupInstanceId.isEmpty() ? m.memberId : m.groupInstanceId; }
    static QHash<QString, Member> membersOf(const GroupSnapshot &snapshot);
    // Who owns what, from the clients' side, in this state (see the class comment).
    Ownership effectiveOwnership(const QHash<QString, Member> &members, GroupState state, bool cooperative) const;
    GroupEvent event(GroupEventKind kind, qint64 timeMs) const;
    GroupEvent memberEvent(GroupEventKind kind, const Member &m, qint64 timeMs) const;
    void trackUnowned(const Ownership &now, qint64 timeMs);
    GroupEvent completion(const Ownership &after, qint64 timeMs, const QString &reason);

    bool m_seen = false;
    QString m_groupId;
    GroupState m_state = GroupState::Unknown;
    bool m_settled = false;   // isSettled at the last read
    int m_generation = -1;
    bool m_cooperative = false;         // as the last Stable read said (the assignor is named only then)
    QHash<QString, Member> m_members;   // by member id
    Ownership m_ownership;              // effective, at the last read
    Ownership m_lastStable;             // effective, at the last Stable read
    Rebalance m_rebalance;
};

}   // namespace cohort
