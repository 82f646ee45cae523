// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace cohort {

// A plain item delegate whose rows are at least as tall as the tables' rows
// (22 px), so trees and tables on one page line up and read alike.
class PaddedItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaddedItemDelegate)

public:
    static constexpr int kMinimumRowHeight = 22;

    explicit PaddedItemDelegate(QObject *parent = nullptr);
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}   // namespace cohort
