// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace cohort {

class AssignmentTreeModel;
class AssignmentView;
class GroupRebalancesTab;
class LagChartsPanel;
class MemberTableModel;
class PartitionFilterProxyModel;
class PartitionTableModel;

// One group in detail: a header (state, protocol, assignor, generation,
// coordinator, members, lag), its lag over time (LagChartsPanel, from the
// session's lag history, which keeps per-partition history for the group
// while the page is open), its members, the assignment tree and every
// partition with offsets and lag. Follows its session's snapshots, staleness
// and fast refreshes of this group; when the group leaves the cluster it keeps
// the last data and says so.
class GroupPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupPage)

public:
    // Subscribes to the session (and shows its last snapshot at once).
    GroupPage(ClusterSession *session, const QString &groupId, QWidget *parent = nullptr);
    // Without a session: fed through setSnapshot/setStale (tests, previews).
    explicit GroupPage(const QString &groupId, QWidget *parent = nullptr);
    ~GroupPage() override;

    QString groupId() const { return m_groupId; }
    ClusterSession *session() const { return m_session; }
    void setSnapshot(const ClusterSnapshot &snapshot);
    // A fast refresh of this group alone (ClusterSession::refreshGroup); the
    // brokers for the coordinator's address come from `metadata`.
    void setGroup(const GroupSnapshot &group, const ClusterMetadata &metadata);
    // True once a snapshot arrived without the group (the page shows the last data it had).
    bool isGone() const { return m_gone; }
    // The cluster stopped answering: the page keeps its data and says since when.
    void setStale(bool stale, const QDateTime &lastFresh);
    bool isStale() const { return m_stale; }
    bool hasData() const { return m_hasData; }

    MemberTableModel *memberModel() const { return m_members; }
    PartitionTableModel *partitionModel() const { return m_partitions; }
    AssignmentTreeModel *assignmentModel() const { return m_assignment; }
    PartitionFilterProxyModel *partitionProxy() const { return m_partitionProxy; }
    QTableView *memberView() const { return m_memberView; }
    QTableView *partitionView() const { return m_partitionView; }
    AssignmentView *assignmentView() const { return m_assignmentView; }
    QComboBox *topicFilter() const { return m_topicFilter; }
    // The group's lag charts, fed from the session's lag history (empty without a session).
    LagChartsPanel *lagCharts() const { return m_charts; }
    // The rebalance timeline and history; the group is watched while the page is shown.
    GroupRebalancesTab *rebalancesTab() const { return m_rebalances; }
    // Partitions (first), "Lag over time" (the charts) and "Rebalances".
    QTabWidget *lowerTabs() const { return m_lowerTabs; }
    // The header's value for a field ("state", "protocolType", "assignor", "generation",
    // "coordinator", "members", "lag"), as shown; for tests and accessibility.
    QString headerValue(const QString &field) const;
    QString noticeText() const;
    // Where "now" comes from for the ages shown (the system clock unless set; tests pin it).
    void setClock(std::function<QDateTime()> clock);
    // A button in the header for a window action that acts on this group (Reset Offsets…, Undo Last Reset…).
    void addHeaderAction(QAction *action);

Q_SIGNALS:
    void goneChanged(bool gone);

protected:
    // The group is watched for rebalances while its page is shown (a
    // minimised window keeps watching: its hide is spontaneous).
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QLabel *addField(const QString &field, const QString &caption);
    void showGroup(const GroupSnapshot &group, const ClusterMetadata &metadata);
    void setGone(bool gone, const QDateTime &lastSeen);
    void updateNotice();
    QString freshnessText() const;
    void updateTopicChoices();
    void updatePartitionCount();
    void refreshCharts();

    QString m_groupId;
    QPointer<ClusterSession> m_session;
    bool m_gone = false;
    bool m_stale = false;
    QDateTime m_lastFresh;
    bool m_hasData = false;
    QDateTime m_lastSeen;
    QString m_groupNote;
    // How current the group's description and offsets are (what the last
    // refresh could not read): the notice says it, with an age kept current by m_ageTimer.
    Freshness m_described;
    Freshness m_offsets;
    QTimer *m_ageTimer;
    std::function<QDateTime()> m_clock;

    MemberTableModel *m_members;
    PartitionTableModel *m_partitions;
    AssignmentTreeModel *m_assignment;
    QSortFilterProxyModel *m_memberProxy;
    PartitionFilterProxyModel *m_partitionProxy;

    QLabel *m_title;
    QLabel *m_notice;
    QWidget *m_fieldBox;
    QHash<QString, QLabel *> m_fields;
    QTableView *m_memberView;
    AssignmentView *m_assignmentView;
    QTableView *m_partitionView;
    QComboBox *m_topicFilter;
    QLabel *m_partitionCount;
    QLabel *m_memberCount;
    LagChartsPanel *m_charts;
    QTabWidget *m_lowerTabs;
    GroupRebalancesTab *m_rebalances;
    QTimer *m_chartTimer;   // coalesces the window changes of a drag into one read of the history
};

}   // namespace cohort
