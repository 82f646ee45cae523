// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LagChart.h"

#include "core/rebalance/GroupEventText.h"
#include "core/util/DateTimeText.h"
#include "models/Theme.h"
#include "widgets/PlotPalette.h"
#include "models/ThemeNotifier.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/LocalTimeTicker.h"

#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFontMetrics>
#include <QLocale>
#include <QMap>
#include <QSaveFile>
#include <QTimeZone>
#include <QToolTip>
#include <QVBoxLayout>

#include "widgets/QCustomPlotHeader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace cohort {

namespace {

constexpr double kMsPerKey = 1000.0;   // QCustomPlot's date axis counts seconds
constexpr int kHoverPixels = 8;        // how near the mouse a sample or marker must be
constexpr int kLegendColumns = 4;

double keyOf(qint64 ms)
{
    return double(ms) / kMsPerKey;
}

qint64 msOf(double key)
{
    return qint64(std::llround(key * kMsPerKey));
}

QString compactNumber(double v, const QLocale &locale)
{
    const double a = std::abs(v);
    if (a >= 1e9)
        return locale.toString(v / 1e9, 'g', 3) + QLatin1Char('G');
    if (a >= 1e6)
        return locale.toString(v / 1e6, 'g', 3) + QLatin1Char('M');
    if (a >= 1e4)
        return locale.toString(v / 1e3, 'g', 3) + QLatin1Char('k');
    return locale.toString(v, 'g', 4);
}

QString compactDuration(double ms, const QLocale &locale)
{
    const double a = std::abs(ms);
    if (a < 1000)
        return QCoreApplication::translate("LagChart", "%1 ms").arg(locale.toString(ms, 'g', 3));
    if (a < 60'000)
        return QCoreApplication::translate("LagChart", "%1 s").arg(locale.toString(ms / 1000, 'g', 3));
    if (a < 3'600'000)
        return QCoreApplication::translate("LagChart", "%1 min").arg(locale.toString(ms / 60'000, 'g', 3));
    if (a < 86'400'000)
        return QCoreApplication::translate("LagChart", "%1 h").arg(locale.toString(ms / 3'600'000, 'g', 3));
    return QCoreApplication::translate("LagChart", "%1 d").arg(locale.toString(ms / 86'400'000, 'g', 3));
}

// Value axis labels people read at a glance: 12k msgs, 2.5 min of time lag.
class ValueTicker : public QCPAxisTicker
{
public:
    explicit ValueTicker(LagChart::ValueKind kind)
        : m_kind(kind)
    { }

protected:
    double getTickStep(const QCPRange &range) override
    {
        if (m_kind != LagChart::ValueKind::TimeLagMs)
            return QCPAxisTicker::getTickStep(range);
        // Durations step by whole seconds, minutes, hours (in ms).
        static const double steps[] = {1,   2,    5,   10,  20,  50,   100,  200,  500,   1e3,   2e3,   5e3,   1e4,    15e3,  3e4,
                                       6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5};
        const double wanted = range.size() / std::max(1, tickCount());
        double step = steps[0];
        for (const double candidate : steps)
            if (std::abs(std::log(candidate / wanted)) < std::abs(std::log(step / wanted)))
                step = candidate;
        return step;
    }

    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        const QLocale locale;
        return m_kind == LagChart::ValueKind::TimeLagMs ? compactDuration(tick, locale) : compactNumber(tick, locale);
    }

private:
    LagChart::ValueKind m_kind;
};

QString axisLabel(LagChart::ValueKind kind)
{
    switch (kind) {
    case LagChart::ValueKind::LagMessages: return LagChart::tr("Lag (msgs)");
    case LagChart::ValueKind::RateMessagesPerSecond: return LagChart::tr("Rate (msg/s)");
    case LagChart::ValueKind::TimeLagMs: return LagChart::tr("Time lag");
    }
    return {};
}

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvValue(double v, LagChart::ValueKind kind)
{
    if (kind == LagChart::ValueKind::RateMessagesPerSecond)
        return QString::number(v, 'f', 3);
    return QString::number(qint64(std::llround(v)));
}

}   // namespace

LagChart::LagChart(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_titleText(title)
    , m_plot(new QCustomPlot(this))
    , m_title(new QCPTextElement(m_plot, title))
    , m_emptyText(new QCPItemText(m_plot))
    , m_ownRange(new ChartTimeRange(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(160);

    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_title);

    // The legend under the plot, filling rows of kLegendColumns, so that many
    // partitions never cover the lines.
    m_plot->legend->setVisible(false);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(kLegendColumns);
    m_plot->legend->setIconSize(14, 8);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 2));
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_plot->legend->setFont(legendFont);

    m_plot->xAxis->setTicker(QSharedPointer<LocalTimeTicker>::create());
    m_plot->yAxis->setTicker(QSharedPointer<ValueTicker>::create(ValueKind::LagMessages));
    m_plot->yAxis->setLabel(axisLabel(ValueKind::LagMessages));

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDragAxes(m_plot->xAxis, nullptr);
    m_plot->axisRect()->setRangeZoomAxes(m_plot->xAxis, nullptr);
    // Straight polylines are drawn much faster (100 series stay under 10 ms).
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->setNoAntialiasingOnDrag(true);

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &r) {
        updateAxes();
        if (!m_applyingWindow && m_range)
            m_range->setUserWindow(msOf(r.lower), msOf(r.upper));
    });
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        if (m_valuesDirty)
            rescaleValues();
        placeLegend();
        // As many value ticks as fit with a line of air between their labels: a
        // short chart ("60 毫秒" over "55 毫秒"…) would otherwise stack them.
        for (QCPAxis *axis : {m_plot->yAxis, m_plot->yAxis2}) {
            const int lineHeight = QFontMetrics(axis->tickLabelFont()).height();
            axis->ticker()->setTickCount(std::clamp(m_plot->axisRect()->height() / std::max(1, 3 * lineHeight), 2, 5));
        }
        m_emptyText->setVisible(
            std::all_of(m_series.cbegin(), m_series.cend(), [](const Series &s) { return s.graph->data()->isEmpty(); }));
    });
    connect(m_plot, &QCustomPlot::legendClick, this, [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
        auto *pli = qobject_cast<QCPPlottableLegendItem *>(item);
        if (!pli)
            return;
        for (const Series &s : std::as_const(m_series))
            if (s.graph == pli->plottable()) {
                setSeriesVisible(s.name, !s.graph->visible());
                return;
            }
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() == Qt::NoButton)
            showToolTip(event->position().toPoint(), event->globalPosition().toPoint());
    });

    // Said in the plot until the first sample, so that an empty chart never reads as "no lag".
    m_emptyText->setText(tr("No samples yet"));
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setPositionAlignment(Qt::AlignCenter);
    m_emptyText->setClipToAxisRect(true);

    setTimeRange(nullptr);
    ThemeNotifier::restyleOnChange(this, [this] { applyTheme(); });
}

LagChart::~LagChart()
{
    // The plot deletes the legend with its layout: give it back if it was taken out.
    if (!m_legendPlaced)
        m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, m_plot->legend);
}

void LagChart::setTimeRange(ChartTimeRange *range)
{
    if (m_range)
        disconnect(m_range, nullptr, this, nullptr);
    m_range = range ? range : m_ownRange;
    connect(m_range, &ChartTimeRange::windowChanged, this, &LagChart::applyWindow);
    applyWindow(m_range->fromMs(), m_range->toMs());
}

LagChart::Series *LagChart::find(const QString &name)
{
    for (Series &s : m_series)
        if (s.name == name)
            return &s;
    return nullptr;
}

const LagChart::Series *LagChart::find(const QString &name) const
{
    return const_cast<LagChart *>(this)->find(name);
}

void LagChart::setSeries(const QString &name, const QList<LagSeriesValues::Sample> &samples, ValueKind kind)
{
    Series *s = find(name);
    if (!s) {
        // The first colour no other series has, so that a series keeps its colour while others come and go.
        auto taken = [this](int colour) {
            return std::any_of(m_series.cbegin(), m_series.cend(), [colour](const Series &other) { return other.colour == colour; });
        };
        int colour = 0;
        while (colour < Theme::seriesCount() && taken(colour))
            ++colour;
        if (colour == Theme::seriesCount())
            colour = int(m_series.size()) % Theme::seriesCount();
        const bool primary = m_series.isEmpty() || m_series.first().kind == kind;
        if (m_series.isEmpty()) {
            m_plot->yAxis->setTicker(QSharedPointer<ValueTicker>::create(kind));
            m_plot->yAxis->setLabel(axisLabel(kind));
        } else if (!primary) {
            m_plot->yAxis2->setVisible(true);
            m_plot->yAxis2->setTicker(QSharedPointer<ValueTicker>::create(kind));
            m_plot->yAxis2->setLabel(axisLabel(kind));
        }
        const double widthBefore = lineWidth();
        m_series.append({name, kind, m_plot->addGraph(m_plot->xAxis, primary ? m_plot->yAxis : m_plot->yAxis2), colour});
        s = &m_series.last();
        s->graph->setName(name);
        if (lineWidth() != widthBefore) {
            for (const Series &other : std::as_const(m_series))
                styleSeries(other);
        } else {
            styleSeries(*s);
        }
    }
    s->kind = kind;

    // Reuse the stored points when they are what `samples` starts with (after
    // the oldest ones the history dropped): append only the new ones.
    const QSharedPointer<QCPGraphDataContainer> data = s->graph->data();
    qsizetype firstNew = -1;
    if (!data->isEmpty() && !samples.isEmpty()) {
        const QCPGraphData last = *(data->constEnd() - 1);
        const qint64 lastMs = msOf(last.key);
        const auto after = std::upper_bound(samples.cbegin(), samples.cend(), lastMs,
                                            [](qint64 ms, const LagSeriesValues::Sample &x) { return ms < x.timeMs; });
        const qsizetype kept = after - samples.cbegin();
        if (kept > 0 && samples.at(kept - 1).timeMs == lastMs && samples.at(kept - 1).value == last.value) {
            data->removeBefore(keyOf(samples.first().timeMs));
            if (data->size() == kept && msOf(data->constBegin()->key) == samples.first().timeMs)
                firstNew = kept;
        }
    }
    if (firstNew >= 0) {
        if (firstNew < samples.size()) {
            QVector<QCPGraphData> added;
            added.reserve(samples.size() - firstNew);
            for (qsizetype i = firstNew; i < samples.size(); ++i)
                added.append(QCPGraphData(keyOf(samples.at(i).timeMs), samples.at(i).value));
            data->add(added, true);
        }
    } else {
        QVector<QCPGraphData> all;
        all.reserve(samples.size());
        for (const LagSeriesValues::Sample &x : samples)
            all.append(QCPGraphData(keyOf(x.timeMs), x.value));
        data->set(all, true);
    }
    // A line needs two points: a lone sample (the first refresh) is a dot.
    const bool lone = data->size() == 1;
    if (lone != (s->graph->scatterStyle().shape() == QCPScatterStyle::ssDisc))
        s->graph->setScatterStyle(lone ? QCPScatterStyle(QCPScatterStyle::ssDisc, 6) : QCPScatterStyle());
    if (!samples.isEmpty())
        m_range->noteSample(samples.last().timeMs);
    m_valuesDirty = true;
    scheduleReplot();
}

void LagChart::removeSeries(const QString &name)
{
    for (qsizetype i = 0; i < m_series.size(); ++i)
        if (m_series.at(i).name == name) {
            m_plot->removeGraph(m_series.at(i).graph);
            m_series.removeAt(i);
            m_valuesDirty = true;
            scheduleReplot();
            return;
        }
}

void LagChart::retainSeries(const QStringList &names)
{
    for (const QString &name : seriesNames())
        if (!names.contains(name))
            removeSeries(name);
}

QStringList LagChart::seriesNames() const
{
    QStringList names;
    for (const Series &s : m_series)
        names << s.name;
    return names;
}

int LagChart::pointCount(const QString &name) const
{
    const Series *s = find(name);
    return s ? s->graph->dataCount() : -1;
}

QColor LagChart::seriesColour(const QString &name) const
{
    const Series *s = find(name);
    return s ? s->graph->pen().color() : QColor();
}

void LagChart::setSeriesVisible(const QString &name, bool visible)
{
    Series *s = find(name);
    if (!s || s->graph->visible() == visible)
        return;
    s->graph->setVisible(visible);
    styleSeries(*s);
    m_valuesDirty = true;
    scheduleReplot();
    Q_EMIT seriesVisibilityChanged(name, visible);
}

bool LagChart::isSeriesVisible(const QString &name) const
{
    const Series *s = find(name);
    return s && s->graph->visible();
}

void LagChart::setEvents(const QList<GroupEvent> &events)
{
    bool same = events.size() == m_markers.size();
    for (qsizetype i = 0; same && i < events.size(); ++i)
        same = events.at(i) == m_markers.at(i).event;
    if (same)
        return;
    for (const Marker &m : std::as_const(m_markers))
        m_plot->removeItem(m.line);
    m_markers.clear();
    for (const GroupEvent &e : events) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setSelectable(false);
        line->setAntialiased(false);   // a crisp one-pixel dashed line
        line->point1->setCoords(keyOf(e.timeMs), 0);
        line->point2->setCoords(keyOf(e.timeMs), 1);
        m_markers.append({e, line});
        styleMarker(m_markers.last());
    }
    scheduleReplot();
}

QList<double> LagChart::markerKeys() const
{
    QList<double> keys;
    for (const Marker &m : m_markers)
        keys << m.line->point1->key();
    return keys;
}

void LagChart::applyWindow(qint64 fromMs, qint64 toMs)
{
    m_applyingWindow = true;
    m_plot->xAxis->setRange(keyOf(fromMs), keyOf(toMs));
    m_applyingWindow = false;
    m_valuesDirty = true;
    scheduleReplot();
}

void LagChart::updateAxes()
{
    m_plot->xAxis->setLabel(tr("Time (%1)").arg(LocalTimeTicker::zoneName(msOf(m_plot->xAxis->range().upper))));
}

void LagChart::rescaleValues()
{
    m_valuesDirty = false;
    const QCPRange keys = m_plot->xAxis->range();
    for (QCPAxis *axis : {m_plot->yAxis, m_plot->yAxis2}) {
        bool any = false;
        QCPRange values(0, 0);
        for (const Series &s : std::as_const(m_series)) {
            if (!s.graph->visible() || s.graph->valueAxis() != axis)
                continue;
            bool found = false;
            const QCPRange r = s.graph->getValueRange(found, QCP::sdBoth, keys);
            if (!found)
                continue;
            values.expand(r);
            any = true;
        }
        // Lag, rates and time lag are never negative: the axis starts at 0
        // and leaves a tenth of headroom above the highest value.
        const double upper = any && values.upper > 0 ? values.upper * 1.1 : 1.0;
        axis->setRange(std::min(0.0, values.lower), upper);
    }
}

void LagChart::scheduleReplot()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LagChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        QFont f = font();
        f.setBold(true);
        m_title->setFont(f);
    }
}

void LagChart::applyTheme()
{
    const Theme &theme = Theme::current();
    const QPalette &palette = theme.palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    PlotPalette::apply(m_plot);
    m_plot->yAxis2->grid()->setVisible(false);
    m_title->setTextColor(text);
    m_emptyText->setColor(theme.muted());
    m_plot->legend->setBrush(base);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(text);
    for (const Series &s : std::as_const(m_series))
        styleSeries(s);
    for (const Marker &m : std::as_const(m_markers))
        styleMarker(m);
    scheduleReplot();
}

void LagChart::styleSeries(const Series &s)
{
    const Theme &theme = Theme::current();
    s.graph->setPen(QPen(theme.series(s.colour), lineWidth()));
    s.graph->setLineStyle(QCPGraph::lsLine);
    // A hidden series' legend item is greyed out: click it again to show it.
    if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(s.graph))
        item->setTextColor(s.graph->visible() ? theme.palette().color(QPalette::Text) : theme.muted());
}

void LagChart::placeLegend()
{
    // An empty legend would squeeze the plot's column to nothing (its
    // largest size is that of no items): it is in the layout only with items.
    const bool wanted = m_plot->legend->itemCount() > 0;
    if (wanted == m_legendPlaced)
        return;
    m_legendPlaced = wanted;
    QCPLayoutGrid *layout = m_plot->plotLayout();
    m_plot->legend->setVisible(wanted);
    if (wanted) {
        layout->addElement(2, 0, m_plot->legend);
        layout->setRowStretchFactor(2, 0.001);
    } else {
        layout->take(m_plot->legend);
        layout->simplify();
    }
}

double LagChart::lineWidth() const
{
    // Thin lines once the colours repeat: a hairline draws several times
    // faster (100 series x 720 points in under 10 ms) and crowded lines read
    // better thin.
    return m_series.size() > Theme::seriesCount() ? 1.0 : 1.5;
}

void LagChart::styleMarker(const Marker &m)
{
    m.line->setPen(QPen(Theme::current().groupEvent(m.event), 1, Qt::DashLine));
}

QString LagChart::toolTipAt(const QPoint &pos) const
{
    if (!m_plot->axisRect()->rect().contains(pos))
        return {};
    const double x = pos.x();
    // The sample nearest the mouse across the visible series sets the time.
    std::optional<double> bestKey;
    double bestDistance = kHoverPixels + 0.5;
    for (const Series &s : m_series) {
        if (!s.graph->visible() || s.graph->data()->isEmpty())
            continue;
        const auto data = s.graph->data();
        auto it = data->findBegin(m_plot->xAxis->pixelToCoord(x), false);
        for (auto candidate : {it, it == data->constBegin() ? it : it - 1}) {
            if (candidate == data->constEnd())
                continue;
            const double d = std::abs(m_plot->xAxis->coordToPixel(candidate->key) - x);
            if (d < bestDistance) {
                bestDistance = d;
                bestKey = candidate->key;
            }
        }
    }
    QStringList lines;
    const QLocale locale;
    if (bestKey) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(msOf(*bestKey));
        lines << DateTimeText::dateTime(at, locale) + QLatin1Char(' ') + LocalTimeTicker::zoneName(msOf(*bestKey));
        for (const Series &s : m_series) {
            if (!s.graph->visible())
                continue;
            const auto data = s.graph->data();
            auto it = data->findBegin(*bestKey, false);
            if (it != data->constEnd() && it->key == *bestKey)
                lines << tr("%1: %2").arg(s.name, formatValue(it->value, s.kind));
        }
    }
    for (const Marker &m : m_markers) {
        if (std::abs(m_plot->xAxis->coordToPixel(m.line->point1->key()) - x) > kHoverPixels)
            continue;
        if (!lines.isEmpty())
            lines << QString();
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(m.event.timeMs);
        lines << DateTimeText::time(at, locale) + QStringLiteral(" — ") + GroupEventText::describe(m.event);
    }
    return lines.join(QLatin1Char('\n'));
}

void LagChart::showToolTip(const QPoint &pos, const QPoint &globalPos)
{
    const QString text = toolTipAt(pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, text, m_plot);
}

QString LagChart::csv() const
{
    QStringList header{QStringLiteral("time")};
    QMap<qint64, QList<std::optional<double>>> rows;
    for (qsizetype c = 0; c < m_series.size(); ++c) {
        header << csvField(m_series.at(c).name);
        const auto data = m_series.at(c).graph->data();
        for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
            auto &row = rows[msOf(it->key)];
            row.resize(m_series.size());
            row[c] = it->value;
        }
    }
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        QStringList fields{QDateTime::fromMSecsSinceEpoch(it.key()).toUTC().toString(Qt::ISODateWithMs)};
        for (qsizetype c = 0; c < m_series.size(); ++c) {
            const std::optional<double> v = c < it.value().size() ? it.value().at(c) : std::nullopt;
            fields << (v ? csvValue(*v, m_series.at(c).kind) : QString());
        }
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

bool LagChart::exportCsv(const QString &path, QString *error) const
{
    // Written whole or not at all: a failed export never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(csv().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2. Choose a folder you can write to.").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool LagChart::exportPng(const QString &path, QString *error)
{
    if (!m_plot->savePng(path, std::max(640, m_plot->width()), std::max(320, m_plot->height()))) {
        if (error)
            *error = tr("Cannot write %1. Choose a folder you can write to.").arg(path);
        return false;
    }
    return true;
}

QString LagChart::unit(ValueKind kind)
{
    switch (kind) {
    case ValueKind::LagMessages: return tr("msgs");
    case ValueKind::RateMessagesPerSecond: return tr("msg/s");
    case ValueKind::TimeLagMs: return tr("ms");
    }
    return {};
}

QString LagChart::formatValue(double value, ValueKind kind)
{
    const QLocale locale;
    switch (kind) {
    case ValueKind::LagMessages: return tr("%1 msgs").arg(locale.toString(qint64(std::llround(value))));
    case ValueKind::RateMessagesPerSecond: return tr("%1 msg/s").arg(locale.toString(value, 'f', std::abs(value) < 100 ? 2 : 1));
    case ValueKind::TimeLagMs: {
        const QString ms = tr("%1 ms").arg(locale.toString(qint64(std::llround(value))));
        return std::abs(value) < 1000 ? ms : tr("%1 (%2)").arg(ms, compactDuration(value, locale));
    }
    }
    return {};
}

}   // namespace cohort
