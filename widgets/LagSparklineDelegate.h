// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/PaddedItemDelegate.h"

namespace cohort {

// Paints a lag cell as its number with a sparkline of recent lag beside it:
// the values (QList<qint64>, oldest first, -1 unknown) come from the model's
// `valuesRole`; a line rising to its end is drawn in the warning colour, one
// that fell or stayed in the accent colour (Theme), so a growing lag shows
// down a whole column at a glance.
class LagSparklineDelegate : public PaddedItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagSparklineDelegate)

public:
    static constexpr int kSparklineWidth = 64;

    LagSparklineDelegate(int valuesRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The sparkline's points for `values` in `area` (unknown values left
    // out; the lowest value at the bottom, the highest at the top).
    static QPolygonF sparkline(const QList<qint64> &values, const QRectF &area);
    // Whether the line ends higher than it starts (the lag grows).
    static bool rising(const QList<qint64> &values);

private:
    int m_valuesRole;
};

}   // namespace cohort
