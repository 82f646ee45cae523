// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/ClusterMonitor.h"
#include "models/GroupTableModel.h"
#include "ui/GroupsPage.h"
#include "widgets/StatusBanner.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace cohort {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_groupModel(new GroupTableModel(this)), m_groupsPage(new GroupsPage(m_groupModel, this)),
      m_banner(new StatusBanner(this)), m_clusterLabel(new QLabel(this)), m_refreshLabel(new QLabel(this)),
      m_interval(new QComboBox(this)), m_pause(new QAction(tr("Pause"), this))
{
    setWindowTitle(tr("Cohort"));
    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setMovable(false);
    toolbar->addWidget(new QLabel(tr("Cluster: "), this));
    toolbar->addWidget(m_clusterLabel);
    toolbar->addSeparator();
    auto *refresh = toolbar->addAction(tr("Refresh now"));
    refresh->setShortcut(QKeySequence::Refresh);
    toolbar->addWidget(new QLabel(tr(" every "), this));
    for (int s : {2, 5, 10, 30, 60})
        m_interval->addItem(tr("%n s", nullptr, s), s * 1000);
    m_interval->setCurrentIndex(1);
    toolbar->addWidget(m_interval);
    m_pause->setCheckable(true);
    toolbar->addAction(m_pause);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_groupsPage, tr("Groups"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(tabs, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_refreshLabel);
    m_refreshLabel->setText(tr("Not connected"));

    connect(refresh, &QAction::triggered, this, [this] { if (m_monitor) m_monitor->refreshNow(); });
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        if (m_monitor) m_monitor->setIntervalMs(m_interval->currentData().toInt());
    });
    connect(m_pause, &QAction::toggled, this, [this](bool on) {
        if (m_monitor) m_monitor->setPaused(on);
        m_pause->setText(on ? tr("Resume") : tr("Pause"));
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::connectTo(std::shared_ptr<ClusterClient> client, const QString &displayName)
{
    m_monitor = std::make_unique<ClusterMonitor>(std::move(client));
    m_monitor->setIntervalMs(m_interval->currentData().toInt());
    connect(m_monitor.get(), &ClusterMonitor::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_monitor.get(), &ClusterMonitor::refreshFailed, this, &MainWindow::onFailure);
    connect(m_monitor.get(), &ClusterMonitor::staleChanged, this, &MainWindow::onStale);
    m_clusterLabel->setText(displayName);
    m_refreshLabel->setText(tr("Connecting to %1…").arg(displayName));
    m_banner->clear();
    m_groupModel->setStale(false);
    m_monitor->setPaused(m_pause->isChecked());
    m_monitor->start();
}

void MainWindow::onSnapshot(const ClusterSnapshot &snapshot)
{
    m_groupModel->setSnapshot(snapshot);
    QString line = tr("Refreshed %1 in %2 ms · %3 brokers · %4 groups")
                       .arg(QLocale().toString(snapshot.takenAt.toLocalTime().time(), QLocale::LongFormat))
                       .arg(snapshot.durationMs)
                       .arg(snapshot.metadata.brokers.size())
                       .arg(snapshot.groups.size());
    if (snapshot.readCommitted)
        line += tr(" · lag against the last stable offset (read_committed)");
    m_refreshLabel->setText(line);
    if (snapshot.partialErrors.isEmpty()) {
        m_banner->clear();
    } else {
        const KafkaError &e = snapshot.partialErrors.first();
        m_banner->showError(tr("Part of the cluster did not answer: %1").arg(e.toString()), e.hint);
    }
    Q_EMIT snapshotShown(snapshot);
}

void MainWindow::onFailure(const KafkaError &error)
{
    const QString when = m_monitor && m_monitor->hasSnapshot()
                             ? tr("Showing data from %1.").arg(QLocale().toString(m_monitor->lastFresh().toLocalTime().time(), QLocale::LongFormat))
                             : QString();
    m_banner->showError(tr("Refresh failed: %1 %2").arg(error.name.isEmpty() ? error.message : error.name + QStringLiteral(": ") + error.message, when),
                        error.hint);
    statusBar()->showMessage(tr("Refresh failed: %1").arg(error.message), 10000);
}

void MainWindow::onStale(bool stale, const QDateTime &)
{
    m_groupModel->setStale(stale);
}

} // namespace cohort
