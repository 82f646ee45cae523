// SPDX-License-Identifier: GPL-3.0-or-later
// RebalanceSighting on sequences of whole-cluster refreshes of one group, as
// Kafka 4.4 describes a group at each: a classic group's member ids change
// when members rejoin as new ones (a restarted dynamic consumer gets a new
// id), its generation is known only where the subscriptions carry it
// (cooperative-sticky's userData), and a KIP-848 group's group epoch goes up
// by one per target assignment (joins, leaves, subscription changes).

#include "core/rebalance/RebalanceSighting.h"

#include <QTest>

using namespace cohort;

namespace {

constexpr qint64 kT0 = 1'760'000'000'000;

GroupSnapshot read(GroupState state, const QStringList &members, int generation = -1, bool kip848 = false)
{
    GroupSnapshot g;
    g.description.groupId = QStringLiteral("g");
    g.description.state = state;
    g.description.describedAsConsumerGroup = kip848;
    g.description.groupEpoch = kip848 ? generation : -1;
    for (const QString &id : members) {
        GroupMember m;
        m.memberId = id;
        g.description.members.append(m);
    }
    g.generationId = generation;
    g.describedFreshness = Freshness::freshAt(QDateTime::currentDateTimeUtc());
    g.offsetsFreshness = g.describedFreshness;
    return g;
}

}   // namespace

class TestRebalanceSighting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstReadIsTheBaseline()
    {
        RebalanceSighting s;
        QVERIFY(!s.observe(read(GroupState::Stable, {QStringLiteral("a"), QStringLiteral("b")}), kT0));
        QVERIFY(!s.observe(read(GroupState::Stable, {QStringLiteral("b"), QStringLiteral("a")}), kT0 + 5000));   // order is no change
        QVERIFY(!s.observe(read(GroupState::Stable, {QStringLiteral("a"), QStringLiteral("b")}), kT0 + 10000));
    }

    void aMemberReplacedBetweenReads()
    {
        // A dynamic consumer restarted between two refreshes: a new member id,
        // the same count, and both reads Stable.
        RebalanceSighting s;
        s.observe(read(GroupState::Stable, {QStringLiteral("a-1"), QStringLiteral("b-1")}), kT0);
        const auto e = s.observe(read(GroupState::Stable, {QStringLiteral("a-1"), QStringLiteral("b-2")}), kT0 + 5000);
        QVERIFY(e);
        QCOMPARE(e->kind, GroupEventKind::RebalanceCompleted);
        QCOMPARE(e->groupId, QStringLiteral("g"));
        QCOMPARE(e->timeMs, kT0 + 5000);
        QCOMPARE(e->state, GroupState::Stable);
        QCOMPARE(e->durationMs, -1);       // not timed: seen between two reads
        QCOMPARE(e->partitionsMoved, -1);
        QCOMPARE(e->reason, QStringLiteral("Seen between two refreshes: other members, 2 in all"));
        QVERIFY(!s.observe(read(GroupState::Stable, {QStringLiteral("a-1"), QStringLiteral("b-2")}), kT0 + 10000));
    }

    void aMemberLeft()
    {
        RebalanceSighting s;
        s.observe(read(GroupState::Stable, {QStringLiteral("a"), QStringLiteral("b")}), kT0);
        const auto e = s.observe(read(GroupState::Stable, {QStringLiteral("a")}), kT0 + 5000);
        QVERIFY(e);
        QCOMPARE(e->reason, QStringLiteral("Seen between two refreshes: 2 → 1 members"));
    }

    void aReadInTheMiddleOfARound()
    {
        // Stable, then PreparingRebalance (a member rejoining with the same
        // id, e.g. after max.poll.interval.ms), then Stable with the same
        // members: one rebalance, counted when the group is at rest again.
        RebalanceSighting s;
        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        s.observe(read(GroupState::Stable, ab), kT0);
        QVERIFY(!s.observe(read(GroupState::PreparingRebalance, ab), kT0 + 5000));
        QVERIFY(!s.observe(read(GroupState::CompletingRebalance, ab), kT0 + 10000));
        const auto e = s.observe(read(GroupState::Stable, ab), kT0 + 15000);
        QVERIFY(e);
        QCOMPARE(e->timeMs, kT0 + 15000);
        QCOMPARE(e->reason, QStringLiteral("Seen between two refreshes: the group was not at rest"));
    }

    void aGenerationThatMoved()
    {
        // Cooperative-sticky: the subscriptions carry the generation; two
        // rounds with the same members in the end still show.
        RebalanceSighting s;
        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        s.observe(read(GroupState::Stable, ab, 7), kT0);
        QVERIFY(!s.observe(read(GroupState::Stable, ab, 7), kT0 + 5000));
        const auto e = s.observe(read(GroupState::Stable, ab, 9), kT0 + 10000);
        QVERIFY(e);
        QCOMPARE(e->generation, 9);
        QCOMPARE(e->reason, QStringLiteral("Seen between two refreshes: generation 7 → 9"));
    }

    void aKip848GroupEpoch()
    {
        RebalanceSighting s;
        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        s.observe(read(GroupState::Stable, ab, 3, true), kT0);
        QVERIFY(!s.observe(read(GroupState::Reconciling, ab, 4, true), kT0 + 5000));
        const auto e = s.observe(read(GroupState::Stable, ab, 4, true), kT0 + 10000);
        QVERIFY(e);
        QCOMPARE(e->generation, 4);
        QCOMPARE(e->reason, QStringLiteral("Seen between two refreshes: group epoch 3 → 4"));
    }

    void emptyGroupsDoNotRebalance()
    {
        // Consumers stopped: Empty, and Empty again, is no rebalance; their
        // coming back (a join) is one.
        RebalanceSighting s;
        s.observe(read(GroupState::Stable, {QStringLiteral("a")}), kT0);
        QVERIFY(!s.observe(read(GroupState::Empty, {}), kT0 + 5000));
        QVERIFY(!s.observe(read(GroupState::Empty, {}), kT0 + 10000));
        QVERIFY(s.observe(read(GroupState::Stable, {QStringLiteral("a2")}), kT0 + 15000));
        // A group first seen Empty: its consumers starting is a rebalance too.
        RebalanceSighting fresh;
        QVERIFY(!fresh.observe(read(GroupState::Empty, {}), kT0));
        const auto e = fresh.observe(read(GroupState::Stable, {QStringLiteral("a")}), kT0 + 5000);
        QVERIFY(e);
        QCOMPARE(e->reason, QStringLiteral("Seen between two refreshes: the group was not at rest"));
    }

    void staleDescriptionsAreIgnored()
    {
        RebalanceSighting s;
        s.observe(read(GroupState::Stable, {QStringLiteral("a")}), kT0);
        GroupSnapshot carried = read(GroupState::Stable, {QStringLiteral("b")});
        carried.describedFreshness = Freshness::failed(KafkaError::make(7, QStringLiteral("REQUEST_TIMED_OUT"), {}),
                                                       QDateTime::fromMSecsSinceEpoch(kT0, Qt::UTC));
        QVERIFY(!s.observe(carried, kT0 + 5000));
        QVERIFY(!s.observe(read(GroupState::Stable, {QStringLiteral("a")}), kT0 + 10000));
    }
};

QTEST_GUILESS_MAIN(TestRebalanceSighting)
#include "tst_rebalance_sighting.moc"
