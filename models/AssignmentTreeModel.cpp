// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AssignmentTreeModel.h"

#include "models/MemberLabels.h"

#include <QLocale>
#include <QMap>
#include <QSet>

#include <cmath>
#include <limits>

namespace cohort {

namespace {

QString formatShare(double v)
{
    // 3 reads better than 3.0; 1.5 needs its decimal.
    const double rounded = std::round(v);
    return std::abs(v - rounded) < 0.05 ? QLocale().toString(qint64(rounded)) : QLocale().toString(v, 'f', 1);
}

}   // namespace

AssignmentTreeModel::AssignmentTreeModel(QObject *parent)
    : KeyedTreeModel(ColumnCount, parent)
{ }
AssignmentTreeModel::~AssignmentTreeModel() = default;

void AssignmentTreeModel::setGroup(const GroupSnapshot &group)
{
    const QHash<QString, QString> labels = MemberLabels::forGroup(group.description);
    QHash<TopicPartition, const PartitionLag *> partitionLag;
    for (const PartitionLag &p : group.partitions)
        partitionLag.insert(p.tp, &p);

    // Only members whose assignment could be decoded say what they own; others
    // (non-consumer protocols) would all read as owning nothing.
    QList<const GroupMember *> members;
    for (const GroupMember &m : group.description.members)
        if (m.assignment)
            members << &m;

    // Per member: topic → partitions (subscribed topics with no partition
    // included, which is exactly the uneven case worth seeing).
    QList<QMap<QString, QList<int>>> owned(members.size());
    QHash<QString, int> topicAssigned;   // partitions of the topic assigned in the group
    QHash<QString, int> topicSharers;    // members that subscribe to (or own some of) the topic
    QHash<QString, int> topicMaxCount;
    int total = 0;
    int maxMemberCount = 0;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const GroupMember &m = *members.at(i);
        QMap<QString, QList<int>> &byTopic = owned[i];
        if (m.subscription)
            for (const QString &t : m.subscription->topics)
                byTopic[t];
        for (const TopicPartition &tp : m.assignment->partitions)
            byTopic[tp.topic].append(tp.partition);
        for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
            topicAssigned[it.key()] += int(it->size());
            topicSharers[it.key()] += 1;
            topicMaxCount[it.key()] = std::max(topicMaxCount.value(it.key()), int(it->size()));
        }
        total += int(m.assignment->partitions.size());
        maxMemberCount = std::max(maxMemberCount, int(m.assignment->partitions.size()));
    }
    const double memberFair = members.isEmpty() ? 0 : double(total) / double(members.size());
    const int memberScale = std::max(maxMemberCount, int(std::ceil(memberFair)));

    QList<std::shared_ptr<Node>> incoming;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const GroupMember &m = *members.at(i);
        auto member = std::make_shared<Node>();
        member->key = {m.memberId, -1};
        member->d.kind = MemberNode;
        member->d.label = labels.value(m.memberId, m.memberId);
        member->d.detail = tr("Member %1\nClient id %2\nHost %3").arg(m.memberId, m.clientId, m.host);
        if (!m.groupInstanceId.isEmpty())
            member->d.detail += tr("\ngroup.instance.id %1").arg(m.groupInstanceId);
        member->d.count = int(m.assignment->partitions.size());
        member->d.fairShare = memberFair;
        member->d.scale = memberScale;
        member->d.sharers = int(members.size());
        for (auto it = owned.at(i).cbegin(); it != owned.at(i).cend(); ++it) {
            const QString &topicName = it.key();
            auto topic = std::make_shared<Node>();
            topic->key = {topicName, -1};
            topic->parent = member.get();
            topic->d.kind = TopicNode;
            topic->d.label = topicName;
            topic->d.count = int(it->size());
            const int sharers = topicSharers.value(topicName);
            topic->d.sharers = sharers;
            topic->d.fairShare = sharers > 0 ? double(topicAssigned.value(topicName)) / sharers : 0;
            topic->d.scale = std::max(topicMaxCount.value(topicName), int(std::ceil(topic->d.fairShare)));
            QList<int> partitions = *it;
            std::sort(partitions.begin(), partitions.end());
            for (int p : std::as_const(partitions)) {
                auto part = std::make_shared<Node>();
                part->key = {QString(), p};
                part->parent = topic.get();
                part->d.kind = PartitionNode;
                part->d.label = tr("partition %1").arg(p);
                part->d.count = 1;
                if (const PartitionLag *pl = partitionLag.value(TopicPartition{topicName, p})) {
                    part->d.lag = pl->lag;
                    if (!pl->lag)
                        part->d.unknownLag = 1;
                } else {
                    part->d.unknownLag = 1;
                }
                if (part->d.lag)
                    topic->d.lag = topic->d.lag.value_or(0) + *part->d.lag;
                topic->d.unknownLag += part->d.unknownLag;
                topic->children.append(std::move(part));
            }
            if (topic->d.lag)
                member->d.lag = member->d.lag.value_or(0) + *topic->d.lag;
            member->d.unknownLag += topic->d.unknownLag;
            member->children.append(std::move(topic));
        }
        incoming.append(std::move(member));
    }
    mergeChildren(&m_root, std::move(incoming));
}

QModelIndex AssignmentTreeModel::memberIndex(const QString &memberId) const
{
    return childIndex(&m_root, {memberId, -1});
}

AssignmentTreeModel::Balance AssignmentTreeModel::balanceOf(const AssignmentTreeData &d)
{
    // Any split of N over M members owns floor(N/M) or ceil(N/M) each when even.
    if (d.fairShare < 0)
        return Even;
    if (d.count > int(std::ceil(d.fairShare - 1e-9)))
        return Over;
    if (d.count < int(std::floor(d.fairShare + 1e-9)))
        return Under;
    return Even;
}

QVariant AssignmentTreeModel::display(const Node &n, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name: return n.d.label;
    case Partitions: return n.d.kind == PartitionNode ? QVariant() : QVariant(locale.toString(n.d.count));
    case Share:
        if (n.d.kind == PartitionNode || n.d.fairShare < 0)
            return {};
        return tr("%1 of fair %2").arg(locale.toString(n.d.count), formatShare(n.d.fairShare));
    case Lag: return n.d.lag ? locale.toString(*n.d.lag) : QStringLiteral("–");
    }
    return {};
}

QVariant AssignmentTreeModel::sortValue(const Node &n, int column) const
{
    switch (column) {
    case Name: return n.d.kind == PartitionNode ? QVariant(n.key.second) : QVariant(n.d.label);
    case Partitions: return n.d.count;
    case Share: return n.d.fairShare > 0 ? n.d.count / n.d.fairShare : double(n.d.count);
    case Lag: return n.d.lag.value_or(std::numeric_limits<qint64>::max());
    }
    return {};
}

QVariant AssignmentTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = *nodeOf(index);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(n, column);
    case SortRole: return sortValue(n, column);
    case RawValueRole:
        switch (column) {
        case Name: return n.d.label;
        case Partitions:
        case Share: return n.d.count;
        case Lag: return n.d.lag ? QVariant(*n.d.lag) : QVariant();
        }
        return {};
    case KindRole: return int(n.d.kind);
    case CountRole: return n.d.count;
    case FairShareRole: return n.d.fairShare >= 0 ? QVariant(n.d.fairShare) : QVariant();
    case ScaleRole: return n.d.scale;
    case BalanceRole: return int(balanceOf(n.d));
    case MemberIdRole: {
        const Node *m = &n;
        while (m->parent && m->parent != &m_root)
            m = m->parent;
        return m->key.first;
    }
    case TopicRole:
        if (n.d.kind == TopicNode)
            return n.key.first;
        if (n.d.kind == PartitionNode)
            return n.parent->key.first;
        return {};
    case PartitionRole: return n.d.kind == PartitionNode ? QVariant(n.key.second) : QVariant();
    case Qt::TextAlignmentRole:
        return column == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Name && n.d.kind == MemberNode)
            return n.d.detail;
        if (column == Share && n.d.kind == MemberNode)
            // Two sentences: each count needs its own plural.
            return QString(tr("Owns %n partition(s).", nullptr, n.d.count) + QLatin1Char(' ')
                   + tr("An even split over %n member(s) would be %1 each.", nullptr, n.d.sharers).arg(formatShare(n.d.fairShare)));
        if (column == Share && n.d.kind == TopicNode)
            return QString(tr("Owns %n partition(s) of this topic.", nullptr, n.d.count) + QLatin1Char(' ')
                   + tr("An even split over the %n member(s) reading it would be %1 each.", nullptr, n.d.sharers)
                         .arg(formatShare(n.d.fairShare)));
        if (column == Lag && n.d.unknownLag > 0)
            return tr("%n partition(s) without a known lag are not counted.", nullptr, n.d.unknownLag);
        return {};
    }
    return {};
}

QVariant AssignmentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Member / topic / partition");
    case Partitions: return tr("Partitions");
    case Share: return tr("Share");
    case Lag: return tr("Lag (msgs)");
    }
    return {};
}

}   // namespace cohort
