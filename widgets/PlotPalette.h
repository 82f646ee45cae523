// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/QCustomPlotHeader.h"

namespace cohort {

// The colours every Cohort plot takes from the palette (Theme): background,
// the four axes' pens and labels, the grid without sub-grid or zero line.
// The lag charts and the rebalance timeline call it on every palette change,
// then style what is their own.
namespace PlotPalette {

void apply(QCustomPlot *plot);

}   // namespace PlotPalette
}   // namespace cohort
