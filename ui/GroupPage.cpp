// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GroupPage.h"

#include "core/session/ClusterSession.h"
#include "core/snapshot/FreshnessText.h"
#include "models/AssignmentTreeModel.h"
#include "models/MemberTableModel.h"
#include "models/PartitionFilterProxyModel.h"
#include "models/PartitionTableModel.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"
#include "ui/GroupRebalancesTab.h"
#include "widgets/AssignmentView.h"
#include "widgets/ChartTimeRange.h"
#include "widgets/LagChartsPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QLabel>
#include <QLocale>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace cohort {

namespace {

// The state label remembers its state, so that a theme change can re-colour it.
const char *const kStateProperty = "cohortGroupState";

void styleState(QLabel *label)
{
    const auto state = GroupState(label->property(kStateProperty).toInt());
    label->setStyleSheet(Theme::textStyleSheet(Theme::current().groupState(state), {}, QStringLiteral("font-weight: bold;")));
}

void setUpTable(QTableView *view)
{
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(22);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

}   // namespace

GroupPage::GroupPage(const QString &groupId, QWidget *parent)
    : QWidget(parent)
    , m_groupId(groupId)
    , m_ageTimer(new QTimer(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_members(new MemberTableModel(this))
    , m_partitions(new PartitionTableModel(this))
    , m_assignment(new AssignmentTreeModel(this))
    , m_memberProxy(new QSortFilterProxyModel(this))
    , m_partitionProxy(new PartitionFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_fieldBox(new QWidget(this))
    , m_memberView(new QTableView(this))
    , m_assignmentView(new AssignmentView(this))
    , m_partitionView(new QTableView(this))
    , m_topicFilter(new QComboBox(this))
    , m_partitionCount(new QLabel(this))
    , m_memberCount(new QLabel(this))
    , m_charts(new LagChartsPanel(this))
    , m_lowerTabs(new QTabWidget(this))
    , m_rebalances(new GroupRebalancesTab(groupId, m_charts->timeRange(), this))
    , m_chartTimer(new QTimer(this))
{
    // Header: the group id, then one caption/value pair per fact.
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(groupId);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *fields = new QHBoxLayout(m_fieldBox);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->setSpacing(28);
    addField(QStringLiteral("state"), tr("State"));
    addField(QStringLiteral("type"), tr("Type"));
    addField(QStringLiteral("protocolType"), tr("Protocol type"));
    addField(QStringLiteral("assignor"), tr("Assignor"));
    addField(QStringLiteral("generation"), tr("Generation"));
    addField(QStringLiteral("coordinator"), tr("Coordinator"));
    addField(QStringLiteral("members"), tr("Members"));
    addField(QStringLiteral("partitions"), tr("Partitions"));
    addField(QStringLiteral("lag"), tr("Total lag"));
    fields->addStretch();
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();

    // Members.
    m_memberProxy->setSourceModel(m_members);
    m_memberProxy->setSortRole(MemberTableModel::SortRole);
    m_memberProxy->setSortLocaleAware(true);
    m_memberProxy->setDynamicSortFilter(true);
    m_memberView->setModel(m_memberProxy);
    setUpTable(m_memberView);
    m_memberView->sortByColumn(MemberTableModel::ClientId, Qt::AscendingOrder);
    // The member id is long and random: it takes what space is left, elided.
    m_memberView->horizontalHeader()->setStretchLastSection(false);
    m_memberView->horizontalHeader()->setSectionResizeMode(MemberTableModel::MemberId, QHeaderView::Stretch);
    m_memberView->setColumnWidth(MemberTableModel::Topics, 120);
    m_memberView->setColumnWidth(MemberTableModel::ClientId, 140);
    m_memberView->setColumnWidth(MemberTableModel::Host, 95);
    m_memberView->setColumnWidth(MemberTableModel::InstanceId, 110);
    m_memberView->setColumnWidth(MemberTableModel::Partitions, 70);
    m_memberView->setColumnWidth(MemberTableModel::Epoch, 70);
    // Client id first: it is what people recognise; the member id is long and random.
    m_memberView->horizontalHeader()->moveSection(MemberTableModel::ClientId, 0);

    // Assignment.
    m_assignmentView->setAssignmentModel(m_assignment);

    // Partitions.
    m_partitionProxy->setSourceModel(m_partitions);
    m_partitionView->setModel(m_partitionProxy);
    setUpTable(m_partitionView);
    m_partitionView->sortByColumn(PartitionTableModel::Topic, Qt::AscendingOrder);
    m_partitionView->setColumnWidth(PartitionTableModel::Topic, 160);
    m_partitionView->setColumnWidth(PartitionTableModel::Partition, 70);
    m_partitionView->setColumnWidth(PartitionTableModel::Owner, 200);
    m_partitionView->setColumnWidth(PartitionTableModel::Committed, 130);
    m_partitionView->setColumnWidth(PartitionTableModel::End, 130);
    m_partitionView->setColumnWidth(PartitionTableModel::Lag, 110);
    m_partitionView->setColumnWidth(PartitionTableModel::TimeLag, 90);
    m_partitionView->setColumnWidth(PartitionTableModel::Status, 80);
    m_topicFilter->addItem(tr("All topics"), QString());
    m_topicFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *memberBox = new QWidget(this);
    auto *memberLayout = new QVBoxLayout(memberBox);
    memberLayout->setContentsMargins(0, 0, 0, 0);
    auto *memberBar = new QHBoxLayout;
    memberBar->addWidget(sectionTitle(tr("Members"), memberBox));
    memberBar->addStretch();
    memberBar->addWidget(m_memberCount);
    memberLayout->addLayout(memberBar);
    memberLayout->addWidget(m_memberView, 1);

    auto *assignmentBox = new QWidget(this);
    auto *assignmentLayout = new QVBoxLayout(assignmentBox);
    assignmentLayout->setContentsMargins(0, 0, 0, 0);
    auto *assignmentTitle = sectionTitle(tr("Assignment"), assignmentBox);
    assignmentTitle->setToolTip(
        tr("Bars: partitions owned; the tick is an even split. Orange owns more than its share, blue less, red none."));
    assignmentLayout->addWidget(assignmentTitle);
    assignmentLayout->addWidget(m_assignmentView, 1);

    auto *partitionBox = new QWidget(this);
    auto *partitionLayout = new QVBoxLayout(partitionBox);
    partitionLayout->setContentsMargins(0, 0, 0, 0);
    auto *partitionBar = new QHBoxLayout;
    partitionBar->addWidget(sectionTitle(tr("Partitions"), partitionBox));
    partitionBar->addSpacing(12);
    partitionBar->addWidget(new QLabel(tr("Topic:"), partitionBox));
    partitionBar->addWidget(m_topicFilter);
    partitionBar->addStretch();
    partitionBar->addWidget(m_partitionCount);
    partitionLayout->addLayout(partitionBar);
    partitionLayout->addWidget(m_partitionView, 1);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->setObjectName(QStringLiteral("membersAssignmentSplitter"));   // remembered by name (MainWindow)
    top->addWidget(memberBox);
    top->addWidget(assignmentBox);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    // Partitions and the lag over time share the lower half: both want its width.
    m_lowerTabs->addTab(partitionBox, tr("Partitions"));
    m_lowerTabs->addTab(m_charts, tr("Lag over time"));
    m_lowerTabs->addTab(m_rebalances, tr("Rebalances"));
    m_lowerTabs->setDocumentMode(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("groupPageSplitter"));
    split->addWidget(top);
    split->addWidget(m_lowerTabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_fieldBox);
    layout->addWidget(m_notice);
    layout->addSpacing(4);
    layout->addWidget(split, 1);

    connect(m_topicFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_partitionProxy->setTopic(m_topicFilter->currentData().toString());
        updatePartitionCount();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_partitionProxy, signal, this, &GroupPage::updatePartitionCount);

    for (QLabel *l : std::as_const(m_fields))
        l->setText(QStringLiteral("–"));
    m_memberCount->setText(tr("Waiting for data…"));
    QLabel *state = m_fields[QStringLiteral("state")];
    state->setProperty(kStateProperty, int(GroupState::Unknown));
    ThemeNotifier::restyleOnChange(state, [state] { styleState(state); });
    connect(ThemeNotifier::instance(), &ThemeNotifier::changed, this, &GroupPage::updateNotice);
    // "Last read 40 s ago" grows while nothing is refreshed.
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &GroupPage::updateNotice);
    m_chartTimer->setSingleShot(true);
    m_chartTimer->setInterval(50);
    connect(m_chartTimer, &QTimer::timeout, this, &GroupPage::refreshCharts);
    connect(m_charts->timeRange(), &ChartTimeRange::windowChanged, m_chartTimer, qOverload<>(&QTimer::start));
}

GroupPage::GroupPage(ClusterSession *session, const QString &groupId, QWidget *parent)
    : GroupPage(groupId, parent)
{
    m_session = session;
    if (!session)
        return;
    if (session->hasSnapshot()) {
        setSnapshot(session->snapshot());
        setStale(session->isStale(), session->lastFresh());
    }
    connect(session, &ClusterSession::snapshotReady, this, &GroupPage::setSnapshot);
    connect(session, &ClusterSession::staleChanged, this, &GroupPage::setStale);
    connect(session, &ClusterSession::groupRefreshed, this, [this](const GroupSnapshot &group) {
        if (group.groupId() == m_groupId && m_session)
            setGroup(group, m_session->snapshot().metadata);
    });
    // While the page is open the history keeps this group's partitions too.
    LagHistory *history = session->lagHistory();
    history->setFocused(m_groupId, true);
    connect(history, &LagHistory::updated, this, &GroupPage::refreshCharts);
    // The watcher's events reach the history between samples: their markers too.
    connect(history, &LagHistory::eventsRecorded, this, [this](const QList<GroupEvent> &events) {
        if (std::any_of(events.cbegin(), events.cend(), [this](const GroupEvent &e) { return e.groupId == m_groupId; }))
            m_chartTimer->start();
    });
    m_rebalances->setSession(session);
    refreshCharts();
}

GroupPage::~GroupPage()
{
    m_rebalances->setWatching(false);
    if (m_session)
        m_session->lagHistory()->setFocused(m_groupId, false);
}

void GroupPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        m_rebalances->setWatching(true);
}

void GroupPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous())
        m_rebalances->setWatching(false);
}

void GroupPage::refreshCharts()
{
    m_chartTimer->stop();
    LagHistory *history = m_session ? m_session->lagHistory() : nullptr;
    if (!history)
        return;
    m_partitions->setAssessment(history->assessment(m_groupId));
    // The window shown; while live, up to whatever the newest sample is. Each
    // tier of the history holds just its span (720 points of 5 s is an hour):
    // asking from a 720th of the window in keeps a 1 h window at 5 s, not
    // at the next tier's minutes, for one point's width lost at the left edge.
    const ChartTimeRange *range = m_charts->timeRange();
    const qint64 from = range->fromMs() + (range->toMs() - range->fromMs()) / 720;
    const qint64 to = range->followsLive() ? std::numeric_limits<qint64>::max() / 2 : range->toMs();
    m_charts->setGroupSeries(history->series({m_groupId, {}, -1}, from, to));
    QList<LagSeriesValues::NamedSeries> topics;
    for (const QString &topic : history->topics(m_groupId))
        topics.append({topic, history->series({m_groupId, topic, -1}, from, to)});
    m_charts->setTopicSeries(topics);
    QList<LagSeriesValues::NamedSeries> partitions;
    for (const TopicPartition &tp : history->partitions(m_groupId))
        partitions.append({tp.name(), history->series({m_groupId, tp.topic, tp.partition}, from, to)});
    m_charts->setPartitionSeries(partitions);
    m_charts->setEvents(history->events(m_groupId, from, to));
}

QLabel *GroupPage::addField(const QString &field, const QString &caption)
{
    auto *box = new QWidget(m_fieldBox);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    auto *c = new QLabel(caption, box);
    ThemeNotifier::restyleOnChange(c, [c] { c->setStyleSheet(Theme::textStyleSheet(Theme::current().muted())); });
    auto *value = new QLabel(box);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 1.1);
    value->setFont(f);
    v->addWidget(c);
    v->addWidget(value);
    static_cast<QHBoxLayout *>(m_fieldBox->layout())->addWidget(box);
    m_fields.insert(field, value);
    return value;
}

QString GroupPage::headerValue(const QString &field) const
{
    const QLabel *l = m_fields.value(field);
    return l ? l->text() : QString();
}

QString GroupPage::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void GroupPage::addHeaderAction(QAction *action)
{
    auto *button = new QToolButton(m_fieldBox);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    static_cast<QHBoxLayout *>(m_fieldBox->layout())->addWidget(button, 0, Qt::AlignBottom);
}

void GroupPage::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateNotice();
}

void GroupPage::setSnapshot(const ClusterSnapshot &snapshot)
{
    const GroupSnapshot *group = snapshot.group(m_groupId);
    if (!group) {
        // Keep what was shown: the last picture of a group is what someone
        // investigating its disappearance wants to look at.
        setGone(true, m_lastSeen);
        return;
    }
    m_lastSeen = snapshot.takenAt;
    m_hasData = true;
    showGroup(*group, snapshot.metadata);
    setGone(false, m_lastSeen);
}

void GroupPage::setGroup(const GroupSnapshot &group, const ClusterMetadata &metadata)
{
    if (group.groupId() != m_groupId)
        return;
    m_lastSeen = QDateTime::currentDateTimeUtc();
    m_hasData = true;
    showGroup(group, metadata);
    setGone(false, m_lastSeen);
}

void GroupPage::showGroup(const GroupSnapshot &g, const ClusterMetadata &metadata)
{
    const QLocale locale;
    const GroupDescription &d = g.description;
    m_described = g.describedFreshness;
    m_offsets = g.offsetsFreshness;
    // Never described: only the id (and what the listing said) is known; the
    // state and members say so instead of "Unknown, 0 members".
    const bool neverDescribed = m_described.failure.isError() && !m_described.hasValue();
    m_fields[QStringLiteral("state")]->setText(neverDescribed ? tr("not described") : groupStateToString(d.state));
    m_fields[QStringLiteral("state")]->setProperty(kStateProperty, int(d.state));
    styleState(m_fields[QStringLiteral("state")]);
    m_fields[QStringLiteral("type")]->setText(d.type == GroupType::Unknown ? QStringLiteral("–") : groupTypeToString(d.type));
    m_fields[QStringLiteral("type")]->setToolTip(
        d.type == GroupType::Unknown ? tr("The broker does not say the group's type (its ListGroups is older than v5, Kafka 3.8).")
                                     : QString());
    m_fields[QStringLiteral("protocolType")]->setText(d.protocolType.isEmpty() ? tr("(none)") : d.protocolType);
    m_fields[QStringLiteral("assignor")]->setText(d.protocol.isEmpty() ? QStringLiteral("–") : d.protocol);
    m_fields[QStringLiteral("generation")]->setText(g.generationId >= 0 ? locale.toString(g.generationId) : tr("unknown"));
    m_fields[QStringLiteral("generation")]->setToolTip(
        d.describedAsConsumerGroup
            ? tr("The group epoch (KIP-848); its target assignment is at epoch %1.").arg(locale.toString(d.assignmentEpoch))
        : g.generationId >= 0 ? QString()
                              : tr("Members report the generation only with subscription version 2 or later."));
    QString coordinator = QStringLiteral("–");
    if (d.coordinatorId >= 0) {
        coordinator = QString::number(d.coordinatorId);
        for (const BrokerInfo &b : metadata.brokers)
            if (b.id == d.coordinatorId)
                coordinator = QStringLiteral("%1 (%2:%3)").arg(b.id).arg(b.host).arg(b.port);
    }
    m_fields[QStringLiteral("coordinator")]->setText(coordinator);
    // A consumer, share or streams group's members are not known without its own describe API.
    m_fields[QStringLiteral("members")]->setText(neverDescribed                      ? QStringLiteral("–")
                                                 : d.membersKnown() ? locale.toString(d.members.size())
                                                                    : tr("not shown"));
    m_fields[QStringLiteral("partitions")]->setText(locale.toString(g.partitions.size()));
    QString lag = g.totalLag ? tr("%1 msgs").arg(locale.toString(*g.totalLag)) : tr("unknown");
    if (g.totalLag && g.unknownLagPartitions > 0)
        lag += tr(" (+%n unknown)", nullptr, g.unknownLagPartitions);
    if (g.aheadOfEndPartitions > 0)
        lag += tr(" (+%n ahead of the log end)", nullptr, g.aheadOfEndPartitions);
    m_fields[QStringLiteral("lag")]->setText(lag);
    m_fields[QStringLiteral("lag")]->setToolTip(g.totalLag ? QString()
                                                           : tr("No partition has both a committed offset and a known end offset."));

    QStringList notes;
    if (neverDescribed)
        m_fields[QStringLiteral("assignor")]->setText(QStringLiteral("–"));
    if (!d.describable && describedByDescribeGroups(d.type))
        notes << tr("This group could not be described: %1").arg(d.note.isEmpty() ? tr("no reason given") : d.note);
    else if (!d.note.isEmpty())
        notes << d.note;
    if (d.errorCode != 0)
        notes << tr("The coordinator answered %1 for this group.").arg(d.errorName.isEmpty() ? QString::number(d.errorCode) : d.errorName);
    if (g.aheadOfEndPartitions > 0)
        notes << tr("%n partition(s) have a committed offset ahead of the log end (negative lag): the topic was truncated or "
                    "deleted and recreated since the group committed. They are not counted as lag.",
                    nullptr, g.aheadOfEndPartitions);
    if (!g.offsetsFreshness.isFresh() && g.offsetsFreshness.failure.isError())
        notes << (g.offsetsFreshness.hasValue() ? tr("Committed offsets could not be read this time (%1); lag is as last read.")
                                                : tr("Committed offsets could not be read (%1); lag is unknown."))
                     .arg(g.offsetsFreshness.failure.toString());
    m_groupNote = notes.join(QLatin1Char('\n'));

    m_members->setGroup(g);
    m_assignment->setGroup(g);
    m_rebalances->setGroup(g, metadata);
    m_partitions->setGroup(g);
    m_memberCount->setText(neverDescribed ? tr("Members unknown") : tr("%n member(s)", nullptr, int(d.members.size())));
    updateTopicChoices();
    updatePartitionCount();
    updateNotice();
}

void GroupPage::setGone(bool gone, const QDateTime &lastSeen)
{
    m_lastSeen = lastSeen;
    const bool changed = gone != m_gone;
    m_gone = gone;
    updateNotice();
    if (changed)
        Q_EMIT goneChanged(gone);
}

void GroupPage::setStale(bool stale, const QDateTime &lastFresh)
{
    m_stale = stale;
    m_lastFresh = lastFresh;
    updateNotice();
}

QString GroupPage::freshnessText() const
{
    const QDateTime now = m_clock();
    QStringList lines;
    if (m_described.failure.isError())
        lines << (m_described.hasValue() ? FreshnessText::lastRead(m_described, now) : FreshnessText::description(m_described, now));
    if (m_offsets.failure.isError())
        lines << FreshnessText::offsets(m_offsets, now);
    return lines.join(QLatin1Char('\n'));
}

void GroupPage::updateNotice()
{
    const QString freshness = freshnessText();
    if (freshness.isEmpty())
        m_ageTimer->stop();
    else if (!m_ageTimer->isActive())
        m_ageTimer->start();
    m_fields[QStringLiteral("state")]->setToolTip(freshness);
    const QString groupNote = freshness.isEmpty()     ? m_groupNote
                              : m_groupNote.isEmpty() ? freshness
                                                      : freshness + QLatin1Char('\n') + m_groupNote;
    if (m_gone) {
        const QString text = m_hasData ? tr("This group is no longer on the cluster. Showing its last known data, from %1.")
                                             .arg(QLocale().toString(m_lastSeen.toLocalTime(), QLocale::ShortFormat))
                                       : tr("There is no group \"%1\" on the cluster.").arg(m_groupId);
        m_notice->setText(text);
        m_notice->setStyleSheet(
            Theme::current().noticeStyleSheet(Theme::Notice::Error, QStringLiteral("QLabel"), QStringLiteral("padding: 6px;")));
        m_notice->show();
        m_title->setStyleSheet(Theme::textStyleSheet(Theme::current().muted()));
        return;
    }
    if (m_stale) {
        m_notice->setText(tr("The cluster is not answering. Showing the data from %1.")
                              .arg(QLocale().toString(m_lastFresh.toLocalTime(), QLocale::ShortFormat))
                          + (groupNote.isEmpty() ? QString() : QLatin1Char('\n') + groupNote));
        m_notice->setStyleSheet(
            Theme::current().noticeStyleSheet(Theme::Notice::Info, QStringLiteral("QLabel"), QStringLiteral("padding: 6px;")));
        m_notice->show();
        m_title->setStyleSheet(Theme::textStyleSheet(Theme::current().muted()));
        return;
    }
    m_title->setStyleSheet(QString());
    if (groupNote.isEmpty()) {
        m_notice->hide();
        m_notice->clear();
        return;
    }
    m_notice->setText(groupNote);
    m_notice->setStyleSheet(
        Theme::current().noticeStyleSheet(Theme::Notice::Warning, QStringLiteral("QLabel"), QStringLiteral("padding: 6px;")));
    m_notice->show();
}

void GroupPage::updateTopicChoices()
{
    const QStringList topics = m_partitions->topics();
    QStringList shown;
    for (int i = 1; i < m_topicFilter->count(); ++i)
        shown << m_topicFilter->itemData(i).toString();
    if (shown == topics)
        return;
    // Rebuild the choices but keep the chosen topic, even if it went away
    // (an empty table says more than silently switching to all topics).
    const QString current = m_topicFilter->currentData().toString();
    const QSignalBlocker block(m_topicFilter);
    while (m_topicFilter->count() > 1)
        m_topicFilter->removeItem(1);
    for (const QString &t : topics)
        m_topicFilter->addItem(t, t);
    int idx = m_topicFilter->findData(current);
    if (idx < 0 && !current.isEmpty()) {
        m_topicFilter->addItem(current, current);
        idx = m_topicFilter->count() - 1;
    }
    m_topicFilter->setCurrentIndex(std::max(0, idx));
}

void GroupPage::updatePartitionCount()
{
    const int shown = m_partitionProxy->rowCount();
    const int all = m_partitions->rowCount();
    m_partitionCount->setText(shown == all ? tr("%n partition(s)", nullptr, all) : tr("%1 of %2 partitions").arg(QLocale().toString(shown), QLocale().toString(all)));
}

}   // namespace cohort
