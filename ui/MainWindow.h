// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QFuture>
#include <QMainWindow>

#include <memory>

class QAbstractItemView;
class QAction;
class QActionGroup;
class QComboBox;
class QHeaderView;
class QLabel;
class QMenu;
class QPoint;
class QSettings;
class QTabWidget;
class QTimer;
class QToolButton;

namespace cohort {

class ClusterClient;
class ClusterMonitor;
class ConnectionProfileStore;
class SecretStore;
struct ConnectionProfile;
class GroupActions;
class LagNotifications;
class GroupPage;
class GroupTableModel;
class GroupsPage;
class MissingPartsBanner;
class StatusBanner;
class TopicTableModel;
class TopicsPage;
class WindowStateStore;

// Cohort's main window: the connected cluster's groups and topics, a closable
// tab per opened group, a menu bar (File, View, Group, Window, Help) whose
// actions the toolbar and the tables' context menus share, refresh controls
// and a status bar saying when the data was last fresh and what failed. It
// remembers its geometry, tables, splitters, refresh interval and, per
// connection, the open group tabs (WindowStateStore). A banner names what a partial snapshot
// lacks and since when; a refresh that takes more than a second shows what it
// waits for in the status bar and can be cancelled (Esc). It owns the ClusterSession of the cluster
// shown and hands it to its pages, which subscribe to it themselves.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows this session's cluster (a previous one's late answers are
    // dropped, its rows and group tabs cleared) and starts its refresh.
    // `rememberedAs`: the name its tabs are remembered under (its display name unless given; the demo's port changes every run).
    void setSession(std::shared_ptr<ClusterSession> session, const QString &rememberedAs = {});
    // The same for a client made elsewhere (writable, without a write side).
    void connectTo(std::shared_ptr<ClusterClient> client, const QString &displayName);
    // Connects with a saved or edited connection; the client is made off the
    // GUI thread. The future says whether the window switched to it: a
    // profile librdkafka refuses is reported in the banner and the current
    // cluster stays, and a connection overtaken by a later one is dropped.
    QFuture<bool> connectToProfile(const ConnectionProfile &profile, const QString &password);
    // How sessions of writable connections get their write side (until set: none).
    void setAdminFactory(ClusterSession::AdminFactory factory) { m_adminFactory = std::move(factory); }
    // The Connections dialog, on the given saved connection when not empty.
    void openConnectionDialog(const QString &profileName = {});

    // Where connections and their passwords are kept (the defaults unless set
    // before the window is used; tests use a temporary store).
    void setConnectionStores(ConnectionProfileStore *profiles, SecretStore *secrets);
    // Whether the current connection allows writes (offset resets, deletes).
    bool isReadOnly() const;
    ClusterSession *session() const { return m_session.get(); }

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
    MissingPartsBanner *missingBanner() const { return m_missing; }
    QAction *cancelRefreshAction() const { return m_cancel; }
    // The status bar's word on the refresh: what it waits for while it runs
    // longer than kProgressShownAfterMs, "Refresh cancelled" after a cancel;
    // empty otherwise.
    QString refreshProgressText() const;
    static constexpr int kProgressShownAfterMs = 1000;
    static constexpr int kProgressUpdateMs = 250;
    QComboBox *connectionSelector() const { return m_connections; }
    ClusterMonitor *monitor() const;

    // The Group menu's actions (also the context menus').
    GroupActions *groupActions() const { return m_groupActions; }
    LagNotifications *lagNotifications() const { return m_notifications; }
    // The Group menu, for the features that add to it (Reset offsets… goes
    // before GroupActions::resetOffsetsInsertionPoint()).
    QMenu *groupMenu() const { return m_groupMenu; }
    // A menu bar action by object name ("refreshNow", "closeTab", ...), for tests.
    QAction *findAction(const QString &objectName) const;
    QComboBox *intervalSelector() const { return m_interval; }
    // The context menu a table would show for the row at `pos` (viewport
    // coordinates), not yet shown; the caller owns it.
    QMenu *contextMenuFor(QAbstractItemView *view, const QPoint &pos);

    // Where the window's remembered state lives (the user's settings unless
    // set, before restoreRememberedState; tests use a temporary file).
    void setSettings(QSettings *settings);
    // Restores geometry, toolbar state, the Groups and Topics tables' headers
    // and the refresh interval; what cannot be used is skipped with a
    // status-bar message. The group tabs come back with each connection.
    void restoreRememberedState();
    void saveRememberedState();
    // What the window shows of its remembered state, as one line of JSON: its
    // size, the refresh interval, the Groups table's hidden columns and sort,
    // the group tabs and the page shown, the group page's lower tab (cohort
    // --print-state-and-quit, for the test of two real launches).
    QString rememberedStateSummary() const;
    // Adds a saved connection to File → Recent Connections.
    void rememberConnection(const QString &profileName);
    QStringList recentConnections() const;

Q_SIGNALS:
    void snapshotShown(const cohort::ClusterSnapshot &snapshot);

protected:
    void closeEvent(QCloseEvent *event) override;
    // The dialogs opened over the window keep their size (and splitters) between runs.
    void childEvent(QChildEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createMenus(QAction *manage, QAction *refresh);
    void createLanguageMenu(QMenu *view);
    void fillRecentMenu();
    void fillColumnsMenu();
    void connectToSaved(const QString &name);
    void setUpContextMenu(QAbstractItemView *view);
    void updateGroupTarget();
    void updateTabActions();
    void focusFilter();
    QAbstractItemView *currentTable() const;
    void saveTabs();
    void restoreTabs();
    void restoreGroupPageState(GroupPage *page);
    void saveGroupPageState(GroupPage *page);
    void showRestoreProblems();
    void onSnapshot(const ClusterSnapshot &snapshot);
    void onFailure(const KafkaError &error);
    void onRefreshStarted();
    void onRefreshEnded();
    void onRefreshCancelled();
    void updateProgress();
    void fillConnectionSelector();
    void onConnectionChosen(int index);
    void closeTab(int index);

    GroupTableModel *m_groupModel;
    GroupsPage *m_groupsPage;
    TopicTableModel *m_topicModel;
    TopicsPage *m_topicsPage;
    QTabWidget *m_tabs;
    QList<GroupPage *> m_groupPages;
    StatusBanner *m_banner;
    MissingPartsBanner *m_missing;
    QComboBox *m_connections;   // the current cluster first, then saved connections
    QString m_currentName;
    QString m_rememberedAs;   // the key of the current connection's tabs
    ConnectionProfileStore *m_profiles = nullptr;
    SecretStore *m_secrets = nullptr;
    QLabel *m_refreshLabel;
    QComboBox *m_interval;
    QAction *m_pause;
    QAction *m_cancel;
    QLabel *m_progressLabel;
    QToolButton *m_cancelButton;
    QTimer *m_progressTimer;
    GroupActions *m_groupActions;
    LagNotifications *m_notifications;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_groupMenu = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QActionGroup *m_intervalGroup = nullptr;
    QSettings *m_settings = nullptr;
    std::unique_ptr<WindowStateStore> m_state;
    bool m_restoringTabs = false;   // tabs opened or closed by a restore or a switch are not saved as the user's
    std::shared_ptr<ClusterSession> m_session;
    ClusterSession::AdminFactory m_adminFactory = ClusterSession::defaultAdminFactory();
    quint64 m_connectAttempt = 0;   // a slower, earlier connect never replaces a later one
};

}   // namespace cohort
