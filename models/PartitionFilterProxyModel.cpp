// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/PartitionFilterProxyModel.h"

#include "models/PartitionTableModel.h"

namespace cohort {

PartitionFilterProxyModel::PartitionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // SortRole carries numbers as numbers, so the default comparison sorts 10 after 9.
    setSortRole(PartitionTableModel::SortRole);
    setSortLocaleAware(true);
    setDynamicSortFilter(true);
}

void PartitionFilterProxyModel::setTopic(const QString &topic)
{
    if (m_topic == topic)
        return;
    m_topic = topic;
    invalidateRowsFilter();
}

bool PartitionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_topic.isEmpty())
        return true;
    return sourceModel()->index(sourceRow, PartitionTableModel::Topic, sourceParent).data(PartitionTableModel::TopicRole).toString()
           == m_topic;
}

}   // namespace cohort
