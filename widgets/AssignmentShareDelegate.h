// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/PaddedItemDelegate.h"

namespace cohort {

// Paints an AssignmentTreeModel "Share" cell as a bar: the node's partition
// count against the largest comparable count, with a tick at the fair share
// and a colour for the balance (even, over, under), so an uneven assignment is
// visible at a glance.
class AssignmentShareDelegate : public PaddedItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentShareDelegate)

public:
    explicit AssignmentShareDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}   // namespace cohort
