// SPDX-License-Identifier: GPL-3.0-or-later
// MemberTableModel under QAbstractItemModelTester while refreshes add, remove
// and change members: keyed merge (no reset), persistent indexes and selection
// survive, numbers sort as numbers.

#include "FakeCluster.h"

#include "models/MemberTableModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

GroupSnapshot groupOf(const QList<FakeMember> &members, const QString &protocolType = QStringLiteral("consumer"))
{
    FakeCluster c;
    c.topics = {{QStringLiteral("orders"), 12}, {QStringLiteral("payments"), 3}};
    FakeGroup g;
    g.groupId = QStringLiteral("g");
    g.protocolType = protocolType;
    g.members = members;
    c.groups = {g};
    return c.build().groups.first();
}

QStringList column(const QAbstractItemModel &m, int col)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, col).data().toString();
    return out;
}

}   // namespace

class TestMemberTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeKeepsRowsSelectionAndNeverResets()
    {
        MemberTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        model.setGroup(groupOf({FakeMember{QStringLiteral("m-a"), QStringLiteral("app-1"), {}, {tp("orders", 0), tp("orders", 1)}},
                                FakeMember{QStringLiteral("m-b"),
                                           QStringLiteral("app-2"),
                                           {QStringLiteral("orders"), QStringLiteral("payments")},
                                           {tp("orders", 2), tp("payments", 0)},
                                           QStringLiteral("static-2")},
                                FakeMember{QStringLiteral("m-c"), QStringLiteral("app-3"), {QStringLiteral("orders")}, {}}}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(column(model, MemberTableModel::MemberId),
                 (QStringList{QStringLiteral("m-a"), QStringLiteral("m-b"), QStringLiteral("m-c")}));
        const int b = model.rowOf(QStringLiteral("m-b"));
        QCOMPARE(model.index(b, MemberTableModel::ClientId).data().toString(), QStringLiteral("app-2"));
        QCOMPARE(model.index(b, MemberTableModel::Host).data().toString(), QStringLiteral("/10.0.0.1"));
        QCOMPARE(model.index(b, MemberTableModel::InstanceId).data().toString(), QStringLiteral("static-2"));
        QCOMPARE(model.index(b, MemberTableModel::Partitions).data(MemberTableModel::RawValueRole).toInt(), 2);
        QCOMPARE(model.index(b, MemberTableModel::Topics).data().toString(), QStringLiteral("orders, payments"));
        QCOMPARE(model.index(0, MemberTableModel::InstanceId).data().toString(), QStringLiteral("–"));
        // A member that subscribes but was given nothing: 0, not unknown.
        QCOMPARE(model.index(2, MemberTableModel::Partitions).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.index(2, MemberTableModel::Topics).data().toString(), QStringLiteral("orders"));
        QCOMPARE(model.index(0, MemberTableModel::Partitions).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));

        QItemSelectionModel selection(&model);
        selection.select(model.index(b, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QPersistentModelIndex persistent(model.index(b, MemberTableModel::Partitions));

        // m-a leaves, "0-new" joins before everyone, m-b gets one more partition, m-c unchanged.
        inserts.clear();
        changes.clear();
        model.setGroup(groupOf({FakeMember{QStringLiteral("0-new"), QStringLiteral("app-4"), {}, {tp("orders", 0)}},
                                FakeMember{QStringLiteral("m-b"),
                                           QStringLiteral("app-2"),
                                           {QStringLiteral("orders"), QStringLiteral("payments")},
                                           {tp("orders", 1), tp("orders", 2), tp("payments", 0)},
                                           QStringLiteral("static-2")},
                                FakeMember{QStringLiteral("m-c"), QStringLiteral("app-3"), {QStringLiteral("orders")}, {}}}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removes.count(), 1);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(changes.count(), 1);   // only m-b
        QCOMPARE(column(model, MemberTableModel::MemberId),
                 (QStringList{QStringLiteral("0-new"), QStringLiteral("m-b"), QStringLiteral("m-c")}));
        QVERIFY(persistent.isValid());
        QCOMPARE(persistent.row(), 1);
        QCOMPARE(persistent.data(MemberTableModel::RawValueRole).toInt(), 3);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data().toString(), QStringLiteral("m-b"));

        // The same group again: not a single signal.
        changes.clear();
        inserts.clear();
        removes.clear();
        model.setGroup(groupOf({FakeMember{QStringLiteral("0-new"), QStringLiteral("app-4"), {}, {tp("orders", 0)}},
                                FakeMember{QStringLiteral("m-b"),
                                           QStringLiteral("app-2"),
                                           {QStringLiteral("orders"), QStringLiteral("payments")},
                                           {tp("orders", 1), tp("orders", 2), tp("payments", 0)},
                                           QStringLiteral("static-2")},
                                FakeMember{QStringLiteral("m-c"), QStringLiteral("app-3"), {QStringLiteral("orders")}, {}}}));
        QCOMPARE(changes.count() + inserts.count() + removes.count(), 0);

        // Everyone leaves (the group went Empty).
        model.setGroup(groupOf({}));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    // A KIP-848 group's members: the Epoch column is the member epoch, and a
    // member that does not own its target assignment yet says so ("→" and
    // "reconciling"), then settles in place (dataChanged, no reset).
    void kip848MembersShowEpochAndReconciling()
    {
        MemberTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const auto group = [](int epochA, const QList<TopicPartition> &ownedA) {
            GroupSnapshot g;
            g.description.groupId = QStringLiteral("g");
            g.description.type = GroupType::Consumer;
            g.description.describedAsConsumerGroup = true;
            g.description.groupEpoch = 5;
            g.description.assignmentEpoch = 5;
            GroupMember a;
            a.memberId = QStringLiteral("m-a");
            a.memberEpoch = epochA;
            a.assignment = ConsumerAssignment{0, ownedA, {}};
            a.targetAssignment = QList<TopicPartition>{tp("orders", 0), tp("orders", 1)};
            GroupMember b;
            b.memberId = QStringLiteral("m-b");
            b.memberEpoch = 5;
            b.assignment = ConsumerAssignment{0, {tp("orders", 2)}, {}};
            b.targetAssignment = QList<TopicPartition>{tp("orders", 2)};
            g.description.members = {a, b};
            g.generationId = 5;
            return g;
        };
        model.setGroup(group(4, {tp("orders", 0)}));
        QCOMPARE(model.rowCount(), 2);
        const int a = model.rowOf(QStringLiteral("m-a")), b = model.rowOf(QStringLiteral("m-b"));
        QCOMPARE(model.index(a, MemberTableModel::Epoch).data().toString(), QStringLiteral("4 (reconciling)"));
        QCOMPARE(model.index(a, MemberTableModel::Epoch).data(MemberTableModel::RawValueRole).toInt(), 4);
        QCOMPARE(model.index(a, MemberTableModel::Partitions).data().toString(), QStringLiteral("1 → 2"));
        QVERIFY2(model.index(a, MemberTableModel::Partitions).data(Qt::ToolTipRole).toString().contains(QStringLiteral("orders-0, orders-1")),
                 qPrintable(model.index(a, MemberTableModel::Partitions).data(Qt::ToolTipRole).toString()));
        QCOMPARE(model.index(b, MemberTableModel::Epoch).data().toString(), QStringLiteral("5"));
        QCOMPARE(model.index(b, MemberTableModel::Partitions).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.headerData(MemberTableModel::Epoch, Qt::Horizontal).toString(), QStringLiteral("Epoch"));

        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setGroup(group(5, {tp("orders", 0), tp("orders", 1)}));
        QVERIFY(!changes.isEmpty());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.index(a, MemberTableModel::Epoch).data().toString(), QStringLiteral("5"));
        QCOMPARE(model.index(a, MemberTableModel::Partitions).data().toString(), QStringLiteral("2"));
    }

    // A classic member's Epoch is the group's generation.
    void classicMemberEpochIsTheGeneration()
    {
        GroupSnapshot g = groupOf({FakeMember{QStringLiteral("m-a"), QStringLiteral("app-1"), {}, {tp("orders", 0)}}});
        g.generationId = 12;
        MemberTableModel model;
        model.setGroup(g);
        QCOMPARE(model.index(0, MemberTableModel::Epoch).data().toString(), QStringLiteral("12"));
    }

    void partitionCountsSortNumerically()
    {
        MemberTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(MemberTableModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<TopicPartition> ten, nine;
        for (int p = 0; p < 10; ++p)
            ten << tp("orders", p);
        for (int p = 0; p < 9; ++p)
            nine << tp("orders", p);   // overlaps "ten": only the counts matter here
        model.setGroup(groupOf({FakeMember{QStringLiteral("ten"), QStringLiteral("c"), {}, ten},
                                FakeMember{QStringLiteral("nine"), QStringLiteral("c"), {}, nine},
                                FakeMember{QStringLiteral("one"), QStringLiteral("c"), {}, {tp("orders", 10)}}}));
        proxy.sort(MemberTableModel::Partitions, Qt::AscendingOrder);
        QCOMPARE(column(proxy, MemberTableModel::MemberId),
                 (QStringList{QStringLiteral("one"), QStringLiteral("nine"), QStringLiteral("ten")}));
    }

    void nonConsumerMembersHaveUnknownPartitions()
    {
        MemberTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGroup(groupOf({FakeMember{QStringLiteral("w-1"), QStringLiteral("connect-worker-1"), {}, {}}}, QStringLiteral("connect")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, MemberTableModel::Partitions).data().toString(), QStringLiteral("–"));
        QVERIFY(!model.index(0, MemberTableModel::Partitions).data(MemberTableModel::RawValueRole).isValid());
        QVERIFY(!model.index(0, MemberTableModel::Partitions).data(Qt::ToolTipRole).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMemberTableModel)
#include "tst_member_table_model.moc"
