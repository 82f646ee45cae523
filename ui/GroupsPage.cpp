// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GroupsPage.h"

#include "core/session/ClusterSession.h"
#include "models/GroupFilterProxyModel.h"
#include "models/GroupTableModel.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"
#include "widgets/LagSparklineDelegate.h"

#include <QCheckBox>
#include <QDateTime>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace cohort {

namespace {

// A filter that does not parse (a bad regular expression) gets the error colour's border.
void styleFilter(QLineEdit *filter, bool valid)
{
    filter->setStyleSheet(
        valid ? QString()
              : QStringLiteral("QLineEdit { border: 1px solid %1; }").arg(Theme::current().status(Theme::Status::Error).name()));
}

}   // namespace

GroupsPage::GroupsPage(GroupTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new GroupFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_state(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_onlyLagging(new QCheckBox(tr("Only lagging"), this))
    , m_onlyStale(new QCheckBox(tr("Only not refreshed"), this))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_rebalanceCountTimer(new QTimer(this))
{
    m_proxy->setSourceModel(model);
    m_filter->setPlaceholderText(tr("Filter groups, topics, assignors…"));
    m_filter->setClearButtonEnabled(true);
    m_state->addItem(tr("All states"), -1);
    for (const auto s : {GroupState::Stable, GroupState::Empty, GroupState::PreparingRebalance, GroupState::CompletingRebalance,
                         GroupState::Assigning, GroupState::Reconciling, GroupState::NotReady, GroupState::Dead})
        m_state->addItem(groupStateToString(s), int(s));
    m_type->addItem(tr("All types"), -1);
    for (const auto t : {GroupType::Classic, GroupType::Consumer, GroupType::Share, GroupType::Streams})
        m_type->addItem(groupTypeToString(t), int(t));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_regex);
    bar->addWidget(m_state);
    bar->addWidget(m_type);
    bar->addWidget(m_onlyLagging);
    m_onlyStale->setToolTip(tr("Only groups whose description or committed offsets the last refresh could not read (marked with a clock)"));
    bar->addWidget(m_onlyStale);
    bar->addStretch();
    bar->addWidget(m_count);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(GroupTableModel::GroupId, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(GroupTableModel::GroupId, QHeaderView::Interactive);
    m_view->setColumnWidth(GroupTableModel::GroupId, 240);
    m_view->setColumnWidth(GroupTableModel::State, 150);
    m_view->setColumnWidth(GroupTableModel::Type, 90);
    m_view->setColumnWidth(GroupTableModel::ProtocolType, 110);
    m_view->setColumnWidth(GroupTableModel::Assignor, 150);
    for (int c : {int(GroupTableModel::Members), int(GroupTableModel::Topics), int(GroupTableModel::Partitions)})
        m_view->setColumnWidth(c, 90);
    m_view->setColumnWidth(GroupTableModel::Lag, 110 + LagSparklineDelegate::kSparklineWidth + 8);
    m_view->setItemDelegateForColumn(GroupTableModel::Lag, new LagSparklineDelegate(GroupTableModel::LagTrendRole, m_view));
    m_view->setColumnWidth(GroupTableModel::Status, 70);
    m_view->setColumnWidth(GroupTableModel::TimeLag, 90);
    m_view->setColumnWidth(GroupTableModel::Trend, 100);
    m_view->setColumnWidth(GroupTableModel::Eta, 110);
    m_view->setColumnWidth(GroupTableModel::Rebalances, 120);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &GroupsPage::applyFilter);
    connect(m_regex, &QCheckBox::toggled, this, &GroupsPage::applyFilter);
    connect(m_onlyLagging, &QCheckBox::toggled, m_proxy, &GroupFilterProxyModel::setOnlyLagging);
    connect(m_onlyStale, &QCheckBox::toggled, m_proxy, &GroupFilterProxyModel::setOnlyStale);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_state->currentData().toInt();
        m_proxy->setStates(s < 0 ? QSet<GroupState>{} : QSet<GroupState>{GroupState(s)});
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        const int t = m_type->currentData().toInt();
        m_proxy->setTypes(t < 0 ? QSet<GroupType>{} : QSet<GroupType>{GroupType(t)});
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &GroupsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &GroupsPage::updateCount);
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT groupActivated(index.data(GroupTableModel::GroupIdRole).toString()); });
    m_view->setToolTip(tr("Double-click a group to open it"));
    updateCount();
    m_rebalanceCountTimer->setSingleShot(true);
    connect(m_rebalanceCountTimer, &QTimer::timeout, this, &GroupsPage::countRebalances);
    connect(ThemeNotifier::instance(), &ThemeNotifier::changed, m_filter, [this] { styleFilter(m_filter, m_proxy->isFilterValid()); });
}

void GroupsPage::setSession(ClusterSession *session)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        disconnect(m_session->lagHistory(), nullptr, this, nullptr);
    }
    m_session = session;
    m_model->setLagHistory(session ? session->lagHistory() : nullptr);
    m_model->setSnapshot(session && session->hasSnapshot() ? session->snapshot() : ClusterSnapshot{});
    m_model->setStale(session && session->isStale());
    if (!session)
        return;
    connect(session, &ClusterSession::snapshotReady, this, [this](const ClusterSnapshot &snapshot) { m_model->setSnapshot(snapshot); });
    connect(session, &ClusterSession::staleChanged, this, [this](bool stale) { m_model->setStale(stale); });
    m_model->clearRebalanceCounts();
    if (session->historyStore()) {
        // A completed rebalance counts a second later (several coalesced into one query).
        connect(session->lagHistory(), &LagHistory::eventsRecorded, this, [this](const QList<GroupEvent> &events) {
            if (std::any_of(events.cbegin(), events.cend(), [](const GroupEvent &e) { return e.kind == GroupEventKind::RebalanceCompleted; }))
                m_rebalanceCountTimer->start(1000);
        });
        countRebalances();
    }
}

void GroupsPage::countRebalances()
{
    m_rebalanceCountTimer->stop();
    if (!m_session || !m_session->historyStore())
        return;
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    const QPointer<ClusterSession> asked = m_session;
    m_session->historyStore()
        ->countEventsSince(GroupEventKind::RebalanceCompleted, QDateTime::currentMSecsSinceEpoch() - kDayMs)
        .then(this, [this, asked](const QHash<QString, int> &counts) {
            // A session switched meanwhile answered for another cluster.
            if (!asked || asked != m_session)
                return;
            m_model->setRebalanceCounts(counts);
            // Old rebalances leave the window: counted again every minute.
            if (!m_rebalanceCountTimer->isActive())
                m_rebalanceCountTimer->start(60 * 1000);
        });
}

void GroupsPage::applyFilter()
{
    m_proxy->setText(m_filter->text(), m_regex->isChecked());
    m_filter->setToolTip(m_proxy->errorString());
    styleFilter(m_filter, m_proxy->isFilterValid());
    updateCount();
}

void GroupsPage::updateCount()
{
    m_count->setText(tr("%1 of %2 groups").arg(QLocale().toString(m_proxy->rowCount()), QLocale().toString(m_model->rowCount())));
}

}   // namespace cohort
