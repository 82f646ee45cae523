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

    // Points are packed in 16 bytes (offsets in 32 bits from bases the ring
    // moves as the sums grow): sums in the trillions that move by a billion
    // an hour, unknown values, and a lag past 32 bits all read back exact;
    // only a ring whose offsets span more than four billion keeps them whole.
    void packedPointsReadBackExact()
    {
        const qint64 trillion = 1'000'000'000'000LL;
        const auto busy = [&](qint64 i) {
            // A million records per 10 min step: three billion past the
            // first point after 3,000 steps, a billion over the ring's 1,008.
            return LagPoint{kT0 + i * 600000, trillion + i * 1'000'000, trillion + i * 1'000'000 - 40, 40, -1};
        };
        LagTieredSeries s;
        for (qint64 i = 0; i < 3000; ++i)
            s.restore(LagTier::TenMinutes, busy(i));
        QVERIFY(!s.isWide(LagTier::TenMinutes));
        QList<LagPoint> tens = s.tierPoints(LagTier::TenMinutes, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(tens.size(), qsizetype(1008));
        for (qsizetype k = 0; k < tens.size(); ++k)
            QCOMPARE(tens.at(k), busy(3000 - 1008 + k));

        // Unknown offsets and lags beside known ones, and a lag of five billion.
        LagTieredSeries u;
        u.restore(LagTier::OneMinute, LagPoint{kT0, -1, -1, -1, -1});
        u.restore(LagTier::OneMinute, LagPoint{kT0 + 60000, 9 * trillion, -1, -1, -1});
        u.restore(LagTier::OneMinute, LagPoint{kT0 + 120000, 9 * trillion + 5, 9 * trillion - 10, 15, -1});
        QVERIFY(!u.isWide(LagTier::OneMinute));
        u.restore(LagTier::OneMinute, LagPoint{kT0 + 180000, 9 * trillion + 6, 9 * trillion + 6 - 5'000'000'000LL, 5'000'000'000LL, -1});
        QVERIFY(u.isWide(LagTier::OneMinute));
        const QList<LagPoint> ones = u.tierPoints(LagTier::OneMinute, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(ones, (QList<LagPoint>{LagPoint{kT0, -1, -1, -1, -1}, LagPoint{kT0 + 60000, 9 * trillion, -1, -1, -1},
                                        LagPoint{kT0 + 120000, 9 * trillion + 5, 9 * trillion - 10, 15, -1},
                                        LagPoint{kT0 + 180000, 9 * trillion + 6, 9 * trillion + 6 - 5'000'000'000LL, 5'000'000'000LL, -1}}));

        // Three billion records between two points: a span past 2^32 with the first.
        LagTieredSeries jump;
        jump.restore(LagTier::OneMinute, LagPoint{kT0, 100, 90, 10, -1});
        jump.restore(LagTier::OneMinute, LagPoint{kT0 + 60000, 100 + 3'000'000'000LL, 90, 3'000'000'010LL, -1});
        QVERIFY(!jump.isWide(LagTier::OneMinute));   // rebased to the middle: 1.5 billion either way
        jump.restore(LagTier::OneMinute, LagPoint{kT0 + 120000, 100 + 6'000'000'000LL, 90, 10, -1});
        QVERIFY(jump.isWide(LagTier::OneMinute));
        QCOMPARE(jump.tierPoints(LagTier::OneMinute, 0, std::numeric_limits<qint64>::max()),
                 (QList<LagPoint>{LagPoint{kT0, 100, 90, 10, -1}, LagPoint{kT0 + 60000, 100 + 3'000'000'000LL, 90, 3'000'000'010LL, -1},
                                  LagPoint{kT0 + 120000, 100 + 6'000'000'000LL, 90, 10, -1}}));
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
