// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/PaddedItemDelegate.h"

namespace cohort {

PaddedItemDelegate::PaddedItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QSize PaddedItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    s.setHeight(std::max(s.height(), kMinimumRowHeight));
    return s;
}

}   // namespace cohort
