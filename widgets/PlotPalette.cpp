// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/PlotPalette.h"

#include "models/Theme.h"

namespace cohort::PlotPalette {

void apply(QCustomPlot *plot)
{
    const Theme &theme = Theme::current();
    const QColor base = theme.palette().color(QPalette::Base);
    const QColor text = theme.palette().color(QPalette::Text);
    plot->setBackground(base);
    plot->axisRect()->setBackground(base);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->xAxis2, plot->yAxis2}) {
        axis->setBasePen(QPen(theme.muted()));
        axis->setTickPen(QPen(theme.muted()));
        axis->setSubTickPen(QPen(theme.muted()));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(theme.grid(), 1));
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->grid()->setSubGridVisible(false);
    }
}

}   // namespace cohort::PlotPalette
