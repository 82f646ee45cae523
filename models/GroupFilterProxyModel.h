// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"

#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>

namespace cohort {

// Filters and sorts GroupTableModel for the Groups page: text (plain,
// case-insensitive, over group id, protocol type, assignor and topics) or a
// regular expression, a set of states, a set of group types, "only groups
// with lag" and "only groups not refreshed" (stale or never described in the
// last refresh).
class GroupFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupFilterProxyModel)

public:
    explicit GroupFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text, bool regex = false);
    // The regular expression did not compile: the filter matches nothing new
    // (it keeps the last valid one) and errorString() says why.
    bool isFilterValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    void setStates(const QSet<GroupState> &states);   // empty: every state
    void setTypes(const QSet<GroupType> &types);      // empty: every type
    void setOnlyLagging(bool on);
    void setOnlyStale(bool on);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    QString m_error;
    QSet<GroupState> m_states;
    QSet<GroupType> m_types;
    bool m_onlyLagging = false;
    bool m_onlyStale = false;
};

}   // namespace cohort
