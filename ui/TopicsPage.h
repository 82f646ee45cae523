// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/ClusterSession.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace cohort {

class TopicFilterProxyModel;
class TopicTableModel;

// The Topics page: every topic with its size and produce rate, and the groups
// consuming it (their lag, time lag and status on it, the status's reason as
// tooltip) as child rows; double-clicking a group opens it. Follows the
// snapshots and the lag history of the session it is given.
class TopicsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicsPage)

public:
    explicit TopicsPage(TopicTableModel *model, QWidget *parent = nullptr);

    // Shows this session's cluster from now on (null: none): the previous
    // cluster's rows go at once, and its late answers never arrive here.
    void setSession(ClusterSession *session);
    ClusterSession *session() const { return m_session; }

    QTreeView *view() const { return m_view; }
    TopicFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filter() const { return m_filter; }

Q_SIGNALS:
    void groupActivated(const QString &groupId);

private:
    void updateCount();
    void expandNewTopics(const QModelIndex &parent, int first, int last);

    TopicTableModel *m_model;
    QPointer<ClusterSession> m_session;
    TopicFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTreeView *m_view;
};

}   // namespace cohort
