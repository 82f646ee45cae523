// SPDX-License-Identifier: GPL-3.0-or-later
// Pages subscribe to a ClusterSession themselves: the Groups and Topics
// pages and a group page follow its snapshots and staleness, a group page its
// group's fast refresh, and switching sessions (in the window too) clears the
// old cluster's rows and tabs and never shows a late answer of the old one;
// the session's lag history feeds a group page's charts and the Groups
// page's status, sparkline and trend columns, merged in place.

#include "FakeClusterClient.h"

#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/GroupTableModel.h"
#include "models/MemberTableModel.h"
#include "models/Theme.h"
#include "models/TopicTableModel.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/TopicsPage.h"
#include "widgets/LagChart.h"
#include "widgets/LagChartsPanel.h"
#include "widgets/QCustomPlotHeader.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

// The fake answers at once, so a result may be delivered inside the call
// that asked for it (a continuation on a finished future runs directly):
// tests count signals with QTRY rather than QSignalSpy::wait.

namespace {

// One topic and one consumer group on it, named after the cluster.
std::shared_ptr<FakeClusterClient> cluster(const QString &name, qint64 committed)
{
    auto client = std::make_shared<FakeClusterClient>();
    const QString topic = name + QStringLiteral("-events");
    ClusterMetadata md;
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}};
    md.topics = {TopicInfo{topic, false, {PartitionInfo{0, 1, {1}, 0}}, 0}};
    GroupDescription g;
    g.groupId = name + QStringLiteral("-group");
    g.state = GroupState::Stable;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = QStringLiteral("range");
    g.coordinatorId = 1;
    g.members = {fakeMember(QStringLiteral("m-1"), name + QStringLiteral("-client"), {topic}, {TopicPartition{topic, 0}})};
    client->setCluster(md, {g}, {{g.groupId, GroupOffsets{g.groupId, {CommittedOffset{{topic, 0}, committed, -1, {}}}}}},
                       {{TopicPartition{topic, 0}, Watermarks{0, 100}}});
    return client;
}

}   // namespace

class TestSessionPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesFollowTheirSession()
    {
        auto alpha = cluster(QStringLiteral("alpha"), 90);
        ClusterSession session(alpha, QStringLiteral("alpha"));
        session.setPaused(true);
        GroupTableModel groups;
        GroupsPage groupsPage(&groups);
        TopicTableModel topics;
        TopicsPage topicsPage(&topics);
        groupsPage.setSession(&session);
        topicsPage.setSession(&session);
        QCOMPARE(groupsPage.session(), &session);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(groups.rowCount(), 1, 10000);
        const int row = groups.rowOf(QStringLiteral("alpha-group"));
        QVERIFY(row >= 0);
        QCOMPARE(groups.index(row, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong(), 10);   // 100 - 90
        QTRY_COMPARE_WITH_TIMEOUT(topics.rowCount(), 1, 10000);

        // A group page opened now shows the last snapshot at once.
        GroupPage page(&session, QStringLiteral("alpha-group"));
        QVERIFY(page.hasData());
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("10 msgs"));

        // The cluster stops answering: every page says so from the session.
        alpha->setDown(true);
        QSignalSpy failed(&session, &ClusterSession::refreshFailed);
        session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QVERIFY(groups.isStale());
        QVERIFY(page.isStale());
        QVERIFY(page.noticeText().contains(QLatin1String("not answering")));
        alpha->setDown(false);
        session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10000);
        QVERIFY(!groups.isStale());
        QVERIFY(!page.isStale());
    }

    void aGroupPageFollowsItsGroupsFastRefreshOnly()
    {
        auto alpha = cluster(QStringLiteral("alpha"), 90);
        ClusterSession session(alpha, QStringLiteral("alpha"));
        session.setPaused(true);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        GroupPage page(&session, QStringLiteral("alpha-group"));
        GroupPage other(&session, QStringLiteral("no-such-group"));
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("10 msgs"));

        alpha->setOffsets(QStringLiteral("alpha-group"),
                          GroupOffsets{QStringLiteral("alpha-group"), {CommittedOffset{{QStringLiteral("alpha-events"), 0}, 60, -1, {}}}});
        QSignalSpy refreshed(&session, &ClusterSession::groupRefreshed);
        const auto fast = session.refreshGroup(QStringLiteral("alpha-group"));
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 10000);
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("40 msgs"));   // 100 - 60, without a whole refresh
        QCOMPARE(ready.size(), 1);
        QVERIFY(!other.hasData());
        QVERIFY(other.isGone());
    }

    void theLagHistoryFeedsChartsAndColumns()
    {
        auto alpha = cluster(QStringLiteral("alpha"), 90);
        ClusterSession session(alpha, QStringLiteral("alpha"));
        session.setPaused(true);
        GroupTableModel groups;
        QAbstractItemModelTester tester(&groups, QAbstractItemModelTester::FailureReportingMode::Fatal);
        GroupsPage groupsPage(&groups);
        groupsPage.setSession(&session);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        QSignalSpy resets(&groups, &QAbstractItemModel::modelReset);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(groups.rowCount(), 1, 10000);
        const int row = groups.rowOf(QStringLiteral("alpha-group"));
        // One sample: Burrow has nothing to judge yet (OK); the sparkline has the one lag.
        QCOMPARE(groups.index(row, GroupTableModel::Status).data().toString(), QStringLiteral("OK"));
        QCOMPARE(groups.index(row, GroupTableModel::Status).data(GroupTableModel::LagStatusRole).toInt(), int(LagStatusRules::Status::Ok));
        QCOMPARE(groups.index(row, GroupTableModel::Lag).data(GroupTableModel::LagTrendRole).value<QList<qint64>>(), (QList<qint64>{10}));

        GroupPage page(&session, QStringLiteral("alpha-group"));
        LagChart *total = page.lagCharts()->totalLagChart();
        QCOMPARE(total->seriesNames().size(), 1);
        QCOMPARE(total->pointCount(total->seriesNames().first()), 1);

        // The consumer falls back to 60 (lag 40): the next refresh, within the
        // same 5 s bucket of the history, replaces the sample in the chart and
        // the sparkline, merged into the row in place.
        alpha->setOffsets(QStringLiteral("alpha-group"),
                          GroupOffsets{QStringLiteral("alpha-group"), {CommittedOffset{{QStringLiteral("alpha-events"), 0}, 60, -1, {}}}});
        QSignalSpy changed(&groups, &QAbstractItemModel::dataChanged);
        session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT((total->plot()->graph(0)->data()->constEnd() - 1)->value, 40.0, 10000);
        QCOMPARE(groups.index(row, GroupTableModel::Lag).data(GroupTableModel::LagTrendRole).value<QList<qint64>>().last(), 40);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(resets.count(), 0);
        // The open page asks the history for the group's partitions, which the chart then shows.
        QCOMPARE(session.lagHistory()->partitions(QStringLiteral("alpha-group")),
                 (QList<TopicPartition>{{QStringLiteral("alpha-events"), 0}}));
        QCOMPARE(page.lagCharts()->partitionChart()->seriesNames(), QStringList{QStringLiteral("alpha-events-0")});
        // The offset went back: the partition's REWIND makes the group ERR (Burrow), the reason as the tooltip.
        const QModelIndex status = groups.index(row, GroupTableModel::Status);
        QCOMPARE(status.data().toString(), QStringLiteral("ERR"));
        QVERIFY2(status.data(Qt::ToolTipRole).toString().contains(QLatin1String("alpha-events-0")),
                 qPrintable(status.data(Qt::ToolTipRole).toString()));
        QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), Theme::current().lagStatus(LagStatusRules::Status::Err));
    }

    void switchingSessionsClearsRowsAndDropsLateAnswers()
    {
        auto alpha = cluster(QStringLiteral("alpha"), 90);
        auto beta = cluster(QStringLiteral("beta"), 95);
        MainWindow window;
        window.connectTo(alpha, QStringLiteral("alpha"));
        GroupTableModel *groups = window.groupModel();
        QTRY_VERIFY_WITH_TIMEOUT(groups->rowOf(QStringLiteral("alpha-group")) >= 0, 10000);
        QVERIFY(window.openGroup(QStringLiteral("alpha-group")));
        QCOMPARE(window.tabs()->count(), 3);
        ClusterSession *first = window.session();
        QCOMPARE(window.groupsPage()->session(), first);

        // alpha's next answer is held back, and only comes after the switch.
        alpha->setHoldDescribe(true);
        window.monitor()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(alpha->heldCount(), 1, 10000);
        window.connectTo(beta, QStringLiteral("beta"));
        QCOMPARE(groups->rowOf(QStringLiteral("alpha-group")), -1);   // at once, before beta answers
        QCOMPARE(window.tabs()->count(), 2);                          // the group tab went
        QCOMPARE(window.groupPage(QStringLiteral("alpha-group")), nullptr);
        QCOMPARE(window.groupsPage()->session(), window.session());
        QCOMPARE(window.topicsPage()->session(), window.session());
        QTRY_VERIFY_WITH_TIMEOUT(groups->rowOf(QStringLiteral("beta-group")) >= 0, 10000);

        // Any row inserted from now on could only be alpha's late answer.
        QSignalSpy inserted(groups, &QAbstractItemModel::rowsInserted);
        QSignalSpy shown(&window, &MainWindow::snapshotShown);
        alpha->release();
        // Nothing holds alpha's client any more: its session is gone and its
        // last refresh ran to its end (whatever it answered was posted by now).
        QTRY_COMPARE_WITH_TIMEOUT(alpha.use_count(), 1L, 10000);
        window.monitor()->refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        QCOMPARE(shown.first().first().value<ClusterSnapshot>().groups.first().groupId(), QStringLiteral("beta-group"));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(groups->rowOf(QStringLiteral("alpha-group")), -1);
        QCOMPARE(groups->rowCount(), 1);
        QCOMPARE(window.topicModel()->rowCount(), 1);
    }
};

QTEST_MAIN(TestSessionPages)
#include "tst_session_pages.moc"
