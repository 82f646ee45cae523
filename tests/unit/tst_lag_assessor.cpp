// SPDX-License-Identifier: GPL-3.0-or-later
// The derived numbers of one partition and of a group, from tracks fed with
// crafted refreshes: time lag (interpolated, from a record's timestamp, or
// unknown with why), rates, lag velocity, ETA, retention risk, records lost,
// hot partitions, and Burrow's status with its reason.

#include "core/lag/LagAssessor.h"

#include <QLocale>
#include <QTest>

using namespace cohort;
using Status = LagStatusRules::Status;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;
const TopicPartition kOrders3{QStringLiteral("orders"), 3};

struct Refresh
{
    qint64 end;
    qint64 committed;
    qint64 logStart = 0;
};

// One refresh every 5 s from kT0.
PartitionLagTrack track(const QList<Refresh> &refreshes, bool consumerActive)
{
    PartitionLagTrack t;
    for (qsizetype i = 0; i < refreshes.size(); ++i)
        t.add({kT0 + i * 5000, refreshes.at(i).end, refreshes.at(i).committed, refreshes.at(i).logStart}, consumerActive);
    return t;
}

qint64 lastTime(const PartitionLagTrack &t)
{
    return t.latest()->timeMs;
}

PartitionAssessment assess(const PartitionLagTrack &t, qint64 nowMs, std::optional<TimeLagEstimator::Sample> recordTime = std::nullopt,
                           std::optional<TopicRetention> retention = std::nullopt, const QString &problem = {})
{
    LagAssessor::Inputs in;
    in.tp = kOrders3;
    in.track = &t;
    in.recordTime = recordTime;
    in.retention = retention;
    in.recordTimeProblem = problem;
    return LagAssessor::partition(in, nowMs);
}

PartitionAssessment withLag(const TopicPartition &tp, qint64 lag, Status status = Status::Ok)
{
    PartitionAssessment p;
    p.tp = tp;
    p.lag = lag;
    p.status = status;
    p.statusReason = tp.name() + QStringLiteral(": reason");
    return p;
}

}   // namespace

class TestLagAssessor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void timeLagInterpolatedInsideTheHistory()
    {
        // End offset 100 at 0 s, 200 at 5 s, 400 at 10 s; committed 150 was produced at 2.5 s.
        const PartitionLagTrack t = track({{100, 150}, {200, 150}, {400, 150}}, false);
        const PartitionAssessment a = assess(t, kT0 + 12500);
        QCOMPARE(a.lag, std::optional<qint64>(250));
        QCOMPARE(a.timeLagMs, std::optional<qint64>(10000));
        QVERIFY(!LagAssessor::needsRecordTime(t));
    }

    void caughtUpIsZero()
    {
        const PartitionLagTrack t = track({{100, 100}, {200, 200}}, true);
        const PartitionAssessment a = assess(t, kT0 + 60000);
        QCOMPARE(a.timeLagMs, std::optional<qint64>(0));
        QCOMPARE(a.etaSeconds, std::optional<double>(0.0));
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: caught up"));
    }

    void noHistoryBeforeTheCommittedOffsetAsksForTheRecord()
    {
        const PartitionLagTrack t = track({{13400, 1000}}, false);
        QVERIFY(LagAssessor::needsRecordTime(t));
        PartitionAssessment a = assess(t, kT0);
        QCOMPARE(a.timeLagMs, std::nullopt);
        QCOMPARE(a.timeLagUnknownReason, QStringLiteral("reading the timestamp of the record at offset 1,000"));
        a = assess(t, kT0, std::nullopt, std::nullopt, QStringLiteral("OFFSET_OUT_OF_RANGE"));
        QCOMPARE(a.timeLagUnknownReason, QStringLiteral("the record at offset 1,000 could not be read: OFFSET_OUT_OF_RANGE"));
    }

    void flatEndOffsetsTakeTheRecordsOwnTimeAndGrowWithTheClock()
    {
        // A group stopped long before: nothing produced while watched.
        const PartitionLagTrack t = track({{500, 100}, {500, 100}, {500, 100}}, false);
        QVERIFY(LagAssessor::needsRecordTime(t));
        const TimeLagEstimator::Sample produced{kT0 - 600000, 100};
        QCOMPARE(assess(t, kT0 + 10000, produced).timeLagMs, std::optional<qint64>(610000));
        QCOMPARE(assess(t, kT0 + 70000, produced).timeLagMs, std::optional<qint64>(670000));
    }

    void recordTimeThenHistoryAreInterpolated()
    {
        // The record at 100 was produced 100 s before the history starts at
        // end offset 1,100: offset 600 lies half-way.
        const PartitionLagTrack t = track({{1100, 600}, {1200, 600}}, false);
        const TimeLagEstimator::Sample produced{kT0 - 100000, 100};
        QCOMPARE(assess(t, kT0 + 5000, produced).timeLagMs, std::optional<qint64>(55000));
    }

    void aCounterResetRestartsTheHistory()
    {
        // The topic was deleted and made again between the 2nd and 3rd refresh.
        const PartitionLagTrack t = track({{1000, 900}, {1100, 1000}, {50, 40}, {80, 40}}, false);
        QCOMPARE(t.endOffsets().size(), qsizetype(2));
        QVERIFY(LagAssessor::needsRecordTime(t));   // 40 is older than the new history
        const PartitionAssessment a = assess(t, kT0 + 15000);
        QCOMPARE(a.lag, std::optional<qint64>(40));
        QCOMPARE(a.produceRate, std::optional<double>(6.0));   // (80 − 50) / 5 s
    }

    void ratesVelocityAndNotCatchingUp()
    {
        // 30 produced and 10 consumed per refresh (5 s): 6/s against 2/s.
        QList<Refresh> r;
        for (int i = 0; i < 11; ++i)
            r.append({1000 + 30 * i, 500 + 10 * i});
        const PartitionLagTrack t = track(r, true);
        const PartitionAssessment a = assess(t, lastTime(t));
        QCOMPARE(a.produceRate, std::optional<double>(6.0));
        QCOMPARE(a.consumeRate, std::optional<double>(2.0));
        QCOMPARE(a.lagVelocity, std::optional<double>(4.0));
        QCOMPARE(a.etaSeconds, std::nullopt);
        QVERIFY(a.notCatchingUp);
        QCOMPARE(a.status, Status::Warn);
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: lag grew from 520 to 700 in 45 s"));
    }

    void catchingUpGivesAnEta()
    {
        // 5/s produced, 10/s consumed: 1,000 behind at first, gaining 5/s.
        QList<Refresh> r;
        for (int i = 0; i < 11; ++i)
            r.append({2000 + 25 * i, 1000 + 50 * i});
        const PartitionLagTrack t = track(r, true);
        const PartitionAssessment a = assess(t, lastTime(t));
        QCOMPARE(a.lag, std::optional<qint64>(750));
        QCOMPARE(a.lagVelocity, std::optional<double>(-5.0));
        QCOMPARE(a.etaSeconds, std::optional<double>(150.0));
        QVERIFY(!a.notCatchingUp);
        QCOMPARE(a.status, Status::Ok);
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: 750 behind, caught up in about 2 min"));
    }

    void ratesComeFromTheLastMinute()
    {
        // Slow for 2 minutes (1/s), then fast for the last one (10/s).
        QList<Refresh> r;
        qint64 end = 0;
        for (int i = 0; i <= 36; ++i) {
            r.append({end, 0});
            end += i < 24 ? 5 : 50;
        }
        const PartitionLagTrack t = track(r, true);
        QCOMPARE(assess(t, lastTime(t)).produceRate, std::optional<double>(10.0));
    }

    void retentionShareAndEtaFromRetentionMs()
    {
        // The first unconsumed record is 15 min old; the topic keeps 1 h.
        const PartitionLagTrack t = track({{500, 100}, {500, 100}}, false);
        const TimeLagEstimator::Sample produced{kT0 + 5000 - 900000, 100};
        const PartitionAssessment a = assess(t, kT0 + 5000, produced, TopicRetention{3600000, -1});
        QCOMPARE(a.timeLagMs, std::optional<qint64>(900000));
        QCOMPARE(a.retentionShare, std::optional<double>(0.25));
        QCOMPARE(a.retentionEtaMs, std::optional<qint64>(2700000));
        // Kept forever: no share of anything, no deletion ahead.
        const PartitionAssessment forever = assess(t, kT0 + 5000, produced, TopicRetention{-1, -1});
        QCOMPARE(forever.retentionShare, std::optional<double>(0.0));
        QCOMPARE(forever.retentionEtaMs, std::nullopt);
    }

    void retentionShareFromRetentionBytes()
    {
        // Not deleting yet (the log start stays): the size limit is far.
        const TimeLagEstimator::Sample produced{kT0, 750};
        const PartitionLagTrack idle = track({{1000, 750, 0}, {1000, 750, 0}}, false);
        QVERIFY(*assess(idle, kT0 + 5000, produced, TopicRetention{604800000, 1000000}).retentionShare < 0.001);
        // At its size limit (the log start moves), the log holds 1,000 records; 250 of them unconsumed.
        const PartitionLagTrack t = track({{1000, 750, 0}, {1010, 760, 10}}, false);
        const PartitionAssessment a = assess(t, kT0 + 5000, produced, TopicRetention{604800000, 1000000});
        QCOMPARE(a.retentionShare, std::optional<double>(0.25));
    }

    void retentionEtaFromTheLogStartAdvance()
    {
        // The log start moves 10 records/s; 500 records left before the committed offset goes.
        QList<Refresh> r;
        for (int i = 0; i <= 10; ++i)
            r.append({5000, 1000, 50 * i});
        const PartitionLagTrack t = track(r, false);
        const PartitionAssessment a = assess(t, lastTime(t), TimeLagEstimator::Sample{kT0 - 1000, 1000});
        QCOMPARE(a.retentionEtaMs, std::optional<qint64>(50000));
    }

    void recordsLostToRetentionAreNotLag()
    {
        const PartitionLagTrack t = track({{900, 300, 500}}, false);
        const PartitionAssessment a = assess(t, kT0, TimeLagEstimator::Sample{kT0 - 1000, 500});
        QCOMPARE(a.recordsLost, qint64(200));
        QCOMPARE(a.lag, std::optional<qint64>(400));
        // "%n record(s)": the numerus form comes from the translations the app installs.
        QVERIFY2(a.statusReason.contains(QStringLiteral("; 200 record")), qPrintable(a.statusReason));
    }

    // Burrow's rules through the track: what a refresh sees becomes commits.
    void stoppedConsumerIsStopWithItsReason()
    {
        // No member, committed offset never moves, 12,400 behind; 4 minutes pass.
        const PartitionLagTrack t = track({{13400, 1000}, {13400, 1000}}, false);
        QCOMPARE(t.commits().commits().size(), qsizetype(1));   // the offset never changed
        const PartitionAssessment a = assess(t, kT0 + 240000, TimeLagEstimator::Sample{kT0 - 60000, 1000});
        QCOMPARE(a.status, Status::Stop);
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: no commit for 4 min while 12,400 behind"));
        QCOMPARE(a.timeLagMs, std::optional<qint64>(300000));
    }

    void liveConsumerCommittingTheSameOffsetIsStall()
    {
        QList<Refresh> r;
        for (int i = 0; i < 10; ++i)
            r.append({2000 + 100 * i, 1000});
        const PartitionLagTrack t = track(r, true);
        const PartitionAssessment a = assess(t, lastTime(t));
        QCOMPARE(a.status, Status::Stall);
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: committed offset stuck at 1,000 for 45 s while 1,900 behind"));
    }

    // A librdkafka consumer commits only offsets that moved: one that commits
    // every 20 s is seen unchanged at the 5 s refreshes in between. Burrow
    // (which sees commits) would not call it stuck; STALL waits for a whole
    // window of refreshes (10) without a move.
    void aConsumerCommittingLessOftenThanRefreshesIsNotStall()
    {
        const PartitionLagTrack slow = track({{2000, 1000}, {2100, 1000}, {2200, 1000}, {2300, 1000}}, true);
        const PartitionAssessment a = assess(slow, lastTime(slow));
        QCOMPARE(a.status, Status::Ok);
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: 1,300 behind, not catching up"));

        QList<Refresh> r;
        for (int i = 0; i < 9; ++i)
            r.append({2000 + 100 * i, 1000});
        QCOMPARE(assess(track(r, true), kT0 + 8 * 5000).status, Status::Ok);   // 9 refreshes, 40 s
        r.append({2900, 1000});
        QCOMPARE(assess(track(r, true), kT0 + 9 * 5000).status, Status::Stall);   // the 10th
    }

    void offsetsResetBackwardsIsRewind()
    {
        const PartitionLagTrack t = track({{9000, 5000}, {9000, 5000}, {9000, 2000}}, false);
        const PartitionAssessment a = assess(t, lastTime(t));
        QCOMPARE(a.status, Status::Rewind);
        QCOMPARE(a.statusReason, QStringLiteral("orders-3: committed offset went back from 5,000 to 2,000, 7,000 behind"));
    }

    void lagGoingDownIsOk()
    {
        const PartitionLagTrack t = track({{2000, 1000}, {2100, 1200}, {2200, 1250}, {2300, 1500}}, true);
        QCOMPARE(assess(t, lastTime(t)).status, Status::Ok);
    }

    void hotPartitionIsFarBehindItsSiblings()
    {
        const QString topic = QStringLiteral("orders");
        QList<PartitionAssessment> ps{withLag({topic, 0}, 10), withLag({topic, 1}, 20), withLag({topic, 2}, 30), withLag({topic, 3}, 5000)};
        GroupAssessment g = LagAssessor::group(QStringLiteral("g"), ps, kT0, true);
        QCOMPARE(g.partitions.size(), qsizetype(4));
        QVERIFY(g.partitions.at(3).hot);
        QVERIFY(!g.partitions.at(0).hot && !g.partitions.at(1).hot && !g.partitions.at(2).hot);
        // Far behind but under 1,000: not hot.
        g = LagAssessor::group(QStringLiteral("g"), {withLag({topic, 0}, 900), withLag({topic, 1}, 10), withLag({topic, 2}, 10)}, kT0,
                               true);
        QVERIFY(!g.partitions.at(0).hot);
    }

    void aGroupWithoutOffsetsSaysSo()
    {
        const GroupAssessment g = LagAssessor::group(QStringLiteral("connect-cluster"), {}, kT0, true);
        QCOMPARE(g.status, Status::Ok);
        QCOMPARE(g.lag, std::nullopt);
        QCOMPARE(g.timeLagMs, std::nullopt);
        QCOMPARE(g.statusReason, QStringLiteral("no committed offsets"));
    }

    void groupTakesItsWorstPartition()
    {
        PartitionAssessment stalled = withLag({QStringLiteral("b"), 0}, 100, Status::Stall);
        stalled.etaSeconds = std::nullopt;
        PartitionAssessment fine = withLag({QStringLiteral("a"), 0}, 50);
        fine.etaSeconds = 10.0;
        fine.produceRate = 1.0;
        fine.consumeRate = 6.0;
        stalled.produceRate = 2.0;
        stalled.consumeRate = 0.0;
        stalled.notCatchingUp = true;
        const GroupAssessment g = LagAssessor::group(QStringLiteral("g"), {fine, stalled}, kT0, false);
        QCOMPARE(g.status, Status::Err);
        QCOMPARE(g.statusReason, QStringLiteral("b-0: reason"));
        QCOMPARE(g.lag, std::optional<qint64>(150));
        QCOMPARE(g.produceRate, std::optional<double>(3.0));
        QCOMPARE(g.consumeRate, std::optional<double>(6.0));
        QVERIFY(g.notCatchingUp);
        QCOMPARE(g.etaSeconds, std::nullopt);
        QVERIFY(g.partitions.isEmpty());   // not kept
        QCOMPARE(g.topics.size(), qsizetype(2));
        QCOMPARE(g.topics.at(0).topic, QStringLiteral("a"));
        QCOMPARE(g.topics.at(0).status, Status::Ok);
        QCOMPARE(g.topics.at(0).etaSeconds, std::optional<double>(10.0));
        QCOMPARE(g.topics.at(1).status, Status::Err);
        // All fine: the group says how far behind in words.
        const GroupAssessment ok = LagAssessor::group(QStringLiteral("g"), {fine}, kT0, false);
        QCOMPARE(ok.statusReason, QStringLiteral("50 behind, caught up in about 10 s"));
        QCOMPARE(ok.etaSeconds, std::optional<double>(10.0));
    }
};

QTEST_GUILESS_MAIN(TestLagAssessor)
#include "tst_lag_assessor.moc"
