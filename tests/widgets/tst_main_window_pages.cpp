// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a sandbox cluster with two real librdkafka consumers:
// double-clicking the group opens its page (members, assignment, partitions),
// re-opening focuses the same tab, the Topics page lists the topic with its
// consuming group and opens the group from there.

#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/ClusterMonitor.h"
#include "models/AssignmentTreeModel.h"
#include "models/GroupTableModel.h"
#include "models/MemberTableModel.h"
#include "models/PartitionTableModel.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTableModel.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/MainWindow.h"
#include "ui/TopicsPage.h"

#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace cohort;
using namespace cohort::test;

namespace {

int assignedPartitions(const GroupConsumer &c)
{
    return int(c.assignment().size());
}

void doubleClick(QAbstractItemView *view, const QModelIndex &index)
{
    const QPoint pos = view->visualRect(index).center();
    // A double-click is preceded by a press/release, as a real one is.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, pos);
}

}   // namespace

class TestMainWindowPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupAndTopicPagesOnALiveGroup()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        QVERIFY(cluster->createTopic(QStringLiteral("orders"), 4));
        QVERIFY(cluster->createTopic(QStringLiteral("idle"), 2));
        const QString bootstrap = cluster->bootstrapServers();
        for (int p = 0; p < 4; ++p)
            QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), p, 10 + p), QString());

        // Two consumers share the 4 partitions (range: 2 each), read everything and commit.
        const QString group = QStringLiteral("pages-group");
        GroupConsumer c1(bootstrap, group, {QStringLiteral("orders")}, {{QStringLiteral("client.id"), QStringLiteral("pages-1")}});
        GroupConsumer c2(bootstrap, group, {QStringLiteral("orders")}, {{QStringLiteral("client.id"), QStringLiteral("pages-2")}});
        QVERIFY2(c1.valid() && c2.valid(), qPrintable(c1.error() + c2.error()));
        QTRY_VERIFY_WITH_TIMEOUT(
            (c1.poll(20), c2.poll(20), assignedPartitions(c1) == 2 && assignedPartitions(c2) == 2 && c1.received() + c2.received() == 46),
            40000);
        QCOMPARE(c1.commitSync(), QString());
        QCOMPARE(c2.commitSync(), QString());
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 5), QString());   // lag 5 on orders-0

        MainWindow window;
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 3000);
        QVERIFY(client.ok());
        window.connectTo(client.value(), QStringLiteral("sandbox"));
        window.monitor()->setIntervalMs(500);

        // The consumers keep polling while the window waits, so they stay members.
        auto keepAlive = [&] {
            c1.poll(0);
            c2.poll(0);
            return true;
        };
        GroupTableModel *groups = window.groupModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            keepAlive() && groups->rowOf(group) >= 0
                && groups->index(groups->rowOf(group), GroupTableModel::Members).data().toString() == QLatin1String("2")
                && groups->index(groups->rowOf(group), GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong() == 5,
            30000);

        // Double-click the group on the Groups page.
        QTableView *groupsView = window.groupsPage()->view();
        QModelIndex groupRow;
        for (int r = 0; r < groupsView->model()->rowCount(); ++r)
            if (groupsView->model()->index(r, 0).data().toString() == group)
                groupRow = groupsView->model()->index(r, 0);
        QVERIFY(groupRow.isValid());
        const int tabsBefore = window.tabs()->count();
        QCOMPARE(tabsBefore, 2);
        doubleClick(groupsView, groupRow);
        QCOMPARE(window.tabs()->count(), 3);
        auto *page = qobject_cast<GroupPage *>(window.tabs()->currentWidget());
        QVERIFY(page);
        QCOMPARE(page->groupId(), group);
        QCOMPARE(window.tabs()->tabText(window.tabs()->currentIndex()), group);

        // It was filled from the last snapshot at once, and follows the next ones.
        QVERIFY(page->hasData());
        QTRY_VERIFY_WITH_TIMEOUT(keepAlive() && page->memberModel()->rowCount() == 2 && page->partitionModel()->rowCount() == 4, 20000);
        QCOMPARE(page->headerValue(QStringLiteral("state")), QStringLiteral("Stable"));
        QCOMPARE(page->headerValue(QStringLiteral("protocolType")), QStringLiteral("consumer"));
        QCOMPARE(page->headerValue(QStringLiteral("members")), QStringLiteral("2"));
        QCOMPARE(page->headerValue(QStringLiteral("lag")), QStringLiteral("5 msgs"));
        QStringList clientIds;
        for (int r = 0; r < 2; ++r)
            clientIds << page->memberModel()->index(r, MemberTableModel::ClientId).data().toString();
        clientIds.sort();
        QCOMPARE(clientIds, (QStringList{QStringLiteral("pages-1"), QStringLiteral("pages-2")}));
        for (int r = 0; r < 2; ++r)
            QCOMPARE(page->memberModel()->index(r, MemberTableModel::Partitions).data().toString(), QStringLiteral("2"));
        const int o0 = page->partitionModel()->rowOf(TopicPartition{QStringLiteral("orders"), 0});
        QVERIFY(o0 >= 0);
        QCOMPARE(page->partitionModel()->index(o0, PartitionTableModel::Committed).data(PartitionTableModel::RawValueRole).toLongLong(),
                 10);
        QCOMPARE(page->partitionModel()->index(o0, PartitionTableModel::End).data(PartitionTableModel::RawValueRole).toLongLong(), 15);
        QCOMPARE(page->partitionModel()->index(o0, PartitionTableModel::Lag).data(PartitionTableModel::RawValueRole).toLongLong(), 5);
        QVERIFY(!page->partitionModel()
                     ->index(o0, PartitionTableModel::Owner)
                     .data(PartitionTableModel::OwnerMemberIdRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(page->assignmentModel()->rowCount(), 2);
        for (int r = 0; r < 2; ++r) {
            const QModelIndex m = page->assignmentModel()->index(r, 0);
            QCOMPARE(m.siblingAtColumn(AssignmentTreeModel::Partitions).data().toString(), QStringLiteral("2"));
            QCOMPARE(m.siblingAtColumn(AssignmentTreeModel::Share).data(AssignmentTreeModel::BalanceRole).toInt(),
                     int(AssignmentTreeModel::Even));
        }

        // Opening it again focuses the same tab.
        window.showGroups();
        doubleClick(groupsView, groupRow);
        QCOMPARE(window.tabs()->count(), 3);
        QCOMPARE(window.tabs()->currentWidget(), page);
        QCOMPARE(window.openGroup(group), page);

        // Topics: orders with its group (and its lag on it); idle with none.
        window.showTopics();
        TopicTableModel *topics = window.topicModel();
        QTRY_VERIFY_WITH_TIMEOUT(keepAlive() && topics->groupIndex(QStringLiteral("orders"), group).isValid(), 20000);
        const QModelIndex orders = topics->topicIndex(QStringLiteral("orders"));
        QCOMPARE(orders.siblingAtColumn(TopicTableModel::Partitions).data().toString(), QStringLiteral("4"));
        QCOMPARE(orders.siblingAtColumn(TopicTableModel::Groups).data().toString(), QStringLiteral("1"));
        QCOMPARE(orders.siblingAtColumn(TopicTableModel::EndOffsets).data(TopicTableModel::RawValueRole).toLongLong(),
                 10 + 11 + 12 + 13 + 5);
        QCOMPARE(topics->rowCount(orders), 1);
        const QModelIndex groupOnOrders = topics->groupIndex(QStringLiteral("orders"), group);
        QCOMPARE(groupOnOrders.siblingAtColumn(TopicTableModel::Lag).data(TopicTableModel::RawValueRole).toLongLong(), 5);
        QCOMPARE(groupOnOrders.siblingAtColumn(TopicTableModel::Partitions).data().toString(), QStringLiteral("4"));
        const QModelIndex idle = topics->topicIndex(QStringLiteral("idle"));
        QVERIFY(idle.isValid());
        QCOMPARE(idle.siblingAtColumn(TopicTableModel::Groups).data().toString(), QStringLiteral("0"));

        // Double-clicking the group under its topic opens (focuses) the group page.
        QTreeView *topicsView = window.topicsPage()->view();
        const QModelIndex viewIndex = window.topicsPage()->proxy()->mapFromSource(groupOnOrders);
        QVERIFY(topicsView->isExpanded(viewIndex.parent()));
        doubleClick(topicsView, viewIndex);
        QCOMPARE(window.tabs()->currentWidget(), page);
        QCOMPARE(window.tabs()->count(), 3);

        // Group tabs close; Groups and Topics do not.
        Q_EMIT window.tabs()->tabCloseRequested(0);
        QCOMPARE(window.tabs()->count(), 3);
        Q_EMIT window.tabs()->tabCloseRequested(window.tabs()->indexOf(page));
        QCOMPARE(window.tabs()->count(), 2);
        QCOMPARE(window.groupPage(group), nullptr);
    }
};

QTEST_MAIN(TestMainWindowPages)
#include "tst_main_window_pages.moc"
