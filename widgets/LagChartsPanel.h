// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagSeriesValues.h"
#include "core/rebalance/GroupEvent.h"

#include <QWidget>

class QComboBox;
class QToolButton;

namespace cohort {

class ChartRangeBar;
class ChartTimeRange;
class LagChart;

// A group's lag charts, sharing one time window: total lag, lag per topic,
// lag per partition (the partitions furthest behind, the rest summed),
// produce against consume rate, and time lag; with a toolbar for the span,
// "follow live" and PNG/CSV export of each chart. Fed through its setters
// (the group page feeds it from the session's lag history).
class LagChartsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagChartsPanel)

public:
    static constexpr int kDefaultTopPartitions = 8;

    explicit LagChartsPanel(QWidget *parent = nullptr);
    ~LagChartsPanel() override;

    ChartTimeRange *timeRange() const { return m_range; }

    // The group's own series: total lag, both rates and time lag come from it.
    void setGroupSeries(const QList<LagPoint> &points);
    void setTopicSeries(const QList<LagSeriesValues::NamedSeries> &topics);
    // Every partition ("orders-3"); the chart keeps the top N by lag and sums the rest.
    void setPartitionSeries(const QList<LagSeriesValues::NamedSeries> &partitions);
    void setTopPartitions(int count);
    int topPartitions() const { return m_topPartitions; }
    // Rebalances and state changes, marked on every chart.
    void setEvents(const QList<GroupEvent> &events);

    LagChart *totalLagChart() const { return m_total; }
    LagChart *topicChart() const { return m_topics; }
    LagChart *partitionChart() const { return m_partitions; }
    LagChart *rateChart() const { return m_rates; }
    LagChart *timeLagChart() const { return m_timeLag; }
    QList<LagChart *> charts() const;

    QComboBox *spanChooser() const;
    QToolButton *followLiveButton() const;

    // The series names the charts give the group's rates and "the rest".
    static QString produceRateName();
    static QString consumeRateName();
    static QString othersName(int partitions);

private:
    void exportChart(LagChart *chart, bool png);

    ChartTimeRange *m_range;
    ChartRangeBar *m_rangeBar;
    LagChart *m_total;
    LagChart *m_topics;
    LagChart *m_partitions;
    LagChart *m_rates;
    LagChart *m_timeLag;
    int m_topPartitions = kDefaultTopPartitions;
    QList<LagSeriesValues::NamedSeries> m_partitionSeries;
};

}   // namespace cohort
