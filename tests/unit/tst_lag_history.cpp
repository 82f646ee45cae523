// SPDX-License-Identifier: GPL-3.0-or-later
// LagHistory fed with crafted snapshots: which series it keeps (group and
// topic for every group, partitions for focused, watched or troubled ones),
// what it says to the store, state changes seen between samples, status
// changes, the record timestamps and retention it asks for, and restore.

#include "core/lag/LagHistory.h"

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

    void aLiveConsumerIsJudgedFromItsSecondSample()
    {
        LagHistory h;
        const QString a = QStringLiteral("orders");
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 1000, 2000}}, kT0)}, kT0));
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Ok);
        QCOMPARE(h.assessment(QStringLiteral("g"))->statusReason, QStringLiteral("1,000 behind"));
        // Still committing 1,000 while members are there: STALL.
        h.addSnapshot(snapshot({group(QStringLiteral("g"), GroupState::Stable, {{a, 0, 1000, 2100}}, kT0 + 5000)}, kT0 + 5000));
        QCOMPARE(h.assessment(QStringLiteral("g"))->status, Status::Err);
        QCOMPARE(h.assessment(QStringLiteral("g"))->statusReason,
                 QStringLiteral("orders-0: committed offset stuck at 1,000 for 5 s while 1,100 behind"));
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
                 QStringLiteral("the record at offset 0 could not be read: gone"));
        QCOMPARE(h.recordTimestampsWanted(kT0 + LagHistory::kAskAgainMs + 1).size(), qsizetype(100));
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
