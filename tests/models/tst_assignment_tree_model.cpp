// SPDX-License-Identifier: GPL-3.0-or-later
// AssignmentTreeModel under QAbstractItemModelTester while a group rebalances:
// counts and fair shares per member and topic, balance flags for uneven
// assignments, and a merge at every level (no reset, nodes keep their identity).

#include "FakeCluster.h"

#include "models/AssignmentTreeModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

const QStringList kBoth{QStringLiteral("orders"), QStringLiteral("payments")};
const QStringList kOrders{QStringLiteral("orders")};

FakeCluster clusterWith(const QList<FakeMember> &members)
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 6}, {QStringLiteral("payments"), 2}};
    FakeGroup g;
    g.groupId = QStringLiteral("g");
    g.members = members;
    for (int p = 0; p < 6; ++p) {
        c.endOffsets.insert(tp("orders", p), 100 + p);
        g.committed.insert(tp("orders", p), 100);   // lag p
    }
    c.endOffsets.insert(tp("payments", 0), 10);
    c.endOffsets.insert(tp("payments", 1), 10);
    g.committed.insert(tp("payments", 0), 7);   // lag 3; payments-1 has no commit
    c.groups = {g};
    return c;
}

// a owns 6 of 8 partitions, b and c one each: clearly uneven.
FakeCluster uneven()
{
    return clusterWith(
        {FakeMember{QStringLiteral("a"),
                    QStringLiteral("app-a"),
                    kBoth,
                    {tp("orders", 0), tp("orders", 1), tp("orders", 2), tp("orders", 3), tp("payments", 0), tp("payments", 1)}},
         FakeMember{QStringLiteral("b"), QStringLiteral("app-b"), kBoth, {tp("orders", 4)}},
         FakeMember{QStringLiteral("c"), QStringLiteral("app-c"), kOrders, {tp("orders", 5)}}});
}

QModelIndex child(const QAbstractItemModel &m, const QModelIndex &parent, const QString &label)
{
    for (int r = 0; r < m.rowCount(parent); ++r)
        if (m.index(r, 0, parent).data().toString() == label)
            return m.index(r, 0, parent);
    return {};
}

QVariant cell(const QModelIndex &row, int column, int role = Qt::DisplayRole)
{
    return row.siblingAtColumn(column).data(role);
}

}   // namespace

class TestAssignmentTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsFairSharesAndBalance()
    {
        AssignmentTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGroup(uneven().build().groups.first());

        QCOMPARE(model.rowCount(), 3);
        const QModelIndex a = model.memberIndex(QStringLiteral("a"));
        const QModelIndex b = model.memberIndex(QStringLiteral("b"));
        const QModelIndex c = model.memberIndex(QStringLiteral("c"));
        QVERIFY(a.isValid() && b.isValid() && c.isValid());
        QCOMPARE(a.data().toString(), QStringLiteral("app-a"));
        QCOMPARE(a.data(AssignmentTreeModel::KindRole).toInt(), int(AssignmentTreeModel::MemberNode));
        QCOMPARE(cell(a, AssignmentTreeModel::Partitions).toString(), QStringLiteral("6"));
        QCOMPARE(cell(b, AssignmentTreeModel::Partitions).toString(), QStringLiteral("1"));
        // 8 partitions over 3 members: 2.67 each; a is over, b and c under.
        QCOMPARE(cell(a, AssignmentTreeModel::Share, AssignmentTreeModel::FairShareRole).toDouble(), 8.0 / 3.0);
        QCOMPARE(cell(a, AssignmentTreeModel::Share).toString(), QStringLiteral("6 of fair 2.7"));
        QCOMPARE(cell(a, AssignmentTreeModel::Share, AssignmentTreeModel::BalanceRole).toInt(), int(AssignmentTreeModel::Over));
        QCOMPARE(cell(b, AssignmentTreeModel::Share, AssignmentTreeModel::BalanceRole).toInt(), int(AssignmentTreeModel::Under));
        QCOMPARE(cell(c, AssignmentTreeModel::Share, AssignmentTreeModel::BalanceRole).toInt(), int(AssignmentTreeModel::Under));
        QCOMPARE(cell(a, AssignmentTreeModel::Share, AssignmentTreeModel::ScaleRole).toInt(), 6);
        // a's lag: orders 0..3 (0+1+2+3) + payments-0 (3); payments-1 unknown.
        QCOMPARE(cell(a, AssignmentTreeModel::Lag, AssignmentTreeModel::RawValueRole).toLongLong(), 9);
        QVERIFY(cell(a, AssignmentTreeModel::Lag, Qt::ToolTipRole).toString().contains(QLatin1String("1 partition")));

        // Topics under a member, with the topic's own fair share.
        QCOMPARE(model.rowCount(a), 2);
        const QModelIndex aOrders = child(model, a, QStringLiteral("orders"));
        QCOMPARE(cell(aOrders, AssignmentTreeModel::Partitions).toString(), QStringLiteral("4"));
        QCOMPARE(cell(aOrders, AssignmentTreeModel::Share).toString(), QStringLiteral("4 of fair 2"));   // 6 over 3 readers
        QCOMPARE(cell(aOrders, AssignmentTreeModel::Share, AssignmentTreeModel::ScaleRole).toInt(), 4);
        const QModelIndex aPayments = child(model, a, QStringLiteral("payments"));
        QCOMPARE(cell(aPayments, AssignmentTreeModel::Share).toString(), QStringLiteral("2 of fair 1"));   // 2 over a and b
        QCOMPARE(cell(aPayments, AssignmentTreeModel::Share, AssignmentTreeModel::BalanceRole).toInt(), int(AssignmentTreeModel::Over));
        // b subscribes to payments but got none of it: a topic row with 0, under.
        const QModelIndex bPayments = child(model, b, QStringLiteral("payments"));
        QVERIFY(bPayments.isValid());
        QCOMPARE(cell(bPayments, AssignmentTreeModel::Partitions).toString(), QStringLiteral("0"));
        QCOMPARE(model.rowCount(bPayments), 0);
        QCOMPARE(cell(bPayments, AssignmentTreeModel::Share, AssignmentTreeModel::BalanceRole).toInt(), int(AssignmentTreeModel::Under));
        QCOMPARE(model.rowCount(c), 1);

        // Partitions under a topic, in order, with their lag.
        QCOMPARE(model.rowCount(aOrders), 4);
        QCOMPARE(model.index(3, 0, aOrders).data().toString(), QStringLiteral("partition 3"));
        QCOMPARE(model.index(3, 0, aOrders).data(AssignmentTreeModel::PartitionRole).toInt(), 3);
        QCOMPARE(model.index(3, 0, aOrders).data(AssignmentTreeModel::TopicRole).toString(), QStringLiteral("orders"));
        QCOMPARE(model.index(3, 0, aOrders).data(AssignmentTreeModel::MemberIdRole).toString(), QStringLiteral("a"));
        QCOMPARE(model.index(3, AssignmentTreeModel::Lag, aOrders).data().toString(), QStringLiteral("3"));
        QVERIFY(!model.index(3, AssignmentTreeModel::Share, aOrders).data(AssignmentTreeModel::FairShareRole).isValid());
        QCOMPARE(model.parent(model.index(3, 0, aOrders)), aOrders);
        QCOMPARE(model.parent(aOrders), a);
    }

    void rebalanceMergesEveryLevelWithoutReset()
    {
        AssignmentTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setGroup(uneven().build().groups.first());

        const QModelIndex a = model.memberIndex(QStringLiteral("a"));
        const QPersistentModelIndex aOrders(child(model, a, QStringLiteral("orders")));
        const QPersistentModelIndex aOrders0(model.index(0, 0, aOrders));
        const QPersistentModelIndex aOrders3(model.index(3, 0, aOrders));
        const QPersistentModelIndex cNode(model.memberIndex(QStringLiteral("c")));
        QItemSelectionModel selection(&model);
        selection.select(aOrders, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // Rebalanced: c left, d joined; a keeps orders 0,1 and payments 0; b
        // gets orders 2,3 and payments 1; d gets orders 4,5.
        inserts.clear();
        removes.clear();
        changes.clear();
        model.setGroup(
            clusterWith(
                {FakeMember{QStringLiteral("a"), QStringLiteral("app-a"), kBoth, {tp("orders", 0), tp("orders", 1), tp("payments", 0)}},
                 FakeMember{QStringLiteral("b"), QStringLiteral("app-b"), kBoth, {tp("orders", 2), tp("orders", 3), tp("payments", 1)}},
                 FakeMember{QStringLiteral("d"), QStringLiteral("app-d"), kOrders, {tp("orders", 4), tp("orders", 5)}}})
                .build()
                .groups.first());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.memberIndex(QStringLiteral("c")).isValid());
        QVERIFY(model.memberIndex(QStringLiteral("d")).isValid());
        QVERIFY(!cNode.isValid());

        // The node "a/orders" stayed: its persistent index follows it, and the
        // partitions it kept too; the ones it lost are gone.
        QVERIFY(aOrders.isValid());
        QCOMPARE(aOrders.data().toString(), QStringLiteral("orders"));
        QCOMPARE(aOrders.parent(), model.memberIndex(QStringLiteral("a")));
        QCOMPARE(model.rowCount(aOrders), 2);
        QVERIFY(aOrders0.isValid());
        QCOMPARE(aOrders0.data().toString(), QStringLiteral("partition 0"));
        QVERIFY(!aOrders3.isValid());
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("orders"));

        // Signals at each level: member c removed, d inserted; a/orders lost 2,3
        // (one contiguous removal), a/payments lost 1, b/orders and b/payments
        // gained partitions.
        const auto removedUnder = [&](const QModelIndex &parent) {
            int n = 0;
            for (const auto &args : std::as_const(removes))
                n += args.at(0).value<QModelIndex>() == parent ? 1 : 0;
            return n;
        };
        QCOMPARE(removedUnder(QModelIndex()), 1);
        QVERIFY(inserts.count() >= 3);
        QVERIFY(changes.count() >= 2);

        // Even now: 8 over 3 → 2 or 3 each.
        for (const char *m : {"a", "b", "d"}) {
            const QModelIndex idx = model.memberIndex(QString::fromLatin1(m));
            QCOMPARE(cell(idx, AssignmentTreeModel::Share, AssignmentTreeModel::BalanceRole).toInt(), int(AssignmentTreeModel::Even));
        }
        QCOMPARE(cell(model.memberIndex(QStringLiteral("b")), AssignmentTreeModel::Partitions).toString(), QStringLiteral("3"));

        // Same group again: nothing moves.
        inserts.clear();
        removes.clear();
        changes.clear();
        model.setGroup(
            clusterWith(
                {FakeMember{QStringLiteral("a"), QStringLiteral("app-a"), kBoth, {tp("orders", 0), tp("orders", 1), tp("payments", 0)}},
                 FakeMember{QStringLiteral("b"), QStringLiteral("app-b"), kBoth, {tp("orders", 2), tp("orders", 3), tp("payments", 1)}},
                 FakeMember{QStringLiteral("d"), QStringLiteral("app-d"), kOrders, {tp("orders", 4), tp("orders", 5)}}})
                .build()
                .groups.first());
        QCOMPARE(inserts.count() + removes.count() + changes.count(), 0);

        // Everyone leaves.
        FakeCluster empty = clusterWith({});
        empty.groups.first().state = GroupState::Empty;
        model.setGroup(empty.build().groups.first());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void sortsThroughAProxy()
    {
        AssignmentTreeModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AssignmentTreeModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGroup(uneven().build().groups.first());
        proxy.sort(AssignmentTreeModel::Partitions, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("app-a"));
        proxy.sort(AssignmentTreeModel::Lag, Qt::DescendingOrder);
        // Lags: a 9, b 4 (orders-4), c 5 (orders-5).
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("app-a"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("app-c"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("app-b"));
        // The refresh from the other test, through the sorted proxy.
        model.setGroup(clusterWith({FakeMember{QStringLiteral("a"), QStringLiteral("app-a"), kBoth, {tp("orders", 0)}},
                                    FakeMember{QStringLiteral("e"), QStringLiteral("app-e"), kBoth, {tp("orders", 1), tp("orders", 5)}}})
                           .build()
                           .groups.first());
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("app-e"));
    }
};

QTEST_GUILESS_MAIN(TestAssignmentTreeModel)
#include "tst_assignment_tree_model.moc"
