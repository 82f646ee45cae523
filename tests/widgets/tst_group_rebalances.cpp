// SPDX-License-Identifier: GPL-3.0-or-later
// Rebalances in the window, on a fake cluster: a group page watches its group
// while it is shown and stops when hidden; a rebalance the watcher sees
// reaches the session's lag history once (the charts' markers), the page's
// rebalance table and its timeline; the Groups page's "Rebalances (24 h)"
// column counts the rebalances the history store holds, asynchronously, and
// sorts the busiest first.

#include "FakeClusterClient.h"

#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"
#include "models/GroupTableModel.h"
#include "models/RebalanceHistoryModel.h"
#include "ui/GroupPage.h"
#include "ui/GroupRebalancesTab.h"
#include "ui/GroupsPage.h"
#include "widgets/LagChart.h"
#include "widgets/LagChartsPanel.h"
#include "widgets/RebalanceTimeline.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace cohort;
using namespace cohort::test;

namespace {

const QString kTopic = QStringLiteral("timeline-events");

ClusterMetadata metadata()
{
    ClusterMetadata md;
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}};
    md.topics = {TopicInfo{kTopic, false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 1, {1}, 0}}, 0}};
    return md;
}

GroupDescription group(const QString &id, const QList<GroupMember> &members)
{
    GroupDescription g;
    g.groupId = id;
    g.state = GroupState::Stable;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = QStringLiteral("range");
    g.coordinatorId = 1;
    g.members = members;
    return g;
}

void setGroups(FakeClusterClient &client, const QList<GroupDescription> &groups)
{
    QHash<QString, GroupOffsets> offsets;
    for (const GroupDescription &g : groups)
        offsets.insert(g.groupId, GroupOffsets{g.groupId, {CommittedOffset{{kTopic, 0}, 10, -1, {}}, CommittedOffset{{kTopic, 1}, 10, -1, {}}}});
    client.setCluster(metadata(), groups, offsets, {{TopicPartition{kTopic, 0}, Watermarks{0, 100}}, {TopicPartition{kTopic, 1}, Watermarks{0, 100}}});
}

int count(const QList<GroupEvent> &events, GroupEventKind kind)
{
    return int(std::count_if(events.cbegin(), events.cend(), [kind](const GroupEvent &e) { return e.kind == kind; }));
}

}   // namespace

class TestGroupRebalances : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void thePageWatchesWhileShownAndShowsWhatItSaw()
    {
        auto client = std::make_shared<FakeClusterClient>();
        const QString id = QStringLiteral("timeline-group");
        setGroups(*client, {group(id, {fakeMember(QStringLiteral("m-1"), QStringLiteral("one"), {kTopic}, {{kTopic, 0}, {kTopic, 1}})})});
        ClusterSession session(client, QStringLiteral("fake"));
        session.setPaused(true);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        GroupWatcher *watcher = session.groupWatcher(id);
        watcher->setIntervals(20, 20);

        GroupPage page(&session, id);
        QAbstractItemModelTester tester(page.rebalancesTab()->historyModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QVERIFY(!watcher->isWatching());
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(watcher->isWatching());
        QTRY_VERIFY_WITH_TIMEOUT(watcher->hasObserved(), 10000);

        // A second member joins and takes a partition: a whole rebalance between two reads.
        setGroups(*client, {group(id, {fakeMember(QStringLiteral("m-1"), QStringLiteral("one"), {kTopic}, {{kTopic, 0}}),
                                       fakeMember(QStringLiteral("m-2"), QStringLiteral("two"), {kTopic}, {{kTopic, 1}})})});
        LagHistory *history = session.lagHistory();
        const qint64 all = std::numeric_limits<qint64>::max() / 2;
        QTRY_COMPARE_WITH_TIMEOUT(count(history->events(id, 0, all), GroupEventKind::RebalanceCompleted), 1, 10000);
        const QList<GroupEvent> events = history->events(id, 0, all);
        QCOMPARE(count(events, GroupEventKind::RebalanceStarted), 1);
        QCOMPARE(count(events, GroupEventKind::MemberJoined), 1);
        QCOMPARE(count(events, GroupEventKind::AssignmentChanged), 2);   // m-1 lost 1, m-2 gained it
        // What the watcher saw, once: the same count as its own list (no state change here).
        QCOMPARE(events.size(), watcher->events().size());

        QTRY_COMPARE_WITH_TIMEOUT(page.rebalancesTab()->historyModel()->rowCount(), 1, 5000);
        QCOMPARE(page.rebalancesTab()->historyModel()->index(0, RebalanceHistoryModel::PartitionsMoved).data().toString(),
                 QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(page.rebalancesTab()->timeline()->laneCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page.rebalancesTab()->timeline()->markerCount(), int(events.size()), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page.lagCharts()->totalLagChart()->markerCount(), int(events.size()), 5000);

        // Hidden (another tab chosen): the watcher stops; shown again: it polls again.
        page.hide();
        QVERIFY(!watcher->isWatching());
        const quint64 reads = watcher->readsDone();
        QTest::qWait(200);
        QVERIFY(watcher->readsDone() <= reads + 1);   // at most the read in flight when it stopped
        page.show();
        QVERIFY(watcher->isWatching());
        QTRY_VERIFY_WITH_TIMEOUT(watcher->readsDone() > reads + 1, 5000);
    }

    void theGroupsPageCountsStoredRebalances()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto client = std::make_shared<FakeClusterClient>();
        const QString busy = QStringLiteral("timeline-busy");
        const QString calm = QStringLiteral("timeline-calm");
        setGroups(*client, {group(busy, {}), group(calm, {})});
        ClusterSession session(client, QStringLiteral("fake"));
        session.attachHistory(dir.filePath(QStringLiteral("history.sqlite")));
        session.setPaused(true);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        GroupTableModel groups;
        QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::Fatal);
        GroupsPage page(&groups);
        page.setSession(&session);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(groups.rowCount(), 2, 10000);
        const int busyRow = groups.rowOf(busy);
        const int calmRow = groups.rowOf(calm);
        // Known, and none yet.
        QTRY_COMPARE_WITH_TIMEOUT(groups.index(busyRow, GroupTableModel::Rebalances).data().toString(), QStringLiteral("0"), 5000);

        // Three rebalances of one group, one of them a day and a half ago (outside the 24 h).
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<GroupEvent> done;
        for (const qint64 ago : {60'000LL, 120'000LL, 36LL * 3600 * 1000}) {
            GroupEvent e;
            e.timeMs = now - ago;
            e.groupId = busy;
            e.kind = GroupEventKind::RebalanceCompleted;
            e.durationMs = 1000;
            done << e;
        }
        session.lagHistory()->addEvents(done);
        QTRY_COMPARE_WITH_TIMEOUT(groups.index(busyRow, GroupTableModel::Rebalances).data().toString(), QStringLiteral("2"), 10000);
        QCOMPARE(groups.index(calmRow, GroupTableModel::Rebalances).data().toString(), QStringLiteral("0"));
        QCOMPARE(groups.headerData(GroupTableModel::Rebalances, Qt::Horizontal).toString(), QStringLiteral("Rebalances (24 h)"));
        // Sorted by it, descending: the busiest first.
        page.view()->sortByColumn(GroupTableModel::Rebalances, Qt::DescendingOrder);
        QCOMPARE(page.view()->model()->index(0, GroupTableModel::GroupId).data().toString(), busy);
    }

    void withoutAHistoryFileTheCountIsUnknown()
    {
        auto client = std::make_shared<FakeClusterClient>();
        setGroups(*client, {group(QStringLiteral("timeline-none"), {})});
        ClusterSession session(client, QStringLiteral("fake"));
        session.setPaused(true);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        GroupTableModel groups;
        GroupsPage page(&groups);
        page.setSession(&session);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(groups.rowCount(), 1, 10000);
        QCOMPARE(groups.index(0, GroupTableModel::Rebalances).data().toString(), QStringLiteral("–"));
        QVERIFY(groups.index(0, GroupTableModel::Rebalances).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no history file")));
    }
};

QTEST_MAIN(TestGroupRebalances)
#include "tst_group_rebalances.moc"
