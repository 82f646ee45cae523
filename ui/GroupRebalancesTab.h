// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMenu;
class QModelIndex;
class QTableView;
class QTimer;

namespace cohort {

class ChartTimeRange;
class ClusterSession;
class RebalanceHistoryModel;
class RebalanceTimeline;

// A group page's "Rebalances" tab: the live timeline (members' partitions,
// state bands, event markers) on the page's chart range, the group's
// rebalance history as a table, and the assignment what-if. Reads the
// session's lag history, where the group's watcher events and what the
// history store restored are; watches the group (GroupWatcher) while the
// page says so (setWatching: the page is shown).
class GroupRebalancesTab : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupRebalancesTab)

public:
    // `range`: the lag charts' (not owned), so that both show the same window.
    GroupRebalancesTab(const QString &groupId, ChartTimeRange *range, QWidget *parent = nullptr);
    ~GroupRebalancesTab() override;

    void setSession(ClusterSession *session);
    // The group as last read: the lanes are rebuilt back from its members.
    void setGroup(const GroupSnapshot &group, const ClusterMetadata &metadata);
    // Polls the group quickly while true (balanced: each true wants a false).
    void setWatching(bool watching);
    bool isWatching() const { return m_watching; }

    RebalanceTimeline *timeline() const { return m_timeline; }
    RebalanceHistoryModel *historyModel() const { return m_history; }
    QTableView *historyView() const { return m_historyView; }

    // Opens the what-if dialog on the group's members (window-modal).
    void openSimulation();
    // The history row's own actions for its context menu: Show on Timeline
    // (the chart range around the rebalance) and Copy Details.
    void addRowActions(QMenu *menu, const QModelIndex &index);
    // Narrows the shared chart range to the rebalance of this history row, with some time either side.
    void showOnTimeline(const QModelIndex &index);

private:
    void scheduleRefresh();
    void refresh();
    void updateWatchNote();

    QString m_groupId;
    QPointer<ClusterSession> m_session;
    ChartTimeRange *m_range;
    bool m_watching = false;
    bool m_hasGroup = false;
    GroupSnapshot m_group;
    ClusterMetadata m_metadata;
    RebalanceTimeline *m_timeline;
    RebalanceHistoryModel *m_history;
    QTableView *m_historyView;
    QLabel *m_watchNote;
    QTimer *m_refreshTimer;   // coalesces history updates and window changes into one rebuild
};

}   // namespace cohort
