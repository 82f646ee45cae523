// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagSeriesValues.h"
#include "core/rebalance/GroupEvent.h"
#include "widgets/ChartTimeRange.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace cohort {


// One lag chart (a QCustomPlot): named series over a local-time axis whose
// window comes from a ChartTimeRange that other charts may share; wheel zoom
// and drag pan on the time axis (which leave "follow live"), a tooltip with
// the exact values and time under the mouse, a legend whose items hide and
// show their series, vertical markers for group events, PNG and CSV export.
// Series are updated in place: a series that only grew gets its new points
// appended, and drawing waits for the next event-loop turn (no flicker, one
// replot however many series changed). Colours come from Theme only.
class LagChart : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagChart)

public:
    // What a series' values are, and so its unit (lag msgs, rate msg/s, time lag ms).
    enum class ValueKind { LagMessages, RateMessagesPerSecond, TimeLagMs };

    explicit LagChart(const QString &title, QWidget *parent = nullptr);
    ~LagChart() override;

    QString title() const { return m_titleText; }
    // Follows `range` (not owned; null: a range of the chart's own).
    void setTimeRange(ChartTimeRange *range);
    ChartTimeRange *timeRange() const { return m_range; }

    // Adds the series, or replaces its samples (oldest first). The first
    // series' kind has the left axis; a series of another kind the right one.
    void setSeries(const QString &name, const QList<LagSeriesValues::Sample> &samples, ValueKind kind);
    void removeSeries(const QString &name);
    // Removes every series whose name is not in `names` (a top N whose members changed).
    void retainSeries(const QStringList &names);
    QStringList seriesNames() const;
    int pointCount(const QString &name) const;
    QColor seriesColour(const QString &name) const;
    // What clicking its legend item toggles.
    void setSeriesVisible(const QString &name, bool visible);
    bool isSeriesVisible(const QString &name) const;

    // The markers: one vertical line per event (rebalances, state changes).
    void setEvents(const QList<GroupEvent> &events);
    int markerCount() const { return int(m_markers.size()); }
    // The key (seconds since the epoch) of each marker, for tests.
    QList<double> markerKeys() const;

    // What the hover tooltip says at `pos` (plot coordinates): the time, each
    // visible series' value with its unit, and the events marked there.
    QString toolTipAt(const QPoint &pos) const;

    // time (ISO 8601 UTC), then one column per series in order; a cell is
    // empty where its series has no sample at that time.
    QString csv() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportPng(const QString &path, QString *error = nullptr);

    QCustomPlot *plot() const { return m_plot; }

    static QString unit(ValueKind kind);
    // "12,400 msgs", "3.25 msg/s", "1,250 ms"
    static QString formatValue(double value, ValueKind kind);

Q_SIGNALS:
    void seriesVisibilityChanged(const QString &name, bool visible);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Series
    {
        QString name;
        ValueKind kind = ValueKind::LagMessages;
        QCPGraph *graph = nullptr;
        int colour = 0;
    };
    struct Marker
    {
        GroupEvent event;
        QCPItemStraightLine *line = nullptr;
    };

    Series *find(const QString &name);
    const Series *find(const QString &name) const;
    void applyWindow(qint64 fromMs, qint64 toMs);
    void rescaleValues();
    void updateAxes();
    void applyTheme();
    void styleSeries(const Series &s);
    void styleMarker(const Marker &m);
    double lineWidth() const;
    void placeLegend();
    void showToolTip(const QPoint &pos, const QPoint &globalPos);
    void scheduleReplot();

    QString m_titleText;
    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPItemText *m_emptyText;
    QPointer<ChartTimeRange> m_range;
    ChartTimeRange *m_ownRange;
    QList<Series> m_series;
    QList<Marker> m_markers;
    bool m_applyingWindow = false;
    bool m_valuesDirty = true;
    bool m_legendPlaced = false;
};

}   // namespace cohort
