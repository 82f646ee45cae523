// SPDX-License-Identifier: GPL-3.0-or-later
// GroupPage on synthetic snapshots: the header says what the group is, the
// tables and assignment view follow refreshes, the topic filter narrows the
// partitions, and a group that leaves the cluster keeps its last data, marked.

#include "FakeCluster.h"

#include "models/AssignmentTreeModel.h"
#include "models/MemberTableModel.h"
#include "models/PartitionFilterProxyModel.h"
#include "models/PartitionTableModel.h"
#include "models/Theme.h"
#include "ui/GroupPage.h"
#include "widgets/AssignmentShareDelegate.h"
#include "widgets/AssignmentView.h"

#include <QComboBox>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

FakeCluster cluster()
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 4}, {QStringLiteral("payments"), 2}};
    FakeGroup g;
    g.groupId = QStringLiteral("shop");
    g.assignor = QStringLiteral("range");
    g.coordinatorId = 2;
    g.generationId = 7;
    g.members = {
        FakeMember{
            QStringLiteral("m1"), QStringLiteral("shop-1"), {}, {tp("orders", 0), tp("orders", 1), tp("payments", 0), tp("payments", 1)}},
        FakeMember{QStringLiteral("m2"), QStringLiteral("shop-2"), {}, {tp("orders", 2), tp("orders", 3)}},
        FakeMember{QStringLiteral("m3"), QStringLiteral("shop-3"), {QStringLiteral("orders")}, {}}};
    for (int p = 0; p < 4; ++p) {
        c.endOffsets.insert(tp("orders", p), 1000);
        g.committed.insert(tp("orders", p), 1000 - 300 * p);   // lags 0, 300, 600, 900
    }
    c.endOffsets.insert(tp("payments", 0), 50);
    g.committed.insert(tp("payments", 0), 16);   // lag 34; payments-1 unknown
    FakeGroup other;
    other.groupId = QStringLiteral("other");
    c.groups = {other, g};
    return c;
}

}   // namespace

class TestGroupPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsTheGroupAndFollowsRefreshes()
    {
        GroupPage page(QStringLiteral("shop"));
        page.resize(1300, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        FakeCluster c = cluster();
        page.setSnapshot(c.build());

        QVERIFY(page.hasData());
        QVERIFY(!page.isGone());
        QCOMPARE(page.headerValue(QStringLiteral("state")), QStringLiteral("Stable"));
        QCOMPARE(page.headerValue(QStringLiteral("protocolType")), QStringLiteral("consumer"));
        QCOMPARE(page.headerValue(QStringLiteral("assignor")), QStringLiteral("range"));
        QCOMPARE(page.headerValue(QStringLiteral("generation")), QStringLiteral("7"));
        QCOMPARE(page.headerValue(QStringLiteral("coordinator")), QStringLiteral("2 (broker2:9093)"));
        QCOMPARE(page.headerValue(QStringLiteral("members")), QStringLiteral("3"));
        QCOMPARE(page.headerValue(QStringLiteral("partitions")), QStringLiteral("6"));
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("1,834 msgs (+1 unknown)"));
        QCOMPARE(page.noticeText(), QString());

        QCOMPARE(page.memberView()->model()->rowCount(), 3);
        QCOMPARE(page.partitionView()->model()->rowCount(), 6);
        QCOMPARE(page.assignmentModel()->rowCount(), 3);
        QVERIFY(qobject_cast<AssignmentShareDelegate *>(page.assignmentView()->itemDelegateForColumn(AssignmentTreeModel::Share)));
        // Members show their topics expanded; m3 subscribes to orders and owns nothing of it.
        const QModelIndex m3 = page.assignmentView()->proxy()->mapFromSource(page.assignmentModel()->memberIndex(QStringLiteral("m3")));
        QVERIFY(page.assignmentView()->isExpanded(m3));
        QCOMPARE(page.assignmentView()->proxy()->rowCount(m3), 1);
        QCOMPARE(m3.siblingAtColumn(AssignmentTreeModel::Share).data(AssignmentTreeModel::BalanceRole).toInt(),
                 int(AssignmentTreeModel::Under));
        // The bars paint: m1 owns 4 of 6 partitions against a fair share of 2
        // (6 over 3 members), so its share cell shows the over-share colour;
        // m3 owns none, so its cell shows the grey track and no over-share.
        {
            const QModelIndex m1 = page.assignmentView()->proxy()->mapFromSource(page.assignmentModel()->memberIndex(QStringLiteral("m1")));
            QCOMPARE(m1.siblingAtColumn(AssignmentTreeModel::Share).data(AssignmentTreeModel::BalanceRole).toInt(),
                     int(AssignmentTreeModel::Over));
            const QImage shot = page.assignmentView()->viewport()->grab().toImage();
            auto pixelsOf = [&shot, &page](const QModelIndex &row, QRgb colour) {
                const QRect cell = page.assignmentView()->visualRect(row.siblingAtColumn(AssignmentTreeModel::Share)) & shot.rect();
                int n = 0;
                for (int y = cell.top(); y <= cell.bottom(); ++y)
                    for (int x = cell.left(); x <= cell.right(); ++x)
                        n += (shot.pixel(x, y) & 0xffffff) == colour;
                return n;
            };
            // AssignmentShareDelegate draws an over-share in the theme's warning colour on its track.
            const QRgb kOver = Theme::current().status(Theme::Status::Warning).rgb() & 0xffffff;
            const QRgb kTrack = Theme::current().track().rgb() & 0xffffff;
            QVERIFY(pixelsOf(m1, kOver) > 0);
            QCOMPARE(pixelsOf(m3, kOver), 0);
            QVERIFY(pixelsOf(m3, kTrack) > 0);
        }

        // Topic filter: the choices are the group's topics.
        QComboBox *topics = page.topicFilter();
        QCOMPARE(topics->count(), 3);
        QCOMPARE(topics->itemText(1), QStringLiteral("orders"));
        topics->setCurrentIndex(topics->findData(QStringLiteral("payments")));
        QCOMPARE(page.partitionView()->model()->rowCount(), 2);

        // A refresh: m3 leaves, payments gets a commit; the filter stays.
        c.groups[1].members.removeLast();
        c.groups[1].committed.insert(tp("payments", 1), 0);
        c.endOffsets.insert(tp("payments", 1), 5);
        QSignalSpy resets(page.memberModel(), &QAbstractItemModel::modelReset);
        page.setSnapshot(c.build());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(page.memberView()->model()->rowCount(), 2);
        QCOMPARE(page.headerValue(QStringLiteral("members")), QStringLiteral("2"));
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("1,839 msgs"));
        QCOMPARE(page.partitionProxy()->topic(), QStringLiteral("payments"));
        QCOMPARE(page.partitionView()->model()->rowCount(), 2);
        QCOMPARE(page.assignmentModel()->rowCount(), 2);

        // The group leaves the cluster: the last data stays, and the page says so.
        QSignalSpy gone(&page, &GroupPage::goneChanged);
        FakeCluster without = cluster();
        without.groups.removeLast();
        page.setSnapshot(without.build());
        QVERIFY(page.isGone());
        QCOMPARE(gone.count(), 1);
        QVERIFY(page.noticeText().contains(QLatin1String("no longer on the cluster")));
        QCOMPARE(page.memberModel()->rowCount(), 2);
        QCOMPARE(page.partitionModel()->rowCount(), 6);
        QCOMPARE(page.headerValue(QStringLiteral("members")), QStringLiteral("2"));

        // It comes back.
        page.setSnapshot(c.build());
        QVERIFY(!page.isGone());
        QCOMPARE(gone.count(), 2);
        QCOMPARE(page.noticeText(), QString());

        // The cluster stops answering: the data stays and the page says since when.
        const QDateTime lastFresh = QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC);
        page.setStale(true, lastFresh);
        QVERIFY(page.isStale());
        QVERIFY2(page.noticeText().contains(QLatin1String("not answering")), qPrintable(page.noticeText()));
        QVERIFY(page.noticeText().contains(QLocale().toString(lastFresh.toLocalTime(), QLocale::ShortFormat)));
        QCOMPARE(page.memberModel()->rowCount(), 2);
        page.setStale(false, lastFresh);
        QCOMPARE(page.noticeText(), QString());
    }

    void saysWhenAGroupCannotBeDescribedOrIsUnknown()
    {
        FakeCluster c = cluster();
        c.groups[1].describable = false;
        c.groups[1].note = QStringLiteral("KIP-848 consumer group");
        c.groups[1].members.clear();
        c.groups[1].committed.clear();
        c.groups[1].generationId = -1;
        GroupPage page(QStringLiteral("shop"));
        page.setSnapshot(c.build());
        QVERIFY(page.noticeText().contains(QLatin1String("could not be described")));
        QVERIFY(page.noticeText().contains(QLatin1String("KIP-848")));
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("unknown"));
        QCOMPARE(page.headerValue(QStringLiteral("generation")), QStringLiteral("unknown"));

        GroupPage missing(QStringLiteral("no-such-group"));
        missing.setSnapshot(c.build());
        QVERIFY(missing.isGone());
        QVERIFY(!missing.hasData());
        QVERIFY(missing.noticeText().contains(QLatin1String("There is no group")));
    }

    void aKip848GroupSaysWhatItCannotShowYet()
    {
        // As Kafka 4.4 answers: ListGroups v5 says Consumer and Reconciling,
        // DescribeGroups nothing (docs/kafka-protocol.md §8).
        FakeCluster c = cluster();
        c.groups[1].type = GroupType::Consumer;
        c.groups[1].state = GroupState::Reconciling;
        c.groups[1].members.clear();
        GroupPage page(QStringLiteral("shop"));
        page.setSnapshot(c.build());
        QCOMPARE(page.headerValue(QStringLiteral("type")), QStringLiteral("Consumer"));
        QCOMPARE(page.headerValue(QStringLiteral("state")), QStringLiteral("Reconciling"));
        QCOMPARE(page.headerValue(QStringLiteral("members")), QStringLiteral("not shown"));
        QCOMPARE(page.headerValue(QStringLiteral("lag")), QStringLiteral("1,834 msgs"));   // its commits: 0 + 300 + 600 + 900 + 34
        QVERIFY2(page.noticeText().contains(QLatin1String("KIP-848 consumer group")), qPrintable(page.noticeText()));
        QVERIFY(page.noticeText().contains(QLatin1String("ConsumerGroupDescribe")));
        QVERIFY(!page.noticeText().contains(QLatin1String("could not be described")));

        c.groups[1].type = GroupType::Classic;   // the same group on its own describe: no note
        c.groups[1].state = GroupState::Stable;
        page.setSnapshot(c.build());
        QCOMPARE(page.headerValue(QStringLiteral("type")), QStringLiteral("Classic"));
        QCOMPARE(page.headerValue(QStringLiteral("members")), QStringLiteral("0"));
        QCOMPARE(page.noticeText(), QString());
    }
};

QTEST_MAIN(TestGroupPage)
#include "tst_group_page.moc"
