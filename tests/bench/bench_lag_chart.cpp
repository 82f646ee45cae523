// SPDX-License-Identifier: GPL-3.0-or-later
// The lag chart's two costs (issue targets: redraw under 10 ms, a new sample
// under 2 ms): redrawing a chart of SERIES series x POINTS points (a whole
// replot, offscreen, the median of ROUNDS), and adding one sample to every
// series of the open chart (setSeries with the grown lists: the append path,
// the replot left queued as in the app). Prints one JSON line.
// Usage: bench_lag_chart [--series 100] [--points 720] [--rounds 30] [--width 1200] [--height 500]

#include "widgets/ChartTimeRange.h"
#include "widgets/LagChart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

#include "widgets/QCustomPlotHeader.h"

#include <algorithm>

#include <time.h>

using namespace cohort;

namespace {

// CPU time of this thread, ms: on a shared machine the wall clock also counts
// the time other processes held the cores.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// A wandering lag per series: distinct lines, as a group's partitions draw.
QList<LagSeriesValues::Sample> series(int s, int points, qint64 t0)
{
    QList<LagSeriesValues::Sample> out;
    out.reserve(points + 1024);
    double v = 1000.0 * (s + 1);
    for (int i = 0; i < points; ++i) {
        v = std::max(0.0, v + ((i * 7919 + s * 104729) % 201 - 100));
        out.append({t0 + i * 5000LL, v});
    }
    return out;
}

}   // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption seriesOpt(QStringLiteral("series"), QStringLiteral("Series in the chart."), QStringLiteral("n"),
                                       QStringLiteral("100"));
    const QCommandLineOption pointsOpt(QStringLiteral("points"), QStringLiteral("Points per series."), QStringLiteral("n"),
                                       QStringLiteral("720"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("Measured rounds."), QStringLiteral("n"),
                                       QStringLiteral("30"));
    const QCommandLineOption widthOpt(QStringLiteral("width"), QStringLiteral("Chart width."), QStringLiteral("px"),
                                      QStringLiteral("1200"));
    const QCommandLineOption heightOpt(QStringLiteral("height"), QStringLiteral("Chart height."), QStringLiteral("px"),
                                       QStringLiteral("500"));
    parser.addOptions({seriesOpt, pointsOpt, roundsOpt, widthOpt, heightOpt});
    parser.addHelpOption();
    parser.process(app);
    const int seriesCount = parser.value(seriesOpt).toInt();
    const int points = parser.value(pointsOpt).toInt();
    const int rounds = std::max(1, parser.value(roundsOpt).toInt());

    LagChart chart(QStringLiteral("Lag per partition"));
    chart.resize(parser.value(widthOpt).toInt(), parser.value(heightOpt).toInt());
    chart.show();
    QCoreApplication::processEvents();
    // 720 points every 5 s is an hour: the 1 h span shows them all.
    chart.timeRange()->setSpan(ChartTimeRange::Span::OneHour);
    const qint64 t0 = 1'790'000'000'000LL;
    QList<QList<LagSeriesValues::Sample>> data;
    for (int s = 0; s < seriesCount; ++s) {
        data.append(series(s, points, t0));
        chart.setSeries(QStringLiteral("p-%1").arg(s), data.last(), LagChart::ValueKind::LagMessages);
    }
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);   // warm-up: layout, label caches

    QList<double> redraw, redrawCpu;
    QElapsedTimer timer;
    for (int r = 0; r < rounds; ++r) {
        const double cpu = threadCpuMs();
        timer.start();
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        redraw.append(timer.nsecsElapsed() / 1e6);
        redrawCpu.append(threadCpuMs() - cpu);
    }

    // A refresh brings one more sample for every series: the grown lists are
    // made before the clock starts (the history hands them over ready).
    QList<double> addSample, addSampleCpu;
    for (int r = 0; r < rounds; ++r) {
        for (int s = 0; s < seriesCount; ++s) {
            auto &d = data[s];
            d.append({d.last().timeMs + 5000, d.last().value + 1});
        }
        const double cpu = threadCpuMs();
        timer.start();
        for (int s = 0; s < seriesCount; ++s)
            chart.setSeries(QStringLiteral("p-%1").arg(s), data.at(s), LagChart::ValueKind::LagMessages);
        addSample.append(timer.nsecsElapsed() / 1e6);
        addSampleCpu.append(threadCpuMs() - cpu);
        // The queued replot runs, as it would before the next refresh.
        QCoreApplication::processEvents();
    }
    // A replot after samples were added: what the queued redraw costs.
    QList<double> redrawAfterAdd;
    for (int r = 0; r < std::min(rounds, 5); ++r) {
        timer.start();
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        redrawAfterAdd.append(timer.nsecsElapsed() / 1e6);
    }

    int minPoints = points + rounds + 1, maxPoints = 0;
    for (int g = 0; g < chart.plot()->graphCount(); ++g) {
        minPoints = std::min(minPoints, chart.plot()->graph(g)->dataCount());
        maxPoints = std::max(maxPoints, chart.plot()->graph(g)->dataCount());
    }
    QTextStream(stdout)
        << QStringLiteral("{\"bench\":\"lag_chart\",\"series\":%1,\"points\":%2,\"rounds\":%3,\"graphs\":%4,"
                          "\"points_per_graph_min\":%5,\"points_per_graph_max\":%6,\"redraw_ms_median\":%7,"
                          "\"redraw_ms_max\":%8,\"add_sample_all_series_ms_median\":%9,\"add_sample_all_series_ms_max\":%10,"
                          "\"redraw_after_add_ms_median\":%11,\"redraw_cpu_ms_median\":%12,\"add_sample_all_series_cpu_ms_median\":%13}")
               .arg(seriesCount)
               .arg(points)
               .arg(rounds)
               .arg(chart.plot()->graphCount())
               .arg(minPoints)
               .arg(maxPoints)
               .arg(median(redraw), 0, 'f', 3)
               .arg(*std::max_element(redraw.cbegin(), redraw.cend()), 0, 'f', 3)
               .arg(median(addSample), 0, 'f', 3)
               .arg(*std::max_element(addSample.cbegin(), addSample.cend()), 0, 'f', 3)
               .arg(median(redrawAfterAdd), 0, 'f', 3)
               .arg(median(redrawCpu), 0, 'f', 3)
               .arg(median(addSampleCpu), 0, 'f', 3)
        << Qt::endl;
    return 0;
}
