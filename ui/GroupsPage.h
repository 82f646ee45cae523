// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/ClusterSession.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace cohort {

class GroupFilterProxyModel;
class GroupTableModel;

// The Groups page: every group of the cluster in a sortable, filterable table
// whose selection and scroll position survive refreshes; activating a row opens
// the group. Follows the snapshots and staleness of the session it is given.
class GroupsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupsPage)

public:
    GroupsPage(GroupTableModel *model, QWidget *parent = nullptr);

    // Shows this session's cluster from now on (null: none): the previous
    // cluster's rows go at once, and its late answers never arrive here.
    void setSession(ClusterSession *session);
    ClusterSession *session() const { return m_session; }

    QTableView *view() const { return m_view; }
    GroupFilterProxyModel *proxy() const { return m_proxy; }
    QCheckBox *onlyStaleFilter() const { return m_onlyStale; }
    QLineEdit *filter() const { return m_filter; }

Q_SIGNALS:
    // A group was double-clicked (or Enter pressed on it): open its page.
    void groupActivated(const QString &groupId);

private:
    void applyFilter();
    void updateCount();
    // Asks the session's history store for each group's rebalances in the
    // last 24 h (on the store's thread) and shows the answer when it comes.
    void countRebalances();

    GroupTableModel *m_model;
    QPointer<ClusterSession> m_session;
    GroupFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QComboBox *m_state;
    QComboBox *m_type;
    QCheckBox *m_onlyLagging;
    QCheckBox *m_onlyStale;
    QLabel *m_count;
    QTableView *m_view;
    QTimer *m_rebalanceCountTimer;   // the 24 h window moves on, and new rebalances come
};

}   // namespace cohort
