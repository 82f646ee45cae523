// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TopicFilterProxyModel.h"

#include "models/TopicTableModel.h"

namespace cohort {

TopicFilterProxyModel::TopicFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TopicTableModel::SortRole);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
    // A matching group keeps its topic visible; a matching topic shows all its groups.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void TopicFilterProxyModel::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool TopicFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    return sourceModel()->index(sourceRow, TopicTableModel::Name, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive);
}

}   // namespace cohort
