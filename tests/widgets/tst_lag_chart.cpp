// SPDX-License-Identifier: GPL-3.0-or-later
// The lag charts offscreen: a chart with data draws its series (pixels of the
// series' colours) and holds one point per sample; a grown series keeps its
// container and gets only the new points; the user's zoom and pan survive new
// samples until "follow live" or a span brings the latest back; a legend
// click hides its series; group events are drawn as markers with their text
// on hover; the tooltip and the CSV say the exact values, units and times;
// the dark palette gives a dark chart with readable text. The panel's charts
// share one window, the partition chart keeps the top N and sums the rest,
// and the sparkline delegate draws its line beside the number.

#include "PaletteImages.h"

#include "core/util/Translations.h"
#include "models/Theme.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/LagChart.h"
#include "widgets/LagChartsPanel.h"
#include "widgets/LagSparklineDelegate.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

#include "widgets/QCustomPlotHeader.h"

using namespace cohort;
using namespace cohort::test;
using LagSeriesValues::Sample;

namespace {

// 2026-12-01 12:00:00 UTC, 13:00 in Berlin (CET), where the test runs (initMain).
const qint64 kT0 = QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr qint64 kStepMs = 5000;

// `count` samples every 5 s from kT0: base, base + slope, ...
QList<Sample> ramp(int count, double base, double slope)
{
    QList<Sample> out;
    for (int i = 0; i < count; ++i)
        out.append({kT0 + i * kStepMs, base + slope * i});
    return out;
}

// COHORT_TEST_IMAGES=<dir> keeps what the tests rendered, to look at.
void keepImage(const QImage &image, const QString &suffix = {})
{
    if (const QByteArray dir = qgetenv("COHORT_TEST_IMAGES"); !dir.isEmpty())
        image.save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + QString::fromLatin1(QTest::currentTestFunction()) + suffix
                   + QStringLiteral(".png"));
}

QImage render(LagChart &chart)
{
    QCoreApplication::processEvents();   // pending resizes and layouts first
    chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = chart.plot()->grab().toImage();
    keepImage(image);
    return image;
}

QRect plotArea(LagChart &chart)
{
    return chart.plot()->axisRect()->rect().adjusted(2, 2, -2, -2);
}

// Pixels of a series' (antialiased) line in the plot area, drawn over the chart's Base.
int linePixels(LagChart &chart, const QImage &image, const QColor &colour, const QRect &area = {})
{
    return countBlends(image, colour, QApplication::palette().color(QPalette::Base), area.isNull() ? plotArea(chart) : area);
}

// The pixel of a sample on the chart.
QPoint pixelOf(LagChart &chart, const Sample &s, int graph = 0)
{
    QCPGraph *g = chart.plot()->graph(graph);
    return QPoint(int(g->keyAxis()->coordToPixel(double(s.timeMs) / 1000.0)), int(g->valueAxis()->coordToPixel(s.value)));
}

void sendWheel(QWidget *widget, const QPoint &pos, int steps)
{
    QWheelEvent wheel(QPointF(pos), QPointF(widget->mapToGlobal(pos)), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

void drag(QWidget *widget, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), QPointF(widget->mapToGlobal(to)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, to);
}

void usePalette(const QPalette &palette)
{
    QApplication::setPalette(palette);
    QCoreApplication::processEvents();
}

}   // namespace

class TestLagChart : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        // A fixed zone with a daylight-saving name, so the times shown can be checked.
        qputenv("TZ", "Europe/Berlin");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        installTranslations(*QCoreApplication::instance());   // "3 partitions moved", as the app says it
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        usePalette(lightPalette());
    }

    void cleanup() { usePalette(lightPalette()); }

    void drawsItsSeries()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        chart.setSeries(QStringLiteral("orders"), ramp(60, 100, 10), LagChart::ValueKind::LagMessages);
        chart.setSeries(QStringLiteral("payments"), ramp(60, 800, -10), LagChart::ValueKind::LagMessages);
        chart.setSeries(QStringLiteral("audit"), ramp(40, 400, 0), LagChart::ValueKind::LagMessages);

        QCOMPARE(chart.plot()->graphCount(), 3);
        QCOMPARE(chart.pointCount(QStringLiteral("orders")), 60);
        QCOMPARE(chart.plot()->graph(1)->dataCount(), 60);
        QCOMPARE(chart.pointCount(QStringLiteral("audit")), 40);
        // The window follows the latest sample: it ends there and spans 15 minutes.
        QCOMPARE(chart.timeRange()->toMs(), kT0 + 59 * kStepMs);
        QCOMPARE(chart.plot()->xAxis->range().upper, double(kT0 + 59 * kStepMs) / 1000.0);
        QCOMPARE(chart.plot()->xAxis->range().size(), 15 * 60.0);

        const QImage image = render(chart);
        const Theme theme(QApplication::palette());
        QSet<QRgb> colours;
        for (const QString &name : chart.seriesNames()) {
            const QColor c = chart.seriesColour(name);
            colours.insert(c.rgb());
            QCOMPARE(c, theme.series(int(colours.size()) - 1));
            const int pixels = linePixels(chart, image, c);
            QVERIFY2(pixels > 40, qPrintable(QStringLiteral("%1: %2 pixels of %3").arg(name).arg(pixels).arg(c.name())));
        }
        QCOMPARE(colours.size(), 3);
        // The value axis starts at 0 and holds the highest value (800).
        QCOMPARE(chart.plot()->yAxis->range().lower, 0.0);
        QVERIFY(chart.plot()->yAxis->range().upper >= 800);
        // The local time zone is named on the time axis, whose ticks fall on
        // whole local minutes (12:00 UTC is 13:00 in Berlin).
        QCOMPARE(chart.plot()->xAxis->label(), QStringLiteral("Time (CET)"));
        const QVector<double> ticks = chart.plot()->xAxis->tickVector();
        const QVector<QString> labels = chart.plot()->xAxis->tickVectorLabels();
        QVERIFY(ticks.size() >= 4);
        QCOMPARE(ticks.at(1) - ticks.at(0), 120.0);   // 15 min in steps of 2 min
        QVERIFY(labels.contains(QStringLiteral("13:00")));
    }

    void emptyChartSaysSo()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.resize(600, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QColor muted = Theme(QApplication::palette()).muted();
        // "No samples yet" in the middle of the plot, gone with the first sample.
        const QImage before = render(chart);   // lays the plot out
        keepImage(before, QStringLiteral("-before"));
        const QPoint middle = chart.plot()->axisRect()->rect().center();
        const QRect text(middle - QPoint(50, 10), middle + QPoint(50, 10));
        QVERIFY(countPixels(before, muted, text, 8) > 20);
        // A lone first sample is drawn as a dot.
        chart.setSeries(QStringLiteral("lone"), ramp(1, 0.5, 0), LagChart::ValueKind::LagMessages);
        // (at the right edge, where the live window ends: half of it shows)
        QVERIFY(linePixels(chart, render(chart), chart.seriesColour(QStringLiteral("lone")), chart.plot()->axisRect()->rect()) > 6);
        chart.setSeries(QStringLiteral("orders"), ramp(3, 10, 1), LagChart::ValueKind::LagMessages);
        const QImage after = render(chart);
        QCOMPARE(countPixels(after, muted, text, 8), 0);
    }

    void grownSeriesAppendsOnlyNewPoints()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.setSeries(QStringLiteral("orders"), ramp(60, 100, 10), LagChart::ValueKind::LagMessages);
        QCPGraphDataContainer *container = chart.plot()->graph(0)->data().data();
        // Marked in place: a series set anew would overwrite the mark, an append keeps it.
        chart.plot()->graph(0)->data()->begin()->value = -7;
        chart.setSeries(QStringLiteral("orders"), ramp(61, 100, 10), LagChart::ValueKind::LagMessages);
        QCOMPARE(chart.plot()->graph(0)->data().data(), container);
        QCOMPARE(chart.plot()->graph(0)->data()->constBegin()->value, -7.0);
        QCOMPARE(chart.pointCount(QStringLiteral("orders")), 61);
        QCOMPARE((chart.plot()->graph(0)->data()->constEnd() - 1)->value, 700.0);
        // The history dropped its oldest two: the container keeps the rest.
        chart.setSeries(QStringLiteral("orders"), ramp(62, 100, 10).mid(2), LagChart::ValueKind::LagMessages);
        QCOMPARE(chart.plot()->graph(0)->data().data(), container);
        QCOMPARE(chart.pointCount(QStringLiteral("orders")), 60);
        QCOMPARE(chart.plot()->graph(0)->data()->constBegin()->key, double(kT0 + 2 * kStepMs) / 1000.0);
        // Different values: replaced, not appended.
        chart.setSeries(QStringLiteral("orders"), ramp(10, 5, 1), LagChart::ValueKind::LagMessages);
        QCOMPARE(chart.pointCount(QStringLiteral("orders")), 10);
        QCOMPARE(chart.plot()->graph(0)->data()->constBegin()->value, 5.0);
    }

    void zoomAndPanSurviveNewSamples()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        ChartTimeRange *range = chart.timeRange();
        range->setSpan(ChartTimeRange::Span::FifteenMinutes);
        chart.setSeries(QStringLiteral("orders"), ramp(120, 100, 10), LagChart::ValueKind::LagMessages);
        render(chart);
        QVERIFY(range->followsLive());
        QSignalSpy live(range, &ChartTimeRange::followLiveChanged);

        // Wheel towards the user: zoomed in around the mouse, no longer live.
        const QPoint centre = chart.plot()->axisRect()->rect().center();
        sendWheel(chart.plot(), centre, 1);
        QVERIFY(!range->followsLive());
        QCOMPARE(live.count(), 1);
        const qint64 from = range->fromMs();
        const qint64 to = range->toMs();
        QVERIFY2(to - from < 15 * 60 * 1000, qPrintable(QString::number(to - from)));
        QCOMPARE(chart.plot()->xAxis->range().lower, double(from) / 1000.0);

        // New samples arrive: the window stays where the user put it.
        chart.setSeries(QStringLiteral("orders"), ramp(130, 100, 10), LagChart::ValueKind::LagMessages);
        render(chart);
        QCOMPARE(range->fromMs(), from);
        QCOMPARE(range->toMs(), to);
        QCOMPARE(chart.plot()->xAxis->range().upper, double(to) / 1000.0);

        // Dragging to the right shows earlier times, by the pixels dragged.
        const double secondsPerPixel = chart.plot()->xAxis->range().size() / chart.plot()->axisRect()->width();
        drag(chart.plot(), centre, centre + QPoint(100, 0));
        const double shifted = double(from - range->fromMs()) / 1000.0;
        QVERIFY2(qAbs(shifted - 100 * secondsPerPixel) < 2 * secondsPerPixel, qPrintable(QString::number(shifted)));
        QCOMPARE(range->toMs() - range->fromMs(), to - from);
        QVERIFY(!range->followsLive());

        // Follow live again: the last span up to the latest sample.
        range->setFollowLive(true);
        QCOMPARE(range->toMs(), kT0 + 129 * kStepMs);
        QCOMPARE(range->toMs() - range->fromMs(), 15 * 60 * 1000);
        chart.setSeries(QStringLiteral("orders"), ramp(131, 100, 10), LagChart::ValueKind::LagMessages);
        QCOMPARE(range->toMs(), kT0 + 130 * kStepMs);
    }

    void legendClickHidesItsSeries()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        chart.setSeries(QStringLiteral("orders"), ramp(60, 100, 10), LagChart::ValueKind::LagMessages);
        chart.setSeries(QStringLiteral("payments"), ramp(60, 300, 0), LagChart::ValueKind::LagMessages);
        const QColor payments = chart.seriesColour(QStringLiteral("payments"));
        QVERIFY(linePixels(chart, render(chart), payments) > 40);

        QSignalSpy toggled(&chart, &LagChart::seriesVisibilityChanged);
        QCPPlottableLegendItem *item = chart.plot()->legend->itemWithPlottable(chart.plot()->graph(1));
        QVERIFY(item);
        QTest::mouseClick(chart.plot(), Qt::LeftButton, {}, item->rect().center());
        QCOMPARE(toggled.count(), 1);
        QVERIFY(!chart.isSeriesVisible(QStringLiteral("payments")));
        QVERIFY(chart.isSeriesVisible(QStringLiteral("orders")));
        QCOMPARE(linePixels(chart, render(chart), payments), 0);
        // The item stays, greyed out; a second click brings the series back.
        QCOMPARE(item->textColor(), Theme(QApplication::palette()).muted());
        QTest::mouseClick(chart.plot(), Qt::LeftButton, {}, item->rect().center());
        QVERIFY(chart.isSeriesVisible(QStringLiteral("payments")));
        QVERIFY(linePixels(chart, render(chart), payments) > 40);
    }

    void markersForGroupEvents()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        chart.setSeries(QStringLiteral("orders"), ramp(60, 100, 0), LagChart::ValueKind::LagMessages);
        GroupEvent rebalance;
        rebalance.timeMs = kT0 + 20 * kStepMs;
        rebalance.kind = GroupEventKind::RebalanceCompleted;
        rebalance.state = GroupState::Stable;
        rebalance.generation = 12;
        rebalance.partitionsMoved = 3;
        rebalance.durationMs = 2400;
        GroupEvent state;
        state.timeMs = kT0 + 40 * kStepMs;
        state.kind = GroupEventKind::StateChanged;
        state.previousState = GroupState::Stable;
        state.state = GroupState::Dead;
        chart.setEvents({rebalance, state});
        QCOMPARE(chart.markerCount(), 2);
        QCOMPARE(chart.markerKeys(), (QList<double>{double(rebalance.timeMs) / 1000.0, double(state.timeMs) / 1000.0}));

        const QImage image = render(chart);
        const Theme theme(QApplication::palette());
        for (const auto &[event, colour] :
             {std::pair{rebalance, theme.status(Theme::Status::Warning)}, {state, theme.groupState(GroupState::Dead)}}) {
            const int x = int(chart.plot()->xAxis->coordToPixel(double(event.timeMs) / 1000.0));
            const QRect column(x - 2, plotArea(chart).top(), 5, plotArea(chart).height());
            const int pixels = countPixels(image, colour, column, 12);
            QVERIFY2(pixels > 30, qPrintable(QStringLiteral("%1 pixels of %2").arg(pixels).arg(colour.name())));
            const QString tip = chart.toolTipAt(QPoint(x, plotArea(chart).center().y()));
            if (event.kind == GroupEventKind::RebalanceCompleted)
                QVERIFY2(tip.contains(QStringLiteral("1:01:40 PM — Rebalance completed (generation 12): 3 partitions moved in 2.4 s")),
                         qPrintable(tip));
            else
                QVERIFY2(tip.contains(QStringLiteral("1:03:20 PM — State Stable → Dead")), qPrintable(tip));
        }
        // The same events again: the markers are kept, not made anew.
        const int items = chart.plot()->itemCount();
        QCPAbstractItem *last = chart.plot()->item(items - 1);
        chart.setEvents({rebalance, state});
        QCOMPARE(chart.plot()->item(items - 1), last);
        chart.setEvents({});
        QCOMPARE(chart.markerCount(), 0);
        QCOMPARE(chart.plot()->itemCount(), items - 2);
    }

    void toolTipSaysExactValuesUnitsAndTime()
    {
        LagChart chart(QStringLiteral("Rates"));
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        const QList<Sample> produce = ramp(60, 1234.5, 0);
        chart.setSeries(QStringLiteral("Produce rate"), produce, LagChart::ValueKind::RateMessagesPerSecond);
        chart.setSeries(QStringLiteral("Consume rate"), ramp(60, 12.25, 0), LagChart::ValueKind::RateMessagesPerSecond);
        render(chart);
        const QString tip = chart.toolTipAt(pixelOf(chart, produce.at(30)) + QPoint(2, 40));
        // Sample 30 is at 12:02:30 UTC, 13:02:30 in Berlin.
        QCOMPARE(tip, QStringLiteral("12/1/26 1:02:30 PM CET\nProduce rate: 1,234.5 msg/s\nConsume rate: 12.25 msg/s"));
        QCOMPARE(chart.toolTipAt(QPoint(1, 1)), QString());   // outside the plot

        LagChart lag(QStringLiteral("Lag"));
        lag.resize(800, 400);
        lag.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lag));
        lag.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        const QList<Sample> lags = ramp(60, 12400, 0);
        lag.setSeries(QStringLiteral("orders-3"), lags, LagChart::ValueKind::LagMessages);
        lag.setSeries(QStringLiteral("Time lag"), ramp(60, 125000, 0), LagChart::ValueKind::TimeLagMs);
        render(lag);
        QVERIFY(lag.plot()->yAxis2->visible());   // the second kind has its own axis
        QCOMPARE(lag.toolTipAt(pixelOf(lag, lags.at(59)) - QPoint(1, 0)),
                 QStringLiteral("12/1/26 1:04:55 PM CET\norders-3: 12,400 msgs\nTime lag: 125,000 ms (2.08 min)"));
    }

    void csvHasTheExactValues()
    {
        LagChart chart(QStringLiteral("Lag"));
        chart.setSeries(QStringLiteral("Total lag"), {{kT0, 100}, {kT0 + 5000, 150}}, LagChart::ValueKind::LagMessages);
        chart.setSeries(QStringLiteral("Rate, \"produce\""), {{kT0 + 5000, 12.5}, {kT0 + 10250, 0.125}},
                        LagChart::ValueKind::RateMessagesPerSecond);
        const QString expected = QStringLiteral("time,Total lag,\"Rate, \"\"produce\"\"\"\n"
                                                "2026-12-01T12:00:00.000Z,100,\n"
                                                "2026-12-01T12:00:05.000Z,150,12.500\n"
                                                "2026-12-01T12:00:10.250Z,,0.125\n");
        QCOMPARE(chart.csv(), expected);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lag.csv"));
        QString error;
        QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), expected);
        // A folder that is not there: a message, and no file.
        const QString bad = dir.filePath(QStringLiteral("missing/lag.csv"));
        QVERIFY(!chart.exportCsv(bad, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
        QVERIFY(!QFile::exists(bad));

        const QString png = dir.filePath(QStringLiteral("lag.png"));
        QVERIFY2(chart.exportPng(png, &error), qPrintable(error));
        QImage saved(png);
        QVERIFY(!saved.isNull());
        QVERIFY(saved.width() >= 640);
    }

    void darkPaletteRendersDarkAndReadable()
    {
        LagChart chart(QStringLiteral("Lag"));   // made in the light palette: it must follow the switch
        chart.resize(800, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        chart.setSeries(QStringLiteral("orders"), ramp(60, 100, 10), LagChart::ValueKind::LagMessages);
        usePalette(darkPalette());
        const QImage image = render(chart);
        const Theme theme(darkPalette());

        const QColor bg = background(image, plotArea(chart));
        QVERIFY2(near(bg, darkPalette().color(QPalette::Base), 2), qPrintable(bg.name()));
        QVERIFY(Theme::relativeLuminance(bg) < 0.05);
        // The series in the dark theme's colour, at graphics contrast.
        const QColor line = chart.seriesColour(QStringLiteral("orders"));
        QCOMPARE(line, theme.series(0));
        QVERIFY(linePixels(chart, image, line) > 40);
        QVERIFY(Theme::contrast(line, bg) >= Theme::kGraphicsContrast);
        // The tick labels under the plot and the title read at text contrast.
        const QRect axisRect = chart.plot()->axisRect()->rect();
        const QRect ticks(axisRect.left(), axisRect.bottom() + 3, axisRect.width(), 14);
        const QRect title = chart.plot()->plotLayout()->element(0, 0)->rect();
        for (const QRect &r : {ticks, title}) {
            const QColor area = background(image, r);
            const QColor text = textPixel(image, r, area);
            QVERIFY2(near(area, bg, 2), qPrintable(area.name()));
            QVERIFY2(Theme::contrast(text, area) >= Theme::kTextContrast,
                     qPrintable(QStringLiteral("%1 on %2").arg(text.name(), area.name())));
        }
    }

    void panelSharesOneWindow()
    {
        LagChartsPanel panel;
        panel.resize(1400, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.timeRange()->setSpan(ChartTimeRange::Span::FifteenMinutes);
        QList<LagPoint> group;
        for (int i = 0; i < 60; ++i)
            group.append({kT0 + i * kStepMs, 1000 + 100 * i, 900 + 80 * i, 100 + 20 * i, -1});
        panel.setGroupSeries(group);
        QList<LagSeriesValues::NamedSeries> partitions;
        for (int p = 0; p < 12; ++p) {
            QList<LagPoint> points;
            for (int i = 0; i < 60; ++i)
                points.append({kT0 + i * kStepMs, -1, -1, qint64(p * 10 + i), -1});
            partitions.append({QStringLiteral("orders-%1").arg(p), points});
        }
        panel.setPartitionSeries(partitions);
        panel.setTopicSeries({{QStringLiteral("orders"), group}});

        QCOMPARE(panel.totalLagChart()->pointCount(panel.totalLagChart()->seriesNames().value(0)), 60);
        QCOMPARE(panel.rateChart()->seriesNames(), (QStringList{LagChartsPanel::produceRateName(), LagChartsPanel::consumeRateName()}));
        QCOMPARE(panel.rateChart()->pointCount(LagChartsPanel::produceRateName()), 59);
        QCOMPARE(panel.timeLagChart()->pointCount(panel.timeLagChart()->seriesNames().value(0)), 60);
        // The 8 furthest behind (orders-11 down to orders-4), then the other 4 summed.
        const QStringList names = panel.partitionChart()->seriesNames();
        QCOMPARE(names.size(), LagChartsPanel::kDefaultTopPartitions + 1);
        QCOMPARE(names.first(), QStringLiteral("orders-11"));
        QCOMPARE(names.last(), QStringLiteral("Others (4 partitions)"));
        QCOMPARE(LagChartsPanel::othersName(1), QStringLiteral("Others (1 partition)"));
        QVERIFY(!names.contains(QStringLiteral("orders-3")));
        panel.setTopPartitions(2);
        QCOMPARE(panel.partitionChart()->seriesNames(),
                 (QStringList{QStringLiteral("orders-11"), QStringLiteral("orders-10"), LagChartsPanel::othersName(10)}));

        // Zooming one chart moves them all; the toolbar says live is off.
        for (LagChart *chart : panel.charts())
            render(*chart);
        sendWheel(panel.totalLagChart()->plot(), panel.totalLagChart()->plot()->axisRect()->rect().center(), 2);
        QVERIFY(!panel.followLiveButton()->isChecked());
        const QCPRange zoomed = panel.totalLagChart()->plot()->xAxis->range();
        QVERIFY(zoomed.size() < 15 * 60);
        for (LagChart *chart : panel.charts())
            QCOMPARE(chart->plot()->xAxis->range(), zoomed);

        // The follow-live button brings the latest sample back, for every chart.
        QTest::mouseClick(panel.followLiveButton(), Qt::LeftButton);
        QVERIFY(panel.timeRange()->followsLive());
        QCOMPARE(panel.timeRange()->toMs(), kT0 + 59 * kStepMs);
        for (LagChart *chart : panel.charts())
            QCOMPARE(chart->plot()->xAxis->range().upper, double(kT0 + 59 * kStepMs) / 1000.0);

        // So does choosing a span, after zooming again.
        sendWheel(panel.rateChart()->plot(), panel.rateChart()->plot()->axisRect()->rect().center(), 1);
        QVERIFY(!panel.timeRange()->followsLive());
        panel.spanChooser()->setFocus();
        QTest::keyClick(panel.spanChooser(), Qt::Key_Down);
        QCOMPARE(panel.timeRange()->span(), ChartTimeRange::Span::OneHour);
        QVERIFY(panel.timeRange()->followsLive());
        QVERIFY(panel.followLiveButton()->isChecked());
        QCOMPARE(panel.timeRange()->toMs() - panel.timeRange()->fromMs(), 3600 * 1000);

        GroupEvent e;
        e.timeMs = kT0 + 30 * kStepMs;
        e.kind = GroupEventKind::RebalanceStarted;
        panel.setEvents({e});
        for (LagChart *chart : panel.charts())
            QCOMPARE(chart->markerCount(), 1);
        keepImage(panel.grab().toImage(), QStringLiteral("-panel"));
    }

    void sparklineBesideTheNumber()
    {
        // Geometry: the lowest value at the bottom, the highest at the top, unknown left out.
        QCOMPARE(LagSparklineDelegate::sparkline({0, -1, 10}, QRectF(0, 0, 10, 10)), (QPolygonF{QPointF(0, 10), QPointF(10, 0)}));
        QVERIFY(LagSparklineDelegate::rising({5, 1, 7}));
        QVERIFY(!LagSparklineDelegate::rising({5, 9, 5}));
        QVERIFY(LagSparklineDelegate::sparkline({3}, QRectF(0, 0, 10, 10)).isEmpty());

        constexpr int role = Qt::UserRole + 7;
        QStandardItemModel model(2, 1);
        model.setData(model.index(0, 0), QStringLiteral("12,400"));
        model.setData(model.index(0, 0), QVariant::fromValue(QList<qint64>{100, 400, 300, 12400}), role);
        model.setData(model.index(1, 0), QStringLiteral("10"));
        model.setData(model.index(1, 0), QVariant::fromValue(QList<qint64>{900, 400, 10}), role);
        QTableView view;
        view.setModel(&model);
        view.setItemDelegateForColumn(0, new LagSparklineDelegate(role, &view));
        view.setColumnWidth(0, 220);
        view.verticalHeader()->setDefaultSectionSize(24);
        view.resize(300, 120);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        const Theme theme(QApplication::palette());
        for (const auto &[row, colour] : {std::pair{0, theme.status(Theme::Status::Warning)}, {1, theme.accent()}}) {
            const QRect cell = view.visualRect(model.index(row, 0));
            const QRect line(cell.left(), cell.top(), LagSparklineDelegate::kSparklineWidth + 8, cell.height());
            QVERIFY2(countBlends(image, colour, QApplication::palette().color(QPalette::Base), line) > 20,
                     qPrintable(QStringLiteral("row %1").arg(row)));
            // The number is drawn right of the line, in the text colour.
            const QRect text(line.right() + 1, cell.top() + 2, cell.width() - line.width() - 2, cell.height() - 4);
            QVERIFY(countPixels(image, QApplication::palette().color(QPalette::Text), text, 40) > 5);
            QCOMPARE(countPixels(image, colour, text, 10), 0);
        }
    }
};

QTEST_MAIN(TestLagChart)
#include "tst_lag_chart.moc"
