// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GroupRebalancesTab.h"

#include "core/rebalance/GroupWatcher.h"
#include "core/rebalance/OwnershipTimeline.h"
#include "core/session/ClusterSession.h"
#include "models/RebalanceHistoryModel.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"
#include "ui/ActionIcons.h"
#include "ui/AssignmentWhatIfDialog.h"
#include "widgets/ChartRangeBar.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/RebalanceTimeline.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <limits>

namespace cohort {

GroupRebalancesTab::GroupRebalancesTab(const QString &groupId, ChartTimeRange *range, QWidget *parent)
    : QWidget(parent)
    , m_groupId(groupId)
    , m_range(range)
    , m_timeline(new RebalanceTimeline(this))
    , m_history(new RebalanceHistoryModel(this))
    , m_historyView(new QTableView(this))
    , m_watchNote(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
{
    m_timeline->setTimeRange(range);
    auto *simulate = new QPushButton(tr("Simulate Assignment…"), this);
    simulate->setToolTip(tr("What each assignor would give these members, with members added or removed or partitions added"));

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_history);
    proxy->setSortRole(RebalanceHistoryModel::SortRole);
    proxy->setDynamicSortFilter(true);
    m_historyView->setModel(proxy);
    m_historyView->setSortingEnabled(true);
    m_historyView->sortByColumn(RebalanceHistoryModel::Started, Qt::DescendingOrder);   // the latest first
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setWordWrap(false);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(22);
    m_historyView->horizontalHeader()->setStretchLastSection(false);
    m_historyView->horizontalHeader()->setSectionResizeMode(RebalanceHistoryModel::Trigger, QHeaderView::Stretch);
    m_historyView->setColumnWidth(RebalanceHistoryModel::Started, 160);
    m_historyView->setColumnWidth(RebalanceHistoryModel::Duration, 90);
    m_historyView->setColumnWidth(RebalanceHistoryModel::PartitionsMoved, 120);
    m_historyView->setColumnWidth(RebalanceHistoryModel::WithoutOwner, 110);
    m_historyView->setColumnWidth(RebalanceHistoryModel::Generation, 90);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(new ChartRangeBar(range, this));
    bar->addSpacing(12);
    bar->addWidget(m_watchNote, 1);
    bar->addWidget(simulate);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("rebalancesSplitter"));   // remembered by name (MainWindow)
    split->addWidget(m_timeline);
    split->addWidget(m_historyView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(50);
    connect(m_refreshTimer, &QTimer::timeout, this, &GroupRebalancesTab::refresh);
    connect(range, &ChartTimeRange::windowChanged, this, &GroupRebalancesTab::scheduleRefresh);
    connect(simulate, &QPushButton::clicked, this, &GroupRebalancesTab::openSimulation);
    ThemeNotifier::restyleOnChange(m_watchNote, [this] { m_watchNote->setStyleSheet(Theme::textStyleSheet(Theme::current().muted())); });
    updateWatchNote();
}

GroupRebalancesTab::~GroupRebalancesTab()
{
    setWatching(false);
}

void GroupRebalancesTab::setSession(ClusterSession *session)
{
    if (m_session)
        disconnect(m_session->lagHistory(), nullptr, this, nullptr);
    m_session = session;
    if (session) {
        LagHistory *history = session->lagHistory();
        connect(history, &LagHistory::updated, this, &GroupRebalancesTab::scheduleRefresh);
        connect(history, &LagHistory::eventsRecorded, this, [this](const QList<GroupEvent> &events) {
            for (const GroupEvent &e : events)
                if (e.groupId == m_groupId) {
                    scheduleRefresh();
                    return;
                }
        });
    }
    refresh();
}

void GroupRebalancesTab::setGroup(const GroupSnapshot &group, const ClusterMetadata &metadata)
{
    m_group = group;
    m_metadata = metadata;
    m_hasGroup = true;
    scheduleRefresh();
}

void GroupRebalancesTab::scheduleRefresh()
{
    // Started, never restarted: updates faster than the delay (a watcher at
    // 250 ms, a drag) must not postpone the rebuild for ever.
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void GroupRebalancesTab::setWatching(bool watching)
{
    if (watching == m_watching || (watching && !m_session))
        return;
    m_watching = watching;
    if (m_session) {
        GroupWatcher *watcher = m_session->groupWatcher(m_groupId);
        if (watching)
            watcher->start();
        else
            watcher->stop();
    }
    updateWatchNote();
}

void GroupRebalancesTab::updateWatchNote()
{
    m_watchNote->setText(m_watching ? tr("Watching: the group is read every second, every 250 ms while it rebalances.")
                         : m_session ? tr("Not watching: rebalances between two refreshes are not seen.")
                                     : QString());
}

void GroupRebalancesTab::refresh()
{
    m_refreshTimer->stop();
    if (!m_session)
        return;
    LagHistory *history = m_session->lagHistory();
    // The open bars end at the next half minute rather than now, so that the
    // lanes are rebuilt when something happens or every 30 s, not at every
    // read (the live window ends at the latest sample: the overhang is out of view).
    constexpr qint64 kEndStepMs = 30'000;
    const qint64 nowMs = (QDateTime::currentMSecsSinceEpoch() / kEndStepMs + 1) * kEndStepMs;
    const qint64 fromMs = m_range->fromMs();
    // The lanes are rebuilt back from now, so they need every event since the window's start.
    const QList<GroupEvent> sinceFrom = history->events(m_groupId, fromMs, std::numeric_limits<qint64>::max() / 2);
    const QList<OwnershipTimeline::Member> members = m_hasGroup ? OwnershipTimeline::membersOf(m_group) : QList<OwnershipTimeline::Member>{};
    const GroupState state = m_hasGroup ? m_group.description.state : GroupState::Unknown;
    // Known since the group's first sample in the history: before it the lanes stay empty.
    const QList<LagPoint> samples = history->series({m_groupId, {}, -1}, 0, std::numeric_limits<qint64>::max() / 2);
    const qint64 knownFromMs = samples.isEmpty() ? nowMs : samples.first().timeMs;
    m_timeline->setTimeline(OwnershipTimeline::build(sinceFrom, members, state, fromMs, std::max(nowMs, m_range->toMs()), knownFromMs));
    // While live, up to whatever came last (as the lag charts read it).
    const qint64 toMs = m_range->followsLive() ? std::numeric_limits<qint64>::max() : m_range->toMs();
    QList<GroupEvent> shown;
    for (const GroupEvent &e : sinceFrom)
        if (e.timeMs <= toMs)
            shown.append(e);
    m_timeline->setEvents(shown);
    m_history->setEvents(history->events(m_groupId, 0, std::numeric_limits<qint64>::max() / 2));
}

void GroupRebalancesTab::addRowActions(QMenu *menu, const QModelIndex &index)
{
    if (!index.isValid())
        return;
    QAction *show = menu->addAction(ActionIcons::themed(QStringLiteral("zoom-fit-best")), tr("Show on &Timeline"));
    show->setObjectName(QStringLiteral("showRebalanceOnTimeline"));
    show->setStatusTip(tr("Narrow the timeline and the lag charts to this rebalance"));
    const QPersistentModelIndex row(index);
    connect(show, &QAction::triggered, this, [this, row] { showOnTimeline(row); });
    QAction *details = menu->addAction(ActionIcons::themed(QStringLiteral("edit-copy")), tr("Copy Rebalance &Details"));
    details->setObjectName(QStringLiteral("copyRebalanceDetails"));
    const QString text = index.data(RebalanceHistoryModel::DetailsRole).toString();
    connect(details, &QAction::triggered, menu, [text] { QGuiApplication::clipboard()->setText(text); });
}

void GroupRebalancesTab::showOnTimeline(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 started = index.data(RebalanceHistoryModel::StartedMsRole).toLongLong();
    const qint64 completed = index.data(RebalanceHistoryModel::CompletedMsRole).toLongLong();
    // Begun between two reads: its start is somewhere in the read interval before its end.
    const qint64 from = started >= 0 ? started : completed;
    const qint64 to = completed >= 0 ? completed : QDateTime::currentMSecsSinceEpoch();
    // The rebalance in the middle third, and at least a minute in view to see what led to it.
    const qint64 margin = std::max<qint64>(30'000, to - from);
    m_range->setUserWindow(from - margin, to + margin);
}

void GroupRebalancesTab::openSimulation()
{
    auto *dialog = new AssignmentWhatIfDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_hasGroup)
        dialog->setGroup(m_group, m_metadata);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
}

}   // namespace cohort
