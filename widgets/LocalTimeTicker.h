// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/QCustomPlotHeader.h"

#include <QString>

namespace cohort {

// The time axis of Cohort's charts (the lag charts, the rebalance timeline):
// ticks at steps people count in (10 s, 5 min, 1 h, 6 h, a day), on whole
// minutes, hours and days of local time, labelled as precisely as the step
// needs. Keys are seconds since the epoch, as QCustomPlot's date axis counts.
class LocalTimeTicker : public QCPAxisTickerDateTime
{
public:
    LocalTimeTicker();

    // The local zone's name at that time ("CET", or "UTC+01:00" where it has none).
    static QString zoneName(qint64 atMs);

protected:
    double getTickStep(const QCPRange &range) override;
    int getSubTickCount(double tickStep) override;
    QVector<double> createTickVector(double tickStep, const QCPRange &range) override;
};

}   // namespace cohort
