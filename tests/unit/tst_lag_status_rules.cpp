// SPDX-License-Identifier: GPL-3.0-or-later
// Burrow's partition and group status rules: Burrow's own evaluator cases
// (linkedin/Burrow core/internal/evaluator/caching_test.go, "tests", each rule
// and the status, numbered as there), then crafted commit windows.

#include "core/lag/LagStatusRules.h"

#include <QTest>

using namespace cohort;
using namespace cohort::LagStatusRules;

Q_DECLARE_METATYPE(cohort::LagStatusRules::Status)

namespace {

// One Burrow commit: offset, timestamp (ms), lag (negative: nil).
Commit c(qint64 offset, qint64 timestampMs, qint64 lag)
{
    return Commit{timestampMs, offset, lag < 0 ? 0 : lag, lag >= 0};
}

// Commits every 10 s from t = 0 with these offsets and lags.
QList<Commit> window(const QList<qint64> &offsets, const QList<qint64> &lags)
{
    QList<Commit> out;
    for (qsizetype i = 0; i < offsets.size(); ++i)
        out.append(Commit{i * 10000, offsets.at(i), lags.at(i)});
    return out;
}

struct BurrowCase
{
    QList<Commit> offsets;
    QList<qint64> brokerOffsets;
    qint64 currentLag;
    qint64 timeNowS;   // Burrow's timeNow is in seconds
    qint64 allowedLag;
    bool isLagAlwaysNotZero;
    qsizetype checkIfOffsetsRewind;
    bool checkIfOffsetsStopped;
    bool checkIfOffsetsStalled;
    bool checkIfLagNotDecreasing;
    bool checkIfRecentLagZero;
    Status status;
};

QList<Commit> burrowCase9Offsets()
{
    QList<Commit> out;
    const qint64 ts[]
        = {1512224618356, 1512224619362, 1512224620366, 1512224621367, 1512224622370, 1512224623373, 1512224624378, 1512224625379,
           1512224626383, 1512224627383, 1512224628383, 1512224629388, 1512224630391, 1512224631394, 1512224632397};
    for (int i = 0; i < 15; ++i)
        out.append(c(792748079 + i, ts[i], 0));
    return out;
}

QList<BurrowCase> burrowCases()
{
    const QList<Commit> rising0{c(1000, 100000, 0), c(2000, 200000, 50), c(3000, 300000, 100), c(4000, 400000, 150), c(5000, 500000, 200)};
    const QList<Commit> rising50{c(1000, 100000, 50), c(2000, 200000, 100), c(3000, 300000, 150), c(4000, 400000, 200),
                                 c(5000, 500000, 250)};
    const QList<Commit> stuck100{c(1000, 100000, 100), c(1000, 200000, 150), c(1000, 300000, 200), c(1000, 400000, 250),
                                 c(1000, 500000, 300)};
    const QList<Commit> rewound{c(1000, 100000, 100), c(2000, 200000, 150), c(3000, 300000, 200), c(2000, 400000, 1250),
                                c(4000, 500000, 300)};
    return {
        // 0: OK because there is zero lag somewhere.
        {rising0, {5200}, 200, 600, 0, false, -1, false, false, true, false, Status::Ok},
        // 1: not stopped: the time since the last commit (400 s) equals the window's span.
        {rising0, {5200}, 200, 900, 0, false, -1, false, false, true, false, Status::Ok},
        // 2: STOP: 500 s since the last commit, though the lag was zero at the start (Burrow #290).
        {rising0, {5200}, 200, 1000, 0, false, -1, true, false, true, false, Status::Stop},
        // 3: STOP when the lag is never zero as well.
        {rising50, {5250}, 250, 1000, 0, true, -1, true, false, true, false, Status::Stop},
        // 4: OK because of the zero lag, though the offset never moves.
        {{c(1000, 100000, 0), c(1000, 200000, 50), c(1000, 300000, 100), c(1000, 400000, 150), c(1000, 500000, 200)},
         {1200},
         200,
         600,
         0,
         false,
         -1,
         false,
         true,
         true,
         false,
         Status::Ok},
        // 5: STALL: the offset never moves and the lag is never zero.
        {stuck100, {1300}, 300, 600, 0, true, -1, false, true, true, false, Status::Stall},
        // 6: still STALL when the lag stays the same.
        {{c(1000, 100000, 100), c(1000, 200000, 100), c(1000, 300000, 100), c(1000, 400000, 100), c(1000, 500000, 100)},
         {1100},
         100,
         600,
         0,
         true,
         -1,
         false,
         true,
         true,
         false,
         Status::Stall},
        // 7: OK: the offset went back, but the consumer came back past where it was.
        {rewound, {4300}, 300, 600, 0, true, 3, false, false, false, false, Status::Ok},
        // 8: OK because the current lag is zero, though the timestamps say stopped.
        {rising50, {5250}, 0, 1000, 0, true, -1, true, false, true, false, Status::Ok},
        // 9: STOP by the timestamps: behind now though every commit was caught up (Burrow #290).
        {burrowCase9Offsets(),
         {792749024, 792749000, 792748800, 792748600, 792748500},
         931,
         1512224650,
         0,
         false,
         -1,
         true,
         false,
         true,
         false,
         Status::Stop},
        // 10: OK though stopped by the timestamps: a recent end offset shows it caught up (Burrow #303).
        {burrowCase9Offsets(),
         {792748094, 792748093, 792748093, 792748093},
         1,
         1512224650,
         0,
         false,
         -1,
         true,
         false,
         true,
         true,
         Status::Ok},
        // 11: case 0 with nil lags between, which change nothing.
        {{c(1000, 100000, 0), c(1500, 150000, -1), c(2000, 200000, 50), c(2500, 250000, -1), c(3000, 300000, 100), c(3500, 350000, -1),
          c(4000, 400000, 150), c(4500, 450000, -1), c(5000, 500000, 200), c(5500, 550000, -1)},
         {5700},
         200,
         600,
         0,
         false,
         -1,
         false,
         false,
         true,
         false,
         Status::Ok},
        // 12: OK though behind and stopped by the timestamps: within the allowed lag.
        {{c(1000, 100000, 2), c(2000, 200000, 1), c(2000, 300000, 1)}, {2001}, 1, 550, 1, false, -1, true, false, false, false, Status::Ok},
        // 13: case 5 with an allowed lag.
        {stuck100, {1300}, 300, 600, 99, true, -1, false, true, true, false, Status::Stall},
        // 14: case 7 with an allowed lag.
        {rewound, {4300}, 300, 600, 99, true, 3, false, false, false, false, Status::Ok},
        // 15: REWIND: the offset went back and has not come back to where it was.
        {{c(1000, 100000, 100), c(2000, 200000, 150), c(3000, 300000, 200), c(2000, 400000, 1250), c(2500, 500000, 300)},
         {4300},
         300,
         600,
         0,
         true,
         3,
         false,
         false,
         false,
         false,
         Status::Rewind},
    };
}

}   // namespace

class TestLagStatusRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burrowsEvaluatorCases()
    {
        const QList<BurrowCase> cases = burrowCases();
        QCOMPARE(cases.size(), 16);
        for (qsizetype i = 0; i < cases.size(); ++i) {
            const BurrowCase &t = cases.at(i);
            const qint64 nowMs = t.timeNowS * 1000;
            const QByteArray atText = "Burrow test " + QByteArray::number(i);
            const char *at = atText.constData();
            QVERIFY2(lagAlwaysAboveAllowed(t.offsets, t.allowedLag) == t.isLagAlwaysNotZero, at);
            QVERIFY2(rewindIndex(t.offsets) == t.checkIfOffsetsRewind, at);
            QVERIFY2(offsetsStopped(t.offsets, nowMs) == t.checkIfOffsetsStopped, at);
            QVERIFY2(offsetsStalled(t.offsets) == t.checkIfOffsetsStalled, at);
            QVERIFY2(lagNotDecreasing(t.offsets) == t.checkIfLagNotDecreasing, at);
            QVERIFY2(recentLagZero(t.offsets, t.brokerOffsets) == t.checkIfRecentLagZero, at);
            const Status got = partitionStatus(t.offsets, t.currentLag, nowMs, t.allowedLag, t.brokerOffsets);
            const QByteArray why = atText + ": " + name(got).toUtf8() + " instead of " + name(t.status).toUtf8();
            QVERIFY2(got == t.status, why.constData());
        }
    }

    void partition_data()
    {
        QTest::addColumn<QList<qint64>>("offsets");
        QTest::addColumn<QList<qint64>>("lags");
        QTest::addColumn<qint64>("currentLag");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<Status>("expected");
        // Five commits at 0..40 s; "now" is 45 s unless the case is about stopping.
        QTest::newRow("caught up now") << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 7, 8, 9} << qint64(0) << qint64(45000)
                                       << Status::Ok;
        QTest::newRow("zero lag inside the window")
            << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 0, 7, 8, 9} << qint64(9) << qint64(45000) << Status::Ok;
        QTest::newRow("lag going down once") << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 4, 8, 9} << qint64(9)
                                             << qint64(45000) << Status::Ok;
        QTest::newRow("lag never decreasing") << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 6, 8, 9} << qint64(9)
                                              << qint64(45000) << Status::Warn;
        QTest::newRow("offset never moves") << QList<qint64>{10, 10, 10, 10, 10} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9)
                                            << qint64(45000) << Status::Stall;
        QTest::newRow("offset went back") << QList<qint64>{10, 20, 15, 16, 17} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9) << qint64(45000)
                                          << Status::Rewind;
        QTest::newRow("offset went back and recovered")
            << QList<qint64>{10, 20, 15, 40, 50} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9) << qint64(45000) << Status::Warn;
        QTest::newRow("no commit for longer than the window")
            << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 4, 8, 9} << qint64(9) << qint64(81000) << Status::Stop;
        QTest::newRow("quiet for exactly the window")
            << QList<qint64>{10, 20, 30, 40, 50} << QList<qint64>{5, 6, 4, 8, 9} << qint64(9) << qint64(80000) << Status::Ok;
        // Burrow checks for a stop before a rewind (calculatePartitionStatus).
        QTest::newRow("stop wins over rewind") << QList<qint64>{10, 20, 30, 5, 6} << QList<qint64>{5, 6, 7, 8, 9} << qint64(9)
                                               << qint64(500000) << Status::Stop;
        // Burrow judges a window of one commit: behind and time passed = STOP.
        QTest::newRow("one commit, time passed") << QList<qint64>{10} << QList<qint64>{5} << qint64(9) << qint64(500000) << Status::Stop;
        QTest::newRow("one commit, just made") << QList<qint64>{10} << QList<qint64>{5} << qint64(9) << qint64(0) << Status::Stall;
        QTest::newRow("empty window") << QList<qint64>{} << QList<qint64>{} << qint64(9) << qint64(500000) << Status::Ok;
    }

    void partition()
    {
        QFETCH(QList<qint64>, offsets);
        QFETCH(QList<qint64>, lags);
        QFETCH(qint64, currentLag);
        QFETCH(qint64, nowMs);
        QFETCH(Status, expected);
        const Status got = partitionStatus(window(offsets, lags), currentLag, nowMs);
        QCOMPARE(name(got), name(expected));
    }

    void allowedLagCountsAsCaughtUp()
    {
        const auto w = window({10, 20, 30, 40, 50}, {5, 6, 6, 8, 9});
        QCOMPARE(partitionStatus(w, 9, 45000, 0), Status::Warn);
        QCOMPARE(partitionStatus(w, 9, 45000, 5), Status::Ok);   // 5 was within the allowance
        QCOMPARE(partitionStatus(w, 4, 45000, 4), Status::Ok);   // within it now
    }

    void groupTakesTheWorstPartition()
    {
        QCOMPARE(groupStatus({}), Status::Ok);
        QCOMPARE(groupStatus({Status::Ok, Status::Ok}), Status::Ok);
        QCOMPARE(groupStatus({Status::Ok, Status::Warn}), Status::Warn);
        QCOMPARE(groupStatus({Status::Warn, Status::Stall, Status::Ok}), Status::Err);
        QCOMPARE(groupStatus({Status::Stop}), Status::Err);
        QCOMPARE(groupStatus({Status::Ok, Status::Rewind}), Status::Err);
    }

    void namesAreBurrows()
    {
        QCOMPARE(name(Status::Ok), QStringLiteral("OK"));
        QCOMPARE(name(Status::Warn), QStringLiteral("WARN"));
        QCOMPARE(name(Status::Err), QStringLiteral("ERR"));
        QCOMPARE(name(Status::Stop), QStringLiteral("STOP"));
        QCOMPARE(name(Status::Stall), QStringLiteral("STALL"));
        QCOMPARE(name(Status::Rewind), QStringLiteral("REWIND"));
    }
};

QTEST_GUILESS_MAIN(TestLagStatusRules)
#include "tst_lag_status_rules.moc"
