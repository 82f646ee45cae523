// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/SecretStore.h"
#include "core/snapshot/ClusterMonitor.h"
#include "core/snapshot/RefreshProgressText.h"
#include "core/util/LanguageChoice.h"
#include "models/AssignmentTreeModel.h"
#include "models/GroupTableModel.h"
#include "models/MemberTableModel.h"
#include "models/PartitionTableModel.h"
#include "models/TopicTableModel.h"
#include "ui/AboutDialog.h"
#include "ui/ActionIcons.h"
#include "ui/AssignmentWhatIfDialog.h"
#include "ui/ConnectionDialog.h"
#include "ui/GroupActions.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/LagNotifications.h"
#include "ui/GroupRebalancesTab.h"
#include "ui/ShortcutsDialog.h"
#include "ui/TableMenus.h"
#include "ui/TopicsPage.h"
#include "ui/WindowStateStore.h"
#include "widgets/AssignmentView.h"
#include "widgets/MissingPartsBanner.h"
#include "widgets/StatusBanner.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QChildEvent>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace cohort {

namespace {

// Table names in the settings (WindowStateStore): one per kind of table, so a
// group page's columns look the same for every group.
const QString kGroupsTable = QStringLiteral("groups");
const QString kTopicsTable = QStringLiteral("topics");
const QString kMembersTable = QStringLiteral("members");
const QString kPartitionsTable = QStringLiteral("partitions");
const QString kAssignmentTable = QStringLiteral("assignment");
const QString kMembersSplitter = QStringLiteral("membersAssignmentSplitter");
const QString kGroupPageSplitter = QStringLiteral("groupPageSplitter");
const QString kRebalanceHistoryTable = QStringLiteral("rebalanceHistory");
const QString kRebalancesSplitter = QStringLiteral("rebalancesSplitter");
// Dialogs whose size is remembered (by object name), as KDE's dialogs keep theirs.
const QStringList kRememberedDialogs
    = {QStringLiteral("offsetResetWizard"), QStringLiteral("assignmentWhatIfDialog"), QStringLiteral("resetHistoryDialog")};
const QString kGroupsPageName = QStringLiteral("groups");
const QString kTopicsPageName = QStringLiteral("topics");
const QString kGroupPagePrefix = QStringLiteral("group:");
// Set on a group page being closed or destroyed: what it signals then is not the user's arrangement.
constexpr char kClosingProperty[] = "cohortClosing";

// A restored header's sort indicator becomes the view's sort as well.
void restoreTable(WindowStateStore &store, const QString &name, QAbstractItemView *view)
{
    QHeaderView *header = TableMenus::headerOf(view);
    if (!header || !store.restoreHeader(name, header))
        return;
    const int column = header->sortIndicatorSection();
    if (column < 0 || column >= header->count())
        return;
    if (auto *table = qobject_cast<QTableView *>(view); table && table->isSortingEnabled())
        table->sortByColumn(column, header->sortIndicatorOrder());
    else if (auto *tree = qobject_cast<QTreeView *>(view); tree && tree->isSortingEnabled())
        tree->sortByColumn(column, header->sortIndicatorOrder());
}

QList<int> offeredIntervalsMs()
{
    return {2000, 5000, 10000, 30000, 60000};
}

}   // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_groupModel(new GroupTableModel(this))
    , m_groupsPage(new GroupsPage(m_groupModel, this))
    , m_topicModel(new TopicTableModel(this))
    , m_topicsPage(new TopicsPage(m_topicModel, this))
    , m_tabs(new QTabWidget(this))
    , m_banner(new StatusBanner(this))
    , m_missing(new MissingPartsBanner(this))
    , m_connections(new QComboBox(this))
    , m_refreshLabel(new QLabel(this))
    , m_interval(new QComboBox(this))
    , m_pause(new QAction(tr("Pause"), this))
    , m_cancel(new QAction(tr("&Cancel Refresh"), this))
    , m_progressLabel(new QLabel(this))
    , m_cancelButton(new QToolButton(this))
    , m_progressTimer(new QTimer(this))
    , m_groupActions(new GroupActions(this))
    , m_notifications(new LagNotifications(this))
{
    setWindowTitle(tr("Cohort"));
    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setObjectName(QStringLiteral("clusterToolbar"));   // saveState names toolbars by object name
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);   // a new user reads what each button does
    // Small icons beside the text keep the toolbar as high as its combo boxes.
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addWidget(new QLabel(tr("Cluster: "), this));
    m_connections->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connections->setToolTip(tr("The cluster shown; pick a saved connection to switch"));
    toolbar->addWidget(m_connections);
    auto *manage = toolbar->addAction(tr("Co&nnections…"));
    manage->setObjectName(QStringLiteral("connections"));
    manage->setToolTip(tr("Add, edit and test saved connections"));
    manage->setStatusTip(manage->toolTip());
    connect(manage, &QAction::triggered, this, [this] { openConnectionDialog(); });
    connect(m_connections, &QComboBox::activated, this, &MainWindow::onConnectionChosen);
    toolbar->addSeparator();
    auto *refresh = toolbar->addAction(tr("&Refresh Now"));
    refresh->setObjectName(QStringLiteral("refreshNow"));
    refresh->setToolTip(tr("Read the whole cluster again now (F5, Ctrl+R)"));
    refresh->setStatusTip(refresh->toolTip());
    // F5 (the platform's Refresh) and Ctrl+R, which browsers and file managers also take.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_R)))
        refreshKeys << QKeySequence(Qt::CTRL | Qt::Key_R);
    refresh->setShortcuts(refreshKeys);
    m_cancel->setObjectName(QStringLiteral("cancelRefresh"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Stop the refresh under way (Esc); the data shown stays as it is"));
    m_cancel->setEnabled(false);   // also leaves Esc to others while nothing runs
    toolbar->addAction(m_cancel);
    toolbar->addWidget(new QLabel(tr(" every "), this));
    for (int ms : offeredIntervalsMs())
        m_interval->addItem(tr("%n s", nullptr, ms / 1000), ms);
    m_interval->setCurrentIndex(1);
    m_interval->setToolTip(tr("How often the whole cluster is read"));
    toolbar->addWidget(m_interval);
    m_pause->setObjectName(QStringLiteral("pauseRefresh"));
    m_pause->setToolTip(tr("Stop reading the cluster periodically; Refresh still reads it once"));
    m_pause->setStatusTip(m_pause->toolTip());
    m_pause->setCheckable(true);
    toolbar->addAction(m_pause);

    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(m_groupsPage, tr("Groups"));
    m_tabs->addTab(m_topicsPage, tr("Topics"));
    // Groups and Topics are always there; only group tabs close.
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
        m_tabs->tabBar()->setTabButton(i, QTabBar::LeftSide, nullptr);
    }
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_missing);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    m_progressLabel->setObjectName(QStringLiteral("refreshProgress"));
    m_progressLabel->hide();
    statusBar()->addWidget(m_progressLabel, 1);
    // In the status bar next to what the refresh waits for, shown with it only.
    m_cancelButton->setDefaultAction(m_cancel);
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->hide();
    statusBar()->addWidget(m_cancelButton);
    m_progressTimer->setInterval(kProgressUpdateMs);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);
    connect(m_cancel, &QAction::triggered, this, [this] {
        if (ClusterMonitor *m = monitor())
            m->cancelRefresh();
    });
    statusBar()->addPermanentWidget(m_refreshLabel);
    m_refreshLabel->setText(tr("Not connected"));

    connect(refresh, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->refreshNow();
    });
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        const int ms = m_interval->currentData().toInt();
        if (m_session)
            m_session->setIntervalMs(ms);
        if (m_intervalGroup)
            for (QAction *a : m_intervalGroup->actions())
                if (a->data().toInt() == ms)
                    a->setChecked(true);
        if (m_state)
            m_state->saveIntervalMs(ms);
    });
    connect(m_pause, &QAction::toggled, this, [this](bool on) {
        if (m_session)
            m_session->setPaused(on);
        m_pause->setText(on ? tr("&Resume Refreshing") : tr("&Pause Refreshing"));
    });
    connect(m_groupsPage, &GroupsPage::groupActivated, this, &MainWindow::openGroup);
    connect(m_topicsPage, &TopicsPage::groupActivated, this, &MainWindow::openGroup);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    connect(m_groupActions, &GroupActions::openRequested, this, &MainWindow::openGroup);
    // A reset acts on the groups selected on the Groups page (the target when
    // it is not among them) or on a group page's group with its partitions selection.
    m_groupActions->setResetTargetProvider([this] {
        GroupActions::ResetTarget t;
        const QString target = m_groupActions->target();
        if (auto *page = qobject_cast<GroupPage *>(m_tabs->currentWidget()); page && page->groupId() == target) {
            t.groups = {target};
            for (const QModelIndex &r : page->partitionView()->selectionModel()->selectedRows())
                t.partitions << TopicPartition{r.data(PartitionTableModel::TopicRole).toString(),
                                               r.siblingAtColumn(PartitionTableModel::Partition).data(PartitionTableModel::RawValueRole).toInt()};
        } else if (m_tabs->currentWidget() == m_groupsPage) {
            for (const QModelIndex &r : m_groupsPage->view()->selectionModel()->selectedRows())
                t.groups << r.data(GroupTableModel::GroupIdRole).toString();
            if (!t.groups.contains(target))
                t.groups = {target};
        } else {
            t.groups = {target};
        }
        t.groups.removeAll(QString());
        return t;
    });
    connect(m_groupActions, &GroupActions::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    createMenus(manage, refresh);
    setUpContextMenu(m_groupsPage->view());
    setUpContextMenu(m_topicsPage->view());
    connect(m_groupsPage->view()->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateGroupTarget);
    connect(m_topicsPage->view()->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateGroupTarget);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateGroupTarget();
        updateTabActions();
        saveTabs();
    });
    updateGroupTarget();
    updateTabActions();
    ActionIcons::assign(this);
}

MainWindow::~MainWindow()
{
    for (GroupPage *page : std::as_const(m_groupPages))
        page->setProperty(kClosingProperty, true);
}

void MainWindow::createMenus(QAction *manage, QAction *refresh)
{
    // File
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectTo = file->addAction(tr("&Connect to…"));
    connectTo->setObjectName(QStringLiteral("connectTo"));
    connectTo->setShortcuts(QKeySequence::Open);
    connectTo->setStatusTip(tr("Connect to a cluster not saved yet: type its bootstrap servers"));
    connect(connectTo, &QAction::triggered, this, [this] {
        if (!m_profiles)
            fillConnectionSelector();
        auto *dialog = new ConnectionDialog(*m_profiles, *m_secrets, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->newProfile();
        connect(dialog, &QDialog::accepted, this, [this, dialog] { connectToProfile(dialog->profile(), dialog->password()); });
        connect(dialog, &QDialog::finished, this, &MainWindow::fillConnectionSelector);
        dialog->open();
    });
    file->addAction(manage);
    m_recentMenu = file->addMenu(tr("&Recent Connections"));
    m_recentMenu->setObjectName(QStringLiteral("recentConnections"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quit"));
    quit->setShortcuts(QKeySequence::Quit);
    if (quit->shortcuts().isEmpty())   // a platform theme without one (e.g. offscreen): KDE's and GNOME's key
        quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    // View
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(refresh);
    view->addAction(m_cancel);
    QMenu *interval = view->addMenu(tr("Refresh &Interval"));
    m_intervalGroup = new QActionGroup(this);
    for (int i = 0; i < m_interval->count(); ++i) {
        QAction *a = interval->addAction(tr("Every %1").arg(m_interval->itemText(i)));
        a->setObjectName(QStringLiteral("interval%1").arg(m_interval->itemData(i).toInt()));
        a->setCheckable(true);
        a->setData(m_interval->itemData(i));
        a->setChecked(i == m_interval->currentIndex());
        m_intervalGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, i] { m_interval->setCurrentIndex(i); });
    }
    m_pause->setText(tr("&Pause Refreshing"));
    view->addAction(m_pause);
    view->addSeparator();
    QAction *find = view->addAction(tr("&Filter…"));
    find->setObjectName(QStringLiteral("find"));
    find->setShortcuts(QKeySequence::Find);
    find->setStatusTip(tr("Type in the current page's filter"));
    connect(find, &QAction::triggered, this, &MainWindow::focusFilter);
    m_columnsMenu = view->addMenu(tr("&Columns"));
    m_columnsMenu->setObjectName(QStringLiteral("columns"));
    m_columnsMenu->setToolTipsVisible(true);
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &MainWindow::fillColumnsMenu);
    view->addSeparator();
    view->addAction(m_notifications->enableAction());
    connect(m_notifications, &LagNotifications::fallback, this, [this](const QString &text) { statusBar()->showMessage(text, 30000); });
    createLanguageMenu(view);
    QAction *fullScreen = view->addAction(tr("F&ull Screen"));
    fullScreen->setObjectName(QStringLiteral("fullScreen"));
    fullScreen->setCheckable(true);
    QList<QKeySequence> fullScreenKeys = QKeySequence::keyBindings(QKeySequence::FullScreen);
    if (fullScreenKeys.isEmpty())   // a platform theme without one: KDE's and GNOME's key
        fullScreenKeys << QKeySequence(Qt::Key_F11);
    fullScreen->setShortcuts(fullScreenKeys);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });

    // Group: GroupActions' own order (the reset actions before its resetOffsetsInsertionPoint()).
    QMenu *group = m_groupMenu = menuBar()->addMenu(tr("&Group"));
    group->setObjectName(QStringLiteral("groupMenu"));
    group->setToolTipsVisible(true);   // a greyed-out action says why
    m_groupActions->addTo(group);
    group->addSeparator();
    group->addAction(m_notifications->muteAction());
    // Pure computation, no write: on any connection, for the target group or a hand-made one.
    group->addSeparator();
    QAction *simulate = group->addAction(tr("Simulate &Assignment…"));
    simulate->setObjectName(QStringLiteral("simulateAssignment"));
    simulate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    simulate->setStatusTip(tr("What each assignor would give the group's members, with members added or removed or partitions added"));
    connect(simulate, &QAction::triggered, this, [this] {
        auto *dialog = new AssignmentWhatIfDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (const GroupSnapshot *g = m_groupActions->targetSnapshot(); g && m_session && m_session->hasSnapshot())
            dialog->setGroup(*g, m_session->snapshot().metadata);
        dialog->open();
    });

    // Window
    QMenu *window = menuBar()->addMenu(tr("&Window"));
    QAction *closeTab = window->addAction(tr("&Close Tab"));
    closeTab->setObjectName(QStringLiteral("closeTab"));
    closeTab->setShortcuts(QKeySequence::Close);
    connect(closeTab, &QAction::triggered, this, [this] { this->closeTab(m_tabs->currentIndex()); });
    QAction *next = window->addAction(tr("&Next Tab"));
    next->setObjectName(QStringLiteral("nextTab"));
    next->setShortcuts(QKeySequence::NextChild);
    connect(next, &QAction::triggered, this, [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    QAction *previous = window->addAction(tr("&Previous Tab"));
    previous->setObjectName(QStringLiteral("previousTab"));
    previous->setShortcuts(QKeySequence::PreviousChild);
    connect(previous, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count()); });
    window->addSeparator();
    QAction *groups = window->addAction(tr("&Groups"));
    groups->setObjectName(QStringLiteral("showGroups"));
    groups->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    connect(groups, &QAction::triggered, this, &MainWindow::showGroups);
    QAction *topics = window->addAction(tr("&Topics"));
    topics->setObjectName(QStringLiteral("showTopics"));
    topics->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    connect(topics, &QAction::triggered, this, &MainWindow::showTopics);

    // Help
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("keyboardShortcuts"));
    keys->setShortcuts(QKeySequence::HelpContents);
    connect(keys, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Cohort"));
    about->setObjectName(QStringLiteral("about"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(m_session.get(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Shortcuts of menu actions work while the menu bar is hidden (full screen) too.
    for (QAction *a : findChildren<QAction *>())
        if (!a->shortcuts().isEmpty() && a->shortcutContext() == Qt::WindowShortcut)
            addAction(a);
}

void MainWindow::createLanguageMenu(QMenu *view)
{
    QMenu *language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("language"));
    auto *choices = new QActionGroup(language);
    const QString stored = m_settings ? LanguageChoice::stored(*m_settings) : LanguageChoice::stored(QSettings());
    for (const QString &code : LanguageChoice::codes()) {
        // Each language's own name, so that someone who cannot read the
        // current one still finds theirs.
        const QString name = code.isEmpty()                   ? tr("System")
                             : code == QLatin1String("zh_CN") ? QStringLiteral("简体中文")
                                                              : QStringLiteral("English");
        QAction *a = language->addAction(name);
        a->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(code == stored);
        choices->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            if (m_settings)
                LanguageChoice::store(*m_settings, code);
            else {
                QSettings settings;
                LanguageChoice::store(settings, code);
            }
            statusBar()->showMessage(tr("The language changes when Cohort is started again."), 20000);
        });
    }
    // The language menu reflects the settings of the window it belongs to (setSettings may come later).
    connect(language, &QMenu::aboutToShow, this, [this, choices] {
        const QString now = m_settings ? LanguageChoice::stored(*m_settings) : LanguageChoice::stored(QSettings());
        for (QAction *a : choices->actions())
            a->setChecked(a->data().toString() == now);
    });
}

QAction *MainWindow::findAction(const QString &objectName) const
{
    for (QAction *a : findChildren<QAction *>(objectName))
        return a;
    return nullptr;
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList names = recentConnections();
    for (const QString &name : names) {
        QAction *a = m_recentMenu->addAction(name);
        a->setEnabled(name != m_currentName);
        connect(a, &QAction::triggered, this, [this, name] { connectToSaved(name); });
    }
    if (names.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

QStringList MainWindow::recentConnections() const
{
    if (!m_state)
        return {};
    QStringList names;
    for (const QString &name : m_state->recentConnections())
        if (!m_profiles || m_profiles->contains(name))   // a deleted connection is not offered
            names << name;
    return names;
}

void MainWindow::rememberConnection(const QString &profileName)
{
    if (m_state)   // a window without settings (a test's) remembers nothing
        m_state->addRecentConnection(profileName);
}

QAbstractItemView *MainWindow::currentTable() const
{
    QWidget *page = m_tabs->currentWidget();
    // The table with focus on the page shown, else the page's main table.
    if (auto *focused = qobject_cast<QAbstractItemView *>(QApplication::focusWidget()); focused && page && page->isAncestorOf(focused))
        return focused;
    if (page == m_groupsPage)
        return m_groupsPage->view();
    if (page == m_topicsPage)
        return m_topicsPage->view();
    if (auto *g = qobject_cast<GroupPage *>(page))
        return g->partitionView();
    return nullptr;
}

void MainWindow::fillColumnsMenu()
{
    m_columnsMenu->clear();
    QAbstractItemView *view = currentTable();
    QHeaderView *header = TableMenus::headerOf(view);
    if (!header || !view->model()) {
        m_columnsMenu->addAction(tr("(no table shown)"))->setEnabled(false);
        return;
    }
    TableMenus::fillColumnsMenu(m_columnsMenu, header, [this](const QString &why) { statusBar()->showMessage(why, 5000); });
}

void MainWindow::focusFilter()
{
    QWidget *page = m_tabs->currentWidget();
    QWidget *filter = nullptr;
    if (page == m_groupsPage)
        filter = m_groupsPage->filter();
    else if (page == m_topicsPage)
        filter = m_topicsPage->filter();
    else if (auto *g = qobject_cast<GroupPage *>(page))
        filter = g->topicFilter();
    if (!filter)
        return;
    filter->setFocus(Qt::ShortcutFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(filter))
        edit->selectAll();
}

void MainWindow::updateGroupTarget()
{
    QWidget *page = m_tabs->currentWidget();
    QString target;
    if (auto *g = qobject_cast<GroupPage *>(page))
        target = g->groupId();
    else if (page == m_groupsPage)
        target = m_groupsPage->view()->currentIndex().data(GroupTableModel::GroupIdRole).toString();
    else if (page == m_topicsPage)
        target = m_topicsPage->view()->currentIndex().data(TopicTableModel::GroupIdRole).toString();
    m_groupActions->setTarget(target);
    m_notifications->setTarget(target);
}

void MainWindow::updateTabActions()
{
    if (QAction *close = findAction(QStringLiteral("closeTab"))) {
        const bool closable = qobject_cast<GroupPage *>(m_tabs->currentWidget()) != nullptr;
        close->setEnabled(closable);
        close->setStatusTip(closable ? tr("Close the group's tab") : tr("The Groups and Topics pages stay open; only group tabs close."));
        close->setToolTip(close->statusTip());
    }
}

void MainWindow::setUpContextMenu(QAbstractItemView *view)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    TableMenus::installCopyMenu(view);   // Ctrl+C; the menu below has Copy itself
    if (QHeaderView *header = TableMenus::headerOf(view))
        TableMenus::installColumnsMenu(header, [this](const QString &why) { statusBar()->showMessage(why, 5000); });
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
        if (QMenu *menu = contextMenuFor(view, pos)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(view->viewport()->mapToGlobal(pos));
        }
    });
}

QMenu *MainWindow::contextMenuFor(QAbstractItemView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setToolTipsVisible(true);
    TableMenus::addCopyRows(menu, view, index);
    auto addCopy = [menu](const QString &text, const QString &value) {
        QAction *a = menu->addAction(ActionIcons::themed(QStringLiteral("edit-copy")), text);
        QObject::connect(a, &QAction::triggered, menu, [value] { QGuiApplication::clipboard()->setText(value); });
    };
    QString group;
    QStringList topics;      // what "Delete offsets" preselects
    QStringList memberIds;   // what "Remove members" preselects
    auto *groupPage = qobject_cast<GroupPage *>(m_tabs->currentWidget());
    if (view == m_groupsPage->view()) {
        group = index.data(GroupTableModel::GroupIdRole).toString();
    } else if (view == m_topicsPage->view()) {
        group = index.data(TopicTableModel::GroupIdRole).toString();
        const QString topic = index.data(TopicTableModel::TopicRole).toString();
        if (!topic.isEmpty()) {
            addCopy(tr("Copy Topic Name"), topic);
            topics << topic;
        }
        if (group.isEmpty())
            return menu;   // a topic row: nothing of a group's applies
    } else if (groupPage && view == groupPage->memberView()) {
        group = groupPage->groupId();
        // Every selected row when the clicked one is among them, else the clicked one.
        QModelIndexList rows = view->selectionModel()->selectedRows();
        if (!view->selectionModel()->isRowSelected(index.row(), index.parent()))
            rows = {index};
        for (const QModelIndex &r : rows)
            memberIds << r.data(MemberTableModel::MemberIdRole).toString();
        addCopy(tr("Copy Member ID"), index.data(MemberTableModel::MemberIdRole).toString());
    } else if (groupPage && view == groupPage->partitionView()) {
        group = groupPage->groupId();
        const QString topic = index.data(PartitionTableModel::TopicRole).toString();
        topics << topic;
        addCopy(tr("Copy Topic Name"), topic);
    } else if (groupPage && view == groupPage->rebalancesTab()->historyView()) {
        group = groupPage->groupId();
        groupPage->rebalancesTab()->addRowActions(menu, index);
    } else if (groupPage && view == groupPage->assignmentView()) {
        group = groupPage->groupId();
        const QString member = index.data(AssignmentTreeModel::MemberIdRole).toString();
        const QString topic = index.data(AssignmentTreeModel::TopicRole).toString();
        if (!member.isEmpty())
            memberIds << member;
        if (!topic.isEmpty()) {
            topics << topic;
            addCopy(tr("Copy Topic Name"), topic);
        }
    }
    if (group.isEmpty())
        return menu;   // nothing of a group's applies: Copy alone
    m_groupActions->setTarget(group);
    // Row actions first: they act on what was clicked.
    if (!memberIds.isEmpty()) {
        QAction *remove = menu->addAction(ActionIcons::themed(QStringLiteral("list-remove-user")),
                                          tr("Remove %n Member(s)…", nullptr, int(memberIds.size())));
        const GroupActionAvailability av = m_groupActions->availability(GroupAction::RemoveMembers);
        remove->setEnabled(av.enabled);
        remove->setToolTip(av.reason);
        connect(remove, &QAction::triggered, this, [this, memberIds] { m_groupActions->openRemoveMembers(memberIds); });
    }
    if (!topics.isEmpty()) {
        QAction *del = menu->addAction(ActionIcons::themed(QStringLiteral("edit-clear")), tr("Delete Offsets of %1…").arg(topics.constFirst()));
        const GroupActionAvailability av = m_groupActions->availability(GroupAction::DeleteOffsets);
        del->setEnabled(av.enabled);
        del->setToolTip(av.reason);
        connect(del, &QAction::triggered, this, [this, topics] { m_groupActions->openDeleteOffsets(topics); });
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    m_groupActions->addTo(menu);
    m_notifications->setTarget(group);
    menu->addSeparator();
    menu->addAction(m_notifications->muteAction());
    // Back to the page's own target once the menu is gone.
    connect(menu, &QMenu::aboutToHide, this, [this] { QTimer::singleShot(0, this, &MainWindow::updateGroupTarget); });
    return menu;
}

void MainWindow::connectToSaved(const QString &name)
{
    if (!m_profiles)
        fillConnectionSelector();
    const std::optional<ConnectionProfile> profile = m_profiles->load(name);
    if (!profile) {
        statusBar()->showMessage(tr("There is no saved connection \"%1\" any more.").arg(name), 10000);
        if (m_state)
            m_state->removeRecentConnection(name);
        fillConnectionSelector();
        return;
    }
    if (!profile->usesSasl() && !profile->usesSsl()) {
        connectToProfile(*profile, {});
        return;
    }
    // The password comes from the keychain, asynchronously; when it has none
    // for a SASL connection, the dialog asks.
    m_secrets->readPassword(name).then(this, [this, p = *profile](const SecretReply &reply) {
        if (!reply.found && p.usesSasl())
            openConnectionDialog(p.name);
        else
            connectToProfile(p, reply.password);
    });
}

void MainWindow::setSettings(QSettings *settings)
{
    if (!settings)
        settings = new QSettings(this);   // the user's: organisation and application names
    m_settings = settings;
    m_state = std::make_unique<WindowStateStore>(m_settings);
    m_notifications->setSettings(m_settings);
}

void MainWindow::showRestoreProblems()
{
    if (!m_state)
        return;
    const QStringList problems = m_state->takeProblems();
    if (problems.isEmpty())
        return;
    statusBar()->showMessage(tr("Some remembered settings could not be used and were ignored (another version's, or damaged): %1")
                                 .arg(problems.join(QStringLiteral("; "))),
                             20000);
}

void MainWindow::restoreRememberedState()
{
    if (!m_state)
        setSettings(nullptr);
    m_state->restoreWindow(this);
    restoreTable(*m_state, kGroupsTable, m_groupsPage->view());
    restoreTable(*m_state, kTopicsTable, m_topicsPage->view());
    if (const int ms = m_state->intervalMs(offeredIntervalsMs()); ms > 0)
        m_interval->setCurrentIndex(m_interval->findData(ms));
    if (QAction *fullScreen = findAction(QStringLiteral("fullScreen"))) {
        const QSignalBlocker block(fullScreen);
        fullScreen->setChecked(isFullScreen());
    }
    showRestoreProblems();
}

void MainWindow::saveRememberedState()
{
    if (!m_state)
        setSettings(nullptr);
    m_state->saveWindow(this);
    m_state->saveHeader(kGroupsTable, m_groupsPage->view()->horizontalHeader());
    m_state->saveHeader(kTopicsTable, m_topicsPage->view()->header());
    m_state->saveIntervalMs(m_interval->currentData().toInt());
    // Group pages save their columns and splitters as they are arranged (openGroup).
    saveTabs();
    m_settings->sync();
}

QString MainWindow::rememberedStateSummary() const
{
    QJsonObject o;
    o.insert(QStringLiteral("width"), width());
    o.insert(QStringLiteral("height"), height());
    o.insert(QStringLiteral("intervalMs"), m_interval->currentData().toInt());
    const QHeaderView *header = m_groupsPage->view()->horizontalHeader();
    QJsonArray hidden;
    for (int c = 0; c < header->count(); ++c)
        if (header->isSectionHidden(c))
            hidden.append(c);
    o.insert(QStringLiteral("groupsHiddenColumns"), hidden);
    o.insert(QStringLiteral("groupsSortColumn"), header->sortIndicatorSection());
    o.insert(QStringLiteral("groupsSortDescending"), header->sortIndicatorOrder() == Qt::DescendingOrder);
    QJsonArray tabs;
    int lowerTab = -1;
    for (const GroupPage *page : m_groupPages) {
        tabs.append(page->groupId());
        lowerTab = page->lowerTabs()->currentIndex();
    }
    o.insert(QStringLiteral("groupTabs"), tabs);
    o.insert(QStringLiteral("groupPageLowerTab"), lowerTab);
    QWidget *current = m_tabs->currentWidget();
    const auto *page = qobject_cast<const GroupPage *>(current);
    o.insert(QStringLiteral("currentPage"), page ? kGroupPagePrefix + page->groupId() : current == m_topicsPage ? kTopicsPageName : kGroupsPageName);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Only a window that restored (or was given) its settings writes them:
    // a window made by a test never touches the user's.
    if (m_state)
        saveRememberedState();
    QMainWindow::closeEvent(event);
}

void MainWindow::childEvent(QChildEvent *event)
{
    QMainWindow::childEvent(event);
    // Polished: constructed (ChildAdded comes before the dialog's constructor has run).
    if (event->type() == QEvent::ChildPolished)
        if (auto *dialog = qobject_cast<QDialog *>(event->child()))
            dialog->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    auto *dialog = qobject_cast<QDialog *>(watched);
    if (!dialog || !m_state || !kRememberedDialogs.contains(dialog->objectName()))
        return QMainWindow::eventFilter(watched, event);
    const QString name = dialog->objectName();
    if (event->type() == QEvent::Show && !dialog->property("cohortSizeRestored").toBool()) {
        dialog->setProperty("cohortSizeRestored", true);
        if (const QSize size = m_state->dialogSize(name); size.isValid()) {
            // No bigger than the screen it opens on (the last run's may have been a larger one).
            const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect();
            dialog->resize(screen.isEmpty() ? size : size.boundedTo(screen.size()));
            // Over the window's centre again, where QDialog put it at its old size.
            dialog->move(geometry().center() - dialog->rect().center());
        }
        for (QSplitter *splitter : dialog->findChildren<QSplitter *>())
            if (!splitter->objectName().isEmpty())
                m_state->restoreSplitter(name + QLatin1Char('.') + splitter->objectName(), splitter);
        showRestoreProblems();
    } else if (event->type() == QEvent::Hide) {
        m_state->saveDialogSize(name, dialog->size());
        for (QSplitter *splitter : dialog->findChildren<QSplitter *>())
            if (!splitter->objectName().isEmpty())
                m_state->saveSplitter(name + QLatin1Char('.') + splitter->objectName(), splitter);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::restoreGroupPageState(GroupPage *page)
{
    if (!m_state)
        return;
    restoreTable(*m_state, kMembersTable, page->memberView());
    restoreTable(*m_state, kPartitionsTable, page->partitionView());
    restoreTable(*m_state, kAssignmentTable, page->assignmentView());
    restoreTable(*m_state, kRebalanceHistoryTable, page->rebalancesTab()->historyView());
    for (const QString &name : {kMembersSplitter, kGroupPageSplitter, kRebalancesSplitter})
        if (auto *splitter = page->findChild<QSplitter *>(name))
            m_state->restoreSplitter(name, splitter);
    // The lower tab last chosen on any group page (as the columns and splitters: one arrangement for every group).
    if (const int tab = m_state->groupPageTab(page->lowerTabs()->count()); tab >= 0)
        page->lowerTabs()->setCurrentIndex(tab);
    showRestoreProblems();
}

void MainWindow::saveGroupPageState(GroupPage *page)
{
    if (!m_state)
        return;
    m_state->saveHeader(kMembersTable, page->memberView()->horizontalHeader());
    m_state->saveHeader(kPartitionsTable, page->partitionView()->horizontalHeader());
    m_state->saveHeader(kAssignmentTable, page->assignmentView()->header());
    m_state->saveHeader(kRebalanceHistoryTable, page->rebalancesTab()->historyView()->horizontalHeader());
    m_state->saveGroupPageTab(page->lowerTabs()->currentIndex());
    for (const QString &name : {kMembersSplitter, kGroupPageSplitter, kRebalancesSplitter})
        if (auto *splitter = page->findChild<QSplitter *>(name))
            m_state->saveSplitter(name, splitter);
}

void MainWindow::saveTabs()
{
    if (!m_state || m_restoringTabs || m_rememberedAs.isEmpty())
        return;
    WindowStateStore::Tabs tabs;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *page = qobject_cast<GroupPage *>(m_tabs->widget(i)))
            tabs.groups << page->groupId();
    QWidget *current = m_tabs->currentWidget();
    if (auto *page = qobject_cast<GroupPage *>(current))
        tabs.current = kGroupPagePrefix + page->groupId();
    else
        tabs.current = current == m_topicsPage ? kTopicsPageName : kGroupsPageName;
    m_state->saveTabs(m_rememberedAs, tabs);
}

void MainWindow::restoreTabs()
{
    if (!m_state || m_rememberedAs.isEmpty())
        return;
    const WindowStateStore::Tabs tabs = m_state->tabs(m_rememberedAs);
    m_restoringTabs = true;
    for (const QString &group : tabs.groups)
        openGroup(group);
    if (tabs.current == kTopicsPageName)
        showTopics();
    else if (tabs.current.startsWith(kGroupPagePrefix) && groupPage(tabs.current.mid(kGroupPagePrefix.size())))
        m_tabs->setCurrentWidget(groupPage(tabs.current.mid(kGroupPagePrefix.size())));
    else
        showGroups();
    m_restoringTabs = false;
    showRestoreProblems();
}

void MainWindow::connectTo(std::shared_ptr<ClusterClient> client, const QString &displayName)
{
    setSession(ClusterSession::share(new ClusterSession(std::move(client), nullptr, displayName)));
}

void MainWindow::setSession(std::shared_ptr<ClusterSession> session, const QString &rememberedAs)
{
    ++m_connectAttempt;   // a connect still under way is overtaken
    const std::shared_ptr<ClusterSession> previous = std::exchange(m_session, std::move(session));
    if (previous) {
        disconnect(previous.get(), nullptr, this, nullptr);
        disconnect(previous->monitor(), nullptr, this, nullptr);
    }
    // The previous cluster's group tabs go (they stay remembered for it);
    // Groups and Topics move to the new session (their rows are cleared
    // until its first snapshot).
    m_restoringTabs = true;
    while (!m_groupPages.isEmpty())
        closeTab(m_tabs->indexOf(m_groupPages.constLast()));
    m_restoringTabs = false;
    m_groupActions->setSession(m_session);
    m_groupsPage->setSession(m_session.get());
    m_topicsPage->setSession(m_session.get());
    m_notifications->setSession(m_session.get());
    m_banner->clear();
    m_missing->clear();
    onRefreshEnded();
    m_currentName = m_session ? m_session->displayName() : QString();
    m_rememberedAs = rememberedAs.isEmpty() ? m_currentName : rememberedAs;
    fillConnectionSelector();
    if (!m_session) {
        m_refreshLabel->setText(tr("Not connected"));
        return;
    }
    // After the pages: by the time snapshotShown is emitted they show the snapshot.
    connect(m_session.get(), &ClusterSession::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_session.get(), &ClusterSession::refreshFailed, this, &MainWindow::onFailure);
    // The lag history's file could not be used as it was: said where the user looks, and kept going.
    const auto tellHistoryProblem = [this](const QString &message) { statusBar()->showMessage(message, 30000); };
    connect(m_session.get(), &ClusterSession::historyProblem, this, tellHistoryProblem);
    if (!m_session->lastHistoryProblem().isEmpty())
        tellHistoryProblem(m_session->lastHistoryProblem());
    // Progress and cancel are the monitor's own (the session forwards the results).
    ClusterMonitor *m = m_session->monitor();
    connect(m, &ClusterMonitor::refreshStarted, this, &MainWindow::onRefreshStarted);
    connect(m, &ClusterMonitor::snapshotReady, this, &MainWindow::onRefreshEnded);
    connect(m, &ClusterMonitor::refreshFailed, this, &MainWindow::onRefreshEnded);
    connect(m, &ClusterMonitor::refreshCancelled, this, &MainWindow::onRefreshCancelled);
    m_refreshLabel->setText(tr("Connecting to %1…").arg(m_currentName));
    m_session->setIntervalMs(m_interval->currentData().toInt());
    m_session->setPaused(m_pause->isChecked());
    m_session->start();
    restoreTabs();
}

bool MainWindow::isReadOnly() const
{
    return m_session && m_session->isReadOnly();
}

ClusterMonitor *MainWindow::monitor() const
{
    return m_session ? m_session->monitor() : nullptr;
}

void MainWindow::setConnectionStores(ConnectionProfileStore *profiles, SecretStore *secrets)
{
    m_profiles = profiles;
    m_secrets = secrets;
    fillConnectionSelector();
}

void MainWindow::fillConnectionSelector()
{
    if (!m_profiles) {   // the user's own stores, made on first use
        m_profiles = new ConnectionProfileStore(this);
        m_secrets = SecretStore::createDefault(this).release();
    }
    const QSignalBlocker block(m_connections);
    m_connections->clear();
    m_connections->addItem(m_currentName.isEmpty() ? tr("(not connected)") : m_currentName);
    const QStringList names = m_profiles->names();
    if (!names.isEmpty())
        m_connections->insertSeparator(1);
    for (const QString &name : names)
        if (name != m_currentName)
            m_connections->addItem(name, name);
    m_connections->setCurrentIndex(0);
}

void MainWindow::onConnectionChosen(int index)
{
    const QString name = m_connections->itemData(index).toString();
    m_connections->setCurrentIndex(0);   // stays on the current cluster until the switch happens
    if (!name.isEmpty())
        connectToSaved(name);
}

QFuture<bool> MainWindow::connectToProfile(const ConnectionProfile &profile, const QString &password)
{
    if (const QStringList problems = profile.validate(); !problems.isEmpty()) {
        m_banner->showError(tr("The connection \"%1\" cannot be used: %2").arg(profile.name, problems.join(QLatin1Char(' '))),
                            tr("Fix it under Connections…"));
        return QtFuture::makeReadyFuture(false);
    }
    const quint64 attempt = ++m_connectAttempt;
    statusBar()->showMessage(tr("Connecting to %1…").arg(profile.name));
    return ClusterSession::open(profile, password, this, m_adminFactory)
        .then(this, [this, attempt, name = profile.name](const Result<std::shared_ptr<ClusterSession>> &session) {
            if (attempt != m_connectAttempt)
                return false;   // another connection was chosen meanwhile
            statusBar()->clearMessage();
            if (!session) {
                m_banner->showError(tr("The connection \"%1\" cannot be used: %2").arg(name, session.error().message),
                                    session.error().hint);
                return false;
            }
            if (m_profiles && m_profiles->contains(name)) {
                m_profiles->setLastUsed(name);
                rememberConnection(name);
            }
            setSession(session.value());
            return true;
        });
}

void MainWindow::openConnectionDialog(const QString &profileName)
{
    if (!m_profiles)
        fillConnectionSelector();
    auto *dialog = new ConnectionDialog(*m_profiles, *m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!profileName.isEmpty())
        dialog->selectProfile(profileName);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { connectToProfile(dialog->profile(), dialog->password()); });
    connect(dialog, &QDialog::finished, this, &MainWindow::fillConnectionSelector);
    dialog->open();
}

GroupPage *MainWindow::groupPage(const QString &groupId) const
{
    for (GroupPage *page : m_groupPages)
        if (page->groupId() == groupId)
            return page;
    return nullptr;
}

GroupPage *MainWindow::openGroup(const QString &groupId)
{
    if (groupId.isEmpty())
        return nullptr;
    if (GroupPage *page = groupPage(groupId)) {
        m_tabs->setCurrentWidget(page);
        return page;
    }
    auto *page = new GroupPage(m_session.get(), groupId, m_tabs);
    m_groupPages.append(page);
    const int index = m_tabs->addTab(page, groupId);
    m_tabs->setTabToolTip(index, tr("Consumer group %1").arg(groupId));
    connect(page, &GroupPage::goneChanged, this, [this, page](bool gone) {
        const int i = m_tabs->indexOf(page);
        if (i >= 0)
            m_tabs->setTabText(i, gone ? tr("%1 (gone)").arg(page->groupId()) : page->groupId());
    });
    if (page->isGone())
        m_tabs->setTabText(index, tr("%1 (gone)").arg(groupId));
    restoreGroupPageState(page);
    // Every group page shares one arrangement: the one arranged last is what
    // the next opens with (a page merely shown changes nothing).
    // Not while the page goes: its tabs and headers signal as they are destroyed.
    auto save = [this, page] {
        if (!page->property(kClosingProperty).toBool())
            saveGroupPageState(page);
    };
    for (QHeaderView *h : {page->memberView()->horizontalHeader(), page->partitionView()->horizontalHeader(), page->assignmentView()->header(),
                           page->rebalancesTab()->historyView()->horizontalHeader()}) {
        connect(h, &QHeaderView::sectionResized, page, save);
        connect(h, &QHeaderView::sectionMoved, page, save);
        connect(h, &QHeaderView::sortIndicatorChanged, page, save);
    }
    for (auto *splitter : page->findChildren<QSplitter *>())
        connect(splitter, &QSplitter::splitterMoved, page, save);
    connect(page->lowerTabs(), &QTabWidget::currentChanged, page, save);
    // The page's own group is the actions' target while it is shown.
    page->addHeaderAction(m_groupActions->action(GroupAction::ResetOffsets));
    page->addHeaderAction(m_groupActions->action(GroupAction::UndoLastReset));
    page->addHeaderAction(m_groupActions->action(GroupAction::ExportOffsets));
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(page->memberView()), static_cast<QAbstractItemView *>(page->partitionView()),
          static_cast<QAbstractItemView *>(page->assignmentView()),
          static_cast<QAbstractItemView *>(page->rebalancesTab()->historyView())})
        setUpContextMenu(view);
    m_tabs->setCurrentIndex(index);
    saveTabs();
    return page;
}

void MainWindow::showTopics()
{
    m_tabs->setCurrentWidget(m_topicsPage);
}

void MainWindow::showGroups()
{
    m_tabs->setCurrentWidget(m_groupsPage);
}

void MainWindow::closeTab(int index)
{
    auto *page = qobject_cast<GroupPage *>(m_tabs->widget(index));
    if (!page)
        return;   // Groups and Topics stay
    page->setProperty(kClosingProperty, true);
    m_groupPages.removeOne(page);
    m_tabs->removeTab(index);
    page->deleteLater();
    saveTabs();
}

void MainWindow::onSnapshot(const ClusterSnapshot &snapshot)
{
    // The pages took the snapshot themselves; the window keeps its status bar and banner.
    // One plural per count: "1 broker · 2 groups" (a sentence with two counts has no plural form of its own).
    QString line = tr("Refreshed %1 in %2 ms · %3 · %4")
                       .arg(QLocale().toString(snapshot.takenAt.toLocalTime().time(), QLocale::LongFormat))
                       .arg(QLocale().toString(snapshot.durationMs))
                       .arg(tr("%Ln broker(s)", nullptr, int(snapshot.metadata.brokers.size())))
                       .arg(tr("%Ln group(s)", nullptr, int(snapshot.groups.size())));
    if (snapshot.readCommitted)
        line += tr(" · lag against the last stable offset (read_committed)");
    if (snapshot.isPartial())
        line += tr(" · partial: see the banner above");
    m_refreshLabel->setText(line);
    m_missing->setMissing(snapshot.missing);
    m_banner->clear();   // what is missing has its own banner (MissingPartsBanner)
    Q_EMIT snapshotShown(snapshot);
}

void MainWindow::onFailure(const KafkaError &error)
{
    const QString when
        = m_session && m_session->hasSnapshot()
              ? tr("Showing data from %1.").arg(QLocale().toString(m_session->lastFresh().toLocalTime().time(), QLocale::LongFormat))
              : QString();
    m_banner->showError(
        tr("Refresh failed: %1 %2").arg(error.name.isEmpty() ? error.message : error.name + QStringLiteral(": ") + error.message, when),
        error.hint);
    statusBar()->showMessage(tr("Refresh failed: %1").arg(error.message), 10000);
}

void MainWindow::onRefreshStarted()
{
    m_cancel->setEnabled(true);
    m_progressLabel->hide();
    m_progressLabel->clear();
    m_progressTimer->start();
}

void MainWindow::onRefreshEnded()
{
    m_progressTimer->stop();
    m_cancel->setEnabled(false);
    m_cancelButton->hide();
    m_progressLabel->hide();
    m_progressLabel->clear();
}

void MainWindow::onRefreshCancelled()
{
    onRefreshEnded();
    m_progressLabel->setText(m_session && m_session->hasSnapshot()
                                 ? tr("Refresh cancelled; showing the data from %1")
                                       .arg(QLocale().toString(m_session->lastFresh().toLocalTime().time(), QLocale::LongFormat))
                                 : tr("Refresh cancelled"));
    m_progressLabel->show();
}

void MainWindow::updateProgress()
{
    ClusterMonitor *m = monitor();
    const std::shared_ptr<const RefreshProgress> progress = m ? m->progress() : nullptr;
    if (!progress) {
        onRefreshEnded();
        return;
    }
    const RefreshProgress::State state = progress->state();
    if (state.elapsedMs < kProgressShownAfterMs)
        return;   // a quick refresh says nothing: the status bar would only flicker
    m_progressLabel->setText(RefreshProgressText::describe(state));
    m_progressLabel->show();
    m_cancelButton->show();
}

QString MainWindow::refreshProgressText() const
{
    return m_progressLabel->isHidden() ? QString() : m_progressLabel->text();
}

}   // namespace cohort
