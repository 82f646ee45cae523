// SPDX-License-Identifier: GPL-3.0-or-later
// TopicTableModel and its filter proxy under QAbstractItemModelTester while
// refreshes add, remove and change topics and consuming groups: sums per topic,
// keyed merge at both levels (no reset), selection and persistent indexes
// survive, numbers sort as numbers.

#include "FakeCluster.h"

#include "core/lag/LagHistory.h"
#include "models/Theme.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTableModel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

// orders (3 partitions) read by g1 and g2; payments (2) read by g2; metrics (4)
// read by nobody; __consumer_offsets internal and unread.
FakeCluster baseCluster()
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 3}, {QStringLiteral("payments"), 2}, {QStringLiteral("metrics"), 4}};
    c.internalTopics = {QStringLiteral("__consumer_offsets")};
    c.endOffsets = {
        {tp("orders", 0), 1000000}, {tp("orders", 1), 200000}, {tp("orders", 2), 34567}, {tp("payments", 0), 10}, {tp("payments", 1), 20}};
    FakeGroup g1;
    g1.groupId = QStringLiteral("g1");
    g1.members = {FakeMember{QStringLiteral("m1"), QStringLiteral("c1"), {}, {tp("orders", 0), tp("orders", 1), tp("orders", 2)}}};
    g1.committed = {{tp("orders", 0), 999990}, {tp("orders", 1), 200000}};   // orders-2 uncommitted
    FakeGroup g2;
    g2.groupId = QStringLiteral("g2");
    g2.state = GroupState::Empty;
    g2.committed = {{tp("orders", 0), 0}, {tp("orders", 1), 0}, {tp("orders", 2), 0}, {tp("payments", 0), 5}, {tp("payments", 1), 5}};
    c.groups = {g1, g2};
    return c;
}

QStringList names(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out << m.index(r, 0, parent).data().toString();
    return out;
}

QString cell(const QModelIndex &row, int column, int role = Qt::DisplayRole)
{
    return row.siblingAtColumn(column).data(role).toString();
}

}   // namespace

class TestTopicTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void topicsWithTheirGroups()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(baseCluster().build());

        // The unread internal topic is left out.
        QCOMPARE(names(model), (QStringList{QStringLiteral("metrics"), QStringLiteral("orders"), QStringLiteral("payments")}));
        const QModelIndex orders = model.topicIndex(QStringLiteral("orders"));
        QCOMPARE(cell(orders, TopicTableModel::Partitions), QStringLiteral("3"));
        QCOMPARE(cell(orders, TopicTableModel::EndOffsets), QStringLiteral("1,234,567"));
        QCOMPARE(cell(orders, TopicTableModel::Groups), QStringLiteral("2"));
        // g1: 10 + 0 (+ orders-2 unknown); g2: 1,234,567 → total 1,234,577.
        QCOMPARE(cell(orders, TopicTableModel::Lag), QStringLiteral("1,234,577"));
        QCOMPARE(orders.siblingAtColumn(TopicTableModel::Lag).data(TopicTableModel::RawValueRole).toLongLong(), 1234577);
        QVERIFY(cell(orders, TopicTableModel::Lag, Qt::ToolTipRole).contains(QLatin1String("1 partition")));
        QCOMPARE(names(model, orders), (QStringList{QStringLiteral("g1"), QStringLiteral("g2")}));

        const QModelIndex g1 = model.groupIndex(QStringLiteral("orders"), QStringLiteral("g1"));
        QCOMPARE(g1.parent(), orders);
        QCOMPARE(g1.data(TopicTableModel::KindRole).toInt(), int(TopicTableModel::GroupRow));
        QCOMPARE(g1.data(TopicTableModel::GroupIdRole).toString(), QStringLiteral("g1"));
        QCOMPARE(g1.data(TopicTableModel::TopicRole).toString(), QStringLiteral("orders"));
        QCOMPARE(cell(g1, TopicTableModel::Partitions), QStringLiteral("3"));
        QCOMPARE(cell(g1, TopicTableModel::Lag), QStringLiteral("10"));
        QCOMPARE(cell(g1, TopicTableModel::State), QStringLiteral("Stable"));
        QCOMPARE(cell(model.groupIndex(QStringLiteral("orders"), QStringLiteral("g2")), TopicTableModel::State), QStringLiteral("Empty"));

        const QModelIndex payments = model.topicIndex(QStringLiteral("payments"));
        QCOMPARE(cell(payments, TopicTableModel::EndOffsets), QStringLiteral("30"));
        QCOMPARE(cell(payments, TopicTableModel::Lag), QStringLiteral("20"));
        QCOMPARE(names(model, payments), (QStringList{QStringLiteral("g2")}));

        // Nobody reads metrics: no end offsets were fetched, no group, no lag.
        const QModelIndex metrics = model.topicIndex(QStringLiteral("metrics"));
        QCOMPARE(cell(metrics, TopicTableModel::Partitions), QStringLiteral("4"));
        QCOMPARE(cell(metrics, TopicTableModel::EndOffsets), QStringLiteral("–"));
        QCOMPARE(cell(metrics, TopicTableModel::Groups), QStringLiteral("0"));
        QCOMPARE(cell(metrics, TopicTableModel::Lag), QStringLiteral("–"));
        QCOMPARE(model.rowCount(metrics), 0);
    }

    // Thousands of group rows are built over several turns of the event
    // loop (no turn holds the GUI thread for all of them), then merged: the
    // rows are those of the last snapshot set, even when a new one came
    // while the build of the one before was under way.
    void groupRowsAreBuiltAndMergedOverTurnsFromTheLatestSnapshot()
    {
        constexpr int kTopics = 200, kGroups = 1000;
        const auto cluster = [](qint64 committed, int firstTopic = 0) {
            FakeCluster c;
            for (int t = firstTopic; t < firstTopic + kTopics; ++t) {
                const QString topic = QStringLiteral("t%1").arg(t, 3, 10, QLatin1Char('0'));
                c.topics.append({topic, 1});
                c.endOffsets.insert(TopicPartition{topic, 0}, 1000);
            }
            for (int g = 0; g < kGroups; ++g) {
                FakeGroup group;
                group.groupId = QStringLiteral("g%1").arg(g, 5, 10, QLatin1Char('0'));
                group.state = GroupState::Empty;
                group.committed = {{TopicPartition{QStringLiteral("t%1").arg(firstTopic + g % kTopics, 3, 10, QLatin1Char('0')), 0}, committed}};
                c.groups.append(group);
            }
            return c.build();
        };
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(cluster(990));
        model.setSnapshot(cluster(900));   // before the first was all built
        QTRY_COMPARE(model.rowCount(), kTopics);
        const QModelIndex t7 = model.topicIndex(QStringLiteral("t007"));
        QTRY_COMPARE(model.rowCount(t7), kGroups / kTopics);
        QCOMPARE(cell(t7, TopicTableModel::Groups), QString::number(kGroups / kTopics));
        // Its 5 groups, each 100 behind: the second snapshot's numbers.
        QCOMPARE(t7.siblingAtColumn(TopicTableModel::Lag).data(TopicTableModel::RawValueRole).toLongLong(), (kGroups / kTopics) * 100);
        QCOMPARE(cell(model.groupIndex(QStringLiteral("t007"), QStringLiteral("g00207")), TopicTableModel::Lag), QStringLiteral("100"));

        // Merged a key range at a time: ten topics gone at the front, ten
        // new at the end, the rest changed; the rows are exactly the new ones.
        QPersistentModelIndex kept = model.topicIndex(QStringLiteral("t100"));
        model.setSnapshot(cluster(950, 10));
        QTRY_COMPARE(model.index(0, 0).data().toString(), QStringLiteral("t010"));
        QTRY_COMPARE(model.index(model.rowCount() - 1, 0).data().toString(), QStringLiteral("t209"));
        QCOMPARE(model.rowCount(), kTopics);
        QVERIFY(!model.topicIndex(QStringLiteral("t009")).isValid());
        QTRY_COMPARE(cell(model.groupIndex(QStringLiteral("t100"), QStringLiteral("g00090")), TopicTableModel::Lag), QStringLiteral("50"));
        QVERIFY(kept.isValid());   // the same row, merged in place
        QCOMPARE(kept.data().toString(), QStringLiteral("t100"));
    }

    void refreshMergesBothLevelsWithoutReset()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        FakeCluster c = baseCluster();
        model.setSnapshot(c.build());

        const QPersistentModelIndex g2OnOrders(model.groupIndex(QStringLiteral("orders"), QStringLiteral("g2")));
        const QPersistentModelIndex g1OnOrders(model.groupIndex(QStringLiteral("orders"), QStringLiteral("g1")));
        const QPersistentModelIndex orders(model.topicIndex(QStringLiteral("orders")));
        QItemSelectionModel selection(&model);
        selection.select(g2OnOrders, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // g1 disappears, g3 starts reading metrics, payments is deleted, g2
        // commits more on orders, a topic "zeta" is created.
        c.topics = {{QStringLiteral("orders"), 3}, {QStringLiteral("metrics"), 4}, {QStringLiteral("zeta"), 1}};
        c.groups.removeFirst();
        FakeGroup &g2 = c.groups.first();
        g2.committed = {{tp("orders", 0), 1000000}, {tp("orders", 1), 200000}, {tp("orders", 2), 34000}};
        FakeGroup g3;
        g3.groupId = QStringLiteral("g3");
        g3.members = {FakeMember{
            QStringLiteral("m3"), QStringLiteral("c3"), {}, {tp("metrics", 0), tp("metrics", 1), tp("metrics", 2), tp("metrics", 3)}}};
        for (int p = 0; p < 4; ++p) {
            c.endOffsets.insert(tp("metrics", p), 100);
            g3.committed.insert(tp("metrics", p), 90);
        }
        c.groups.append(g3);
        inserts.clear();
        removes.clear();
        model.setSnapshot(c.build());

        QCOMPARE(resets.count(), 0);
        QCOMPARE(names(model), (QStringList{QStringLiteral("metrics"), QStringLiteral("orders"), QStringLiteral("zeta")}));
        QVERIFY(orders.isValid());
        QVERIFY(!g1OnOrders.isValid());
        QVERIFY(g2OnOrders.isValid());
        QCOMPARE(g2OnOrders.row(), 0);
        QCOMPARE(cell(g2OnOrders, TopicTableModel::Lag), QStringLiteral("567"));
        QCOMPARE(cell(orders, TopicTableModel::Groups), QStringLiteral("1"));
        QCOMPARE(cell(orders, TopicTableModel::Lag), QStringLiteral("567"));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(TopicTableModel::GroupIdRole).toString(), QStringLiteral("g2"));
        const QModelIndex metrics = model.topicIndex(QStringLiteral("metrics"));
        QCOMPARE(names(model, metrics), (QStringList{QStringLiteral("g3")}));
        QCOMPARE(cell(metrics, TopicTableModel::EndOffsets), QStringLiteral("400"));
        QCOMPARE(cell(metrics, TopicTableModel::Lag), QStringLiteral("40"));
        // Removals: payments (top level) and g1 under orders; inserts: zeta
        // (top level) and g3 under metrics.
        QCOMPARE(removes.count(), 2);
        QCOMPARE(inserts.count(), 2);
    }

    void produceRateTimeLagAndStatusFromTheLagHistory()
    {
        // Three refreshes 5 s apart. orders (2 partitions) grows by 100 + 50
        // records per refresh: (1,800 − 1,500) / 10 s = 30 msg/s; payments
        // stands still: 0 msg/s. "reader" catches up on orders; "stopped"
        // (Empty, no member) has sat 60 behind on payments since before the
        // first refresh: its partition STOP at once, so the group ERR on the
        // topic, as on the Groups page; its time lag needs the record at 40.
        LagHistory history;
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setLagHistory(&history);
        const qint64 t0 = 1'700'000'000'000;
        for (int i = 0; i < 3; ++i) {
            FakeCluster c;
            c.topics = {{QStringLiteral("orders"), 2}, {QStringLiteral("payments"), 1}};
            c.endOffsets = {{tp("orders", 0), 1000 + 100 * i}, {tp("orders", 1), 500 + 50 * i}, {tp("payments", 0), 100}};
            FakeGroup reader;
            reader.groupId = QStringLiteral("reader");
            reader.members = {FakeMember{QStringLiteral("m1"), QStringLiteral("c1"), {}, {tp("orders", 0), tp("orders", 1)}}};
            reader.committed = {{tp("orders", 0), 900 + 150 * i}, {tp("orders", 1), 450 + 75 * i}};
            FakeGroup stopped;
            stopped.groupId = QStringLiteral("stopped");
            stopped.state = GroupState::Empty;
            stopped.committed = {{tp("payments", 0), 40}};
            c.groups = {reader, stopped};
            ClusterSnapshot s = c.build();
            s.takenAt = QDateTime::fromMSecsSinceEpoch(t0 + 5000 * i, Qt::UTC);
            model.setSnapshot(s);
            history.addSnapshot(s);   // its updated() re-reads the history into the rows
            if (i == 0)
                QCOMPARE(cell(model.topicIndex(QStringLiteral("orders")), TopicTableModel::ProduceRate), QStringLiteral("–"));
        }
        const QModelIndex orders = model.topicIndex(QStringLiteral("orders"));
        QCOMPARE(cell(orders, TopicTableModel::ProduceRate), QStringLiteral("30 msg/s"));
        QCOMPARE(orders.siblingAtColumn(TopicTableModel::ProduceRate).data(TopicTableModel::RawValueRole).toDouble(), 30.0);
        QCOMPARE(cell(model.topicIndex(QStringLiteral("payments")), TopicTableModel::ProduceRate), QStringLiteral("0.0 msg/s"));
        // A topic row has no status of its own; its groups do.
        QCOMPARE(cell(orders, TopicTableModel::Status), QString());

        const QModelIndex reader = model.groupIndex(QStringLiteral("orders"), QStringLiteral("reader"));
        QCOMPARE(cell(reader, TopicTableModel::Lag), QStringLiteral("0"));
        QCOMPARE(cell(reader, TopicTableModel::TimeLag), QStringLiteral("0 s"));
        QCOMPARE(cell(reader, TopicTableModel::Status), QStringLiteral("OK"));
        QCOMPARE(cell(reader, TopicTableModel::Status, Qt::ToolTipRole), QStringLiteral("caught up"));
        QCOMPARE(reader.siblingAtColumn(TopicTableModel::Status).data(TopicTableModel::LagStatusRole).toInt(), int(LagStatusRules::Status::Ok));

        const QModelIndex stopped = model.groupIndex(QStringLiteral("payments"), QStringLiteral("stopped"));
        QCOMPARE(cell(stopped, TopicTableModel::Lag), QStringLiteral("60"));
        QCOMPARE(cell(stopped, TopicTableModel::Status), QStringLiteral("ERR"));
        QCOMPARE(cell(stopped, TopicTableModel::Status, Qt::ToolTipRole), QStringLiteral("payments-0: no commit for 10 s while 60 behind"));
        QCOMPARE(stopped.siblingAtColumn(TopicTableModel::Status).data(Qt::ForegroundRole).value<QBrush>().color(),
                 Theme::current().lagStatus(LagStatusRules::Status::Err));
        QCOMPARE(cell(stopped, TopicTableModel::TimeLag), QStringLiteral("–"));
        QCOMPARE(cell(stopped, TopicTableModel::TimeLag, Qt::ToolTipRole), QStringLiteral("reading the timestamp of the record at offset 40"));
        QCOMPARE(resets.count(), 0);

        // Without a history the columns say nothing rather than something old.
        model.setLagHistory(nullptr);
        QCOMPARE(cell(model.topicIndex(QStringLiteral("orders")), TopicTableModel::ProduceRate), QStringLiteral("–"));
        QCOMPARE(cell(model.groupIndex(QStringLiteral("payments"), QStringLiteral("stopped")), TopicTableModel::Status), QStringLiteral("–"));
    }

    void filterAndSort()
    {
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(baseCluster().build());

        proxy.sort(TopicTableModel::Lag, Qt::AscendingOrder);
        // payments 20 < orders 1,234,577 < metrics unknown.
        QCOMPARE(names(proxy), (QStringList{QStringLiteral("payments"), QStringLiteral("orders"), QStringLiteral("metrics")}));
        proxy.sort(TopicTableModel::Partitions, Qt::DescendingOrder);
        QCOMPARE(names(proxy), (QStringList{QStringLiteral("metrics"), QStringLiteral("orders"), QStringLiteral("payments")}));

        // A group id keeps the topics it reads, with just that group below.
        proxy.setText(QStringLiteral("G1"));
        QCOMPARE(names(proxy), (QStringList{QStringLiteral("orders")}));
        QCOMPARE(names(proxy, proxy.index(0, 0)), (QStringList{QStringLiteral("g1")}));
        // A topic name shows the topic with all its groups.
        proxy.setText(QStringLiteral("ord"));
        QCOMPARE(names(proxy), (QStringList{QStringLiteral("orders")}));
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 2);
        proxy.setText(QStringLiteral("nothing-matches"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setText(QString());
        QCOMPARE(proxy.rowCount(), 3);

        // A refresh under a filter.
        proxy.setText(QStringLiteral("g2"));
        QCOMPARE(names(proxy), (QStringList{QStringLiteral("orders"), QStringLiteral("payments")}));
        FakeCluster c = baseCluster();
        c.groups.removeLast();   // g2 gone
        model.setSnapshot(c.build());
        QCOMPARE(proxy.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTopicTableModel)
#include "tst_topic_table_model.moc"
