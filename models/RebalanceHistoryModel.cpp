// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/RebalanceHistoryModel.h"

#include "core/util/DateTimeText.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace cohort {

RebalanceHistoryModel::RebalanceHistoryModel(QObject *parent)
    : KeyedTableModel(parent)
{ }
RebalanceHistoryModel::~RebalanceHistoryModel() = default;

void RebalanceHistoryModel::setEvents(const QList<GroupEvent> &events)
{
    QList<GroupEvent> sorted;
    for (const GroupEvent &e : events)
        if (e.kind == GroupEventKind::RebalanceStarted || e.kind == GroupEventKind::RebalanceCompleted)
            sorted.append(e);
    std::stable_sort(sorted.begin(), sorted.end(), [](const GroupEvent &a, const GroupEvent &b) { return a.timeMs < b.timeMs; });

    // A completion closes the start before it (the detector emits them in
    // pairs; a start the history lost leaves the completion on its own).
    QList<Row> incoming;
    const GroupEvent *start = nullptr;
    for (const GroupEvent &e : std::as_const(sorted)) {
        if (e.kind == GroupEventKind::RebalanceStarted) {
            start = &e;
            continue;
        }
        Row r;
        r.keyMs = e.timeMs;
        r.completedMs = e.timeMs;
        r.durationMs = e.durationMs;
        r.startedMs = e.durationMs >= 0 ? e.timeMs - e.durationMs : -1;
        r.partitionsMoved = e.partitionsMoved;
        r.unownedMs = e.unownedMs;
        r.generation = e.generation;
        r.outcome = e.reason;
        if (start)
            r.trigger = start->reason;
        start = nullptr;
        incoming.append(r);
    }
    if (start) {
        Row r;
        r.keyMs = start->timeMs;
        r.inProgress = true;
        r.startedMs = start->timeMs;
        r.trigger = start->reason;
        r.generation = start->generation;
        incoming.append(r);
    }
    rowMerge<Row, Key>([](const Row &r) { return Key(r.keyMs, r.inProgress); }, &RebalanceHistoryModel::changedColumns)
        .apply(m_rows, std::move(incoming));
}

QList<int> RebalanceHistoryModel::changedColumns(const Row &a, const Row &b)
{
    QList<int> cols;
    if (a.startedMs != b.startedMs)
        cols << Started;
    if (a.trigger != b.trigger || a.outcome != b.outcome)
        cols << Trigger;
    if (a.durationMs != b.durationMs || a.completedMs != b.completedMs)
        cols << Duration;
    if (a.partitionsMoved != b.partitionsMoved)
        cols << PartitionsMoved;
    if (a.unownedMs != b.unownedMs)
        cols << WithoutOwner;
    if (a.generation != b.generation)
        cols << Generation;
    return cols;
}

int RebalanceHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RebalanceHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RebalanceHistoryModel::display(const Row &r, int column) const
{
    const QLocale locale;
    switch (column) {
    case Started: {
        const qint64 at = r.startedMs >= 0 ? r.startedMs : r.completedMs;
        const QString when = DateTimeText::dateTime(QDateTime::fromMSecsSinceEpoch(at), locale);
        // Begun between two reads: only its end is known.
        return r.startedMs >= 0 ? when : tr("by %1").arg(when);
    }
    case Trigger: return r.trigger.isEmpty() ? QStringLiteral("–") : r.trigger;
    case Duration:
        if (r.inProgress)
            return tr("under way");
        if (r.durationMs < 0)
            return tr("unknown");
        return tr("%1 s").arg(locale.toString(r.durationMs / 1000.0, 'f', 1));
    case PartitionsMoved: return r.partitionsMoved >= 0 ? locale.toString(r.partitionsMoved) : QStringLiteral("–");
    case WithoutOwner:
        if (r.unownedMs < 0)
            return r.inProgress ? QStringLiteral("–") : tr("unknown");
        return tr("%1 s").arg(locale.toString(r.unownedMs / 1000.0, 'f', 1));
    case Generation: return r.generation >= 0 ? locale.toString(r.generation) : QStringLiteral("–");
    }
    return {};
}

QVariant RebalanceHistoryModel::sortValue(const Row &r, int column) const
{
    constexpr qint64 unknown = std::numeric_limits<qint64>::max();
    switch (column) {
    case Started: return r.startedMs >= 0 ? r.startedMs : r.completedMs;
    case Trigger: return r.trigger;
    // Under way sorts as the longest: it is still going.
    case Duration: return r.inProgress ? unknown - 1 : r.durationMs >= 0 ? r.durationMs : unknown;
    case PartitionsMoved: return r.partitionsMoved >= 0 ? qint64(r.partitionsMoved) : unknown;
    case WithoutOwner: return r.unownedMs >= 0 ? r.unownedMs : unknown;
    case Generation: return r.generation >= 0 ? qint64(r.generation) : unknown;
    }
    return {};
}

QVariant RebalanceHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(r, column);
    case SortRole: return sortValue(r, column);
    case InProgressRole: return r.inProgress;
    case StartedMsRole: return r.startedMs;
    case CompletedMsRole: return r.completedMs;
    case DetailsRole: {
        QStringList lines;
        for (int c = 0; c < ColumnCount; ++c)
            lines << tr("%1: %2").arg(headerData(c, Qt::Horizontal).toString(), display(r, c).toString());
        if (!r.trigger.isEmpty())
            lines << tr("Triggered: %1").arg(r.trigger);
        if (!r.outcome.isEmpty())
            lines << tr("Completed: %1").arg(r.outcome);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole:
        if (column == Duration || column == PartitionsMoved || column == WithoutOwner || column == Generation)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Trigger) {
            QStringList lines;
            if (!r.trigger.isEmpty())
                lines << tr("Triggered: %1").arg(r.trigger);
            if (!r.outcome.isEmpty())
                lines << tr("Completed: %1").arg(r.outcome);
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
        if (column == WithoutOwner)
            return tr("The longest time a partition had no owner: every partition from the start of an eager rebalance, only "
                      "those that moved in a cooperative one.");
        if (column == Started && r.startedMs < 0)
            return tr("It began between two reads of the group, so only its end is known.");
        return {};
    }
    return {};
}

QVariant RebalanceHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Started: return tr("Began");
    case Trigger: return tr("Trigger");
    case Duration: return tr("Duration");
    case PartitionsMoved: return tr("Partitions moved");
    case WithoutOwner: return tr("Without owner");
    case Generation: return tr("Generation");
    }
    return {};
}

}   // namespace cohort
