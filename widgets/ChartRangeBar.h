// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QToolButton;

namespace cohort {

class ChartTimeRange;

// The range control of Cohort's charts: the span (15 min … 7 d) and "follow
// live", bound both ways to a ChartTimeRange (not owned), so that every bar
// on one range (the lag charts', the rebalance timeline's) shows the same.
class ChartRangeBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartRangeBar)

public:
    explicit ChartRangeBar(ChartTimeRange *range, QWidget *parent = nullptr);

    QComboBox *spanChooser() const { return m_span; }
    QToolButton *followLiveButton() const { return m_live; }

private:
    ChartTimeRange *m_range;
    QComboBox *m_span;
    QToolButton *m_live;
};

}   // namespace cohort
