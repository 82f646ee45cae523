// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/PartitionTableModel.h"

#include "core/lag/LagAssessor.h"

#include "models/MemberLabels.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QBrush>
#include <QLocale>

#include <limits>

namespace cohort {

namespace {

constexpr qint64 kUnknownSortsLast = std::numeric_limits<qint64>::max();

QVariant optional(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

}   // namespace

PartitionTableModel::PartitionTableModel(QObject *parent)
    : KeyedTableModel(parent)
{
    ThemeNotifier::repaintOnChange(this);
}
PartitionTableModel::~PartitionTableModel() = default;

void PartitionTableModel::setGroup(const GroupSnapshot &group)
{
    const QHash<QString, QString> labels = MemberLabels::forGroup(group.description);
    QList<Row> incoming;
    incoming.reserve(group.partitions.size());
    for (const PartitionLag &p : group.partitions) {
        Row r;
        r.tp = p.tp;
        if (const GroupMember *owner = group.ownerOf(p)) {
            r.ownerMemberId = owner->memberId;
            r.ownerLabel = labels.value(owner->memberId, owner->clientId);
            r.ownerClientId = owner->clientId;
            r.ownerHost = owner->host;
            r.ownerInstanceId = owner->groupInstanceId;
        }
        r.committed = p.committedOffset;
        r.end = p.endOffset;
        r.start = p.startOffset;
        r.lag = p.lag;
        r.metadata = group.commitMetadataOf(p.tp);
        applyAssessment(r);
        incoming.append(std::move(r));
    }

    rowMerge<Row, TopicPartition>([](const Row &r) { return r.tp; }, &PartitionTableModel::changedColumns)
        .apply(m_rows, std::move(incoming));
}

void PartitionTableModel::applyAssessment(Row &r) const
{
    const auto it = m_assessed.constFind(r.tp);
    if (it == m_assessed.cend()) {
        r.timeLagMs.reset();
        r.timeLagUnknownReason.clear();
        r.status.reset();
        r.statusReason.clear();
        return;
    }
    r.timeLagMs = it->timeLagMs;
    r.timeLagUnknownReason = it->timeLagUnknownReason;
    r.status = it->status;
    r.statusReason = it->statusReason;
}

void PartitionTableModel::setAssessment(const GroupAssessment *assessment)
{
    m_assessed.clear();
    if (assessment)
        for (const PartitionAssessment &p : assessment->partitions)
            m_assessed.insert(p.tp, p);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row updated = m_rows.at(i);
        applyAssessment(updated);
        const QList<int> columns = changedColumns(m_rows.at(i), updated);
        if (columns.isEmpty())
            continue;
        m_rows[i] = std::move(updated);
        for (int c : columns)
            Q_EMIT dataChanged(index(int(i), c), index(int(i), c));
    }
}

QList<int> PartitionTableModel::changedColumns(const Row &a, const Row &b)
{
    QList<int> cols;
    if (a.ownerMemberId != b.ownerMemberId || a.ownerLabel != b.ownerLabel || a.ownerHost != b.ownerHost
        || a.ownerClientId != b.ownerClientId || a.ownerInstanceId != b.ownerInstanceId)
        cols << Owner;
    if (a.committed != b.committed)
        cols << Committed;
    if (a.end != b.end || a.start != b.start)
        cols << End;
    if (a.lag != b.lag)
        cols << Lag;
    if (a.timeLagMs != b.timeLagMs || a.timeLagUnknownReason != b.timeLagUnknownReason)
        cols << TimeLag;
    if (a.status != b.status || a.statusReason != b.statusReason)
        cols << Status;
    if (a.metadata != b.metadata)
        cols << Metadata;
    return cols;
}

int PartitionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PartitionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int PartitionTableModel::rowOf(const TopicPartition &tp) const
{
    return indexOfKey(m_rows, tp, &Row::tp);
}

QStringList PartitionTableModel::topics() const
{
    QStringList out;
    for (const Row &r : m_rows)
        if (out.isEmpty() || out.constLast() != r.tp.topic)
            out << r.tp.topic;   // rows are sorted by topic
    return out;
}

QVariant PartitionTableModel::display(const Row &r, int column) const
{
    const QLocale locale;
    const auto number = [&locale](const std::optional<qint64> &v) { return v ? locale.toString(*v) : QStringLiteral("–"); };
    switch (column) {
    case Topic: return r.tp.topic;
    case Partition: return locale.toString(r.tp.partition);
    case Owner: return r.ownerMemberId.isEmpty() ? tr("(unassigned)") : r.ownerLabel;
    case Committed: return number(r.committed);
    case End: return number(r.end);
    case Lag: return number(r.lag);
    case TimeLag: return r.timeLagMs ? LagAssessor::duration(*r.timeLagMs) : QStringLiteral("–");
    case Status: return r.status ? LagStatusRules::name(*r.status) : QStringLiteral("–");
    case Metadata: return r.metadata;
    }
    return {};
}

QVariant PartitionTableModel::rawValue(const Row &r, int column) const
{
    switch (column) {
    case Topic: return r.tp.topic;
    case Partition: return r.tp.partition;
    case Owner: return r.ownerMemberId;
    case Committed: return optional(r.committed);
    case End: return optional(r.end);
    case Lag: return optional(r.lag);
    case TimeLag: return optional(r.timeLagMs);
    case Status: return r.status ? QVariant(int(*r.status)) : QVariant();
    case Metadata: return r.metadata;
    }
    return {};
}

QVariant PartitionTableModel::sortValue(const Row &r, int column) const
{
    switch (column) {
    case Partition: return r.tp.partition;
    case Committed: return r.committed.value_or(kUnknownSortsLast);
    case End: return r.end.value_or(kUnknownSortsLast);
    case Lag: return r.lag.value_or(kUnknownSortsLast);
    case TimeLag: return r.timeLagMs.value_or(kUnknownSortsLast);
    case Status: return r.status ? LagStatusRules::troubleRank(*r.status) : 100;   // ascending: trouble first
    // Unassigned partitions group together after the owned ones.
    case Owner: return r.ownerMemberId.isEmpty() ? QStringLiteral("\uffff") : r.ownerLabel;
    default: return display(r, column);
    }
}

QVariant PartitionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(r, column);
    case SortRole: return sortValue(r, column);
    case RawValueRole: return rawValue(r, column);
    case TopicRole: return r.tp.topic;
    case OwnerMemberIdRole: return r.ownerMemberId;
    case Qt::TextAlignmentRole:
        if (column == Partition || column == Committed || column == End || column == Lag || column == TimeLag)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Owner && r.ownerMemberId.isEmpty())
            return QBrush(Theme::current().muted());
        if ((column == Lag || column == Committed) && r.lag && *r.lag < 0)
            return QBrush(Theme::current().status(Theme::Status::Warning));
        if (column == Status && r.status)
            return QBrush(Theme::current().lagStatus(*r.status));
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Owner:
            if (r.ownerMemberId.isEmpty())
                return tr("No member of the group owns this partition right now.");
            return tr("Member %1\nClient id %2\nHost %3%4")
                .arg(r.ownerMemberId, r.ownerClientId, r.ownerHost,
                     r.ownerInstanceId.isEmpty() ? QString() : tr("\ngroup.instance.id %1").arg(r.ownerInstanceId));
        case Committed:
            if (!r.committed)
                return tr("The group has not committed an offset for this partition.");
            return r.lag && *r.lag < 0 ? tr("Committed offset ahead of the log end") : QVariant();
        case End:
            if (!r.end)
                return tr("The end offset is unknown (the partition's leader did not answer).");
            return r.start ? tr("Log start offset %1").arg(QLocale().toString(*r.start)) : QVariant();
        case Lag:
            if (!r.lag)
                return tr("Unknown: needs both a committed offset and a known end offset.");
            if (*r.lag < 0)
                return tr("Committed offset ahead of the log end by %1 msgs: the topic was truncated or deleted and "
                          "recreated since the group committed. The group will start over from its auto.offset.reset "
                          "position; reset its offsets to say where.")
                    .arg(QLocale().toString(-*r.lag));
            return {};
        case TimeLag:
            if (!r.timeLagMs)
                return r.timeLagUnknownReason.isEmpty() ? tr("Not assessed yet: the lag history needs a refresh or two.")
                                                        : r.timeLagUnknownReason;
            return tr("How long ago the first record the group has not read was produced (0 when caught up).");
        case Status:
            if (!r.status)
                return tr("Not assessed yet: the lag history needs a refresh or two.");
            return r.statusReason.isEmpty() ? QVariant() : r.statusReason;
        case Metadata: return r.metadata.isEmpty() ? QVariant() : r.metadata;
        }
        return {};
    }
    return {};
}

QVariant PartitionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Topic: return tr("Topic");
    case Partition: return tr("Partition");
    case Owner: return tr("Owner");
    case Committed: return tr("Committed offset");
    case End: return tr("End offset");
    case Lag: return tr("Lag (msgs)");
    case TimeLag: return tr("Time lag");
    case Status: return tr("Status");
    case Metadata: return tr("Commit metadata");
    }
    return {};
}

}   // namespace cohort
