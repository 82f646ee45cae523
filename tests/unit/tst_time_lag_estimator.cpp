// SPDX-License-Identifier: GPL-3.0-or-later
// Time lag by interpolation over end-offset samples (kafka-lag-exporter's
// method), produce/consume rates and the catch-up ETA.

#include "core/lag/TimeLagEstimator.h"

#include <QTest>

using namespace cohort;
using namespace cohort::TimeLagEstimator;

class TestTimeLagEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void interpolatesBetweenSamples()
    {
        // End offset 100 at t=0 s, 200 at t=10 s, 400 at t=20 s.
        const QList<Sample> ends{{0, 100}, {10000, 200}, {20000, 400}};
        // Offset 150 was the end offset at t = 5 s; now is t = 25 s.
        QCOMPARE(timeLagMs(ends, 150, 25000), std::optional<qint64>(20000));
        // Offset 300 at t = 15 s.
        QCOMPARE(timeLagMs(ends, 300, 25000), std::optional<qint64>(10000));
        // Exactly a sample.
        QCOMPARE(timeLagMs(ends, 200, 25000), std::optional<qint64>(15000));
    }

    void caughtUpIsZeroAndNoSamplesIsUnknown()
    {
        const QList<Sample> ends{{0, 100}, {10000, 200}};
        QCOMPARE(timeLagMs(ends, 200, 99999), std::optional<qint64>(0));
        QCOMPARE(timeLagMs(ends, 250, 99999), std::optional<qint64>(0));
        QCOMPARE(timeLagMs({}, 5, 1000), std::nullopt);
    }

    void extrapolatesBeforeTheOldestSample()
    {
        // 10 offsets per second: offset 50 was the end 5 s before t = 0.
        const QList<Sample> ends{{0, 100}, {10000, 200}};
        QCOMPARE(timeLagMs(ends, 50, 10000), std::optional<qint64>(15000));
    }

    void flatSegmentsDoNotDivideByZero()
    {
        // Nothing produced between 10 s and 20 s; offset 250 lies in the 20-30 s
        // segment, so it was produced at 25 s.
        const QList<Sample> ends{{0, 100}, {10000, 200}, {20000, 200}, {30000, 300}};
        QCOMPARE(timeLagMs(ends, 250, 40000), std::optional<qint64>(15000));
        // No production at all in the table: the newest sample's time is the best bound.
        const QList<Sample> idle{{0, 100}, {10000, 100}};
        QCOMPARE(timeLagMs(idle, 50, 20000), std::optional<qint64>(10000));
    }

    void aCounterResetDropsTheSamplesBeforeIt()
    {
        // The topic was made again between 10 s and 20 s: its end offset fell to 50.
        const QList<Sample> ends{{0, 100}, {10000, 200}, {20000, 50}, {30000, 150}};
        QCOMPARE(sinceLastReset(ends), (QList<Sample>{{20000, 50}, {30000, 150}}));
        // Offset 100 of the new topic was the end at 25 s.
        QCOMPARE(timeLagMs(ends, 100, 40000), std::optional<qint64>(15000));
        QCOMPARE(ratePerSecond(ends), std::optional<double>(10.0));
    }

    void oneSampleGivesALowerBound() { QCOMPARE(timeLagMs({{5000, 100}}, 40, 8000), std::optional<qint64>(3000)); }

    void ratesAndEta()
    {
        QCOMPARE(ratePerSecond({{0, 100}, {10000, 600}}), std::optional<double>(50.0));
        QCOMPARE(ratePerSecond({{0, 100}}), std::nullopt);
        QCOMPARE(ratePerSecond({{1000, 100}, {1000, 200}}), std::nullopt);
        // 600 behind, consuming 50/s while 20/s arrive: 20 s.
        QCOMPARE(catchUpSeconds(600, 20.0, 50.0), std::optional<double>(20.0));
        QCOMPARE(catchUpSeconds(600, 50.0, 50.0), std::nullopt);   // not catching up
        QCOMPARE(catchUpSeconds(600, 80.0, 50.0), std::nullopt);   // falling behind
        QCOMPARE(catchUpSeconds(0, 80.0, 50.0), std::optional<double>(0.0));
    }
};

QTEST_GUILESS_MAIN(TestTimeLagEstimator)
#include "tst_time_lag_estimator.moc"
