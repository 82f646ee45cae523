// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TopicTableModel.h"

#include "core/lag/LagAssessor.h"
#include "core/util/SlicedWork.h"

#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QBrush>
#include <QLocale>
#include <QMap>

#include <algorithm>
#include <limits>

namespace cohort {

namespace {

constexpr qint64 kUnknownSortsLast = std::numeric_limits<qint64>::max();

std::shared_ptr<TopicTableModel::Node> &topicNode(QMap<QString, std::shared_ptr<TopicTableModel::Node>> &topics, const QString &name)
{
    auto &n = topics[name];
    if (!n) {
        n = std::make_shared<TopicTableModel::Node>();
        n->key = name;
        n->d.inMetadata = false;   // until metadata says otherwise
    }
    return n;
}

}   // namespace

TopicTableModel::TopicTableModel(QObject *parent)
    : KeyedTreeModel(ColumnCount, parent)
    , m_rebuild(new SlicedWork([this](const QDeadlineTimer &sliceEnd) { return rebuildSome(sliceEnd); }, this))
{
    ThemeNotifier::repaintOnChange(this);
}
TopicTableModel::~TopicTableModel() = default;

void TopicTableModel::setSnapshot(const ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_build.reset();
    m_rebuild->cancel();
    // A history still applying this snapshot (a large one, in slices) says
    // updated() when it is in, which rebuilds with its numbers: one rebuild
    // of thousands of rows per refresh, not two.
    if (m_lagHistory && m_lagHistory->isApplying())
        return;
    rebuild();
}

void TopicTableModel::setLagHistory(LagHistory *history)
{
    if (m_lagHistory == history)
        return;
    if (m_lagHistory)
        disconnect(m_lagHistory, nullptr, this, nullptr);
    m_lagHistory = history;
    if (history)
        connect(history, &LagHistory::updated, this, &TopicTableModel::rebuild);
    rebuild();
}

// The rows being built from m_snapshot, over as many turns as it takes (a
// new snapshot starts it over, so it holds no copy of its own: an old
// snapshot's last holder would free a million partitions in a GUI turn).
struct TopicTableModel::PendingBuild
{
    QMap<QString, std::shared_ptr<Node>> topics;
    qsizetype nextGroup = 0;
    // Then the merge, a key range of topics per slice.
    QList<std::shared_ptr<Node>> incoming;   // sorted by topic
    qsizetype nextIncoming = -1;             // -1: not begun
    qsizetype windowStart = 0;
};

void TopicTableModel::rebuild()
{
    m_build.reset();   // a build under way starts over with what is new
    m_rebuild->start();
}

bool TopicTableModel::rebuildSome(const QDeadlineTimer &sliceEnd)
{
    const LagHistory *history = m_lagHistory;
    if (!m_build) {
        m_build = std::make_unique<PendingBuild>();
        addTopicRows(*m_build);
    }
    const QList<GroupSnapshot> &groups = m_snapshot.groups;
    while (m_build->nextGroup < groups.size()) {
        addGroupRows(*m_build, groups.at(m_build->nextGroup++), history);
        if (sliceEnd.hasExpired())
            return false;   // the merge begins in a turn of its own
    }
    return mergeSome(sliceEnd);
}

void TopicTableModel::addTopicRows(PendingBuild &build) const
{
    const ClusterSnapshot &snapshot = m_snapshot;
    const LagHistory *history = m_lagHistory;
    QMap<QString, std::shared_ptr<Node>> &topics = build.topics;
    for (const TopicInfo &t : snapshot.metadata.topics) {
        auto &n = topicNode(topics, t.name);
        n->d.inMetadata = true;
        n->d.internal = t.internal;
        n->d.partitions = int(t.partitions.size());
        // A partition whose leader did not answer is counted apart, not
        // summed as zero.
        const TopicEnds ends = snapshot.endsOf(t);
        if (ends.knownPartitions > 0)
            n->d.endOffsets = ends.knownSum;
        n->d.unknownEndPartitions = ends.unknownPartitions;
        if (history)
            n->d.produceRate = history->topicProduceRate(t.name);
    }
}

void TopicTableModel::addGroupRows(PendingBuild &build, const GroupSnapshot &g, const LagHistory *history)
{
    QMap<QString, std::shared_ptr<Node>> &topics = build.topics;
    for (const TopicLag &tl : g.topics) {
        auto &topic = topicNode(topics, tl.topic);
        auto child = std::make_shared<Node>();
        child->key = g.groupId();
        child->parent = topic.get();
        child->d.kind = GroupRow;
        child->d.partitions = tl.partitionCount;
        child->d.lag = tl.lag;
        child->d.unknownLagPartitions = tl.unknownLagPartitions;
        child->d.state = g.description.state;
        if (const GroupAssessment *a = history ? history->assessment(g.groupId()) : nullptr) {
            const auto ta = std::find_if(a->topics.cbegin(), a->topics.cend(),
                                         [&tl](const TopicAssessment &x) { return x.topic == tl.topic; });
            if (ta != a->topics.cend()) {
                child->d.timeLagMs = ta->timeLagMs;
                child->d.status = ta->status;
                child->d.statusReason = ta->statusReason;
                if (!ta->timeLagMs)
                    for (const PartitionAssessment &p : a->partitions)
                        if (p.tp.topic == tl.topic && !p.timeLagMs && !p.timeLagUnknownReason.isEmpty()) {
                            child->d.timeLagUnknownReason = p.timeLagUnknownReason;
                            break;
                        }
            }
        }
        ++topic->d.groups;
        if (tl.lag)
            topic->d.lag = topic->d.lag.value_or(0) + *tl.lag;
        topic->d.unknownLagPartitions += tl.unknownLagPartitions;
        topic->children.append(std::move(child));   // groups come sorted by id
    }
}

bool TopicTableModel::mergeSome(const QDeadlineTimer &sliceEnd)
{
    PendingBuild &b = *m_build;
    if (b.nextIncoming < 0) {
        b.incoming.reserve(b.topics.size());
        for (auto &n : b.topics) {
            // Internal topics (__consumer_offsets) are noise unless a group reads them.
            if (n->d.internal && n->children.isEmpty())
                continue;
            b.incoming.append(std::move(n));
        }
        b.topics.clear();
        b.nextIncoming = 0;
    }
    // A key range of topics (with their group rows) at a time: the window of
    // existing rows holds exactly the keys from this range's first to the
    // next range's first (everything left for the last range).
    constexpr qsizetype kTopicsPerStep = 50;
    do {
        const qsizetype end = qMin(b.nextIncoming + kTopicsPerStep, b.incoming.size());
        const qsizetype windowEnd = end < b.incoming.size() ? childLowerBound(&m_root, b.windowStart, b.incoming.at(end)->key)
                                                            : m_root.children.size();
        b.windowStart = mergeChildrenWindow(&m_root, b.windowStart, windowEnd, b.incoming.mid(b.nextIncoming, end - b.nextIncoming));
        b.nextIncoming = end;
    } while (b.nextIncoming < b.incoming.size() && !sliceEnd.hasExpired());
    if (b.nextIncoming < b.incoming.size())
        return false;
    m_build.reset();
    return true;
}

QModelIndex TopicTableModel::topicIndex(const QString &topic) const
{
    return childIndex(&m_root, topic);
}

QModelIndex TopicTableModel::groupIndex(const QString &topic, const QString &groupId) const
{
    const QModelIndex t = topicIndex(topic);
    return t.isValid() ? childIndex(nodeOf(t), groupId) : QModelIndex();
}

QVariant TopicTableModel::display(const Node &n, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name: return n.key;
    case Partitions: return n.d.partitions ? locale.toString(*n.d.partitions) : QStringLiteral("–");
    case EndOffsets:
        if (n.d.kind == GroupRow)
            return {};
        return n.d.endOffsets ? locale.toString(*n.d.endOffsets) : QStringLiteral("–");
    case State: return n.d.kind == GroupRow ? groupStateToString(n.d.state) : QString();
    case Groups: return n.d.kind == GroupRow ? QString() : locale.toString(n.d.groups);
    case Lag: return n.d.lag ? locale.toString(*n.d.lag) : QStringLiteral("–");
    case ProduceRate:
        if (n.d.kind == GroupRow)
            return {};
        if (!n.d.produceRate)
            return QStringLiteral("–");
        return tr("%1 msg/s").arg(locale.toString(*n.d.produceRate, 'f', *n.d.produceRate < 10 ? 1 : 0));
    case TimeLag:
        if (n.d.kind == TopicRow)
            return {};
        return n.d.timeLagMs ? LagAssessor::duration(*n.d.timeLagMs) : QStringLiteral("–");
    case Status:
        if (n.d.kind == TopicRow)
            return {};
        return n.d.status ? LagStatusRules::name(*n.d.status) : QStringLiteral("–");
    }
    return {};
}

namespace {

// Ascending puts trouble first, as on the Groups page: ERR, STOP, STALL, REWIND, WARN, OK, then unknown.
int statusOrder(const std::optional<LagStatusRules::Status> &status)
{
    if (!status)
        return 100;
    switch (*status) {
    case LagStatusRules::Status::Err: return 0;
    case LagStatusRules::Status::Stop: return 1;
    case LagStatusRules::Status::Stall: return 2;
    case LagStatusRules::Status::Rewind: return 3;
    case LagStatusRules::Status::Warn: return 4;
    case LagStatusRules::Status::Ok: return 5;
    }
    return 100;
}

}   // namespace

QVariant TopicTableModel::rawValue(const Node &n, int column) const
{
    switch (column) {
    case Name: return n.key;
    case Partitions: return n.d.partitions ? QVariant(*n.d.partitions) : QVariant();
    case EndOffsets: return n.d.endOffsets ? QVariant(*n.d.endOffsets) : QVariant();
    case State: return n.d.kind == GroupRow ? QVariant(int(n.d.state)) : QVariant();
    case Groups: return n.d.kind == GroupRow ? QVariant() : QVariant(n.d.groups);
    case Lag: return n.d.lag ? QVariant(*n.d.lag) : QVariant();
    case ProduceRate: return n.d.produceRate ? QVariant(*n.d.produceRate) : QVariant();
    case TimeLag: return n.d.timeLagMs ? QVariant(*n.d.timeLagMs) : QVariant();
    case Status: return n.d.status ? QVariant(LagStatusRules::name(*n.d.status)) : QVariant();
    }
    return {};
}

QVariant TopicTableModel::sortValue(const Node &n, int column) const
{
    switch (column) {
    case Name: return n.key;
    case Partitions: return n.d.partitions ? qint64(*n.d.partitions) : kUnknownSortsLast;
    case EndOffsets: return n.d.endOffsets.value_or(kUnknownSortsLast);
    case State: return n.d.kind == GroupRow ? groupStateToString(n.d.state) : QString();
    case Groups: return n.d.kind == GroupRow ? qint64(0) : qint64(n.d.groups);
    case Lag: return n.d.lag.value_or(kUnknownSortsLast);
    case ProduceRate: return n.d.produceRate ? *n.d.produceRate : double(kUnknownSortsLast);
    case TimeLag: return n.d.timeLagMs.value_or(kUnknownSortsLast);
    case Status: return qint64(statusOrder(n.d.status));
    }
    return {};
}

QVariant TopicTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = *nodeOf(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(n, column);
    case SortRole: return sortValue(n, column);
    case RawValueRole: return rawValue(n, column);
    case KindRole: return int(n.d.kind);
    case TopicRole: return n.d.kind == TopicRow ? n.key : n.parent->key;
    case GroupIdRole: return n.d.kind == GroupRow ? n.key : QString();
    case LagStatusRole: return n.d.status ? int(*n.d.status) : -1;
    case Qt::TextAlignmentRole:
        if (column == Name || column == State || column == Status)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (n.d.kind == TopicRow && !n.d.inMetadata)
            return QBrush(Theme::current().muted());
        if (column == State && n.d.kind == GroupRow)
            return QBrush(Theme::current().groupState(n.d.state));
        if (column == Status && n.d.kind == GroupRow && n.d.status)
            return QBrush(Theme::current().lagStatus(*n.d.status));
        return {};
    case Qt::ToolTipRole:
        if (column == Name && n.d.kind == TopicRow && !n.d.inMetadata)
            return tr("Not in the cluster's metadata: deleted, or not visible to this client; groups still have offsets for it.");
        if (column == Name && n.d.kind == TopicRow && n.d.internal)
            return tr("Internal topic");
        if (column == Name && n.d.kind == GroupRow)
            return tr("Double-click to open the group");
        if (column == Partitions && n.d.kind == GroupRow)
            return tr("Partitions of this topic the group is assigned or has committed offsets for");
        if (column == EndOffsets && n.d.kind == TopicRow && n.d.unknownEndPartitions > 0)
            return tr("%n partition(s) without a known end offset (leader not answering) are not counted.", nullptr,
                      n.d.unknownEndPartitions);
        if (column == Status && n.d.kind == GroupRow && n.d.status)
            return n.d.statusReason.isEmpty() ? LagStatusRules::name(*n.d.status) : n.d.statusReason;
        if (column == TimeLag && n.d.kind == GroupRow && !n.d.timeLagMs && !n.d.timeLagUnknownReason.isEmpty())
            return n.d.timeLagUnknownReason;
        if (column == ProduceRate && n.d.kind == TopicRow)
            return tr("Records produced per second over the last minute, from the end offsets of every partition.");
        if (column == Lag && n.d.unknownLagPartitions > 0)
            return tr("%n partition(s) without a known lag are not counted.", nullptr, n.d.unknownLagPartitions);
        return {};
    }
    return {};
}

QVariant TopicTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Topic / consuming group");
    case Partitions: return tr("Partitions");
    case EndOffsets: return tr("End offsets (sum)");
    case State: return tr("Group state");
    case Groups: return tr("Groups");
    case Lag: return tr("Lag (msgs)");
    case ProduceRate: return tr("Produce rate");
    case TimeLag: return tr("Time lag");
    case Status: return tr("Status");
    }
    return {};
}

}   // namespace cohort
