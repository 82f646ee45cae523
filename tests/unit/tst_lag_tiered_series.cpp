// SPDX-License-Identifier: GPL-3.0-or-later
// The tiered ring buffers of one lag series: capacities, downsampling (the
// last point of each bucket, taken from the finer tier), reading ranges.

#include "core/lag/LagTieredSeries.h"

#include <QTest>

using namespace cohort;

namespace {

// A point whose offsets say when it was made (end = t / 100), so a test
// can tell which sample a downsampled point is.
LagPoint at(qint64 timeMs)
{
    const qint64 end = timeMs / 100;
    return LagPoint{timeMs, end, end - 7, 7, -1};
}

constexpr qint64 kBase = 1700000000000;
constexpr qint64 kT0 = kBase - kBase % 600000;   // a 10 min boundary

}   // namespace

class TestLagTieredSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tiersAreFiveSecondsMinuteTenMinutes()
    {
        QCOMPARE(LagTieredSeries::bucketMs(LagTier::FiveSeconds), qint64(5000));
        QCOMPARE(LagTieredSeries::bucketMs(LagTier::OneMinute), qint64(60000));
        QCOMPARE(LagTieredSeries::bucketMs(LagTier::TenMinutes), qint64(600000));
        QCOMPARE(LagTieredSeries::spanMs(LagTier::FiveSeconds), 3600LL * 1000);
        QCOMPARE(LagTieredSeries::spanMs(LagTier::OneMinute), 24LL * 3600 * 1000);
        QCOMPARE(LagTieredSeries::spanMs(LagTier::TenMinutes), 7LL * 24 * 3600 * 1000);
    }

    void minuteTierTakesTheLastPointOfEachMinute()
    {
        LagTieredSeries s;
        QList<std::pair<LagTier, LagPoint>> recorded;
        // A sample every 5 s, 1 s into each bucket, for 3 minutes and a bit.
        for (qint64 t = kT0 + 1000; t <= kT0 + 181000; t += 5000)
            recorded += s.add(at(t));
        QCOMPARE(s.size(LagTier::FiveSeconds), 37);
        // Minutes 0, 1 and 2 are closed (a sample of minute 3 arrived); their
        // last samples were at 56 s, 116 s and 176 s.
        const QList<LagPoint> minutes = s.tierPoints(LagTier::OneMinute, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(minutes.size(), qsizetype(3));
        QCOMPARE(minutes.at(0), at(kT0 + 56000));
        QCOMPARE(minutes.at(1), at(kT0 + 116000));
        QCOMPARE(minutes.at(2), at(kT0 + 176000));
        // Everything that entered a tier was said: 37 five-second points, 3 minute points.
        int fine = 0, minute = 0;
        for (const auto &[tier, p] : recorded)
            (tier == LagTier::FiveSeconds ? fine : minute) += 1;
        QCOMPARE(fine, 37);
        QCOMPARE(minute, 3);
        QCOMPARE(s.size(LagTier::TenMinutes), 0);
    }

    void tenMinuteTierIsFilledFromTheMinuteTier()
    {
        LagTieredSeries s;
        for (qint64 t = kT0; t < kT0 + 25 * 60000; t += 5000)
            s.add(at(t));
        // Minute points 0..23 are closed; the first 10-minute bucket closed
        // when minute 10's point entered the minute tier, the second with minute 20's.
        QCOMPARE(s.size(LagTier::OneMinute), 24);
        const QList<LagPoint> tens = s.tierPoints(LagTier::TenMinutes, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(tens.size(), qsizetype(2));
        QCOMPARE(tens.at(0), at(kT0 + 10 * 60000 - 5000));   // the last sample of minutes 0-9
        QCOMPARE(tens.at(1), at(kT0 + 20 * 60000 - 5000));
    }

    void sumsStaySums()
    {
        // A group's point (sums of offsets) goes down the tiers unchanged, never averaged.
        LagTieredSeries s;
        const LagPoint a{kT0 + 10000, 1'000'000'000'000, 999'999'000'000, 1'000'000, -1};
        const LagPoint b{kT0 + 70000, 1'000'000'500'000, 999'999'400'000, 1'100'000, -1};
        s.add(a);
        s.add(b);
        QCOMPARE(s.tierPoints(LagTier::OneMinute, 0, std::numeric_limits<qint64>::max()), QList<LagPoint>{a});
    }

    void oneFiveSecondBucketKeepsTheLaterSample()
    {
        LagTieredSeries s;
        s.add(at(kT0 + 1000));
        const auto recorded = s.add(at(kT0 + 3000));
        QCOMPARE(recorded.size(), qsizetype(1));
        QCOMPARE(s.size(LagTier::FiveSeconds), 1);
        QCOMPARE(*s.latest(), at(kT0 + 3000));
        // Not newer than the latest: dropped.
        QVERIFY(s.add(at(kT0 + 2000)).isEmpty());
        QCOMPARE(*s.latest(), at(kT0 + 3000));
    }

    void ringsAreBounded()
    {
        LagTieredSeries s;
        for (int i = 0; i < 800; ++i)
            s.add(at(kT0 + i * 5000LL));
        QCOMPARE(s.size(LagTier::FiveSeconds), 720);
        const QList<LagPoint> all = s.tierPoints(LagTier::FiveSeconds, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(all.first(), at(kT0 + 80 * 5000LL));   // the 80 oldest went
        QCOMPARE(all.last(), at(kT0 + 799 * 5000LL));
    }

    void timesSurviveSpansBeyondThe32BitOffsets()
    {
        // 30 days of 10-minute points (more than 2^31 ms from the first): the
        // ring keeps 7 days, every time exact.
        LagTieredSeries s;
        for (qint64 i = 0; i < 30 * 144; ++i)
            s.restore(LagTier::TenMinutes, at(kT0 + i * 600000));
        const QList<LagPoint> tens = s.tierPoints(LagTier::TenMinutes, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(tens.size(), qsizetype(1008));
        QCOMPARE(tens.last(), at(kT0 + (30 * 144 - 1) * 600000LL));
        QCOMPARE(tens.first(), at(kT0 + (30 * 144 - 1008) * 600000LL));
    }

    void readsTheFinestTierReachingBack()
    {
        LagTieredSeries s;
        // A day of minute points restored, then an hour of 5 s samples.
        const qint64 now = kT0 + 24LL * 3600 * 1000;
        for (qint64 t = now - 24LL * 3600 * 1000; t < now - 3600 * 1000; t += 60000)
            s.restore(LagTier::OneMinute, at(t));
        for (qint64 t = now - 3600 * 1000; t <= now; t += 5000)
            s.add(at(t));
        // 15 minutes: the 5 s tier.
        const QList<LagPoint> quarter = s.points(now - 15 * 60000, now);
        QCOMPARE(quarter.size(), qsizetype(15 * 12 + 1));
        // 6 hours: minute points, then the latest sample of the minute still open.
        const QList<LagPoint> six = s.points(now - 6LL * 3600 * 1000, now);
        QVERIFY(six.size() >= 6 * 60 - 1 && six.size() <= 6 * 60 + 2);
        QCOMPARE(six.last(), at(now));
        for (qsizetype i = 1; i < six.size(); ++i)
            QVERIFY(six.at(i).timeMs > six.at(i - 1).timeMs);
        // Before anything: from the tier reaching back furthest.
        QCOMPARE(s.points(0, now - 24LL * 3600 * 1000).size(), qsizetype(1));
        QCOMPARE(s.recentLag(3), (QList<qint64>{7, 7, 7}));
    }

    void partitionSeriesKeepLogStarts()
    {
        LagTieredSeries withStart(true), without;
        const LagPoint p{kT0, 500, 400, 100, 123};
        withStart.add(p);
        without.add(p);
        QCOMPARE(withStart.latest()->logStartOffset, qint64(123));
        QCOMPARE(without.latest()->logStartOffset, qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestLagTieredSeries)
#include "tst_lag_tiered_series.moc"
