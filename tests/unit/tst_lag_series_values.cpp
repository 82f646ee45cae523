// SPDX-License-Identifier: GPL-3.0-or-later
// LagSeriesValues: what the lag charts plot, checked against values worked
// out by hand from kafka-lag-exporter's method (docs/architecture.md, "Lag"):
// rates between consecutive samples, time lag by interpolation in the end
// offsets sampled so far, a counter reset starting over; the top N partitions
// by latest lag with the rest summed sample by sample.

#include "core/lag/LagSeriesValues.h"

#include <QTest>

using namespace cohort;
using LagSeriesValues::NamedSeries;
using LagSeriesValues::Sample;

namespace {

LagPoint point(qint64 timeMs, qint64 end, qint64 committed)
{
    return {timeMs, end, committed, end >= 0 && committed >= 0 ? end - committed : -1, -1};
}

// The lag values only (offsets unknown), as a partition series may have them.
QList<LagPoint> lags(const QList<std::pair<qint64, qint64>> &timeAndLag)
{
    QList<LagPoint> out;
    for (const auto &[t, lag] : timeAndLag)
        out.append({t, -1, -1, lag, -1});
    return out;
}

}   // namespace

class TestLagSeriesValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lagSkipsUnknown()
    {
        const QList<LagPoint> points{point(0, 100, 50), point(5000, -1, 60), point(10000, 300, 160)};
        QCOMPARE(LagSeriesValues::lag(points), (QList<Sample>{{0, 50}, {10000, 140}}));
    }

    void ratesBetweenConsecutiveSamples()
    {
        // +100 end offsets per 5 s = 20 msg/s; commits +100 then +10 per 5 s;
        // at 15 s the end offset went back (topic recreated): no rate there.
        const QList<LagPoint> points{point(0, 100, 50), point(5000, 200, 150), point(10000, 300, 160), point(15000, 250, 170)};
        QCOMPARE(LagSeriesValues::produceRate(points), (QList<Sample>{{5000, 20.0}, {10000, 20.0}}));
        QCOMPARE(LagSeriesValues::consumeRate(points), (QList<Sample>{{5000, 20.0}, {10000, 2.0}, {15000, 2.0}}));
        // The next rate after a reset is measured from the reset sample.
        const QList<LagPoint> afterReset{point(0, 300, 0), point(5000, 100, 0), point(10000, 150, 0)};
        QCOMPARE(LagSeriesValues::produceRate(afterReset), (QList<Sample>{{10000, 10.0}}));
        // An unknown end offset in between: the rate spans the gap.
        const QList<LagPoint> gap{point(0, 100, 0), point(5000, -1, 0), point(10000, 300, 0)};
        QCOMPARE(LagSeriesValues::produceRate(gap), (QList<Sample>{{10000, 20.0}}));
    }

    void timeLagInterpolatesInTheEndOffsetsSoFar()
    {
        const QList<LagPoint> points{point(0, 100, 50), point(5000, 200, 150), point(10000, 300, 160), point(15000, 400, 400)};
        // 0 s: one sample, committed behind it: at least 0 ms (the sample is now).
        // 5 s: offset 150 was the end at 2.5 s (between 100@0 and 200@5 s): 2,500 ms.
        // 10 s: offset 160 at 3 s: 7,000 ms. 15 s: caught up: 0.
        QCOMPARE(LagSeriesValues::timeLagMs(points), (QList<Sample>{{0, 0}, {5000, 2500}, {10000, 7000}, {15000, 0}}));
    }

    void timeLagStartsOverAfterAReset()
    {
        // The end offset went back at 10 s: the samples before it do not say when 120 was produced.
        const QList<LagPoint> points{point(0, 100, 100), point(5000, 200, 200), point(10000, 150, 120), point(15000, 250, 130)};
        // 10 s: one sample since the reset: 0. 15 s: 130 between 150@10 s (before it: extrapolated
        // back with the rate 100 per 5 s) = 9 s: 6,000 ms.
        QCOMPARE(LagSeriesValues::timeLagMs(points), (QList<Sample>{{0, 0}, {5000, 0}, {10000, 0}, {15000, 6000}}));
    }

    void topByLagSumsTheRest()
    {
        const QList<NamedSeries> series{
            {QStringLiteral("orders-0"), lags({{0, 4}, {5000, 10}})},
            {QStringLiteral("orders-1"), lags({{0, 1}, {5000, 30}})},
            {QStringLiteral("orders-2"), lags({{0, 7}, {5000, 20}})},
            // Unknown now, 5 before: ranked by its latest known lag.
            {QStringLiteral("orders-3"), lags({{0, 5}, {5000, -1}})},
        };
        const QList<NamedSeries> top = LagSeriesValues::topByLag(series, 2, QStringLiteral("others"));
        QCOMPARE(top.size(), 3);
        QCOMPARE(top.at(0), series.at(1));
        QCOMPARE(top.at(1), series.at(2));
        QCOMPARE(top.at(2).name, QStringLiteral("others"));
        // orders-0 + orders-3: 4 + 5 at 0 s; 10 + unknown at 5 s.
        QCOMPARE(top.at(2).points, lags({{0, 9}, {5000, 10}}));

        // Nothing left over: no "others"; ties by name.
        const QList<NamedSeries> all = LagSeriesValues::topByLag(series.mid(0, 2), 5, QStringLiteral("others"));
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("orders-1"));
        const QList<NamedSeries> tie{{QStringLiteral("b"), lags({{0, 3}})}, {QStringLiteral("a"), lags({{0, 3}})}};
        QCOMPARE(LagSeriesValues::topByLag(tie, 1, QStringLiteral("others")).at(0).name, QStringLiteral("a"));
    }
};

QTEST_APPLESS_MAIN(TestLagSeriesValues)
#include "tst_lag_series_values.moc"
