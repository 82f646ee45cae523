// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LagSparklineDelegate.h"

#include "models/Theme.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace cohort {

LagSparklineDelegate::LagSparklineDelegate(int valuesRole, QObject *parent)
    : PaddedItemDelegate(parent)
    , m_valuesRole(valuesRole)
{ }

QPolygonF LagSparklineDelegate::sparkline(const QList<qint64> &values, const QRectF &area)
{
    QPolygonF line;
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    for (const qint64 v : values)
        if (v >= 0) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (values.size() < 2 || lo > hi)
        return line;
    const double step = area.width() / double(values.size() - 1);
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (values.at(i) < 0)
            continue;
        // A flat series is drawn along the middle rather than stuck to an edge.
        const double share = hi == lo ? 0.5 : double(values.at(i) - lo) / double(hi - lo);
        line << QPointF(area.left() + step * double(i), area.bottom() - share * area.height());
    }
    return line;
}

bool LagSparklineDelegate::rising(const QList<qint64> &values)
{
    qint64 first = -1;
    qint64 last = -1;
    for (const qint64 v : values)
        if (v >= 0) {
            if (first < 0)
                first = v;
            last = v;
        }
    return last > first;
}

void LagSparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QList<qint64> values = index.data(m_valuesRole).value<QList<qint64>>();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (values.size() < 2 || opt.rect.width() < kSparklineWidth + 40) {
        PaddedItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    // The number right of the line, in the cell's alignment and colour.
    const bool selected = opt.state & QStyle::State_Selected;
    QColor textColour = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (const QVariant fg = index.data(Qt::ForegroundRole); !selected && fg.canConvert<QBrush>())
        textColour = fg.value<QBrush>().color();
    const QRect textRect = opt.rect.adjusted(kSparklineWidth + 12, 0, -4, 0);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(textColour);
    painter->drawText(textRect, int(opt.displayAlignment | Qt::AlignVCenter),
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));

    const Theme &theme = Theme::current();
    const QColor colour = selected         ? opt.palette.color(QPalette::HighlightedText)
                          : rising(values) ? theme.status(Theme::Status::Warning)
                                           : theme.accent();
    const QRectF area = QRectF(opt.rect.left() + 4, opt.rect.top() + 4, kSparklineWidth, opt.rect.height() - 8);
    const QPolygonF line = sparkline(values, area);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(colour, 1.4));
    painter->drawPolyline(line);
    if (!line.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(line.last(), 2.0, 2.0);
    }
    painter->restore();
}

QSize LagSparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = PaddedItemDelegate::sizeHint(option, index);
    s.setWidth(s.width() + kSparklineWidth + 8);
    return s;
}

}   // namespace cohort
