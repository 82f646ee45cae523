// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MemberTableModel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <limits>

namespace cohort {

MemberTableModel::MemberTableModel(QObject *parent)
    : KeyedTableModel(parent)
{ }
MemberTableModel::~MemberTableModel() = default;

void MemberTableModel::setGroup(const GroupSnapshot &group)
{
    QList<Row> incoming;
    incoming.reserve(group.description.members.size());
    for (const GroupMember &m : group.description.members) {
        Row r;
        r.memberId = m.memberId;
        r.clientId = m.clientId;
        r.host = m.host;
        r.instanceId = m.groupInstanceId;
        r.decodeError = m.decodeError;
        if (m.assignment) {
            r.partitions = int(m.assignment->partitions.size());
            QStringList topics;
            for (const TopicPartition &tp : m.assignment->partitions)
                topics << tp.topic;
            topics.removeDuplicates();
            topics.sort();
            r.assignedTopics = topics;
        }
        if (m.subscription) {
            r.subscribedTopics = m.subscription->topics;
            r.subscribedTopics.sort();
            r.rackId = m.subscription->rackId;
        }
        if (m.memberEpoch >= 0)
            r.epoch = m.memberEpoch;
        else if (m.subscription && m.subscription->generationId >= 0)
            r.epoch = m.subscription->generationId;
        else if (group.generationId >= 0 && !group.description.describedAsConsumerGroup)
            r.epoch = group.generationId;
        if (m.targetAssignment) {
            r.reconciling = m.reconciling() || m.memberEpoch != group.description.assignmentEpoch;
            r.targetPartitions = int(m.targetAssignment->size());
            QList<TopicPartition> target = *m.targetAssignment;
            std::sort(target.begin(), target.end());
            QStringList names;
            for (const TopicPartition &tp : std::as_const(target))
                names << tp.name();
            r.targetAssignment = names.join(QStringLiteral(", "));
        }
        incoming.append(std::move(r));
    }

    rowMerge<Row, QString>([](const Row &r) { return r.memberId; }, &MemberTableModel::changedColumns).apply(m_rows, std::move(incoming));
}

QList<int> MemberTableModel::changedColumns(const Row &a, const Row &b)
{
    QList<int> cols;
    if (a.clientId != b.clientId)
        cols << ClientId;
    if (a.host != b.host)
        cols << Host;
    if (a.instanceId != b.instanceId)
        cols << InstanceId;
    if (a.partitions != b.partitions || a.assignedTopics != b.assignedTopics)
        cols << Partitions;
    if (a.subscribedTopics != b.subscribedTopics || a.assignedTopics != b.assignedTopics)
        cols << Topics;
    if (a.decodeError != b.decodeError || a.rackId != b.rackId)
        cols << MemberId;
    if (a.targetPartitions != b.targetPartitions || a.targetAssignment != b.targetAssignment || a.reconciling != b.reconciling)
        cols << Partitions;
    if (a.epoch != b.epoch || a.reconciling != b.reconciling)
        cols << Epoch;
    return cols;
}

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int MemberTableModel::rowOf(const QString &memberId) const
{
    return indexOfKey(m_rows, memberId, &Row::memberId);
}

QVariant MemberTableModel::display(const Row &r, int column) const
{
    switch (column) {
    case MemberId: return r.memberId;
    case ClientId: return r.clientId;
    case Host: return r.host;
    case InstanceId: return r.instanceId.isEmpty() ? QStringLiteral("–") : r.instanceId;
    case Partitions:
        if (r.reconciling && r.partitions && r.targetPartitions)
            return tr("%1 → %2").arg(QLocale().toString(*r.partitions), QLocale().toString(*r.targetPartitions));
        return r.partitions ? QLocale().toString(*r.partitions) : QStringLiteral("–");
    case Epoch:
        if (!r.epoch)
            return QStringLiteral("–");
        return r.reconciling ? tr("%1 (reconciling)").arg(QLocale().toString(*r.epoch)) : QLocale().toString(*r.epoch);
    case Topics: {
        // What it subscribes to is what the user configured; fall back to what
        // it was given when the subscription could not be read.
        const QStringList &topics = r.subscribedTopics.isEmpty() ? r.assignedTopics : r.subscribedTopics;
        return topics.isEmpty() ? QStringLiteral("–") : topics.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant MemberTableModel::sortValue(const Row &r, int column) const
{
    if (column == Partitions)
        return r.partitions ? *r.partitions : std::numeric_limits<int>::max();
    if (column == Epoch)
        return r.epoch ? *r.epoch : std::numeric_limits<int>::max();
    return display(r, column);
}

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(r, column);
    case SortRole: return sortValue(r, column);
    case RawValueRole:
        switch (column) {
        case Partitions: return r.partitions ? QVariant(*r.partitions) : QVariant();
        case Topics: return r.subscribedTopics.isEmpty() ? r.assignedTopics : r.subscribedTopics;
        case InstanceId: return r.instanceId;
        case Epoch: return r.epoch ? QVariant(*r.epoch) : QVariant();
        default: return display(r, column);
        }
    case MemberIdRole: return r.memberId;
    case Qt::TextAlignmentRole:
        return column == Partitions || column == Epoch ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == MemberId && !r.decodeError.isEmpty())
            return tr("The member's subscription or assignment could not be decoded: %1").arg(r.decodeError);
        if (column == MemberId && !r.rackId.isEmpty())
            return tr("%1 (rack %2)").arg(r.memberId, r.rackId);
        if ((column == Partitions || column == Epoch) && r.reconciling)
            return tr("Reconciling: it owns %1 partition(s) and the group's assignor gives it %2: %3")
                .arg(r.partitions.value_or(0))
                .arg(r.targetPartitions.value_or(0))
                .arg(r.targetAssignment.isEmpty() ? tr("none") : r.targetAssignment);
        if (column == Epoch && r.epoch && r.targetPartitions)
            return tr("The member's epoch; it owns its target assignment.");
        if (column == Partitions && !r.partitions)
            return tr("The assignment is not a consumer-protocol assignment, so its partitions are not known.");
        if (column == Topics && !r.assignedTopics.isEmpty())
            return tr("Subscribed: %1\nAssigned: %2")
                .arg(r.subscribedTopics.isEmpty() ? tr("unknown") : r.subscribedTopics.join(QStringLiteral(", ")),
                     r.assignedTopics.join(QStringLiteral(", ")));
        if (column == InstanceId && r.instanceId.isEmpty())
            return tr("Dynamic member (no group.instance.id)");
        return {};
    }
    return {};
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MemberId: return tr("Member id");
    case ClientId: return tr("Client id");
    case Host: return tr("Host");
    case InstanceId: return tr("group.instance.id");
    case Partitions: return tr("Partitions");
    case Topics: return tr("Topics");
    case Epoch: return tr("Epoch");
    }
    return {};
}

}   // namespace cohort
