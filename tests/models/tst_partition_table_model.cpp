// SPDX-License-Identifier: GPL-3.0-or-later
// PartitionTableModel and its topic filter under QAbstractItemModelTester while
// refreshes add, remove and change partitions: no reset, persistent indexes and
// selection survive, numbers sort as numbers, unknown lag is shown as unknown.

#include "FakeCluster.h"

#include "core/lag/LagAssessor.h"
#include "models/PartitionFilterProxyModel.h"
#include "models/PartitionTableModel.h"
#include "models/Theme.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

// orders 0..2 owned by two members sharing a client id, payments 0..1 by a third;
// orders-2 has no commit; payments-1 has a commit but no known end offset.
FakeCluster baseCluster()
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 3}, {QStringLiteral("payments"), 2}};
    c.endOffsets = {{tp("orders", 0), 1234567}, {tp("orders", 1), 100}, {tp("orders", 2), 50}, {tp("payments", 0), 30}};
    FakeGroup g;
    g.groupId = QStringLiteral("g");
    g.members
        = {FakeMember{
               QStringLiteral("inv-aaaa1111-x"), QStringLiteral("inv"), {}, {tp("orders", 0), tp("orders", 1)}, QStringLiteral("inv-a")},
           FakeMember{QStringLiteral("inv-bbbb2222-y"), QStringLiteral("inv"), {}, {tp("orders", 2)}},
           FakeMember{QStringLiteral("pay-1"), QStringLiteral("pay"), {}, {tp("payments", 0), tp("payments", 1)}}};
    g.committed = {{tp("orders", 0), 1000}, {tp("orders", 1), 91}, {tp("payments", 0), 20}, {tp("payments", 1), 7}};
    g.commitMetadata = {{tp("orders", 0), QStringLiteral("host-a;v1")}};
    c.groups = {g};
    return c;
}

QStringList column(const QAbstractItemModel &m, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data(role).toString();
    return out;
}

}   // namespace

class TestPartitionTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Thousands separators are asserted below: pin a locale that has them.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void cellsShowOffsetsOwnersAndUnknownLag()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGroup(baseCluster().build().groups.first());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.topics(), (QStringList{QStringLiteral("orders"), QStringLiteral("payments")}));

        const int o0 = model.rowOf(tp("orders", 0));
        QCOMPARE(o0, 0);
        QCOMPARE(model.index(o0, PartitionTableModel::Topic).data().toString(), QStringLiteral("orders"));
        QCOMPARE(model.index(o0, PartitionTableModel::Partition).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.index(o0, PartitionTableModel::Committed).data().toString(), QStringLiteral("1,000"));
        QCOMPARE(model.index(o0, PartitionTableModel::End).data().toString(), QStringLiteral("1,234,567"));
        QCOMPARE(model.index(o0, PartitionTableModel::Lag).data().toString(), QStringLiteral("1,233,567"));
        QCOMPARE(model.index(o0, PartitionTableModel::Lag).data(PartitionTableModel::RawValueRole).toLongLong(), 1233567);
        QCOMPARE(model.index(o0, PartitionTableModel::Metadata).data().toString(), QStringLiteral("host-a;v1"));
        QCOMPARE(model.index(o0, PartitionTableModel::Lag).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        // Two members share client id "inv": the static one is named by its
        // instance id, the dynamic one by the start of its member id.
        QCOMPARE(model.index(o0, PartitionTableModel::Owner).data().toString(), QStringLiteral("inv-a"));
        QCOMPARE(model.index(o0, PartitionTableModel::Owner).data(PartitionTableModel::OwnerMemberIdRole).toString(),
                 QStringLiteral("inv-aaaa1111-x"));
        const int o2 = model.rowOf(tp("orders", 2));
        QCOMPARE(model.index(o2, PartitionTableModel::Owner).data().toString(), QStringLiteral("inv [bbbb2222…]"));
        // No commit: committed and lag unknown, end offset known.
        QCOMPARE(model.index(o2, PartitionTableModel::Committed).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(o2, PartitionTableModel::End).data().toString(), QStringLiteral("50"));
        QCOMPARE(model.index(o2, PartitionTableModel::Lag).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(o2, PartitionTableModel::Lag).data(PartitionTableModel::RawValueRole).isValid());
        // No end offset: lag unknown, not the committed offset and not 0.
        const int p1 = model.rowOf(tp("payments", 1));
        QCOMPARE(model.index(p1, PartitionTableModel::Committed).data().toString(), QStringLiteral("7"));
        QCOMPARE(model.index(p1, PartitionTableModel::End).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(p1, PartitionTableModel::Lag).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(p1, PartitionTableModel::Owner).data().toString(), QStringLiteral("pay"));
    }

    // The lag history's verdict per partition: time lag and Burrow's status
    // with its reason in the tooltip, in the status colour; it arrives after
    // the snapshot, changes cells in place, survives the next setGroup, and
    // trouble sorts first.
    void timeLagAndStatusFromTheAssessment()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGroup(baseCluster().build().groups.first());
        const int o0 = model.rowOf(tp("orders", 0)), o1 = model.rowOf(tp("orders", 1));
        QCOMPARE(model.index(o0, PartitionTableModel::TimeLag).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(o0, PartitionTableModel::Status).data().toString(), QStringLiteral("–"));
        QVERIFY(model.index(o0, PartitionTableModel::Status).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Not assessed yet")));

        GroupAssessment a;
        PartitionAssessment stopped;
        stopped.tp = tp("orders", 0);
        stopped.timeLagMs = 95000;
        stopped.status = LagStatusRules::Status::Stop;
        stopped.statusReason = QStringLiteral("orders-0: no commit for 4 min while 1,233,567 behind");
        PartitionAssessment fine;
        fine.tp = tp("orders", 1);
        fine.timeLagUnknownReason = QStringLiteral("the record at offset 91 could not be read");
        a.partitions = {stopped, fine};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setAssessment(&a);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 4);   // two cells of two rows
        QCOMPARE(model.index(o0, PartitionTableModel::TimeLag).data().toString(), LagAssessor::duration(95000));
        QCOMPARE(model.index(o0, PartitionTableModel::TimeLag).data(PartitionTableModel::RawValueRole).toLongLong(), 95000);
        QCOMPARE(model.index(o0, PartitionTableModel::Status).data().toString(), QStringLiteral("STOP"));
        QCOMPARE(model.index(o0, PartitionTableModel::Status).data(Qt::ToolTipRole).toString(), stopped.statusReason);
        QCOMPARE(model.index(o0, PartitionTableModel::Status).data(Qt::ForegroundRole).value<QBrush>().color(),
                 Theme::current().lagStatus(LagStatusRules::Status::Stop));
        QCOMPARE(model.index(o1, PartitionTableModel::TimeLag).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(o1, PartitionTableModel::TimeLag).data(Qt::ToolTipRole).toString(), fine.timeLagUnknownReason);
        QCOMPARE(model.index(o1, PartitionTableModel::Status).data().toString(), QStringLiteral("OK"));
        QVERIFY(model.index(o1, PartitionTableModel::Status).data(PartitionTableModel::SortRole).toInt()
                > model.index(o0, PartitionTableModel::Status).data(PartitionTableModel::SortRole).toInt());
        model.setAssessment(&a);
        QCOMPARE(changed.count(), 4);   // the same verdict: nothing changed

        model.setGroup(baseCluster().build().groups.first());
        QCOMPARE(model.index(o0, PartitionTableModel::Status).data().toString(), QStringLiteral("STOP"));
        model.setAssessment(nullptr);
        QCOMPARE(model.index(o0, PartitionTableModel::Status).data().toString(), QStringLiteral("–"));
    }

    // A commit past the log end (a truncated or recreated topic): the lag is
    // negative, as kafka-consumer-groups.sh shows it, in the warning colour,
    // and its tooltip says what happened; it sorts below every real lag.
    void commitAheadOfTheLogEndIsShownNegativeAndMarked()
    {
        FakeCluster c = baseCluster();
        c.groups.first().committed[tp("orders", 1)] = 1100;   // end offset 100
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGroup(c.build().groups.first());
        const int o1 = model.rowOf(tp("orders", 1));
        const QModelIndex lag = model.index(o1, PartitionTableModel::Lag);
        QCOMPARE(lag.data().toString(), QStringLiteral("-1,000"));
        QCOMPARE(lag.data(PartitionTableModel::RawValueRole).toLongLong(), -1000);
        QVERIFY2(lag.data(Qt::ToolTipRole).toString().contains(QLatin1String("ahead of the log end by 1,000 msgs")),
                 qPrintable(lag.data(Qt::ToolTipRole).toString()));
        QCOMPARE(lag.data(Qt::ForegroundRole).value<QBrush>().color(), Theme::current().status(Theme::Status::Warning));
        // A partition with real lag keeps the normal colour.
        QVERIFY(!model.index(model.rowOf(tp("orders", 0)), PartitionTableModel::Lag).data(Qt::ForegroundRole).isValid());
        QVERIFY(lag.data(PartitionTableModel::SortRole).toLongLong()
                < model.index(model.rowOf(tp("payments", 0)), PartitionTableModel::Lag).data(PartitionTableModel::SortRole).toLongLong());
    }

    void refreshMergesWithoutReset()
    {
        PartitionTableModel model;
        PartitionFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        FakeCluster c = baseCluster();
        model.setGroup(c.build().groups.first());
        QCOMPARE(resets.count(), 0);
        proxy.sort(PartitionTableModel::Topic, Qt::AscendingOrder);

        QItemSelectionModel selection(&proxy);
        const QModelIndex p0 = proxy.mapFromSource(model.index(model.rowOf(tp("payments", 0)), 0));
        selection.select(p0, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex persistent(model.index(model.rowOf(tp("payments", 0)), PartitionTableModel::Lag));
        QCOMPARE(persistent.data(PartitionTableModel::RawValueRole).toLongLong(), 10);

        // orders-1 is no longer the group's; audit-0 appears (sorts first);
        // payments-0 moves on (end 30 → 45) and orders-2 gets its first commit.
        c.topics.append({QStringLiteral("audit"), 1});
        c.endOffsets.insert(tp("audit", 0), 5);
        c.endOffsets.insert(tp("payments", 0), 45);
        FakeGroup &g = c.groups.first();
        g.members[0].owned = {tp("orders", 0), tp("audit", 0)};
        g.committed.remove(tp("orders", 1));
        g.committed.insert(tp("orders", 2), 50);
        g.committed.insert(tp("audit", 0), 5);
        inserts.clear();
        changes.clear();
        model.setGroup(c.build().groups.first());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removes.count(), 1);
        QCOMPARE(inserts.count(), 1);
        // orders-2 (committed, lag) and payments-0 (end, lag) are neighbours:
        // one dataChanged over both rows.
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).toModelIndex().row(), model.rowOf(tp("orders", 2)));
        QCOMPARE(changes.first().at(1).toModelIndex().row(), model.rowOf(tp("payments", 0)));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOf(tp("orders", 1)), -1);
        QCOMPARE(model.rowOf(tp("audit", 0)), 0);
        QCOMPARE(model.index(model.rowOf(tp("orders", 2)), PartitionTableModel::Lag).data().toString(), QStringLiteral("0"));
        QVERIFY(persistent.isValid());
        QCOMPARE(persistent.data(PartitionTableModel::RawValueRole).toLongLong(), 25);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(PartitionTableModel::TopicRole).toString(), QStringLiteral("payments"));
        QCOMPARE(selection.selectedRows().first().siblingAtColumn(PartitionTableModel::Partition).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.topics(), (QStringList{QStringLiteral("audit"), QStringLiteral("orders"), QStringLiteral("payments")}));
    }

    void topicFilterAndNumericSort()
    {
        PartitionTableModel model;
        PartitionFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

        // 12 partitions whose lags (partition p has lag p, p 11 unknown) would sort
        // 0,1,10,2,… as text.
        FakeCluster c;
        c.topics = {{QStringLiteral("orders"), 12}, {QStringLiteral("payments"), 2}};
        FakeGroup g;
        g.groupId = QStringLiteral("g");
        g.members = {FakeMember{QStringLiteral("m"), QStringLiteral("c"), {}, {}}};
        for (int p = 0; p < 12; ++p) {
            g.members[0].owned << tp("orders", p);   // owned, so orders-11 shows without a commit
            c.endOffsets.insert(tp("orders", p), 100);
            if (p < 11)
                g.committed.insert(tp("orders", p), 100 - p);
        }
        g.committed.insert(tp("payments", 0), 1);
        g.committed.insert(tp("payments", 1), 1);
        c.endOffsets.insert(tp("payments", 0), 1);
        c.endOffsets.insert(tp("payments", 1), 1);
        c.groups = {g};
        model.setGroup(c.build().groups.first());
        QCOMPARE(model.rowCount(), 14);

        proxy.setTopic(QStringLiteral("payments"));
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(column(proxy, PartitionTableModel::Topic), (QStringList{QStringLiteral("payments"), QStringLiteral("payments")}));
        proxy.setTopic(QStringLiteral("orders"));
        QCOMPARE(proxy.rowCount(), 12);

        proxy.sort(PartitionTableModel::Lag, Qt::AscendingOrder);
        QStringList expected;
        for (int p = 0; p < 11; ++p)
            expected << QString::number(p);
        expected << QStringLiteral("–");   // unknown after every known lag
        QCOMPARE(column(proxy, PartitionTableModel::Lag), expected);
        proxy.sort(PartitionTableModel::Partition, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, PartitionTableModel::Partition).data().toString(), QStringLiteral("11"));
        QCOMPARE(proxy.index(1, PartitionTableModel::Partition).data().toString(), QStringLiteral("10"));

        // A refresh under an active filter and sort keeps both.
        c.groups.first().committed.insert(tp("orders", 11), 50);
        model.setGroup(c.build().groups.first());
        QCOMPARE(proxy.rowCount(), 12);
        proxy.sort(PartitionTableModel::Lag, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, PartitionTableModel::Lag).data().toString(), QStringLiteral("50"));
        proxy.setTopic(QString());
        QCOMPARE(proxy.rowCount(), 14);
    }
};

QTEST_GUILESS_MAIN(TestPartitionTableModel)
#include "tst_partition_table_model.moc"
