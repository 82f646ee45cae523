// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GroupFilterProxyModel.h"

#include "models/GroupTableModel.h"

namespace cohort {

GroupFilterProxyModel::GroupFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(GroupTableModel::SortRole);
    setDynamicSortFilter(true);
}

void GroupFilterProxyModel::setText(const QString &text, bool regex)
{
    if (regex) {
        QRegularExpression re(text, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid()) {
            m_error = tr("Invalid regular expression at offset %1: %2").arg(re.patternErrorOffset()).arg(re.errorString());
            return;
        }
        m_regex = re;
    }
    m_error.clear();
    m_text = text;
    m_useRegex = regex;
    invalidateRowsFilter();
}

void GroupFilterProxyModel::setStates(const QSet<GroupState> &states)
{
    m_states = states;
    invalidateRowsFilter();
}

void GroupFilterProxyModel::setTypes(const QSet<GroupType> &types)
{
    m_types = types;
    invalidateRowsFilter();
}

void GroupFilterProxyModel::setOnlyLagging(bool on)
{
    m_onlyLagging = on;
    invalidateRowsFilter();
}

void GroupFilterProxyModel::setOnlyStale(bool on)
{
    m_onlyStale = on;
    invalidateRowsFilter();
}

bool GroupFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex idx = m->index(sourceRow, GroupTableModel::GroupId, sourceParent);
    if (!m_states.isEmpty() && !m_states.contains(GroupState(idx.data(GroupTableModel::StateRole).toInt())))
        return false;
    if (m_onlyStale && !idx.data(GroupTableModel::StaleRole).toBool())
        return false;
    if (!m_types.isEmpty() && !m_types.contains(GroupType(idx.data(GroupTableModel::TypeRole).toInt())))
        return false;
    if (m_onlyLagging) {
        const QVariant lag = m->index(sourceRow, GroupTableModel::Lag, sourceParent).data(GroupTableModel::RawValueRole);
        if (!lag.isValid() || lag.toLongLong() <= 0)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    QStringList haystack{idx.data(GroupTableModel::GroupIdRole).toString(),
                         m->index(sourceRow, GroupTableModel::ProtocolType, sourceParent).data().toString(),
                         m->index(sourceRow, GroupTableModel::Assignor, sourceParent).data().toString()};
    haystack += idx.data(GroupTableModel::TopicNamesRole).toStringList();
    for (const QString &s : std::as_const(haystack)) {
        if (m_useRegex ? m_regex.match(s).hasMatch() : s.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool GroupFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(GroupTableModel::SortRole);
    const QVariant b = right.data(GroupTableModel::SortRole);
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    // Rates and ETAs are fractional: compared as such, not truncated.
    if (a.typeId() == QMetaType::Double || b.typeId() == QMetaType::Double)
        return a.toDouble() < b.toDouble();
    return a.toLongLong() < b.toLongLong();
}

}   // namespace cohort
