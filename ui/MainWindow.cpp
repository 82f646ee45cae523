// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/SecretStore.h"
#include "core/snapshot/ClusterMonitor.h"
#include "core/snapshot/RefreshProgressText.h"
#include "models/GroupTableModel.h"
#include "models/TopicTableModel.h"
#include "ui/ConnectionDialog.h"
#include "ui/GroupPage.h"
#include "ui/GroupsPage.h"
#include "ui/TopicsPage.h"
#include "widgets/MissingPartsBanner.h"
#include "widgets/StatusBanner.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace cohort {

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
    , m_cancel(new QAction(tr("Cancel refresh"), this))
    , m_progressLabel(new QLabel(this))
    , m_cancelButton(new QToolButton(this))
    , m_progressTimer(new QTimer(this))
{
    setWindowTitle(tr("Cohort"));
    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Cluster: "), this));
    m_connections->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connections->setToolTip(tr("The cluster shown; pick a saved connection to switch"));
    toolbar->addWidget(m_connections);
    auto *manage = toolbar->addAction(tr("Connections…"));
    manage->setToolTip(tr("Add, edit and test saved connections"));
    connect(manage, &QAction::triggered, this, [this] { openConnectionDialog(); });
    connect(m_connections, &QComboBox::activated, this, &MainWindow::onConnectionChosen);
    toolbar->addSeparator();
    auto *refresh = toolbar->addAction(tr("Refresh now"));
    refresh->setObjectName(QStringLiteral("refreshNow"));
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
    for (int s : {2, 5, 10, 30, 60})
        m_interval->addItem(tr("%n s", nullptr, s), s * 1000);
    m_interval->setCurrentIndex(1);
    toolbar->addWidget(m_interval);
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
        if (m_session)
            m_session->setIntervalMs(m_interval->currentData().toInt());
    });
    connect(m_pause, &QAction::toggled, this, [this](bool on) {
        if (m_session)
            m_session->setPaused(on);
        m_pause->setText(on ? tr("Resume") : tr("Pause"));
    });
    connect(m_groupsPage, &GroupsPage::groupActivated, this, &MainWindow::openGroup);
    connect(m_topicsPage, &TopicsPage::groupActivated, this, &MainWindow::openGroup);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
}

MainWindow::~MainWindow() = default;

void MainWindow::connectTo(std::shared_ptr<ClusterClient> client, const QString &displayName)
{
    setSession(ClusterSession::share(new ClusterSession(std::move(client), nullptr, displayName)));
}

void MainWindow::setSession(std::shared_ptr<ClusterSession> session)
{
    ++m_connectAttempt;   // a connect still under way is overtaken
    const std::shared_ptr<ClusterSession> previous = std::exchange(m_session, std::move(session));
    if (previous) {
        disconnect(previous.get(), nullptr, this, nullptr);
        disconnect(previous->monitor(), nullptr, this, nullptr);
    }
    // The previous cluster's group tabs go; Groups and Topics move to the new
    // session (their rows are cleared until its first snapshot).
    while (!m_groupPages.isEmpty())
        closeTab(m_tabs->indexOf(m_groupPages.constLast()));
    m_groupsPage->setSession(m_session.get());
    m_topicsPage->setSession(m_session.get());
    m_banner->clear();
    m_missing->clear();
    onRefreshEnded();
    m_currentName = m_session ? m_session->displayName() : QString();
    fillConnectionSelector();
    if (!m_session) {
        m_refreshLabel->setText(tr("Not connected"));
        return;
    }
    // After the pages: by the time snapshotShown is emitted they show the snapshot.
    connect(m_session.get(), &ClusterSession::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_session.get(), &ClusterSession::refreshFailed, this, &MainWindow::onFailure);
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
    if (name.isEmpty())
        return;
    const std::optional<ConnectionProfile> profile = m_profiles->load(name);
    if (!profile) {
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
            if (m_profiles && m_profiles->contains(name))
                m_profiles->setLastUsed(name);
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
    m_tabs->setCurrentIndex(index);
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
    m_groupPages.removeOne(page);
    m_tabs->removeTab(index);
    page->deleteLater();
}

void MainWindow::onSnapshot(const ClusterSnapshot &snapshot)
{
    // The pages took the snapshot themselves; the window keeps its status bar and banner.
    QString line = tr("Refreshed %1 in %2 ms · %3 brokers · %4 groups")
                       .arg(QLocale().toString(snapshot.takenAt.toLocalTime().time(), QLocale::LongFormat))
                       .arg(snapshot.durationMs)
                       .arg(snapshot.metadata.brokers.size())
                       .arg(snapshot.groups.size());
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
