// SPDX-License-Identifier: GPL-3.0-or-later
// The assignment what-if dialog offscreen, against Kafka's documented
// assignors: RangeAssignor's and RoundRobinAssignor's javadoc examples (two
// consumers, two topics of three partitions), range over 5 partitions and 2
// members (3 + 2), a member added and one removed with the partitions that
// move, partitions added, a group's members as the start (a KIP-848 group's
// with the topic ids its describe gave), and bad input said in words. The
// outcome model is under QAbstractItemModelTester throughout.

#include "FakeCluster.h"

#include "models/AssignmentOutcomeModel.h"
#include "ui/AssignmentWhatIfDialog.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

AssignorMember member(const QString &id, const QStringList &topics, const QList<TopicPartition> &owned = {})
{
    AssignorMember m;
    m.memberId = id;
    m.topics = topics;
    m.owned = owned;
    return m;
}

TopicPartition part(const char *topic, int p)
{
    return {QString::fromLatin1(topic), p};
}

// Member id → its "Partitions" cell.
QHash<QString, QString> partitionsByMember(const AssignmentOutcomeModel *model)
{
    QHash<QString, QString> out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.insert(model->index(r, AssignmentOutcomeModel::Member).data().toString(),
                   model->index(r, AssignmentOutcomeModel::Partitions).data().toString());
    return out;
}

int count(const AssignmentOutcomeModel *model, const QString &memberId)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, AssignmentOutcomeModel::Member).data().toString() == memberId)
            return model->index(r, AssignmentOutcomeModel::Count).data(AssignmentOutcomeModel::SortRole).toInt();
    return -1;
}

QString cellOf(const AssignmentOutcomeModel *model, const QString &memberId, int column)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, AssignmentOutcomeModel::Member).data().toString() == memberId)
            return model->index(r, column).data().toString();
    return {};
}

bool movesSaid(const QString &summary, int moved)
{
    return summary.contains(QRegularExpression(QStringLiteral("\\b%1 partition(s|\\(s\\))? would move").arg(moved)));
}

}   // namespace

class TestAssignmentWhatIfDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void rangeGivesTheFirstMembersOneMore()
    {
        AssignmentWhatIfDialog dialog;
        QAbstractItemModelTester tester(dialog.outcomeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        dialog.setInput({{member(QStringLiteral("a"), {QStringLiteral("t")}), member(QStringLiteral("b"), {QStringLiteral("t")})},
                         {{QStringLiteral("t"), 5, {}}}});
        dialog.setAssignor(QStringLiteral("range"));
        dialog.simulate();
        QVERIFY2(!dialog.hasError(), qPrintable(dialog.summaryText()));
        // Range: 5 partitions over 2 members, the first in member order gets the extra one.
        QCOMPARE(count(dialog.outcomeModel(), QStringLiteral("a")), 3);
        QCOMPARE(count(dialog.outcomeModel(), QStringLiteral("b")), 2);
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("a"), AssignmentOutcomeModel::Partitions), QStringLiteral("t 0–2"));
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("b"), AssignmentOutcomeModel::Partitions), QStringLiteral("t 3, 4"));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("skew 1")), qPrintable(dialog.summaryText()));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("Nothing is owned now")), qPrintable(dialog.summaryText()));
    }

    void kafkasJavadocExamples()
    {
        // RangeAssignor's javadoc: C0 [t0p0, t0p1, t1p0, t1p1], C1 [t0p2, t1p2].
        // RoundRobinAssignor's: C0 [t0p0, t0p2, t1p1], C1 [t0p1, t1p0, t1p2].
        AssignmentWhatIfDialog dialog;
        QAbstractItemModelTester tester(dialog.outcomeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QStringList both{QStringLiteral("t0"), QStringLiteral("t1")};
        dialog.setInput({{member(QStringLiteral("C0"), both), member(QStringLiteral("C1"), both)},
                         {{QStringLiteral("t0"), 3, {}}, {QStringLiteral("t1"), 3, {}}}});
        dialog.setAssignor(QStringLiteral("range"));
        dialog.simulate();
        QCOMPARE(partitionsByMember(dialog.outcomeModel()),
                 (QHash<QString, QString>{{QStringLiteral("C0"), QStringLiteral("t0 0, 1 · t1 0, 1")},
                                          {QStringLiteral("C1"), QStringLiteral("t0 2 · t1 2")}}));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("skew 2")));
        dialog.setAssignor(QStringLiteral("roundrobin"));
        dialog.simulate();
        QCOMPARE(partitionsByMember(dialog.outcomeModel()),
                 (QHash<QString, QString>{{QStringLiteral("C0"), QStringLiteral("t0 0, 2 · t1 1")},
                                          {QStringLiteral("C1"), QStringLiteral("t0 1 · t1 0, 2")}}));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("skew 0")));
    }

    void membersAddedAndRemovedAndPartitionsAdded()
    {
        AssignmentWhatIfDialog dialog;
        QAbstractItemModelTester tester(dialog.outcomeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QStringList t{QStringLiteral("t")};
        dialog.setInput({{member(QStringLiteral("a"), t, {part("t", 0), part("t", 1), part("t", 2)}),
                          member(QStringLiteral("b"), t, {part("t", 3), part("t", 4)})},
                         {{QStringLiteral("t"), 5, {}}}});
        dialog.setAssignor(QStringLiteral("range"));
        dialog.simulate();
        QVERIFY(movesSaid(dialog.summaryText(), 0));

        // A third member: range gives a 0-1, b 2-3, c 4; t-2 goes to b and t-4 to c.
        QSignalSpy resets(dialog.outcomeModel(), &QAbstractItemModel::modelReset);
        dialog.addMember(QStringLiteral("c"), t);
        dialog.simulate();
        QCOMPARE(count(dialog.outcomeModel(), QStringLiteral("c")), 1);
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("b"), AssignmentOutcomeModel::Gains), QStringLiteral("t 2"));
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("b"), AssignmentOutcomeModel::Loses), QStringLiteral("t 4"));
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("a"), AssignmentOutcomeModel::Loses), QStringLiteral("t 2"));
        QVERIFY2(movesSaid(dialog.summaryText(), 2), qPrintable(dialog.summaryText()));

        // b removed: a keeps 0-2 and c takes 3-4, the two b owned.
        dialog.removeMember(QStringLiteral("b"));
        dialog.simulate();
        QCOMPARE(dialog.outcomeModel()->rowCount(), 2);
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("a"), AssignmentOutcomeModel::Partitions), QStringLiteral("t 0–2"));
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("c"), AssignmentOutcomeModel::Partitions), QStringLiteral("t 3, 4"));
        QVERIFY2(movesSaid(dialog.summaryText(), 2), qPrintable(dialog.summaryText()));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("from removed members")), qPrintable(dialog.summaryText()));

        // A sixth partition: range over a and c gives 3 each.
        dialog.setPartitions(QStringLiteral("t"), 6);
        dialog.simulate();
        QCOMPARE(count(dialog.outcomeModel(), QStringLiteral("a")), 3);
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("c"), AssignmentOutcomeModel::Partitions), QStringLiteral("t 3–5"));
        QVERIFY(dialog.summaryText().contains(QStringLiteral("skew 0")));
        QCOMPARE(resets.count(), 0);
    }

    void startsFromAGroup()
    {
        FakeCluster c;
        c.topics = {{QStringLiteral("orders"), 4}};
        FakeGroup g;
        g.groupId = QStringLiteral("shop");
        g.assignor = QStringLiteral("roundrobin");
        g.members = {FakeMember{QStringLiteral("m1"), QStringLiteral("shop-1"), {QStringLiteral("orders")}, {tp("orders", 0), tp("orders", 1)}},
                     FakeMember{QStringLiteral("m2"), QStringLiteral("shop-2"), {QStringLiteral("orders")}, {tp("orders", 2), tp("orders", 3)}}};
        c.groups = {g};
        const ClusterSnapshot snapshot = c.build();
        AssignmentWhatIfDialog dialog;
        dialog.setGroup(*snapshot.group(QStringLiteral("shop")), snapshot.metadata);
        QCOMPARE(dialog.assignor(), QStringLiteral("roundrobin"));
        QCOMPARE(dialog.memberTable()->rowCount(), 2);
        QCOMPARE(dialog.topicTable()->rowCount(), 1);
        const Result<AssignorInput, QString> in = dialog.input();
        QVERIFY(in);
        QCOMPARE(in->partitionCount(QStringLiteral("orders")), 4);
        QCOMPARE(in->members.at(0).owned, (QList<TopicPartition>{tp("orders", 0), tp("orders", 1)}));
        dialog.simulate();
        // Roundrobin deals one at a time: m1 0, 2; m2 1, 3; so 0 stays, 1 and 2 swap, 3 stays.
        QCOMPARE(cellOf(dialog.outcomeModel(), QStringLiteral("m1"), AssignmentOutcomeModel::Partitions), QStringLiteral("orders 0, 2"));
        QVERIFY2(movesSaid(dialog.summaryText(), 2), qPrintable(dialog.summaryText()));
    }

    // A KIP-848 group as ConsumerGroupDescribe gives it: the topic ids of
    // its assignments reach the uniform simulation. The layout is one a Kafka
    // 4.4 broker assigned (tst_assignors' uniformKeepsTopicsInIdHashOrder):
    // the member owning both topics keeps uniform-r23-t2, whose id comes
    // first in Kafka's HashMap, though its name sorts second; by name it
    // would keep t1. A topic nobody owns has no id: the summary says the
    // order may not be Kafka's.
    void kip848GroupsTopicIdsReachTheUniformSimulation()
    {
        const QString r1 = QStringLiteral("uniform-r23-t1"), r2 = QStringLiteral("uniform-r23-t2");
        const QString n = QStringLiteral("NNIb2XLqQoaqsDxPbN66GA"), b = QStringLiteral("BaqKAMJtSOGrVuU0R9fUqQ");
        const QString id1 = QStringLiteral("Hy5m5A56TfW7zDuB7E3arA"), id2 = QStringLiteral("IcJtmqX6R8mRXyzQtroJXA");
        GroupSnapshot group;
        GroupDescription &d = group.description;
        d.groupId = QStringLiteral("kip848");
        d.type = GroupType::Consumer;
        d.protocolType = QStringLiteral("consumer");
        d.protocol = QStringLiteral("uniform");
        d.describedAsConsumerGroup = true;
        d.topicIds = {{r1, id1}, {r2, id2}};
        const auto consumer = [](const QString &id, const QStringList &topics, const QList<TopicPartition> &owned) {
            GroupMember m;
            m.memberId = id;
            m.subscription = ConsumerSubscription{};
            m.subscription->topics = topics;
            m.assignment = ConsumerAssignment{0, owned, {}};
            m.targetAssignment = owned;
            return m;
        };
        QList<TopicPartition> all;
        for (const QString &t : {r1, r2})
            for (int p = 0; p < 4; ++p)
                all << TopicPartition{t, p};
        d.members = {consumer(n, {r1, r2}, all), consumer(b, {r1, r2}, {})};
        ClusterMetadata metadata;
        for (const QString &t : {r1, r2, QStringLiteral("uniform-r23-t3")})
            metadata.topics.append({t, false, {{0}, {1}, {2}, {3}}});

        AssignmentWhatIfDialog dialog;
        dialog.setGroup(group, metadata);
        QCOMPARE(dialog.assignor(), QStringLiteral("uniform"));
        const Result<AssignorInput, QString> in = dialog.input();
        QVERIFY2(in, qPrintable(in.error()));
        QCOMPARE(in->topics, (QList<AssignorTopic>{{r1, 4, id1}, {r2, 4, id2}}));
        dialog.simulate();
        QVERIFY2(!dialog.hasError(), qPrintable(dialog.summaryText()));
        QCOMPARE(cellOf(dialog.outcomeModel(), n, AssignmentOutcomeModel::Partitions), r2 + QStringLiteral(" 0–3"));
        QCOMPARE(cellOf(dialog.outcomeModel(), b, AssignmentOutcomeModel::Partitions), r1 + QStringLiteral(" 0–3"));
        QVERIFY2(!dialog.summaryText().contains(QStringLiteral("not known")), qPrintable(dialog.summaryText()));

        // A row renamed to another topic loses its id; a topic added has none.
        dialog.topicTable()->item(1, 0)->setText(QStringLiteral("uniform-r23-t3"));
        QCOMPARE(dialog.input()->topics.at(1), (AssignorTopic{QStringLiteral("uniform-r23-t3"), 4, {}}));
        dialog.topicTable()->item(1, 0)->setText(r2);
        QCOMPARE(dialog.input()->topics.at(1).topicId, id2);

        // Subscribed by b too, but nobody owns or is to own it: no id, and the summary says what that means.
        d.members[1] = consumer(b, {r1, r2, QStringLiteral("uniform-r23-t3")}, {});
        d.members[0].subscription->topics = d.members[1].subscription->topics;
        dialog.setGroup(group, metadata);
        dialog.simulate();
        QVERIFY2(!dialog.hasError(), qPrintable(dialog.summaryText()));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("The topic ids of uniform-r23-t3 are not known")),
                 qPrintable(dialog.summaryText()));
        // Client-side assignors do not order topics by id: no such words.
        dialog.setAssignor(QStringLiteral("range"));
        dialog.simulate();
        QVERIFY2(!dialog.summaryText().contains(QStringLiteral("not known")), qPrintable(dialog.summaryText()));
    }

    void badInputSaysWhatToDo()
    {
        AssignmentWhatIfDialog dialog;
        dialog.setInput({{member(QStringLiteral("a"), {QStringLiteral("t")})}, {{QStringLiteral("t"), 2, {}}}});
        dialog.memberTable()->item(0, 2)->setText(QStringLiteral("t-0, garbage"));
        dialog.simulate();
        QVERIFY(dialog.hasError());
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("write it as topic-partition")), qPrintable(dialog.summaryText()));
        QCOMPARE(dialog.outcomeModel()->rowCount(), 0);
        // A partition past the topic's end: the simulator's words.
        dialog.memberTable()->item(0, 2)->setText(QStringLiteral("t-7"));
        dialog.simulate();
        QVERIFY(dialog.hasError());
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("partitions 0 to 1")), qPrintable(dialog.summaryText()));
        dialog.memberTable()->item(0, 2)->setText(QString());
        dialog.simulate();
        QVERIFY(!dialog.hasError());
        QCOMPARE(count(dialog.outcomeModel(), QStringLiteral("a")), 2);
    }
};

QTEST_MAIN(TestAssignmentWhatIfDialog)
#include "tst_assignment_what_if_dialog.moc"
