// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/TopicTableModel.h"

#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QBrush>
#include <QLocale>
#include <QMap>

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
{
    ThemeNotifier::repaintOnChange(this);
}
TopicTableModel::~TopicTableModel() = default;

void TopicTableModel::setSnapshot(const ClusterSnapshot &snapshot)
{
    QMap<QString, std::shared_ptr<Node>> topics;
    for (const TopicInfo &t : snapshot.metadata.topics) {
        auto &n = topicNode(topics, t.name);
        n->d.inMetadata = true;
        n->d.internal = t.internal;
        n->d.partitions = int(t.partitions.size());
        // A partition whose leader did not answer leaves the sum unknown
        // rather than wrong.
        for (const PartitionInfo &p : t.partitions) {
            const auto w = snapshot.watermarks.constFind(TopicPartition{t.name, p.partition});
            if (w != snapshot.watermarks.cend() && w->high >= 0)
                n->d.endOffsets = n->d.endOffsets.value_or(0) + w->high;
            else
                ++n->d.unknownEndPartitions;
        }
    }
    for (const GroupSnapshot &g : snapshot.groups) {
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
            ++topic->d.groups;
            if (tl.lag)
                topic->d.lag = topic->d.lag.value_or(0) + *tl.lag;
            topic->d.unknownLagPartitions += tl.unknownLagPartitions;
            topic->children.append(std::move(child));   // groups come sorted by id
        }
    }

    QList<std::shared_ptr<Node>> incoming;
    incoming.reserve(topics.size());
    for (auto &n : topics) {
        // Internal topics (__consumer_offsets) are noise unless a group reads them.
        if (n->d.internal && n->children.isEmpty())
            continue;
        incoming.append(std::move(n));
    }
    mergeChildren(&m_root, std::move(incoming));
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
    }
    return {};
}

QVariant TopicTableModel::rawValue(const Node &n, int column) const
{
    switch (column) {
    case Name: return n.key;
    case Partitions: return n.d.partitions ? QVariant(*n.d.partitions) : QVariant();
    case EndOffsets: return n.d.endOffsets ? QVariant(*n.d.endOffsets) : QVariant();
    case State: return n.d.kind == GroupRow ? QVariant(int(n.d.state)) : QVariant();
    case Groups: return n.d.kind == GroupRow ? QVariant() : QVariant(n.d.groups);
    case Lag: return n.d.lag ? QVariant(*n.d.lag) : QVariant();
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
    case Qt::TextAlignmentRole:
        if (column == Name || column == State)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (n.d.kind == TopicRow && !n.d.inMetadata)
            return QBrush(Theme::current().muted());
        if (column == State && n.d.kind == GroupRow)
            return QBrush(Theme::current().groupState(n.d.state));
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
    }
    return {};
}

}   // namespace cohort
