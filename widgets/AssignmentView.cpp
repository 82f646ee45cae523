// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/AssignmentView.h"

#include "models/AssignmentTreeModel.h"
#include "widgets/AssignmentShareDelegate.h"
#include "widgets/PaddedItemDelegate.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace cohort {

AssignmentView::AssignmentView(QWidget *parent)
    : QTreeView(parent)
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSortRole(AssignmentTreeModel::SortRole);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setDynamicSortFilter(true);
    setModel(m_proxy);
    setItemDelegate(new PaddedItemDelegate(this));
    setItemDelegateForColumn(AssignmentTreeModel::Share, new AssignmentShareDelegate(this));
    setSortingEnabled(true);
    sortByColumn(AssignmentTreeModel::Name, Qt::AscendingOrder);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    header()->setStretchLastSection(false);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AssignmentView::expandNewMembers);
}

void AssignmentView::setAssignmentModel(AssignmentTreeModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    // Sections exist only once the model gives the columns.
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setSectionResizeMode(AssignmentTreeModel::Share, QHeaderView::Stretch);
    setColumnWidth(AssignmentTreeModel::Name, 210);
    setColumnWidth(AssignmentTreeModel::Partitions, 75);
    setColumnWidth(AssignmentTreeModel::Lag, 90);
    header()->moveSection(header()->visualIndex(AssignmentTreeModel::Lag), AssignmentTreeModel::Share);
    expandNewMembers({}, 0, m_proxy->rowCount() - 1);
}

void AssignmentView::expandNewMembers(const QModelIndex &parent, int first, int last)
{
    // New members show their topics; partitions stay folded (a member may own hundreds).
    if (parent.isValid())
        return;
    for (int r = first; r <= last; ++r)
        expand(m_proxy->index(r, 0));
}

}   // namespace cohort
