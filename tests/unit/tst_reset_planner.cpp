// SPDX-License-Identifier: GPL-3.0-or-later
// The reset planner and scope by kafka-consumer-groups.sh's rules
// (GroupOffsetsResetter, Kafka 4.4): every strategy, clamping at both ends,
// empty partitions, no record at the time, shifts past either end, scopes.
#include "core/reset/ResetPlanner.h"
#include "core/reset/ResetScope.h"

#include <QTest>
#include <QTimeZone>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

using Offsets = QHash<TopicPartition, qint64>;

const TopicPartition kP0{u"orders"_s, 0};
const TopicPartition kP1{u"orders"_s, 1};
const TopicPartition kEmpty{u"orders"_s, 2};   // log start = log end = 40: everything deleted

// orders-0: log [10, 100), committed 50; orders-1: [0, 20), committed 20; orders-2: empty at 40, nothing committed.
ResetPlanner::Input input()
{
    ResetPlanner::Input in;
    in.groupId = u"g"_s;
    in.state = GroupState::Empty;
    in.partitions = {kP0, kP1, kEmpty};
    in.current = {{kP0, 50}, {kP1, 20}};
    in.watermarks = {{kP0, {10, 100}}, {kP1, {0, 20}}, {kEmpty, {40, 40}}};
    return in;
}

struct Row
{
    qint64 newOffset;
    PartitionResetPlan::Clamp clamp;
};

ClusterMetadata metadata()
{
    ClusterMetadata md;
    md.topics = {TopicInfo{u"orders"_s, false, {{0, 1, {1}, 0}, {1, 1, {1}, 0}, {2, 1, {1}, 0}}, 0},
                 TopicInfo{u"audit"_s, false, {{0, 1, {1}, 0}}, 0}};
    return md;
}

}   // namespace

Q_DECLARE_METATYPE(cohort::ResetStrategy)

class TestResetPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void strategies_data()
    {
        QTest::addColumn<ResetStrategy>("strategy");
        QTest::addColumn<Offsets>("forTimes");
        QTest::addColumn<QList<qint64>>("expected");   // orders-0, -1, -2
        QTest::addColumn<QList<int>>("clamps");        // PartitionResetPlan::Clamp per partition
        using C = PartitionResetPlan::Clamp;
        const QList<int> none{int(C::None), int(C::None), int(C::None)};
        QTest::newRow("earliest") << ResetStrategy::toEarliest() << Offsets{} << QList<qint64>{10, 0, 40} << none;
        QTest::newRow("latest") << ResetStrategy::toLatest() << Offsets{} << QList<qint64>{100, 20, 40} << none;
        // No committed offset: kcg takes the log end.
        QTest::newRow("current") << ResetStrategy::toCurrent() << Offsets{} << QList<qint64>{50, 20, 40} << none;
        // Kafka's ListOffsets by time: an offset, or -1 (no record at or after it: the log end, as kcg falls back).
        QTest::newRow("datetime") << ResetStrategy::toDateTime(QDateTime::fromMSecsSinceEpoch(1000, QTimeZone::utc()))
                                  << Offsets{{kP0, 30}, {kP1, -1}, {kEmpty, -1}} << QList<qint64>{30, 20, 40} << none;
        QTest::newRow("duration") << ResetStrategy::byDuration(3'600'000, u"PT1H"_s) << Offsets{{kP0, 10}, {kP1, 5}, {kEmpty, -1}}
                                  << QList<qint64>{10, 5, 40} << none;
        // 45 is inside orders-0, past orders-1's end and the empty one's (kcg looks at the end first).
        QTest::newRow("offset") << ResetStrategy::toOffset(45) << Offsets{} << QList<qint64>{45, 20, 40}
                                << QList<int>{int(C::None), int(C::ToLogEnd), int(C::ToLogEnd)};
        QTest::newRow("offset 0 below start") << ResetStrategy::toOffset(0) << Offsets{} << QList<qint64>{10, 0, 40}
                                              << QList<int>{int(C::ToLogStart), int(C::None), int(C::ToLogStart)};
    }
    void strategies()
    {
        QFETCH(ResetStrategy, strategy);
        QFETCH(Offsets, forTimes);
        QFETCH(QList<qint64>, expected);
        QFETCH(QList<int>, clamps);
        ResetPlanner::Input in = input();
        in.offsetsForTimes = forTimes;
        const auto plan = ResetPlanner::plan(strategy, in);
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().join(u'\n')));
        QCOMPARE(plan->partitions.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const PartitionResetPlan &p = plan->partitions.at(i);
            QCOMPARE(p.newOffset, expected.at(i));
            QCOMPARE(int(p.clamp), clamps.at(i));
            QCOMPARE(p.newLag(), p.logEnd - expected.at(i));
        }
        QCOMPARE(plan->partitions.at(2).noRecordAtTime, strategy.needsOffsetsForTimes() && forTimes.value(kEmpty) == -1);
    }

    void shiftPastEitherEndIsClampedAndNeedsACommittedOffset()
    {
        ResetPlanner::Input in = input();
        in.partitions = {kP0, kP1};
        // -45 from 50 is 5, below orders-0's start 10; from 20 it is -25, below 0.
        auto back = ResetPlanner::plan(ResetStrategy::shiftBy(-45), in);
        QVERIFY(back);
        QCOMPARE(back->partitions.at(0).requested, 5);
        QCOMPARE(back->partitions.at(0).newOffset, 10);
        QCOMPARE(back->partitions.at(0).clamp, PartitionResetPlan::Clamp::ToLogStart);
        QCOMPARE(back->partitions.at(1).newOffset, 0);
        QCOMPARE(back->toReRead(), 40 + 20);
        QCOMPARE(back->toSkip(), 0);
        auto ahead = ResetPlanner::plan(ResetStrategy::shiftBy(60), in);
        QVERIFY(ahead);
        QCOMPARE(ahead->partitions.at(0).newOffset, 100);
        QCOMPARE(ahead->partitions.at(0).clamp, PartitionResetPlan::Clamp::ToLogEnd);
        QCOMPARE(ahead->partitions.at(1).newOffset, 20);   // already at the end: clamped to it
        QCOMPARE(ahead->toSkip(), 50);
        // kcg: "Cannot shift offset for partition ... since there is no current committed offset".
        in.partitions = {kP0, kEmpty};
        const auto refused = ResetPlanner::plan(ResetStrategy::shiftBy(1), in);
        QVERIFY(!refused);
        QCOMPARE(refused.error().size(), 1);
        QVERIFY(refused.error().first().startsWith(u"orders-2: cannot shift"_s));
    }

    void copiedOffsetsAreClampedLikeAFile()
    {
        ResetPlanner::Input in = input();
        in.requested = {{kP0, 5}, {kP1, 7}, {kEmpty, 400}};
        const auto plan = ResetPlanner::plan(ResetStrategy::fromGroup(u"other"_s), in);
        QVERIFY(plan);
        QCOMPARE(plan->newOffsets(), (QHash<TopicPartition, qint64>{{kP0, 10}, {kP1, 7}, {kEmpty, 40}}));
        QCOMPARE(plan->partitionsWithoutOffset(), 1);
        in.requested.remove(kP1);
        const auto missing = ResetPlanner::plan(ResetStrategy::fromOffsets({}, u"f.csv"_s), in);
        QVERIFY(!missing);
        QVERIFY(missing.error().first().startsWith(u"orders-1"_s));
    }

    // A backup restored: the partitions it had no offset for are delete rows
    // (no new offset, no change, counted neither as re-read nor skipped nor first).
    void restoringABackupDeletesTheOffsetsThatWereNew()
    {
        ResetPlanner::Input in = input();
        in.requested = {{kP0, 30}};
        in.deletions = {kP1, kEmpty};
        const auto plan = ResetPlanner::plan(ResetStrategy::restoring({}, {}, u"backup.csv"_s), in);
        QVERIFY(plan);
        QCOMPARE(plan->newOffsets(), (QHash<TopicPartition, qint64>{{kP0, 30}}));
        QCOMPARE(plan->deletions(), (QList<TopicPartition>{kP1, kEmpty}));
        const PartitionResetPlan &row = plan->partitions.at(1);
        QVERIFY(row.deleteOffset);
        QCOMPARE(row.newOffset, -1);
        QCOMPARE(row.current, std::optional<qint64>(20));
        QCOMPARE(row.change(), std::nullopt);
        QVERIFY(!row.clamped());
        QCOMPARE(plan->toReRead(), 20);   // orders-0 only: 50 -> 30
        QCOMPARE(plan->toSkip(), 0);
        QCOMPARE(plan->partitionsWithoutOffset(), 0);
    }

    void everyUnreadablePartitionIsSaidAtOnce()
    {
        ResetPlanner::Input in = input();
        in.watermarks.remove(kP0);
        in.watermarks.insert(kP1, {-1, -1});
        const auto plan = ResetPlanner::plan(ResetStrategy::toEarliest(), in);
        QVERIFY(!plan);
        QCOMPARE(plan.error().size(), 2);
        QVERIFY(plan.error().at(0).startsWith(u"orders-0"_s));
        QVERIFY(plan.error().at(1).startsWith(u"orders-1"_s));
        // A time strategy without the time's answer for a partition does not guess.
        ResetPlanner::Input t = input();
        t.offsetsForTimes = {{kP0, 12}};
        const auto timed = ResetPlanner::plan(ResetStrategy::byDuration(1, u"PT0.001S"_s), t);
        QVERIFY(!timed);
        QCOMPARE(timed.error().size(), 2);
    }

    void changeAndTotals()
    {
        ResetPlanner::Input in = input();
        const auto plan = ResetPlanner::plan(ResetStrategy::toEarliest(), in);
        QVERIFY(plan);
        QCOMPARE(plan->partitions.at(0).change(), std::optional<qint64>(-40));
        QCOMPARE(plan->partitions.at(1).change(), std::optional<qint64>(-20));
        QCOMPARE(plan->partitions.at(2).change(), std::nullopt);
        QCOMPARE(plan->toReRead(), 60);
        QCOMPARE(plan->toSkip(), 0);
    }

    void scopes()
    {
        const QList<TopicPartition> committed{kP1, kP0};
        // All topics: what the group has offsets for, sorted.
        QCOMPARE(ResetScope::allTopics().resolve(metadata(), committed).value(), (QList<TopicPartition>{kP0, kP1}));
        // A chosen topic: all its partitions, offsets or not (kcg allows a topic the group never read).
        const auto audit = ResetScope::parseTopicArgument(u"audit"_s);
        QVERIFY(audit);
        const auto chosen = ResetScope::topics({audit.value(), ResetScope::parseTopicArgument(u"orders:2,0"_s).value()});
        QCOMPARE(chosen.resolve(metadata(), committed).value(), (QList<TopicPartition>{{u"audit"_s, 0}, kP0, kEmpty}));
        QVERIFY(chosen.contains(kEmpty));
        QVERIFY(!chosen.contains(kP1));
        // Every missing topic and partition at once.
        const auto bad = ResetScope::topics({{u"nope"_s, {}}, {u"orders"_s, {7, 1, 9}}}).resolve(metadata(), committed);
        QVERIFY(!bad);
        QCOMPARE(bad.error().size(), 3);
        QCOMPARE(bad.error().at(0), u"topic 'nope' does not exist"_s);
        QVERIFY(bad.error().at(1).contains(u"no partition 7"_s));
        QVERIFY(bad.error().at(2).contains(u"no partition 9"_s));
        // kcg's grammar for --topic.
        QVERIFY(!ResetScope::parseTopicArgument(u"orders:x"_s));
        QVERIFY(!ResetScope::parseTopicArgument(u"orders:-1"_s));
        QVERIFY(!ResetScope::parseTopicArgument(u":1"_s));
        QVERIFY(!ResetScope::parseTopicArgument(u"a:1:2"_s));
        QCOMPARE(ResetScope::parseTopicArgument(u"orders:1,1,3"_s)->partitions, (QList<int>{1, 3}));
    }
};

QTEST_GUILESS_MAIN(TestResetPlanner)
#include "tst_reset_planner.moc"
