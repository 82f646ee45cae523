// SPDX-License-Identifier: GPL-3.0-or-later
// GroupTableModel and its filter proxy under QAbstractItemModelTester while
// refreshes add, remove and change groups; selection survives refreshes;
// stale and never-described groups are marked per row.

#include "models/GroupFilterProxyModel.h"
#include "models/GroupTableModel.h"
#include "models/Theme.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QItemSelectionModel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;

namespace {

GroupSnapshot group(const QString &id, GroupState state, int members, std::optional<qint64> lag,
                    const QStringList &topics = {QStringLiteral("t")})
{
    GroupSnapshot g;
    g.description.groupId = id;
    g.description.state = state;
    g.description.protocolType = QStringLiteral("consumer");
    g.description.protocol = QStringLiteral("range");
    g.description.coordinatorId = 1;
    for (int i = 0; i < members; ++i)
        g.description.members.append(GroupMember{QStringLiteral("m-%1").arg(i)});
    for (const QString &t : topics)
        g.topics.append(TopicLag{t, 1, lag, lag ? 0 : 1});
    g.partitions.append(PartitionLag{TopicPartition{topics.value(0), 0}});
    g.totalLag = lag;
    return g;
}

ClusterSnapshot snapshot(QList<GroupSnapshot> groups)
{
    ClusterSnapshot s;
    s.metadata.brokers = {BrokerInfo{1, QStringLiteral("127.0.0.1"), 9092, {}}};
    std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) { return a.groupId() < b.groupId(); });
    s.groups = std::move(groups);
    return s;
}

}   // namespace

class TestGroupTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellsAndMergeSignals()
    {
        GroupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        model.setSnapshot(
            snapshot({group(QStringLiteral("b"), GroupState::Stable, 2, 10), group(QStringLiteral("a"), GroupState::Empty, 0, 1234567),
                      group(QStringLiteral("c"), GroupState::Stable, 1, std::nullopt)}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(model.index(0, GroupTableModel::GroupId).data().toString(), QStringLiteral("a"));
        QCOMPARE(model.index(0, GroupTableModel::State).data().toString(), QStringLiteral("Empty"));
        QCOMPARE(model.index(0, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong(), 1234567);
        QCOMPARE(model.index(1, GroupTableModel::Members).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(2, GroupTableModel::Lag).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(2, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).isValid());
        QCOMPARE(model.index(0, GroupTableModel::Coordinator).data().toString(), QStringLiteral("1 (127.0.0.1:9092)"));

        // One group changes lag, one goes, two arrive (one before, one after).
        inserts.clear();
        changes.clear();
        model.setSnapshot(
            snapshot({group(QStringLiteral("0first"), GroupState::Stable, 1, 5), group(QStringLiteral("b"), GroupState::Stable, 2, 99),
                      group(QStringLiteral("c"), GroupState::Stable, 1, std::nullopt),
                      group(QStringLiteral("d"), GroupState::PreparingRebalance, 3, 0)}));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(removes.count(), 1);
        QCOMPARE(inserts.count(), 2);
        QCOMPARE(changes.count(), 1);   // only b's lag
        QCOMPARE(model.index(model.rowOf(QStringLiteral("b")), GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong(), 99);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        QCOMPARE(resets.count(), 0);

        // Same snapshot again: no signal at all.
        changes.clear();
        inserts.clear();
        model.setSnapshot(
            snapshot({group(QStringLiteral("0first"), GroupState::Stable, 1, 5), group(QStringLiteral("b"), GroupState::Stable, 2, 99),
                      group(QStringLiteral("c"), GroupState::Stable, 1, std::nullopt),
                      group(QStringLiteral("d"), GroupState::PreparingRebalance, 3, 0)}));
        QCOMPARE(changes.count(), 0);
        QCOMPARE(inserts.count(), 0);
        model.setSnapshot(snapshot({}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void filterSortAndSelectionSurviveRefreshes()
    {
        GroupTableModel model;
        GroupFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setSnapshot(snapshot({group(QStringLiteral("orders"), GroupState::Stable, 2, 50, {QStringLiteral("orders")}),
                                    group(QStringLiteral("payments"), GroupState::Empty, 0, 7, {QStringLiteral("payments")}),
                                    group(QStringLiteral("clicks"), GroupState::Stable, 1, std::nullopt, {QStringLiteral("clickstream")}),
                                    group(QStringLiteral("zero"), GroupState::Stable, 1, 0, {QStringLiteral("orders")})}));

        // Numeric sort on lag; unknown after every known value.
        proxy.sort(GroupTableModel::Lag, Qt::AscendingOrder);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order << proxy.index(r, 0).data().toString();
        QCOMPARE(order,
                 (QStringList{QStringLiteral("zero"), QStringLiteral("payments"), QStringLiteral("orders"), QStringLiteral("clicks")}));

        proxy.setText(QStringLiteral("CLICK"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("^(orders|zero)$"), true);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(QStringLiteral("(unclosed"), true);
        QVERIFY(!proxy.isFilterValid());
        QVERIFY(proxy.errorString().contains(QLatin1String("Invalid regular expression")));
        QCOMPARE(proxy.rowCount(), 2);   // keeps the last valid filter
        proxy.setText(QString());
        QVERIFY(proxy.isFilterValid());
        proxy.setStates({GroupState::Empty});
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setStates({});
        proxy.setOnlyLagging(true);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setOnlyLagging(false);

        // Select "orders", refresh with rows added before it and others removed.
        QItemSelectionModel selection(&proxy);
        const int ordersRow = [&] {
            for (int r = 0; r < proxy.rowCount(); ++r)
                if (proxy.index(r, 0).data().toString() == QLatin1String("orders"))
                    return r;
            return -1;
        }();
        selection.select(proxy.index(ordersRow, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex persistent(proxy.index(ordersRow, 0));
        model.setSnapshot(snapshot({group(QStringLiteral("aaa"), GroupState::Stable, 1, 1),
                                    group(QStringLiteral("orders"), GroupState::Stable, 2, 51, {QStringLiteral("orders")}),
                                    group(QStringLiteral("zero"), GroupState::Stable, 1, 0, {QStringLiteral("orders")})}));
        QVERIFY(persistent.isValid());
        QCOMPARE(persistent.data().toString(), QStringLiteral("orders"));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("orders"));
    }

    // Thousands of groups are merged a slice per event-loop turn; the result
    // is the same as one merge, and a newer snapshot mid-way takes over.
    void thousandsOfGroupsMergeInSlices()
    {
        GroupTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy applied(&model, &GroupTableModel::applied);
        QList<GroupSnapshot> groups;
        for (int i = 0; i < 3000; ++i)
            groups.append(group(QStringLiteral("g-%1").arg(i, 5, 10, QLatin1Char('0')), GroupState::Stable, 1, i));
        model.setSnapshot(snapshot(groups));
        QCOMPARE(model.rowCount(), int(GroupTableModel::kRowsPerSlice));   // the first slice at once
        QVERIFY(model.isApplying());
        QTRY_COMPARE(applied.count(), 1);
        QCOMPARE(model.rowCount(), 3000);
        QVERIFY(!model.isApplying());

        for (int i = 0; i < 3000; i += 100)
            groups[i].totalLag = i + 1;
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(snapshot(groups));
        QTRY_COMPARE(applied.count(), 2);
        QCOMPARE(changes.count(), 30);

        // Consecutive changed rows go out as one range (proxies re-sort once).
        changes.clear();
        for (int i = 10; i < 20; ++i)
            groups[i].totalLag = 7 * i;
        groups[30].totalLag = 1;
        model.setSnapshot(snapshot(groups));
        QCOMPARE(changes.count(), 2);   // both in the first slice
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 10);
        QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 19);
        QCOMPARE(changes.at(0).at(0).toModelIndex().column(), int(GroupTableModel::Lag));
        QCOMPARE(changes.at(1).at(0).toModelIndex().row(), 30);
        QTRY_COMPARE(applied.count(), 3);
        QCOMPARE(model.index(15, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong(), 105);

        // Churn in every slice: a tenth gone, as many new ones, and a newer
        // snapshot arriving while the first is half applied.
        QList<GroupSnapshot> churned;
        for (int i = 0; i < 3000; ++i) {
            GroupSnapshot g = groups.at(i);
            if (i % 10 == 3)
                g.description.groupId += QStringLiteral("-new");
            churned.append(g);
        }
        model.setSnapshot(snapshot(churned));
        QVERIFY(model.isApplying());
        QList<GroupSnapshot> newest = churned.mid(0, 2100);
        newest.append(group(QStringLiteral("zz-last"), GroupState::Empty, 0, 5));
        model.setSnapshot(snapshot(newest));
        QTRY_VERIFY(!model.isApplying());
        QCOMPARE(model.rowCount(), 2101);
        std::sort(newest.begin(), newest.end(), [](const auto &a, const auto &b) { return a.groupId() < b.groupId(); });
        for (int r = 0; r < model.rowCount(); r += 97)
            QCOMPARE(model.index(r, GroupTableModel::GroupId).data().toString(), newest.at(r).groupId());
        QCOMPARE(model.index(2100, GroupTableModel::GroupId).data().toString(), QStringLiteral("zz-last"));
        QCOMPARE(resets.count(), 0);
    }

    void typeColumnAndTypeFilter()
    {
        GroupTableModel model;
        GroupFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        GroupSnapshot classic = group(QStringLiteral("a-classic"), GroupState::Stable, 2, 3);
        classic.description.type = GroupType::Classic;
        // As the snapshot has it after GroupDescription::takeFromListing: no members known.
        GroupSnapshot kip848 = group(QStringLiteral("b-kip848"), GroupState::Reconciling, 0, 4);
        kip848.description.type = GroupType::Consumer;
        const GroupSnapshot old = group(QStringLiteral("c-old-broker"), GroupState::Empty, 0, 1);   // ListGroups before v5
        model.setSnapshot(snapshot({classic, kip848, old}));
        QCOMPARE(model.index(0, GroupTableModel::Type).data().toString(), QStringLiteral("Classic"));
        QCOMPARE(model.index(1, GroupTableModel::Type).data().toString(), QStringLiteral("Consumer"));
        QCOMPARE(model.index(1, GroupTableModel::State).data().toString(), QStringLiteral("Reconciling"));
        QCOMPARE(model.index(1, GroupTableModel::Members).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(0, GroupTableModel::Members).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.index(2, GroupTableModel::Type).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(2, GroupTableModel::Type).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.headerData(GroupTableModel::Type, Qt::Horizontal).toString(), QStringLiteral("Type"));

        proxy.setTypes({GroupType::Consumer});
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, GroupTableModel::GroupId).data().toString(), QStringLiteral("b-kip848"));
        proxy.setTypes({GroupType::Classic, GroupType::Unknown});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTypes({});
        QCOMPARE(proxy.rowCount(), 3);

        // Sorted by type: Classic < Consumer < Share < Streams, then the unknown ones.
        proxy.sort(GroupTableModel::Type, Qt::DescendingOrder);
        QCOMPARE(proxy.index(1, GroupTableModel::GroupId).data().toString(), QStringLiteral("b-kip848"));
        QCOMPARE(proxy.index(2, GroupTableModel::GroupId).data().toString(), QStringLiteral("a-classic"));

        // A group whose type changes (the broker upgraded) changes its Type cell only.
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        GroupSnapshot upgraded = old;
        upgraded.description.type = GroupType::Classic;
        model.setSnapshot(snapshot({classic, kip848, upgraded}));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).toModelIndex().column(), int(GroupTableModel::Type));
        QCOMPARE(changes.first().at(1).toModelIndex().column(), int(GroupTableModel::Type));
    }

    // A group whose coordinator did not answer keeps its last values, muted,
    // with a mark and a tooltip saying how old they are and why; one never
    // described says so instead of "Unknown, 0 members"; both can be
    // filtered and sorted; the same partial snapshot again changes nothing.
    void staleAndNeverDescribedRows()
    {
        GroupTableModel model;
        GroupFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const KafkaError unavailable
            = KafkaError::make(15, QStringLiteral("COORDINATOR_NOT_AVAILABLE"), QStringLiteral("The coordinator is not available."));
        GroupSnapshot fresh = group(QStringLiteral("fresh"), GroupState::Stable, 2, 10);
        fresh.describedFreshness = Freshness::freshAt(now);
        fresh.offsetsFreshness = Freshness::freshAt(now);
        GroupSnapshot stale = group(QStringLiteral("stale"), GroupState::Stable, 3, 25);
        stale.describedFreshness = Freshness::failed(unavailable, now.addSecs(-40));
        stale.offsetsFreshness = Freshness::failed(unavailable, now.addSecs(-40));
        GroupSnapshot never;   // what the listing said: the id and the protocol type, nothing else
        never.description.groupId = QStringLiteral("never");
        never.description.protocolType = QStringLiteral("consumer");
        never.describedFreshness = Freshness::failed(unavailable);
        never.offsetsFreshness = Freshness::failed(unavailable);
        const ClusterSnapshot partial = snapshot({fresh, stale, never});
        model.setSnapshot(partial);
        QCOMPARE(model.rowCount(), 3);

        const int f = model.rowOf(QStringLiteral("fresh"));
        const int s = model.rowOf(QStringLiteral("stale"));
        const int n = model.rowOf(QStringLiteral("never"));
        // Fresh: nothing marked.
        QVERIFY(!model.index(f, 0).data(GroupTableModel::StaleRole).toBool());
        QVERIFY(!model.index(f, GroupTableModel::GroupId).data(Qt::DecorationRole).isValid());
        QVERIFY(!model.index(f, GroupTableModel::Members).data(Qt::ToolTipRole).isValid());
        QCOMPARE(model.index(f, GroupTableModel::Members).data(Qt::ForegroundRole), QVariant());

        // Stale: the last values, muted, marked, and the age and error on every cell.
        QVERIFY(model.index(s, 0).data(GroupTableModel::StaleRole).toBool());
        QVERIFY(model.index(s, 0).data(GroupTableModel::DescribedRole).toBool());
        QCOMPARE(model.index(s, GroupTableModel::State).data().toString(), QStringLiteral("Stable"));
        QCOMPARE(model.index(s, GroupTableModel::Members).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(s, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).toLongLong(), 25);
        QCOMPARE(model.index(s, GroupTableModel::GroupId).data(Qt::DecorationRole).typeId(), QMetaType::QImage);
        QCOMPARE(model.index(s, GroupTableModel::Members).data(Qt::ForegroundRole).value<QBrush>().color(), Theme::current().muted());
        const QString staleTip = model.index(s, GroupTableModel::Members).data(Qt::ToolTipRole).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^Not refreshed for 4[01] s: COORDINATOR_NOT_AVAILABLE: The coordinator is not "
                                                   "available\\.\nCommitted offsets not refreshed for 4[01] s"))
                     .match(staleTip)
                     .hasMatch(),
                 qPrintable(staleTip));

        // Never described: says so, and its unknowns are not zeros.
        QVERIFY(model.index(n, 0).data(GroupTableModel::StaleRole).toBool());
        QVERIFY(!model.index(n, 0).data(GroupTableModel::DescribedRole).toBool());
        QCOMPARE(model.index(n, GroupTableModel::State).data().toString(), QStringLiteral("not described"));
        QCOMPARE(model.index(n, GroupTableModel::Members).data().toString(), QStringLiteral("–"));
        QCOMPARE(model.index(n, GroupTableModel::Lag).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(n, GroupTableModel::Lag).data(GroupTableModel::RawValueRole).isValid());
        QCOMPARE(model.index(n, GroupTableModel::ProtocolType).data().toString(), QStringLiteral("consumer"));
        QCOMPARE(model.index(n, GroupTableModel::State).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Not described: COORDINATOR_NOT_AVAILABLE: The coordinator is not available.\n"
                                "Committed offsets not read (the lag is unknown): COORDINATOR_NOT_AVAILABLE: The coordinator is "
                                "not available."));
        QCOMPARE(model.index(n, GroupTableModel::State).data(Qt::ForegroundRole).value<QBrush>().color(),
                 Theme::current().status(Theme::Status::Warning));

        // Sorting: unknown member counts after every known one, both ways round stays consistent.
        proxy.sort(GroupTableModel::Members, Qt::AscendingOrder);
        QStringList order;
        for (int r = 0; r < proxy.rowCount(); ++r)
            order << proxy.index(r, 0).data().toString();
        QCOMPARE(order, (QStringList{QStringLiteral("fresh"), QStringLiteral("stale"), QStringLiteral("never")}));
        // Filtering: only what is not from the last refresh.
        proxy.setOnlyStale(true);
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStates({GroupState::Stable});
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("stale"));
        proxy.setStates({});
        proxy.setOnlyStale(false);
        QCOMPARE(proxy.rowCount(), 3);

        // The same partial snapshot again: no signal (a stale row's age is read at paint time).
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(partial);
        QCOMPARE(changes.count(), 0);

        // Read again: the stale row gets dataChanged over every column, unmarked.
        stale.describedFreshness = Freshness::freshAt(now);
        stale.offsetsFreshness = Freshness::freshAt(now);
        model.setSnapshot(snapshot({fresh, stale, never}));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).toModelIndex().row(), s);
        QCOMPARE(changes.first().at(0).toModelIndex().column(), 0);
        QCOMPARE(changes.first().at(1).toModelIndex().column(), int(GroupTableModel::ColumnCount) - 1);
        QVERIFY(!model.index(s, 0).data(GroupTableModel::StaleRole).toBool());
        QVERIFY(!model.index(s, GroupTableModel::GroupId).data(Qt::DecorationRole).isValid());
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGroupTableModel)
#include "tst_group_table_model.moc"
