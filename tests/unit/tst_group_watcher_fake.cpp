// SPDX-License-Identifier: GPL-3.0-or-later
// GroupWatcher on a fake client: one read in flight at most however slow the
// cluster answers, the faster interval while a rebalance is under way, the
// events kept by the session after the watch stops, a failed read told and
// the watch going on.

#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"
#include "support/FakeClusterClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

const QString kGroup = QStringLiteral("g");

GroupDescription groupIn(GroupState state, const QList<GroupMember> &members)
{
    GroupDescription g;
    g.groupId = kGroup;
    g.state = state;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = state == GroupState::Stable ? QStringLiteral("range") : QString();
    g.coordinatorId = 1;
    g.members = members;
    return g;
}

void setGroup(FakeClusterClient &client, const GroupDescription &g)
{
    ClusterMetadata md;
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}};
    md.topics = {TopicInfo{QStringLiteral("t"), false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 1, {1}, 0}}, 0}};
    GroupOffsets offsets{kGroup,
                         {CommittedOffset{{QStringLiteral("t"), 0}, 5, -1, {}}, CommittedOffset{{QStringLiteral("t"), 1}, 5, -1, {}}}};
    client.setCluster(
        md, {g}, {{kGroup, offsets}},
        {{TopicPartition{QStringLiteral("t"), 0}, Watermarks{0, 9}}, {TopicPartition{QStringLiteral("t"), 1}, Watermarks{0, 9}}});
}

GroupMember member(const QString &id, const QList<TopicPartition> &owned)
{
    return fakeMember(id, id.section(QLatin1Char('-'), 0, 0), {QStringLiteral("t")}, owned);
}

}   // namespace

class TestGroupWatcherFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neverMoreThanOneReadInFlight()
    {
        auto client = std::make_shared<FakeClusterClient>();
        setGroup(*client, groupIn(GroupState::Stable, {member(QStringLiteral("a-1"), {{QStringLiteral("t"), 0}})}));
        ClusterSession session(client, QStringLiteral("dev"));
        GroupWatcher *w = session.groupWatcher(kGroup);
        w->setIntervals(10, 5);
        client->setHoldDescribe(true);
        w->start();
        QTRY_COMPARE_WITH_TIMEOUT(client->heldCount(), 1, 10000);
        // Forty idle intervals with the answer held: still the one request.
        QTest::qWait(400);
        QCOMPARE(client->heldCount(), 1);
        QCOMPARE(client->described().size(), 1);
        QVERIFY(w->isReading());
        client->setHoldDescribe(false);
        client->release();
        QTRY_VERIFY_WITH_TIMEOUT(w->readsDone() >= 3, 10000);
        w->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w->isReading(), 10000);
        const int asked = int(client->described().size());
        QTest::qWait(100);
        QCOMPARE(int(client->described().size()), asked);   // stopped: no more reads
    }

    void readsFasterDuringARebalanceAndKeepsTheEvents()
    {
        auto client = std::make_shared<FakeClusterClient>();
        const GroupMember a = member(QStringLiteral("a-1"), {{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}});
        setGroup(*client, groupIn(GroupState::Stable, {a}));
        ClusterSession session(client, QStringLiteral("dev"));
        GroupWatcher *w = session.groupWatcher(kGroup);
        QCOMPARE(session.groupWatcher(kGroup), w);   // one per group, kept
        w->setIntervals(50, 10);
        QSignalSpy events(w, &GroupWatcher::eventsSeen);
        w->start();
        QTRY_VERIFY_WITH_TIMEOUT(w->hasObserved(), 10000);
        QCOMPARE(w->currentIntervalMs(), 50);

        setGroup(*client, groupIn(GroupState::PreparingRebalance, {a, member(QStringLiteral("b-1"), {})}));
        QTRY_VERIFY_WITH_TIMEOUT(w->rebalanceInProgress(), 10000);
        QCOMPARE(w->currentIntervalMs(), 10);
        setGroup(*client, groupIn(GroupState::Stable, {member(QStringLiteral("a-1"), {{QStringLiteral("t"), 0}}),
                                                       member(QStringLiteral("b-1"), {{QStringLiteral("t"), 1}})}));
        QTRY_VERIFY_WITH_TIMEOUT(!w->rebalanceInProgress(), 10000);
        QCOMPARE(w->currentIntervalMs(), 50);
        w->stop();

        QList<GroupEventKind> kinds;
        for (const GroupEvent &e : session.groupWatcher(kGroup)->events())
            kinds << e.kind;
        QVERIFY(kinds.contains(GroupEventKind::RebalanceStarted));
        QVERIFY(kinds.contains(GroupEventKind::MemberJoined));
        QVERIFY(kinds.contains(GroupEventKind::RebalanceCompleted));
        int signalled = 0;
        for (const QList<QVariant> &args : std::as_const(events))
            signalled += int(args.first().value<QList<GroupEvent>>().size());
        QCOMPARE(signalled, int(w->events().size()));
        QCOMPARE(session.groupWatchers(), QList<GroupWatcher *>{w});
    }

    void failedReadIsToldAndTheWatchGoesOn()
    {
        auto client = std::make_shared<FakeClusterClient>();
        setGroup(*client, groupIn(GroupState::Stable, {member(QStringLiteral("a-1"), {{QStringLiteral("t"), 0}})}));
        ClusterSession session(client, QStringLiteral("dev"));
        GroupWatcher *w = session.groupWatcher(kGroup);
        w->setIntervals(10, 10);
        QSignalSpy failed(w, &GroupWatcher::readFailed);
        client->setDown(true);
        w->start();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 2, 10000);
        QVERIFY(!w->hasObserved());
        client->setDown(false);
        QTRY_VERIFY_WITH_TIMEOUT(w->hasObserved(), 10000);
        w->stop();
    }
};

QTEST_GUILESS_MAIN(TestGroupWatcherFake)
#include "tst_group_watcher_fake.moc"
