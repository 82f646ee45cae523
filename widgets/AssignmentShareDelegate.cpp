// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/AssignmentShareDelegate.h"

#include "models/AssignmentTreeModel.h"
#include "models/Theme.h"

#include <QApplication>
#include <QPainter>

namespace cohort {

AssignmentShareDelegate::AssignmentShareDelegate(QObject *parent)
    : PaddedItemDelegate(parent)
{ }

void AssignmentShareDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant fair = index.data(AssignmentTreeModel::FairShareRole);
    if (!fair.isValid()) {
        PaddedItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const int count = index.data(AssignmentTreeModel::CountRole).toInt();
    const double share = fair.toDouble();
    const int scale = std::max(1, index.data(AssignmentTreeModel::ScaleRole).toInt());
    const auto balance = AssignmentTreeModel::Balance(index.data(AssignmentTreeModel::BalanceRole).toInt());

    const QRect area = opt.rect.adjusted(4, 5, -4, -5);
    // The text keeps a slot on the right wide enough for typical counts, so the
    // bars of sibling rows line up (the sample is only measured, never shown).
    const int textWidth
        = std::max(opt.fontMetrics.horizontalAdvance(text), opt.fontMetrics.horizontalAdvance(QStringLiteral("888 of fair 88.8"))) + 10;
    QRect bar = area;
    bar.setRight(std::max(area.left() + 24, area.right() - textWidth));

    // Over its share is a warning, owning nothing an error, fewer than its share only of note.
    const Theme &theme = Theme::current();
    QColor fill;
    if (balance == AssignmentTreeModel::Over)
        fill = theme.status(Theme::Status::Warning);
    else if (balance == AssignmentTreeModel::Under)
        fill = count == 0 ? theme.status(Theme::Status::Error) : theme.accent();
    else
        fill = theme.status(Theme::Status::Ok);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme.track());
    painter->drawRect(bar);
    QRect filled = bar;
    filled.setWidth(int(double(bar.width()) * count / scale + 0.5));
    painter->setBrush(fill);
    if (filled.width() > 0)
        painter->drawRect(filled);
    // The fair share as a tick across the bar: where an even split would end.
    const int tick = bar.left() + int(double(bar.width()) * share / scale + 0.5);
    painter->setPen(QPen(opt.palette.color(QPalette::Text), 2));
    painter->drawLine(tick, bar.top() - 1, tick, bar.bottom() + 1);

    painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText) : opt.palette.color(QPalette::Text));
    painter->setFont(opt.font);
    painter->drawText(QRect(bar.right() + 6, area.top(), area.right() - bar.right() - 6, area.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      text);
    painter->restore();
}

QSize AssignmentShareDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = PaddedItemDelegate::sizeHint(option, index);
    s.setWidth(s.width() + 80);   // room for the bar next to the text
    return s;
}

}   // namespace cohort
