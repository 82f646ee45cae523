// SPDX-License-Identifier: GPL-3.0-or-later
// LagHistory fed with crafted snapshots: which series it keeps (group and
// topic for every group, partitions for focused, watched or troubled ones),
// what it says to the store, state changes seen between samples, status
// changes, the record timestamps and retention it asks for, and restore.

#include "core/lag/LagHistory.h"
#include "core/lag/LagSeriesValues.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using Status = LagStatusRules::Status;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;

struct Row
{
    QString topic;
    int partition;
    qint64 committed;
    qint64 end;
    qint64 logStart = 0;
};

GroupSnapshot group(const QString &id, GroupState state, const QList<Row> &rows, qint64 t)
{
    GroupSnapshot g;
    g.description.groupId = id;
    g.description.state = state;
    if (state == GroupState::Stable)
        g.description.members.append(
            GroupMember{QStringLiteral("m-1"), QStringLiteral("c"), QStringLiteral("/10.0.0.1"), {}, {}, {}, {}, {}, {}});
    g.describedFreshness = Freshness::freshAt(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC));
    g.offsetsFreshness = g.describedFreshness;
    for (const Row &r : rows) {
        PartitionLag p;
        p.tp = {r.topic, r.partition};
        p.committedOffset = r.committed;
        p.endOffset = r.end;
        p.startOffset = r.logStart;
        p.lag = r.end - r.committed;
        g.partitions.append(p);
    }
    return g;
}

ClusterSnapshot snapshot(const QList<GroupSnapshot> &groups, qint64 t)
{
    ClusterSnapshot s;
    s.takenAt = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    s.groups = groups;
    return s;
}

QList<StoredLagPoint> allPoints(const QSignalSpy &spy)
{
    QList<StoredLagPoint> out;
    for (const QList<QVariant> &args : spy)
        out += args.at(0).value<QList<StoredLagPoint>>();
    return out;
}

}   // namespace

class TestLagHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void groupAndTopicSeriesForEveryGroup()
    {
        LagHistory h;
        QSignalSpy recorded(&h, &LagHistory::pointsRecorded);
        QSignalSpy updated(&h, &LagHistory::updated);
        const QString a = QStringLiteral("orders"), b = QStringLiteral("payments");
        for (int i = 0; i < 3; ++i) {
            const qint64 t = kT0 + i * 5000;
            h.addSnapshot(snapshot(
                {group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 100 + 20 * i, 200 + 10 * i}, {a, 1, 50, 50}, {b, 0, 9, 9}}, t)},
                t));
        }
        QCOMPARE(updated.count(), 3);
        QCOMPARE(updated.last().at(0).toLongLong(), kT0 + 10000);
        const QList<LagPoint> g = h.series({QStringLiteral("g"), {}, -1}, 0, kT0 + 10000);
        QCOMPARE(g.size(), qsizetype(3));
        // Sums over the partitions: end 220 + 50 + 9, committed 140 + 50 + 9.
        QCOMPARE(g.last(), (LagPoint{kT0 + 10000, 279, 199, 80, -1}));
        QCOMPARE(h.topics(QStringLiteral("g")), (QStringList{a, b}));
        QCOMPARE(h.series({QStringLiteral("g"), a, -1}, 0, kT0 + 10000).last(), (LagPoint{kT0 + 10000, 270, 190, 80, -1}));
        // Not focused, not watched, not in trouble (catching up): no partition series.
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Ok);
        QVERIFY(h.partitions(QStringLiteral("g")).isEmpty());
        // The store heard of every point: 3 samples x (group + 2 topics).
        QCOMPARE(allPoints(recorded).size(), qsizetype(9));
        QCOMPARE(h.recentLag(QStringLiteral("g"), 2), (QList<qint64>{90, 80}));
        QCOMPARE(h.groups(), QStringList{QStringLiteral("g")});
    }

    void aSoleTopicSharesTheGroupSeriesUntilASecondComes()
    {
        LagHistory h;
        QSignalSpy recorded(&h, &LagHistory::pointsRecorded);
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 10, 20}}, kT0)}, kT0));
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 11, 22}}, kT0 + 5000)}, kT0 + 5000));
        QCOMPARE(h.topics(QStringLiteral("g")), QStringList{a});
        QCOMPARE(h.series({QStringLiteral("g"), a, -1}, 0, kT0 + 5000), h.series({QStringLiteral("g"), {}, -1}, 0, kT0 + 5000));
        QCOMPARE(allPoints(recorded).size(), qsizetype(2));   // the group's only
        // A second topic: the first keeps its history, both go on apart.
        h.addSnapshot(snapshot(
            {group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 12, 24}, {QStringLiteral("b"), 0, 1, 5}}, kT0 + 10000)}, kT0 + 10000));
        const QList<LagPoint> topicA = h.series({QStringLiteral("g"), a, -1}, 0, kT0 + 10000);
        QCOMPARE(topicA.size(), qsizetype(3));
        QCOMPARE(topicA.first(), (LagPoint{kT0, 20, 10, 10, -1}));
        QCOMPARE(topicA.last(), (LagPoint{kT0 + 10000, 24, 12, 12, -1}));
        QCOMPARE(h.series({QStringLiteral("g"), {}, -1}, 0, kT0 + 10000).last(), (LagPoint{kT0 + 10000, 29, 13, 16, -1}));
    }

    void partitionSeriesForFocusedAndWatchedGroups()
    {
        LagHistory h;
        h.setFocused(QStringLiteral("open"), true);
        h.setWatched(QStringLiteral("starred"), true);
        QVERIFY(h.isWatched(QStringLiteral("starred")));
        QCOMPARE(h.watchedGroups(), QStringList{QStringLiteral("starred")});
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("open"), GroupState::Stable, {{a, 0, 10, 10}, {a, 1, 5, 5}}, kT0),
                                group(QStringLiteral("plain"), GroupState::Stable, {{a, 0, 10, 10}}, kT0),
                                group(QStringLiteral("starred"), GroupState::Stable, {{a, 1, 3, 5, 2}}, kT0)},
                               kT0));
        QCOMPARE(h.partitions(QStringLiteral("open")), (QList<TopicPartition>{{a, 0}, {a, 1}}));
        QCOMPARE(h.partitions(QStringLiteral("starred")), (QList<TopicPartition>{{a, 1}}));
        QVERIFY(h.partitions(QStringLiteral("plain")).isEmpty());
        QCOMPARE(h.series({QStringLiteral("starred"), a, 1}, 0, kT0), (QList<LagPoint>{{kT0, 5, 3, 2, 2}}));
        // Kept in the assessment only where partitions have history.
        QCOMPARE(h.assessment(QStringLiteral("open"))->partitions.size(), qsizetype(2));
        QVERIFY(h.assessment(QStringLiteral("plain"))->partitions.isEmpty());
    }

    void aStoppedGroupTurnsErrAndGetsPartitionHistory()
    {
        LagHistory h;
        QSignalSpy changed(&h, &LagHistory::statusChanged);
        const QString a = QStringLiteral("orders");
        // Empty with lag when first seen: committed before Cohort looked, STOP at once.
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, {{a, 3, 1000, 13400}}, kT0)}, kT0));
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Err);
        QCOMPARE(h.assessment(QStringLiteral("g"))->statusReason, QStringLiteral("orders-3: no commit for 0 s while 12,400 behind"));
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, {{a, 3, 1000, 13400}}, kT0 + 240000)}, kT0 + 240000));
        const GroupAssessment *g = h.assessment(QStringLiteral("g"));
        QCOMPARE(g->status, Status::Err);
        QCOMPARE(g->statusReason, QStringLiteral("orders-3: no commit for 4 min while 12,400 behind"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).value<Status>(), Status::Ok);
        QCOMPARE(changed.at(0).at(2).value<Status>(), Status::Err);
        // In trouble: its partitions get history from the next sample on.
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, {{a, 3, 1000, 13400}}, kT0 + 245000)}, kT0 + 245000));
        QCOMPARE(h.partitions(QStringLiteral("g")), (QList<TopicPartition>{{a, 3}}));
    }

    void troubledGroupsGetPartitionSeriesWorstFirstWithinABudget()
    {
        // 30 stopped groups of 100 partitions each (every one STOP, so ERR):
        // the budget holds 20 of them, the ones furthest behind; a focused
        // group has its series whatever the budget.
        LagHistory h;
        QSignalSpy updated(&h, &LagHistory::updated);
        h.setFocused(QStringLiteral("open"), true);
        constexpr int kGroups = 30, kPartitions = 100;
        static_assert(LagHistory::kMaxTroublePartitionSeries == 20 * kPartitions);
        auto take = [&](qint64 t) {
            QList<GroupSnapshot> groups;
            for (int i = 0; i < kGroups; ++i) {
                QList<Row> rows;
                for (int p = 0; p < kPartitions; ++p)
                    rows.append({QStringLiteral("t%1").arg(i), p, 0, 1000 + i});
                groups.append(group(QStringLiteral("g%1").arg(i, 2, 10, QLatin1Char('0')), GroupState::Empty, rows, t));
            }
            groups.append(group(QStringLiteral("open"), GroupState::Stable, {{QStringLiteral("t0"), 0, 1000, 1000}}, t));
            const qsizetype before = updated.count();
            h.addSnapshot(snapshot(groups, t));
            QTRY_COMPARE(updated.count(), before + 1);
        };
        take(kT0);
        QCOMPARE(h.assessment(QStringLiteral("g00"))->status, Status::Err);
        take(kT0 + 5000);   // chosen after the first, fed from this one on
        QStringList withSeries;
        for (int i = 0; i < kGroups; ++i) {
            const QString id = QStringLiteral("g%1").arg(i, 2, 10, QLatin1Char('0'));
            if (!h.partitions(id).isEmpty()) {
                QCOMPARE(h.partitions(id).size(), qsizetype(kPartitions));
                withSeries.append(id);
            }
        }
        QStringList worst;
        for (int i = kGroups - 20; i < kGroups; ++i)
            worst.append(QStringLiteral("g%1").arg(i, 2, 10, QLatin1Char('0')));
        QCOMPARE(withSeries, worst);
        QCOMPARE(h.partitions(QStringLiteral("open")), (QList<TopicPartition>{{QStringLiteral("t0"), 0}}));
        // Every group's status and reason still come from all its partitions.
        QCOMPARE(h.assessment(QStringLiteral("g00"))->statusReason, QStringLiteral("t0-0: no commit for 5 s while 1,000 behind"));
        QVERIFY(h.assessment(QStringLiteral("g00"))->partitions.isEmpty());
        QCOMPARE(h.assessment(QStringLiteral("g29"))->partitions.size(), qsizetype(kPartitions));
        QCOMPARE(h.assessment(QStringLiteral("g29"))->partitions.at(7).statusReason,
                 QStringLiteral("t29-7: no commit for 5 s while 1,029 behind"));
    }

    // A live consumer's offset first seen is judged from the next sample on;
    // standing still under it is STALL once a whole window (10 samples) saw
    // no move, not at the second sample (it may commit less often than Cohort
    // refreshes).
    void aLiveConsumerIsStallAfterAWholeWindowWithoutAMove()
    {
        LagHistory h;
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 1000, 2000}}, kT0)}, kT0));
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Ok);
        QCOMPARE(h.assessment(QStringLiteral("g"))->statusReason, QStringLiteral("1,000 behind"));
        for (int i = 1; i < 9; ++i)
            h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 1000, 2000 + 100 * i}}, kT0 + 5000 * i)},
                                   kT0 + 5000 * i));
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Ok);   // 9 samples
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 1000, 2900}}, kT0 + 45000)}, kT0 + 45000));
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Err);
        QCOMPARE(h.assessment(QStringLiteral("g"))->statusReason,
                 QStringLiteral("orders-0: committed offset stuck at 1,000 for 45 s while 1,900 behind"));
    }

    void stateChangesBetweenSamplesAreEvents()
    {
        LagHistory h;
        QSignalSpy recorded(&h, &LagHistory::eventsRecorded);
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 10, 10}}, kT0)}, kT0));
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, {{a, 0, 10, 10}}, kT0 + 5000)}, kT0 + 5000));
        QCOMPARE(recorded.count(), 1);
        const QList<GroupEvent> events = h.events(QStringLiteral("g"), 0, kT0 + 5000);
        QCOMPARE(events.size(), qsizetype(1));
        QCOMPARE(events.at(0).kind, GroupEventKind::StateChanged);
        QCOMPARE(events.at(0).timeMs, kT0 + 5000);
        QCOMPARE(events.at(0).previousState, GroupState::Stable);
        QCOMPARE(events.at(0).state, GroupState::Empty);
        QCOMPARE(recorded.at(0).at(0).value<QList<GroupEvent>>(), events);
        // Events from a watcher are kept and recorded too.
        GroupEvent joined;
        joined.timeMs = kT0 + 7000;
        joined.groupId = QStringLiteral("g");
        joined.kind = GroupEventKind::MemberJoined;
        h.addEvents({joined});
        QCOMPARE(recorded.count(), 2);
        QCOMPARE(h.events(QStringLiteral("g"), kT0 + 6000, kT0 + 8000), QList<GroupEvent>{joined});
    }

    // Every group's rebalances are told from the refreshes (RebalanceSighting)
    // and recorded, but for a group a watcher follows: its watcher records
    // them, timed, and the history must not count them twice.
    void rebalancesBetweenRefreshesAreRecordedUnlessWatched()
    {
        LagHistory h;
        QString followed;
        h.setFollowedByWatcher([&](const QString &id) { return id == followed; });
        QSignalSpy recorded(&h, &LagHistory::eventsRecorded);
        const QString a = QStringLiteral("orders");
        const auto withMember = [&](const QString &member, qint64 t) {
            GroupSnapshot g = group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 10, 10}}, t);
            g.description.members[0].memberId = member;
            return snapshot({g}, t);
        };
        h.addSnapshot(withMember(QStringLiteral("m-1"), kT0));
        h.addSnapshot(withMember(QStringLiteral("m-2"), kT0 + 5000));   // the consumer restarted
        QCOMPARE(recorded.count(), 1);
        const QList<GroupEvent> events = recorded.at(0).at(0).value<QList<GroupEvent>>();
        QCOMPARE(events.size(), qsizetype(1));
        QCOMPARE(events.at(0).kind, GroupEventKind::RebalanceCompleted);
        QCOMPARE(events.at(0).timeMs, kT0 + 5000);
        QCOMPARE(h.events(QStringLiteral("g"), 0, kT0 + 5000), events);
        followed = QStringLiteral("g");
        h.addSnapshot(withMember(QStringLiteral("m-3"), kT0 + 10000));
        QCOMPARE(recorded.count(), 1);
        followed.clear();   // the page closed: the next change counts again, the last one not twice
        h.addSnapshot(withMember(QStringLiteral("m-3"), kT0 + 15000));
        QCOMPARE(recorded.count(), 1);
        h.addSnapshot(withMember(QStringLiteral("m-4"), kT0 + 20000));
        QCOMPARE(recorded.count(), 2);
    }

    void staleOffsetsAreNoSample()
    {
        LagHistory h;
        GroupSnapshot g = group(QStringLiteral("g"), GroupState::Stable, {{QStringLiteral("t"), 0, 1, 2}}, kT0);
        g.offsetsFreshness = Freshness::failed(KafkaError::make(7, QStringLiteral("REQUEST_TIMED_OUT"), {}),
                                               QDateTime::fromMSecsSinceEpoch(kT0 - 5000, Qt::UTC));
        h.addSnapshot(snapshot({g}, kT0));
        QVERIFY(h.series({QStringLiteral("g"), {}, -1}, 0, kT0).isEmpty());
        QCOMPARE(h.assessment(QStringLiteral("g")), nullptr);
    }

    void asksForRecordTimestampsOnceAndUsesThem()
    {
        LagHistory h;
        QSignalSpy updated(&h, &LagHistory::updated);
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("g1"), GroupState::Empty, {{a, 0, 100, 500}, {a, 1, 500, 500}}, kT0),
                                group(QStringLiteral("g2"), GroupState::Empty, {{a, 0, 100, 500}}, kT0)},
                               kT0));
        QCOMPARE(h.assessment(QStringLiteral("g1"))->timeLagMs, std::nullopt);
        // One request per partition (both groups wait for the same record); none for the caught-up one.
        const QHash<TopicPartition, qint64> wanted = h.recordTimestampsWanted(kT0);
        QCOMPARE(wanted, (QHash<TopicPartition, qint64>{{{a, 0}, 100}}));
        QVERIFY(h.recordTimestampsWanted(kT0 + 1000).isEmpty());   // asked already
        RecordTimestampsAnswer answer;
        answer.timestamps.insert({a, 0}, RecordTimestamp{100, kT0 - 3600000});
        updated.clear();
        h.addRecordTimestamps(wanted, answer);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(h.assessment(QStringLiteral("g1"))->timeLagMs, std::optional<qint64>(3600000));
        QCOMPARE(h.assessment(QStringLiteral("g2"))->timeLagMs, std::optional<qint64>(3600000));
        // The time lag keeps growing with the clock.
        h.addSnapshot(snapshot({group(QStringLiteral("g1"), GroupState::Empty, {{a, 0, 100, 500}}, kT0 + 30000)}, kT0 + 30000));
        QCOMPARE(h.assessment(QStringLiteral("g1"))->timeLagMs, std::optional<qint64>(3630000));
        QVERIFY(h.recordTimestampsWanted(kT0 + 30000).isEmpty());   // read already
    }

    void recordTimestampRequestsAreBounded()
    {
        LagHistory h;
        QList<Row> rows;
        for (int p = 0; p < 250; ++p)
            rows.append({QStringLiteral("t"), p, 0, 10});
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, rows, kT0)}, kT0));
        QCOMPARE(h.recordTimestampsWanted(kT0).size(), qsizetype(LagHistory::kMaxRecordTimesPerRefresh));
        QCOMPARE(h.recordTimestampsWanted(kT0).size(), qsizetype(100));
        QCOMPARE(h.recordTimestampsWanted(kT0).size(), qsizetype(50));
        QVERIFY(h.recordTimestampsWanted(kT0).isEmpty());
        // A failure is said as the reason, and asked again only much later.
        RecordTimestampsAnswer failed;
        failed.failed.insert({QStringLiteral("t"), 0}, KafkaError::make(1, QStringLiteral("OFFSET_OUT_OF_RANGE"), QStringLiteral("gone")));
        h.addRecordTimestamps({{{QStringLiteral("t"), 0}, 0}}, failed);
        h.setFocused(QStringLiteral("g"), true);
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, rows, kT0 + 5000)}, kT0 + 5000));
        QCOMPARE(h.assessment(QStringLiteral("g"))->partitions.at(0).timeLagUnknownReason,
                 QStringLiteral("the record at offset 0 could not be read: OFFSET_OUT_OF_RANGE"));
        QCOMPARE(h.recordTimestampsWanted(kT0 + LagHistory::kAskAgainMs + 1).size(), qsizetype(100));
    }

    // The walk in slices (one group per slice at a budget of 0) asks what
    // the whole walk asks: groups in id order, behind partitions only, and
    // each once.
    void recordTimestampsAreWantedInSlices()
    {
        LagHistory h;
        const QString t = QStringLiteral("t");
        h.addSnapshot(snapshot({group(QStringLiteral("a"), GroupState::Empty, {{t, 0, 0, 10}, {t, 1, 10, 10}}, kT0),
                                group(QStringLiteral("b"), GroupState::Empty, {{t, 0, 5, 10}}, kT0),
                                group(QStringLiteral("c"), GroupState::Empty, {{t, 1, 3, 10}}, kT0)},
                               kT0));
        QVERIFY(!h.recordTimestampsWantedSome(kT0, 0));   // a
        QVERIFY(!h.recordTimestampsWantedSome(kT0, 0));   // b
        const auto wanted = h.recordTimestampsWantedSome(kT0, 0);   // c: done
        QVERIFY(wanted);
        // t-0 of a at 0 (b's t-0 is the same partition: one offset per
        // partition in a walk, the first group's), t-1 of c at 3; a's t-1 is
        // caught up.
        QCOMPARE(*wanted, (QHash<TopicPartition, qint64>{{{t, 0}, 0}, {{t, 1}, 3}}));
        const auto next = h.recordTimestampsWantedSome(kT0 + 1000, 1000);   // the next walk: b's offset
        QVERIFY(next);
        QCOMPARE(*next, (QHash<TopicPartition, qint64>{{{t, 0}, 5}}));
        const auto again = h.recordTimestampsWantedSome(kT0 + 2000, 1000);   // all asked
        QVERIFY(again && again->isEmpty());
    }

    void asksForRetentionOnce()
    {
        LagHistory h;
        h.setFocused(QStringLiteral("g"), true);
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, {{a, 0, 100, 500}}, kT0)}, kT0));
        QCOMPARE(h.retentionWanted(kT0), QStringList{a});
        QVERIFY(h.retentionWanted(kT0).isEmpty());
        TopicRetentionAnswer r;
        r.topics.insert(a, TopicRetention{7200000, -1});
        h.setTopicRetention(r);
        RecordTimestampsAnswer t;
        t.timestamps.insert({a, 0}, RecordTimestamp{100, kT0 - 3600000});
        h.addRecordTimestamps({{{a, 0}, 100}}, t);
        QCOMPARE(h.assessment(QStringLiteral("g"))->retentionShare, std::optional<double>(0.5));
        QCOMPARE(h.assessment(QStringLiteral("g"))->retentionEtaMs, std::optional<qint64>(3600000));
    }

    void aLargeSnapshotIsAppliedInSlicesAndInOrder()
    {
        LagHistory h;
        QSignalSpy updated(&h, &LagHistory::updated);
        auto big = [](qint64 t) {
            QList<GroupSnapshot> groups;
            for (int g = 0; g < 3000; ++g) {
                QList<Row> rows;
                for (int p = 0; p < 10; ++p)
                    rows.append({QStringLiteral("t%1").arg(g % 50), p, 100, 200});
                groups.append(group(QStringLiteral("g%1").arg(g), GroupState::Empty, rows, t));
            }
            return snapshot(groups, t);
        };
        const ClusterSnapshot first = big(kT0), second = big(kT0 + 5000);
        h.addSnapshot(first);
        // 30,000 partitions take far longer than one turn's budget.
        QVERIFY(h.isApplying());
        QCOMPARE(updated.count(), 0);
        // The next snapshot finishes the first before it starts.
        h.addSnapshot(second);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.at(0).at(0).toLongLong(), kT0);
        QVERIFY(updated.wait(20000));
        QCOMPARE(updated.count(), 2);
        QCOMPARE(updated.at(1).at(0).toLongLong(), kT0 + 5000);
        QVERIFY(!h.isApplying());
        for (const QString &id : {QStringLiteral("g0"), QStringLiteral("g2999")}) {
            QCOMPARE(h.series({id, {}, -1}, 0, kT0 + 5000).size(), qsizetype(2));
            QCOMPARE(h.assessment(id)->atMs, kT0 + 5000);
        }
    }

    void aDeletedGroupIsForgottenAfterCompleteSnapshotsWithoutIt()
    {
        LagHistory h;
        QSignalSpy forgotten(&h, &LagHistory::groupsForgotten);
        const QString a = QStringLiteral("orders");
        const auto both = [&](qint64 t) {
            return snapshot({group(QStringLiteral("gone"), GroupState::Empty, {{a, 0, 10, 20}}, t),
                             group(QStringLiteral("stays"), GroupState::Empty, {{a, 0, 20, 20}}, t)},
                            t);
        };
        const auto onlyStays = [&](qint64 t) { return snapshot({group(QStringLiteral("stays"), GroupState::Empty, {{a, 0, 20, 20}}, t)}, t); };
        h.setWatched(QStringLiteral("starred-gone"), true);
        h.addSnapshot(both(kT0));
        h.addSnapshot(both(kT0 + 5000));
        QCOMPARE(h.groups(), (QStringList{QStringLiteral("gone"), QStringLiteral("stays")}));
        // Two complete snapshots without it, then a partial one (a broker did
        // not list its groups): neither counts nor resets.
        h.addSnapshot(onlyStays(kT0 + 10000));
        h.addSnapshot(onlyStays(kT0 + 15000));
        ClusterSnapshot partial = onlyStays(kT0 + 20000);
        MissingPart listing;
        listing.kind = MissingPart::Kind::BrokerListing;
        listing.brokerId = 2;
        partial.missing.append(listing);
        h.addSnapshot(partial);
        h.addSnapshot(partial);
        QVERIFY(h.assessment(QStringLiteral("gone")));
        QCOMPARE(forgotten.count(), 0);
        // The third complete one: its series, assessment and events go.
        h.addSnapshot(onlyStays(kT0 + 30000));
        QCOMPARE(forgotten.count(), 1);
        QCOMPARE(forgotten.at(0).at(0).toStringList(), QStringList{QStringLiteral("gone")});
        QCOMPARE(h.groups(), QStringList{QStringLiteral("stays")});
        QVERIFY(!h.assessment(QStringLiteral("gone")));
        QVERIFY(h.series({QStringLiteral("gone"), {}, -1}, 0, kT0 + 30000).isEmpty());
        // A star outlives the data of a group never seen; one seen again starts over.
        QVERIFY(h.isWatched(QStringLiteral("starred-gone")));
        h.addSnapshot(both(kT0 + 35000));
        QCOMPARE(h.series({QStringLiteral("gone"), {}, -1}, 0, kT0 + 35000).size(), qsizetype(1));
    }

    void aOneGroupRefreshKeepsAGroupFromBeingForgotten()
    {
        LagHistory h;
        const QString a = QStringLiteral("orders");
        const auto none = [](qint64 t) { return snapshot({}, t); };
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Empty, {{a, 0, 10, 20}}, kT0)}, kT0));
        h.addSnapshot(none(kT0 + 5000));
        h.addSnapshot(none(kT0 + 10000));
        // Read on its own meanwhile (its page polls it): it exists.
        h.addGroup(group(QStringLiteral("g"), GroupState::Empty, {{a, 0, 10, 20}}, kT0 + 12000),
                   QDateTime::fromMSecsSinceEpoch(kT0 + 12000, Qt::UTC));
        h.addSnapshot(none(kT0 + 15000));
        h.addSnapshot(none(kT0 + 20000));
        QVERIFY(h.assessment(QStringLiteral("g")));
        h.addSnapshot(none(kT0 + 25000));
        QVERIFY(!h.assessment(QStringLiteral("g")));
    }

    void twoSamplesInOneBucketDoNotCountTwice()
    {
        // A timer refresh at 5 s and a refresh asked for (F5) 1.5 s later:
        // 600 records produced and 300 committed in 6.5 s, however sampled.
        LagHistory h;
        QSignalSpy recorded(&h, &LagHistory::pointsRecorded);
        h.setFocused(QStringLiteral("g"), true);
        const QString a = QStringLiteral("orders");
        const QList<std::tuple<qint64, qint64, qint64>> samples{// time after kT0, end, committed
                                                                 {0, 1000, 500},
                                                                 {5000, 1500, 750},
                                                                 {6500, 1600, 800},
                                                                 {10000, 2000, 1000}};
        for (const auto &[dt, end, committed] : samples)
            h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, committed, end}}, kT0 + dt)}, kT0 + dt));
        const GroupAssessment *g = h.assessment(QStringLiteral("g"));
        QVERIFY(g);
        // Over the window: (2000 − 1000) / 10 s and (1000 − 500) / 10 s.
        QCOMPARE(*g->produceRate, 100.0);
        QCOMPARE(*g->consumeRate, 50.0);
        QCOMPARE(*g->partitions.at(0).produceRate, 100.0);
        // The series keeps one point per 5 s bucket, the later one: the
        // chart's rates are (1600 − 1000) / 6.5 s and (2000 − 1600) / 3.5 s.
        for (const LagSeriesKey &key : {LagSeriesKey{QStringLiteral("g"), {}, -1}, LagSeriesKey{QStringLiteral("g"), a, 0}}) {
            const QList<LagPoint> points = h.series(key, 0, kT0 + 10000);
            QCOMPARE(points.size(), qsizetype(3));
            QCOMPARE(points.at(1).timeMs, kT0 + 6500);
            const QList<LagSeriesValues::Sample> produce = LagSeriesValues::produceRate(points);
            QCOMPARE(produce.size(), qsizetype(2));
            QCOMPARE(produce.at(0).value, 600.0 / 6.5);
            QCOMPARE(produce.at(1).value, 400.0 / 3.5);
        }
        // The store is told of the replaced point too; restoring keeps one per bucket.
        LagHistory restored;
        restored.restore(allPoints(recorded), {});
        QCOMPARE(restored.series({QStringLiteral("g"), {}, -1}, 0, kT0 + 10000), h.series({QStringLiteral("g"), {}, -1}, 0, kT0 + 10000));
    }

    void topicProduceRateFromTheWatermarks()
    {
        LagHistory h;
        const auto topics = [](qint64 t, qint64 ordersEnd0, qint64 ordersEnd1, bool knowAll) {
            ClusterSnapshot s = snapshot({}, t);
            s.metadata.topics = {TopicInfo{QStringLiteral("orders"), false, {PartitionInfo{0}, PartitionInfo{1}}, 0},
                                 TopicInfo{QStringLiteral("idle"), false, {PartitionInfo{0}}, 0}};
            s.watermarks.insert({QStringLiteral("orders"), 0}, Watermarks{0, ordersEnd0});
            if (knowAll)
                s.watermarks.insert({QStringLiteral("orders"), 1}, Watermarks{0, ordersEnd1});
            s.watermarks.insert({QStringLiteral("idle"), 0}, Watermarks{0, 7});
            return s;
        };
        h.addSnapshot(topics(kT0, 100, 200, true));
        QVERIFY(!h.topicProduceRate(QStringLiteral("orders")));   // one sample is no rate
        h.addSnapshot(topics(kT0 + 5000, 150, 250, true));
        QCOMPARE(*h.topicProduceRate(QStringLiteral("orders")), 20.0);   // (400 − 300) / 5 s
        QCOMPARE(*h.topicProduceRate(QStringLiteral("idle")), 0.0);
        // A partition without an end offset: no sample (a lower sum is no rate).
        h.addSnapshot(topics(kT0 + 10000, 175, -1, false));
        QCOMPARE(*h.topicProduceRate(QStringLiteral("orders")), 20.0);
        // At 75 s the window is the last minute: (1,100 − 500) / 60 s, from 15 s.
        for (qint64 dt = 15000; dt <= 75000; dt += 5000)
            h.addSnapshot(topics(kT0 + dt, 150 + (dt - 5000) / 1000 * 5, 250 + (dt - 5000) / 1000 * 5, true));
        QCOMPARE(*h.topicProduceRate(QStringLiteral("orders")), 10.0);
        QVERIFY(!h.topicProduceRate(QStringLiteral("unknown")));
    }

    void restoresWhatAnEarlierRunStored()
    {
        LagHistory stored;
        QSignalSpy recorded(&stored, &LagHistory::pointsRecorded);
        QSignalSpy events(&stored, &LagHistory::eventsRecorded);
        stored.setFocused(QStringLiteral("g"), true);
        const QString a = QStringLiteral("orders");
        for (int i = 0; i < 30; ++i) {
            const qint64 t = kT0 + i * 5000;
            stored.addSnapshot(snapshot({group(QStringLiteral("g"), i < 20 ? GroupState::Stable : GroupState::Empty,
                                               {{a, 0, 10 + i, 20 + 2 * i}, {QStringLiteral("b"), 0, 1, 1}}, t)},
                                        t));
        }
        LagHistory h;
        QSignalSpy again(&h, &LagHistory::pointsRecorded);
        QSignalSpy eventsAgain(&h, &LagHistory::eventsRecorded);
        h.restore(allPoints(recorded), events.at(0).at(0).value<QList<GroupEvent>>());
        for (const LagSeriesKey &key :
             {LagSeriesKey{QStringLiteral("g"), {}, -1}, LagSeriesKey{QStringLiteral("g"), a, -1}, LagSeriesKey{QStringLiteral("g"), a, 0}})
            QCOMPARE(h.series(key, 0, kT0 + 200000), stored.series(key, 0, kT0 + 200000));
        QCOMPARE(h.events(QStringLiteral("g"), 0, kT0 + 200000), stored.events(QStringLiteral("g"), 0, kT0 + 200000));
        QCOMPARE(again.count(), 0);   // restoring records nothing
        QCOMPARE(eventsAgain.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLagHistory)
#include "tst_lag_history.moc"
