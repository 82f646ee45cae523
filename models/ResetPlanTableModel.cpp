// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ResetPlanTableModel.h"

#include "models/Theme.h"

#include <QBrush>
#include <QLocale>

#include <limits>

namespace cohort {

namespace {

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString signedNumber(qint64 n)
{
    return n > 0 ? QStringLiteral("+") + number(n) : number(n);
}

bool samePlan(const PartitionResetPlan &a, const PartitionResetPlan &b)
{
    return a.current == b.current && a.requested == b.requested && a.newOffset == b.newOffset && a.logStart == b.logStart
           && a.logEnd == b.logEnd && a.clamp == b.clamp && a.noRecordAtTime == b.noRecordAtTime && a.deleteOffset == b.deleteOffset;
}

}   // namespace

ResetPlanTableModel::ResetPlanTableModel(QObject *parent)
    : KeyedTableModel(parent)
{ }

ResetPlanTableModel::~ResetPlanTableModel() = default;

QList<int> ResetPlanTableModel::changedColumns(const Row &a, const Row &b)
{
    QList<int> out;
    if (a.plan.current != b.plan.current)
        out << Current << Change;
    if (a.plan.newOffset != b.plan.newOffset || a.plan.deleteOffset != b.plan.deleteOffset)
        out << New << Change << NewLag;
    if (a.plan.logEnd != b.plan.logEnd)
        out << NewLag;
    if (!samePlan(a.plan, b.plan))
        out << Note;
    if (a.applied != b.applied || a.outcome != b.outcome)
        out << Outcome;
    return out;
}

void ResetPlanTableModel::setPlan(const ResetPlan &plan)
{
    QList<Row> incoming;
    for (const GroupResetPlan &g : plan.groups)
        for (const PartitionResetPlan &p : g.partitions)
            incoming.append(Row{g.groupId, p, std::nullopt, {}});
    rowMerge<Row, Key>(&ResetPlanTableModel::keyOf, &ResetPlanTableModel::changedColumns).apply(m_rows, std::move(incoming));
}

void ResetPlanTableModel::setOutcome(const ResetOutcome &outcome)
{
    for (const GroupResetOutcome &g : outcome.groups) {
        QHash<TopicPartition, QString> problems;
        for (const PartitionWriteOutcome &f : g.failed)
            problems.insert(f.tp, f.error.name.isEmpty() ? f.error.message : f.error.name + QStringLiteral(": ") + f.error.message);
        for (const OffsetDifference &d : g.differences)
            if (!problems.contains(d.tp))
                problems.insert(d.tp, d.deletePlanned() ? tr("read back %1, not deleted").arg(number(d.readBack.value_or(-1)))
                                      : d.readBack      ? tr("read back %1, not %2").arg(number(*d.readBack), number(d.planned))
                                                        : tr("read back nothing committed, not %1").arg(number(d.planned)));
        for (int r = 0; r < m_rows.size(); ++r) {
            Row &row = m_rows[r];
            if (row.groupId != g.groupId)
                continue;
            if (const auto p = problems.constFind(row.plan.tp); p != problems.cend()) {
                row.applied = false;
                row.outcome = *p;
            } else if (g.verifyError) {
                row.applied = false;
                row.outcome = tr("written, but could not be read back: %1").arg(g.verifyError->message);
            } else {
                row.applied = true;
                row.outcome = row.plan.deleteOffset ? tr("deleted, read back none")
                                                    : tr("committed, read back %1").arg(number(row.plan.newOffset));
            }
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
}

void ResetPlanTableModel::clear()
{
    rowMerge<Row, Key>(&ResetPlanTableModel::keyOf, &ResetPlanTableModel::changedColumns).apply(m_rows, {});
}

int ResetPlanTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResetPlanTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ResetPlanTableModel::rowOf(const QString &groupId, const TopicPartition &tp) const
{
    return indexOfKey(m_rows, Key{groupId, tp}, &ResetPlanTableModel::keyOf);
}

QVariant ResetPlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Change: return tr("New offset minus current: negative is read again, positive is skipped");
        case NewLag: return tr("Log end minus the new offset: what the group will have left to read");
        case Note: return tr("Why a target moved: outside [log start, log end] it is clamped to the nearer end, as "
                             "kafka-consumer-groups.sh does");
        case Outcome: return tr("After applying: what the broker answered and what was read back");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Group: return tr("Group");
    case Topic: return tr("Topic");
    case Partition: return tr("Partition");
    case Current: return tr("Current offset");
    case New: return tr("New offset");
    case Change: return tr("Change");
    case NewLag: return tr("New lag");
    case Note: return tr("Note");
    case Outcome: return tr("Outcome");
    default: return {};
    }
}

QVariant ResetPlanTableModel::display(const Row &r, int column) const
{
    const PartitionResetPlan &p = r.plan;
    switch (column) {
    case Group: return r.groupId;
    case Topic: return p.tp.topic;
    case Partition: return p.tp.partition;
    case Current: return p.current ? number(*p.current) : tr("none");
    case New: return p.deleteOffset ? tr("none") : number(p.newOffset);
    case Change: return p.change() ? signedNumber(*p.change()) : QStringLiteral("–");
    case NewLag: return p.deleteOffset ? QStringLiteral("–") : number(p.newLag());
    case Note:
        switch (p.clamp) {
        case PartitionResetPlan::Clamp::ToLogStart:
            return tr("clamped to the log start (%1 asked, before %2)").arg(number(p.requested), number(p.logStart));
        case PartitionResetPlan::Clamp::ToLogEnd:
            return tr("clamped to the log end (%1 asked, past %2)").arg(number(p.requested), number(p.logEnd));
        case PartitionResetPlan::Clamp::None: break;
        }
        if (p.noRecordAtTime)
            return tr("no record at or after the time: the log end");
        if (p.deleteOffset)
            return tr("had no offset before that reset: its offset is deleted");
        if (!p.current)
            return tr("first offset for this partition");
        return QString();
    case Outcome: return r.outcome;
    default: return {};
    }
}

QVariant ResetPlanTableModel::sortValue(const Row &r, int column) const
{
    const PartitionResetPlan &p = r.plan;
    switch (column) {
    case Partition: return p.tp.partition;
    case Current: return p.current ? *p.current : std::numeric_limits<qint64>::min();
    case New: return p.deleteOffset ? std::numeric_limits<qint64>::min() : p.newOffset;
    case Change: return p.change() ? *p.change() : std::numeric_limits<qint64>::min();
    case NewLag: return p.deleteOffset ? std::numeric_limits<qint64>::min() : p.newLag();
    default: return display(r, column);
    }
}

QVariant ResetPlanTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Outcome || index.column() == Note)
            return display(r, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= Partition && index.column() <= NewLag)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Outcome && r.applied)
            return QBrush(Theme::current().status(*r.applied ? Theme::Status::Ok : Theme::Status::Error));
        if (r.plan.clamped() && (index.column() == New || index.column() == Note))
            return QBrush(Theme::current().status(Theme::Status::Warning));
        return {};
    case SortRole: return sortValue(r, index.column());
    case ClampedRole: return r.plan.clamped();
    case FailedRole: return r.applied.has_value() && !*r.applied;
    default: return {};
    }
}

}   // namespace cohort
