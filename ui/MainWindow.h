// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ClusterSnapshot.h"
#include "core/KafkaError.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;

namespace cohort {

class ClusterClient;
class ClusterMonitor;
class GroupPage;
class GroupTableModel;
class GroupsPage;
class StatusBanner;
class TopicTableModel;
class TopicsPage;

// Cohort's main window: the connected cluster's groups and topics, a closable
// tab per opened group, refresh controls and a status bar saying when the data
// was last fresh and what failed.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows this cluster (a previous one's late answers are dropped).
    void connectTo(std::shared_ptr<ClusterClient> client, const QString &displayName);

    GroupTableModel *groupModel() const { return m_groupModel; }
    GroupsPage *groupsPage() const { return m_groupsPage; }
    TopicTableModel *topicModel() const { return m_topicModel; }
    TopicsPage *topicsPage() const { return m_topicsPage; }
    QTabWidget *tabs() const { return m_tabs; }

    // Opens a group's page as its own tab (or focuses it if already open) and
    // fills it from the last snapshot; later snapshots keep it current.
    GroupPage *openGroup(const QString &groupId);
    GroupPage *groupPage(const QString &groupId) const;
    void showTopics();
    void showGroups();
    StatusBanner *banner() const { return m_banner; }
    ClusterMonitor *monitor() const { return m_monitor.get(); }

Q_SIGNALS:
    void snapshotShown(const cohort::ClusterSnapshot &snapshot);

private:
    void onSnapshot(const ClusterSnapshot &snapshot);
    void onFailure(const KafkaError &error);
    void onStale(bool stale, const QDateTime &lastFresh);
    void closeTab(int index);

    GroupTableModel *m_groupModel;
    GroupsPage *m_groupsPage;
    TopicTableModel *m_topicModel;
    TopicsPage *m_topicsPage;
    QTabWidget *m_tabs;
    QList<GroupPage *> m_groupPages;
    StatusBanner *m_banner;
    QLabel *m_clusterLabel;
    QLabel *m_refreshLabel;
    QComboBox *m_interval;
    QAction *m_pause;
    std::unique_ptr<ClusterMonitor> m_monitor;
};

} // namespace cohort
