// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/RebalanceTimeline.h"

#include "core/lag/LagAssessor.h"
#include "core/rebalance/GroupEventText.h"
#include "core/util/DateTimeText.h"
#include "models/Theme.h"
#include "widgets/PlotPalette.h"
#include "models/ThemeNotifier.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/LocalTimeTicker.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>

#include "widgets/QCustomPlotHeader.h"

#include <cmath>

namespace cohort {

namespace {

constexpr double kMsPerKey = 1000.0;   // QCustomPlot's date axis counts seconds
constexpr int kHoverPixels = 8;        // how near the mouse a marker must be
constexpr double kBarHalfHeight = 0.34;
constexpr int kLanePixels = 26;
const QString kMarkerLayer = QStringLiteral("markers");

double keyOf(qint64 ms)
{
    return double(ms) / kMsPerKey;
}

qint64 msOf(double key)
{
    return qint64(std::llround(key * kMsPerKey));
}

// The y of lane i: the state row is 0, the members 1, 2, ... downwards.
double laneY(int lane)
{
    return lane + 1;
}

bool shadesLanes(GroupState state)
{
    return state != GroupState::Stable && state != GroupState::Empty && state != GroupState::Unknown;
}

QColor tinted(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

}   // namespace

RebalanceTimeline::RebalanceTimeline(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_emptyText(new QCPItemText(m_plot))
    , m_ownRange(new ChartTimeRange(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(140);

    m_plot->addLayer(kMarkerLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->xAxis->setTicker(QSharedPointer<LocalTimeTicker>::create());
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 0);
    m_plot->yAxis->grid()->setVisible(false);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->axisRect()->setRangeDragAxes(m_plot->xAxis, nullptr);
    m_plot->axisRect()->setRangeZoomAxes(m_plot->xAxis, nullptr);
    m_plot->setNoAntialiasingOnDrag(true);

    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &r) {
        m_plot->xAxis->setLabel(tr("Time (%1)").arg(LocalTimeTicker::zoneName(msOf(r.upper))));
        if (!m_applyingWindow && m_range)
            m_range->setUserWindow(msOf(r.lower), msOf(r.upper));
    });
    connect(m_plot, &QCustomPlot::beforeReplot, this, &RebalanceTimeline::placeLabels);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (event->buttons() == Qt::NoButton)
            showToolTip(event->position().toPoint(), event->globalPosition().toPoint());
    });

    // Said in the plot until something is known, so that an empty timeline never reads as "nothing happened".
    m_emptyText->setText(tr("No members or events yet: the group is watched while its page is open"));
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setPositionAlignment(Qt::AlignCenter);
    m_emptyText->setClipToAxisRect(true);

    rebuild();
    setTimeRange(nullptr);
    ThemeNotifier::restyleOnChange(this, [this] { applyTheme(); });
}

RebalanceTimeline::~RebalanceTimeline() = default;

void RebalanceTimeline::setTimeRange(ChartTimeRange *range)
{
    if (m_range)
        disconnect(m_range, nullptr, this, nullptr);
    m_range = range ? range : m_ownRange;
    connect(m_range, &ChartTimeRange::windowChanged, this, &RebalanceTimeline::applyWindow);
    applyWindow(m_range->fromMs(), m_range->toMs());
}

void RebalanceTimeline::applyWindow(qint64 fromMs, qint64 toMs)
{
    m_applyingWindow = true;
    m_plot->xAxis->setRange(keyOf(fromMs), keyOf(toMs));
    m_applyingWindow = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString RebalanceTimeline::laneLabel(const OwnershipTimeline::Lane &lane)
{
    if (!lane.groupInstanceId.isEmpty())
        return lane.groupInstanceId;
    // librdkafka's and the Java client's member ids are the client id, a
    // dash and a UUID: the client id and the UUID's start tell lanes apart.
    QString rest = lane.memberId;
    if (!lane.clientId.isEmpty() && rest.startsWith(QString(lane.clientId + QLatin1Char('-'))))
        rest = rest.mid(lane.clientId.size() + 1);
    const QString tag = rest.left(6);
    if (lane.clientId.isEmpty())
        return tag.isEmpty() ? lane.key : tag;
    return tag.isEmpty() ? lane.clientId : tr("%1 (%2…)").arg(lane.clientId, tag);
}

QStringList RebalanceTimeline::laneLabels() const
{
    QStringList labels;
    for (const OwnershipTimeline::Lane &lane : m_timeline.lanes)
        labels << laneLabel(lane);
    return labels;
}

void RebalanceTimeline::setTimeline(const OwnershipTimeline &timeline)
{
    if (timeline.lanes == m_timeline.lanes && timeline.bands == m_timeline.bands)
        return;
    m_timeline = timeline;
    rebuild();
}

void RebalanceTimeline::rebuild()
{
    for (const Bar &b : std::as_const(m_bars)) {
        m_plot->removeItem(b.rect);
        m_plot->removeItem(b.text);
    }
    for (const Band &b : std::as_const(m_bands)) {
        m_plot->removeItem(b.rect);
        m_plot->removeItem(b.text);
        if (b.shade)
            m_plot->removeItem(b.shade);
    }
    m_bars.clear();
    m_bands.clear();

    const int lanes = laneCount();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTick(0, tr("Group state"));
    for (int i = 0; i < lanes; ++i)
        ticker->addTick(laneY(i), laneLabel(m_timeline.lanes.at(i)));
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, laneY(lanes - 1) + 0.6);
    setMinimumHeight(std::max(140, 70 + (lanes + 1) * kLanePixels));

    for (const OwnershipTimeline::StateBand &sb : m_timeline.bands) {
        Band band{sb, new QCPItemRect(m_plot), nullptr, new QCPItemText(m_plot)};
        band.rect->topLeft->setCoords(keyOf(sb.fromMs), -kBarHalfHeight);
        band.rect->bottomRight->setCoords(keyOf(sb.toMs), kBarHalfHeight);
        if (shadesLanes(sb.state) && lanes > 0) {
            band.shade = new QCPItemRect(m_plot);
            band.shade->setLayer(QStringLiteral("grid"));
            band.shade->topLeft->setCoords(keyOf(sb.fromMs), 0.5);
            band.shade->bottomRight->setCoords(keyOf(sb.toMs), laneY(lanes - 1) + 0.5);
            band.shade->setSelectable(false);
        }
        band.text->setText(groupStateToString(sb.state));
        m_bands.append(band);
    }
    for (int i = 0; i < lanes; ++i)
        for (const OwnershipTimeline::Span &span : m_timeline.lanes.at(i).spans) {
            Bar bar{i, span, new QCPItemRect(m_plot), new QCPItemText(m_plot)};
            bar.rect->topLeft->setCoords(keyOf(span.fromMs), laneY(i) - kBarHalfHeight);
            bar.rect->bottomRight->setCoords(keyOf(span.toMs), laneY(i) + kBarHalfHeight);
            bar.text->setText(OwnershipTimeline::partitionsText(span.partitions));
            m_bars.append(bar);
        }
    for (QCPItemText *text : [this] {
             QList<QCPItemText *> all;
             for (const Band &b : std::as_const(m_bands))
                 all << b.text;
             for (const Bar &b : std::as_const(m_bars))
                 all << b.text;
             return all;
         }()) {
        text->position->setType(QCPItemPosition::ptPlotCoords);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(4, 0, 4, 0));
        text->setClipToAxisRect(true);
        text->setSelectable(false);
    }
    styleAll();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RebalanceTimeline::setEvents(const QList<GroupEvent> &events)
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
        line->setLayer(kMarkerLayer);
        line->setSelectable(false);
        line->setAntialiased(false);   // a crisp one-pixel dashed line
        line->point1->setCoords(keyOf(e.timeMs), 0);
        line->point2->setCoords(keyOf(e.timeMs), 1);
        m_markers.append({e, line});
    }
    styleAll();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<double> RebalanceTimeline::markerKeys() const
{
    QList<double> keys;
    for (const Marker &m : m_markers)
        keys << m.line->point1->key();
    return keys;
}

void RebalanceTimeline::placeLabels()
{
    m_emptyText->setVisible(m_timeline.lanes.isEmpty() && m_timeline.bands.isEmpty() && m_markers.isEmpty());
    // A label goes at the start of the bar's visible part, and only where it fits.
    const QCPRange keys = m_plot->xAxis->range();
    auto place = [&](QCPItemText *text, qint64 fromMs, qint64 toMs, double y) {
        const double from = std::max(keyOf(fromMs), keys.lower);
        const double to = std::min(keyOf(toMs), keys.upper);
        const double width = m_plot->xAxis->coordToPixel(to) - m_plot->xAxis->coordToPixel(from);
        const int needed = QFontMetrics(text->font()).horizontalAdvance(text->text()) + 8;
        text->setVisible(to > from && width >= needed);
        text->position->setCoords(from, y);
    };
    for (const Bar &b : std::as_const(m_bars))
        place(b.text, b.span.fromMs, b.span.toMs, laneY(b.lane));
    for (const Band &b : std::as_const(m_bands))
        place(b.text, b.band.fromMs, b.band.toMs, 0);
}

void RebalanceTimeline::applyTheme()
{
    const Theme &theme = Theme::current();
    PlotPalette::apply(m_plot);
    m_plot->yAxis->grid()->setVisible(false);
    m_emptyText->setColor(theme.muted());
    styleAll();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RebalanceTimeline::styleAll()
{
    const Theme &theme = Theme::current();
    const QColor text = theme.palette().color(QPalette::Text);
    // Fills are the hues tinted over Base, and the labels the palette's
    // text colour on them: readable on light and dark palettes alike.
    for (const Bar &b : std::as_const(m_bars)) {
        const QColor hue = theme.series(b.lane);
        b.rect->setPen(QPen(hue, 1));
        b.rect->setBrush(tinted(hue, 70));
        b.text->setColor(text);
    }
    for (const Band &b : std::as_const(m_bands)) {
        const QColor hue = theme.groupState(b.band.state);
        b.rect->setPen(QPen(hue, 1));
        b.rect->setBrush(tinted(hue, 90));
        b.text->setColor(text);
        if (b.shade) {
            b.shade->setPen(Qt::NoPen);
            b.shade->setBrush(tinted(hue, 40));
        }
    }
    for (const Marker &m : std::as_const(m_markers))
        m.line->setPen(QPen(theme.groupEvent(m.event), 1, Qt::DashLine));
}

QString RebalanceTimeline::spanText(qint64 fromMs, qint64 toMs) const
{
    // A bar still open may be drawn a little past now: its text ends now.
    toMs = std::min(toMs, QDateTime::currentMSecsSinceEpoch());
    const QLocale locale;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toMs);
    const QString toText = from.date() == to.date() ? DateTimeText::time(to, locale) : DateTimeText::dateTime(to, locale);
    return tr("%1 – %2 %3 (%4)")
        .arg(DateTimeText::dateTime(from, locale), toText, LocalTimeTicker::zoneName(toMs),
             LagAssessor::duration(toMs - fromMs));
}

QString RebalanceTimeline::toolTipAt(const QPoint &pos) const
{
    if (!m_plot->axisRect()->rect().contains(pos))
        return {};
    const double x = pos.x();
    QStringList lines;
    const QLocale locale;
    for (const Marker &m : m_markers) {
        if (std::abs(m_plot->xAxis->coordToPixel(m.line->point1->key()) - x) > kHoverPixels)
            continue;
        if (!lines.isEmpty())
            lines << QString();
        lines << DateTimeText::time(QDateTime::fromMSecsSinceEpoch(m.event.timeMs), locale) + QStringLiteral(" — ")
                     + GroupEventText::describe(m.event);
    }
    if (!lines.isEmpty())
        return lines.join(QLatin1Char('\n'));
    const qint64 atMs = msOf(m_plot->xAxis->pixelToCoord(x));
    const double y = m_plot->yAxis->pixelToCoord(pos.y());
    for (const Bar &b : m_bars)
        if (std::abs(y - laneY(b.lane)) <= kBarHalfHeight && atMs >= b.span.fromMs && atMs <= b.span.toMs)
            return tr("%1 owned %n partition(s): %2", nullptr, int(b.span.partitions.size()))
                       .arg(laneLabel(m_timeline.lanes.at(b.lane)), OwnershipTimeline::partitionsText(b.span.partitions))
                   + QLatin1Char('\n') + spanText(b.span.fromMs, b.span.toMs);
    for (const Band &b : m_bands)
        if (std::abs(y) <= kBarHalfHeight && atMs >= b.band.fromMs && atMs <= b.band.toMs)
            return tr("The group was %1").arg(groupStateToString(b.band.state)) + QLatin1Char('\n') + spanText(b.band.fromMs, b.band.toMs);
    return {};
}

void RebalanceTimeline::showToolTip(const QPoint &pos, const QPoint &globalPos)
{
    const QString text = toolTipAt(pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(globalPos, text, m_plot);
}

}   // namespace cohort
