// SPDX-License-Identifier: GPL-3.0-or-later
// GroupEventDetector on crafted sequences of reads of one group, shaped as
// Kafka 4.4's DescribeGroups answers them (kafka-protocol.md §4): the old
// assignment while PreparingRebalance, empty assignments while
// CompletingRebalance, the new one when Stable, the assignor only when Stable.

#include "core/rebalance/GroupEventDetector.h"
#include "core/rebalance/GroupEventJson.h"

#include <QJsonArray>
#include <QTest>

using namespace cohort;

namespace {

const QString kTopic = QStringLiteral("t");

struct M
{
    QString id;
    QList<int> partitions;
    QString instance;
};

GroupSnapshot read(GroupState state, const QList<M> &members, const QString &assignor = QStringLiteral("range"), int generation = -1)
{
    GroupSnapshot g;
    g.description.groupId = QStringLiteral("g");
    g.description.state = state;
    g.description.protocolType = QStringLiteral("consumer");
    g.description.type = GroupType::Classic;
    // DescribeGroups names the assignor only while Stable.
    g.description.protocol = state == GroupState::Stable ? assignor : QString();
    for (const M &m : members) {
        GroupMember gm;
        gm.memberId = m.id;
        gm.clientId = m.id.section(QLatin1Char('-'), 0, 0);
        gm.host = QStringLiteral("/127.0.0.1");
        gm.groupInstanceId = m.instance;
        ConsumerAssignment a;
        for (int p : m.partitions)
            a.partitions.append({kTopic, p});
        gm.assignment = a;
        g.description.members.append(gm);
    }
    g.generationId = generation;
    g.describedFreshness = Freshness::freshAt(QDateTime::currentDateTimeUtc());
    g.offsetsFreshness = g.describedFreshness;
    return g;
}

// A KIP-848 member as ConsumerGroupDescribe describes it.
struct M848
{
    QString id;
    int epoch;
    QList<int> current;
    QList<int> target;
};

// A read of a KIP-848 consumer group (ConsumerGroupDescribe): group and
// target assignment epochs, the server assignor, and per member its epoch,
// current and target assignment.
GroupSnapshot read848(GroupState state, int groupEpoch, int assignmentEpoch, const QList<M848> &members)
{
    GroupSnapshot g;
    g.description.groupId = QStringLiteral("g");
    g.description.state = state;
    g.description.protocolType = QStringLiteral("consumer");
    g.description.type = GroupType::Consumer;
    g.description.describedAsConsumerGroup = true;
    g.description.protocol = QStringLiteral("uniform");
    g.description.groupEpoch = groupEpoch;
    g.description.assignmentEpoch = assignmentEpoch;
    for (const M848 &m : members) {
        GroupMember gm;
        gm.memberId = m.id;
        gm.clientId = m.id.section(QLatin1Char('-'), 0, 0);
        gm.memberEpoch = m.epoch;
        gm.type = MemberType::Consumer;
        ConsumerAssignment a;
        QList<TopicPartition> target;
        for (int p : m.current)
            a.partitions.append({kTopic, p});
        for (int p : m.target)
            target.append({kTopic, p});
        gm.assignment = a;
        gm.targetAssignment = target;
        g.description.members.append(gm);
    }
    g.generationId = groupEpoch;   // as SnapshotBuilder sets it
    g.describedFreshness = Freshness::freshAt(QDateTime::currentDateTimeUtc());
    g.offsetsFreshness = g.describedFreshness;
    return g;
}

QList<TopicPartition> tps(const QList<int> &partitions)
{
    QList<TopicPartition> out;
    for (int p : partitions)
        out.append({kTopic, p});
    return out;
}

QList<GroupEvent> ofKind(const QList<GroupEvent> &events, GroupEventKind kind)
{
    QList<GroupEvent> out;
    for (const GroupEvent &e : events)
        if (e.kind == kind)
            out << e;
    return out;
}

// Feeds the reads at the given times; returns every event.
QList<GroupEvent> run(GroupEventDetector &d, const QList<QPair<qint64, GroupSnapshot>> &reads)
{
    QList<GroupEvent> all;
    for (const auto &[t, g] : reads)
        all += d.observe(g, t);
    return all;
}

}   // namespace

class TestGroupEventDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstReadOfAStableGroupSaysNothing()
    {
        GroupEventDetector d;
        QVERIFY(d.observe(read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}}), 0).isEmpty());
        QVERIFY(!d.rebalanceInProgress());
        QVERIFY(d.observe(read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}}), 1000).isEmpty());
    }

    void eagerJoinIsStopTheWorld()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1, 2, 3}}})},
                      {1000, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0, 1, 2, 3}}, {QStringLiteral("b-1"), {}}})},
                      {1250, read(GroupState::CompletingRebalance, {{QStringLiteral("a-1"), {}}, {QStringLiteral("b-1"), {}}})},
                      {2000, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {2, 3}}})}});
        const auto started = ofKind(events, GroupEventKind::RebalanceStarted);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().timeMs, 1000);
        QVERIFY2(started.first().reason.contains(QStringLiteral("b-1 (b) joined")), qPrintable(started.first().reason));
        const auto joined = ofKind(events, GroupEventKind::MemberJoined);
        QCOMPARE(joined.size(), 1);
        QCOMPARE(joined.first().memberId, QStringLiteral("b-1"));
        QCOMPARE(joined.first().clientId, QStringLiteral("b"));
        QCOMPARE(ofKind(events, GroupEventKind::StateChanged).size(), 3);
        // Eager: a revokes all four as it rejoins, then gets two back.
        const auto changed = ofKind(events, GroupEventKind::AssignmentChanged);
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.at(0).memberId, QStringLiteral("a-1"));
        QCOMPARE(changed.at(0).timeMs, 1000);
        QCOMPARE(changed.at(0).partitionsRemoved, tps({0, 1, 2, 3}));
        QCOMPARE(changed.at(1).partitionsAdded, tps({0, 1}));
        QCOMPARE(changed.at(2).memberId, QStringLiteral("b-1"));
        QCOMPARE(changed.at(2).partitionsAdded, tps({2, 3}));
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().durationMs, 1000);
        QCOMPARE(completed.first().partitionsMoved, 2);
        QCOMPARE(completed.first().unownedMs, 1000);   // every partition, from the first read in the round to the new assignment
        const QMap<TopicPartition, qint64> everyPartition{
            {{kTopic, 0}, 1000}, {{kTopic, 1}, 1000}, {{kTopic, 2}, 1000}, {{kTopic, 3}, 1000}};
        QCOMPARE(completed.first().unownedMsByPartition, everyPartition);
        QCOMPARE(completed.first().state, GroupState::Stable);
        QVERIFY(!d.rebalanceInProgress());
    }

    void cooperativeJoinRevokesThenAssignsInTwoRounds()
    {
        const QString coop = QStringLiteral("cooperative-sticky");
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1, 2, 3}}}, coop)},
                      {1000, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0, 1, 2, 3}}, {QStringLiteral("b-1"), {}}})},
                      {1250, read(GroupState::CompletingRebalance, {{QStringLiteral("a-1"), {}}, {QStringLiteral("b-1"), {}}})},
                      // Round one: the leader takes 2 and 3 from a and gives them to nobody yet.
                      {1500, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {}}}, coop)},
                      {1750, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {}}})},
                      {2000, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {2, 3}}}, coop)}});
        QCOMPARE(ofKind(events, GroupEventKind::RebalanceStarted).size(), 1);
        const auto changed = ofKind(events, GroupEventKind::AssignmentChanged);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).memberId, QStringLiteral("a-1"));
        QCOMPARE(changed.at(0).timeMs, 1500);
        QCOMPARE(changed.at(0).partitionsRemoved, tps({2, 3}));
        QVERIFY(changed.at(0).partitionsAdded.isEmpty());
        QCOMPARE(changed.at(1).memberId, QStringLiteral("b-1"));
        QCOMPARE(changed.at(1).timeMs, 2000);
        QCOMPARE(changed.at(1).partitionsAdded, tps({2, 3}));
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().timeMs, 2000);
        QCOMPARE(completed.first().durationMs, 1000);
        QCOMPARE(completed.first().partitionsMoved, 2);
        // Only 2 and 3, only between the rounds: shorter than the eager 1000 ms.
        QCOMPARE(completed.first().unownedMs, 500);
        const QMap<TopicPartition, qint64> movedOnly{{{kTopic, 2}, 500}, {{kTopic, 3}, 500}};
        QCOMPARE(completed.first().unownedMsByPartition, movedOnly);
    }

    void cooperativeFirstRoundBetweenReadsIsStillOneRebalance()
    {
        const QString coop = QStringLiteral("cooperative-sticky");
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1, 2, 3}}}, coop)},
                      {1000, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {}}}, coop)},
                      {1250, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {}}})},
                      {1750, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {2, 3}}}, coop)}});
        QCOMPARE(ofKind(events, GroupEventKind::RebalanceStarted).size(), 1);
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().timeMs, 1750);
        QCOMPARE(completed.first().durationMs, -1);
        QCOMPARE(completed.first().partitionsMoved, 2);
        const QMap<TopicPartition, qint64> atLeast{{{kTopic, 2}, 750}, {{kTopic, 3}, 750}};
        QCOMPARE(completed.first().unownedMsByPartition, atLeast);
        QCOMPARE(completed.first().unownedMs, 750);
    }

    void cooperativeRoundWithoutFollowUpCompletesAfterTheWait()
    {
        const QString coop = QStringLiteral("cooperative-sticky");
        GroupEventDetector d;
        QList<GroupEvent> events = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}}, coop)},
                                           {1000, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0, 1}}})},
                                           {1500, read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}}, coop)}});
        QVERIFY(ofKind(events, GroupEventKind::RebalanceCompleted).isEmpty());
        QVERIFY(d.rebalanceInProgress());
        events = d.observe(read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}}, coop), 1500 + GroupEventDetector::kFollowUpRoundWaitMs);
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().partitionsMoved, 1);
        QCOMPARE(completed.first().unownedMs, GroupEventDetector::kFollowUpRoundWaitMs);   // t-1 is still unowned
        QVERIFY(!completed.first().reason.isEmpty());
    }

    // KIP-848: b joins, the group epoch goes to 2 and the assignor gives it
    // 2 and 3 at once (target), a revokes them (its epoch catches up), b
    // takes them. The rebalance runs from the new group epoch to every
    // member at it owning its target, and 2 and 3 are unowned only between
    // a's revocation and b's taking them.
    void kip848EpochsDriveTheRebalance()
    {
        const QString a = QStringLiteral("a-1"), b = QStringLiteral("b-1");
        GroupEventDetector d;
        const QList<GroupEvent> events = run(
            d, {{0, read848(GroupState::Stable, 1, 1, {{a, 1, {0, 1, 2, 3}, {0, 1, 2, 3}}})},
                {1000, read848(GroupState::Reconciling, 2, 2, {{a, 1, {0, 1, 2, 3}, {0, 1}}, {b, 2, {}, {2, 3}}})},
                {1500, read848(GroupState::Reconciling, 2, 2, {{a, 2, {0, 1}, {0, 1}}, {b, 2, {}, {2, 3}}})},
                {2000, read848(GroupState::Stable, 2, 2, {{a, 2, {0, 1}, {0, 1}}, {b, 2, {2, 3}, {2, 3}}})}});
        const auto started = ofKind(events, GroupEventKind::RebalanceStarted);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().timeMs, 1000);
        QCOMPARE(started.first().generation, 2);
        QVERIFY2(started.first().reason.contains(QStringLiteral("b-1 (b) joined")), qPrintable(started.first().reason));
        const auto changed = ofKind(events, GroupEventKind::AssignmentChanged);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).memberId, a);
        QCOMPARE(changed.at(0).timeMs, 1500);
        QCOMPARE(changed.at(0).partitionsRemoved, tps({2, 3}));
        QCOMPARE(changed.at(1).memberId, b);
        QCOMPARE(changed.at(1).partitionsAdded, tps({2, 3}));
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().timeMs, 2000);
        QCOMPARE(completed.first().durationMs, 1000);
        QCOMPARE(completed.first().partitionsMoved, 2);
        QCOMPARE(completed.first().unownedMs, 500);
        const QMap<TopicPartition, qint64> movedOnly{{{kTopic, 2}, 500}, {{kTopic, 3}, 500}};
        QCOMPARE(completed.first().unownedMsByPartition, movedOnly);
        QVERIFY(!d.rebalanceInProgress());
    }

    // Stable as the broker says, but a member not at the group epoch yet or
    // not owning its target: still under way.
    void kip848StableWithAMemberBehindIsNotSettled()
    {
        const QString a = QStringLiteral("a-1");
        QVERIFY(GroupEventDetector::isSettled(read848(GroupState::Stable, 3, 3, {{a, 3, {0, 1}, {1, 0}}})));
        QVERIFY(!GroupEventDetector::isSettled(read848(GroupState::Stable, 3, 3, {{a, 2, {0, 1}, {0, 1}}})));
        QVERIFY(!GroupEventDetector::isSettled(read848(GroupState::Stable, 3, 3, {{a, 3, {0}, {0, 1}}})));
        QVERIFY(!GroupEventDetector::isSettled(read848(GroupState::Stable, 4, 3, {{a, 3, {0, 1}, {0, 1}}})));
        QVERIFY(!GroupEventDetector::isSettled(read848(GroupState::Assigning, 4, 3, {{a, 3, {0, 1}, {0, 1}}})));
        GroupEventDetector d;
        QList<GroupEvent> events = run(d, {{0, read848(GroupState::Stable, 3, 3, {{a, 3, {0, 1}, {0, 1}}})},
                                           {1000, read848(GroupState::Stable, 4, 4, {{a, 3, {0, 1}, {0}}})}});
        QCOMPARE(ofKind(events, GroupEventKind::RebalanceStarted).size(), 1);
        QVERIFY(ofKind(events, GroupEventKind::RebalanceCompleted).isEmpty());
        QVERIFY(d.rebalanceInProgress());
        events = d.observe(read848(GroupState::Stable, 4, 4, {{a, 4, {0}, {0}}}), 1400);
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().durationMs, 400);
        QCOMPARE(completed.first().partitionsMoved, 1);   // t-1 left a and nobody took it
    }

    // A new group epoch between two Stable reads: a whole rebalance unseen,
    // reported with unknown duration.
    void kip848EpochChangedBetweenReads()
    {
        const QString a = QStringLiteral("a-1"), b = QStringLiteral("b-1");
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read848(GroupState::Stable, 5, 5, {{a, 5, {0, 1}, {0, 1}}, {b, 5, {2, 3}, {2, 3}}})},
                      {1000, read848(GroupState::Stable, 6, 6, {{a, 6, {0, 1}, {0, 1}}, {b, 6, {2, 3}, {2, 3}}})}});
        QCOMPARE(ofKind(events, GroupEventKind::RebalanceStarted).size(), 1);
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().durationMs, -1);
        QCOMPARE(completed.first().partitionsMoved, 0);
        QCOMPARE(completed.first().generation, 6);
    }

    void leaveIsLeftOrTimedOut()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}, {QStringLiteral("b-1"), {2, 3}}})},
                      {1000, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0, 1}}})},
                      {1500, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1, 2, 3}}})}});
        const auto left = ofKind(events, GroupEventKind::MemberLeft);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().memberId, QStringLiteral("b-1"));
        QCOMPARE(left.first().timeMs, 1000);
        QCOMPARE(left.first().partitionsRemoved, tps({2, 3}));
        QVERIFY2(left.first().reason.contains(QStringLiteral("left or timed out")), qPrintable(left.first().reason));
        const auto started = ofKind(events, GroupEventKind::RebalanceStarted);
        QCOMPARE(started.size(), 1);
        QVERIFY(started.first().reason.contains(QStringLiteral("b-1 (b) left or timed out")));
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().partitionsMoved, 2);
        QCOMPARE(completed.first().durationMs, 500);
    }

    void memberThatDoesNotRejoinIsTimedOutOfTheRound()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}, {QStringLiteral("b-1"), {1}}})},
                      {1000, read(GroupState::PreparingRebalance,
                                  {{QStringLiteral("a-1"), {0}}, {QStringLiteral("b-1"), {1}}, {QStringLiteral("c-1"), {}}})},
                      {5000, read(GroupState::CompletingRebalance, {{QStringLiteral("a-1"), {}}, {QStringLiteral("c-1"), {}}})},
                      {5250, read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}, {QStringLiteral("c-1"), {1}}})}});
        const auto left = ofKind(events, GroupEventKind::MemberLeft);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().memberId, QStringLiteral("b-1"));
        QVERIFY2(left.first().reason.contains(QStringLiteral("rebalance timeout")), qPrintable(left.first().reason));
    }

    void staticMemberGoneFromStableGroupTimedOut()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}, {QStringLiteral("s-1"), {1}, QStringLiteral("s")}})},
                      {1000, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0}}})}});
        const auto left = ofKind(events, GroupEventKind::MemberLeft);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().groupInstanceId, QStringLiteral("s"));
        QVERIFY2(left.first().reason.contains(QStringLiteral("session timed out")), qPrintable(left.first().reason));
    }

    void staticMemberRestartWithinSessionTimeoutIsNoRebalance()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events = run(
            d,
            {{0, read(GroupState::Stable, {{QStringLiteral("s-1"), {0, 1}, QStringLiteral("s")}, {QStringLiteral("b-1"), {2}}}, {}, 4)},
             {1000, read(GroupState::Stable, {{QStringLiteral("s-2"), {0, 1}, QStringLiteral("s")}, {QStringLiteral("b-1"), {2}}}, {}, 4)},
             {2000,
              read(GroupState::Stable, {{QStringLiteral("s-2"), {0, 1}, QStringLiteral("s")}, {QStringLiteral("b-1"), {2}}}, {}, 4)}});
        QVERIFY(ofKind(events, GroupEventKind::RebalanceStarted).isEmpty());
        QVERIFY(ofKind(events, GroupEventKind::RebalanceCompleted).isEmpty());
        QVERIFY(ofKind(events, GroupEventKind::AssignmentChanged).isEmpty());
        QVERIFY(ofKind(events, GroupEventKind::StateChanged).isEmpty());
        const auto left = ofKind(events, GroupEventKind::MemberLeft);
        const auto joined = ofKind(events, GroupEventKind::MemberJoined);
        QCOMPARE(left.size(), 1);
        QCOMPARE(joined.size(), 1);
        QVERIFY2(left.first().reason.startsWith(QStringLiteral("fenced")), qPrintable(left.first().reason));
        QVERIFY2(joined.first().reason.contains(QStringLiteral("does not rebalance")), qPrintable(joined.first().reason));
        QVERIFY(!d.rebalanceInProgress());
    }

    void rebalanceBetweenTwoReadsHasUnknownTimes()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}}, {}, 3)},
                                                 {1000, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}}, {}, 4)}});
        QCOMPARE(ofKind(events, GroupEventKind::RebalanceStarted).size(), 1);
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().generation, 4);
        QCOMPARE(completed.first().partitionsMoved, 0);
        QCOMPARE(completed.first().durationMs, -1);
        QCOMPARE(completed.first().unownedMs, -1);
    }

    void emptyGroupReadStableNextHadItsFirstRound()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events
            = run(d, {{0, read(GroupState::Empty, {})}, {1000, read(GroupState::Stable, {{QStringLiteral("a-1"), {0, 1}}})}});
        QCOMPARE(ofKind(events, GroupEventKind::MemberJoined).size(), 1);
        const auto started = ofKind(events, GroupEventKind::RebalanceStarted);
        QCOMPARE(started.size(), 1);
        QVERIFY(started.first().reason.contains(QStringLiteral("a-1 (a) joined")));
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().partitionsMoved, 2);
        QCOMPARE(completed.first().durationMs, -1);
    }

    void groupEmptiedEndsTheRebalance()
    {
        GroupEventDetector d;
        const QList<GroupEvent> events = run(d, {{0, read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}})},
                                                 {1000, read(GroupState::PreparingRebalance, {{QStringLiteral("a-1"), {0}}})},
                                                 {1500, read(GroupState::Empty, {})}});
        const auto completed = ofKind(events, GroupEventKind::RebalanceCompleted);
        QCOMPARE(completed.size(), 1);
        QCOMPARE(completed.first().state, GroupState::Empty);
        QCOMPARE(completed.first().unownedMs, 500);
    }

    void staleReadIsSkipped()
    {
        GroupEventDetector d;
        d.observe(read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}}), 0);
        GroupSnapshot stale = read(GroupState::Empty, {});
        stale.describedFreshness
            = Freshness::failed(KafkaError::make(7, QStringLiteral("REQUEST_TIMED_OUT"), {}), QDateTime::currentDateTimeUtc());
        QVERIFY(d.observe(stale, 1000).isEmpty());
        QVERIFY(d.observe(read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}}), 2000).isEmpty());
    }

    void watchBeganDuringARebalance()
    {
        GroupEventDetector d;
        const auto events = d.observe(read(GroupState::CompletingRebalance, {{QStringLiteral("a-1"), {}}}), 0);
        QCOMPARE(ofKind(events, GroupEventKind::RebalanceStarted).size(), 1);
        QVERIFY(d.rebalanceInProgress());
        const auto done = d.observe(read(GroupState::Stable, {{QStringLiteral("a-1"), {0}}}), 300);
        QCOMPARE(ofKind(done, GroupEventKind::RebalanceCompleted).size(), 1);
    }

    void jsonHasTheIssuesKeys()
    {
        GroupEvent e;
        e.timeMs = 1764590400123;   // 2025-12-01T12:00:00.123Z
        e.groupId = QStringLiteral("g");
        e.kind = GroupEventKind::RebalanceCompleted;
        e.state = GroupState::Stable;
        e.generation = 5;
        e.partitionsAdded = tps({1});
        e.durationMs = 800;
        e.partitionsMoved = 2;
        e.unownedMs = 0;
        const QJsonObject o = GroupEventJson::toJson(e);
        QCOMPARE(o.value(QStringLiteral("time")).toString(), QStringLiteral("2025-12-01T12:00:00.123Z"));
        QCOMPARE(o.value(QStringLiteral("event")).toString(), QStringLiteral("rebalance_completed"));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
        QCOMPARE(o.value(QStringLiteral("generation")).toInt(), 5);
        QVERIFY(o.value(QStringLiteral("member_id")).isNull());
        QVERIFY(o.value(QStringLiteral("client_id")).isNull());
        QCOMPARE(o.value(QStringLiteral("partitions_added")).toArray(), QJsonArray{QStringLiteral("t-1")});
        QCOMPARE(o.value(QStringLiteral("partitions_removed")).toArray(), QJsonArray{});
        QCOMPARE(o.value(QStringLiteral("duration_ms")).toInt(), 800);
        QCOMPARE(o.value(QStringLiteral("partitions_moved")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("unowned_ms")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGroupEventDetector)
#include "tst_group_event_detector.moc"
