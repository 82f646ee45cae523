// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"
#include "models/KeyedTableModel.h"

#include <utility>

namespace cohort {

// One group's rebalances, a row each: when it began, what triggered it, how
// long it took, how many partitions moved and the longest time a partition
// had no owner; a rebalance still under way is a row too. Built from the
// group's events (the lag history's: what the history store restored and
// what the watcher sees now), refreshed by keyed merge.
class RebalanceHistoryModel : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RebalanceHistoryModel)

public:
    enum Column { Started, Trigger, Duration, PartitionsMoved, WithoutOwner, Generation, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // times and numbers as numbers; unknown sorts after every known value
        InProgressRole,                // bool
        StartedMsRole,                 // qint64, -1 when begun between two reads
        CompletedMsRole,               // qint64, -1 while under way
        DetailsRole,                   // QString: the row in sentences, for Copy Details
    };

    explicit RebalanceHistoryModel(QObject *parent = nullptr);
    ~RebalanceHistoryModel() override;

    // The group's events, any order; only the rebalances become rows.
    void setEvents(const QList<GroupEvent> &events);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Row
    {
        qint64 keyMs = 0;          // the completion's time, or the start's while under way
        bool inProgress = false;
        qint64 startedMs = -1;     // -1: begun between two reads
        qint64 completedMs = -1;
        QString trigger;           // what the start said set it off
        QString outcome;           // what the completion said, if anything
        qint64 durationMs = -1;
        int partitionsMoved = -1;
        qint64 unownedMs = -1;
        int generation = -1;
        friend bool operator==(const Row &, const Row &) = default;
    };

private:
    using Key = std::pair<qint64, bool>;
    static QList<int> changedColumns(const Row &a, const Row &b);
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;

    QList<Row> m_rows;   // sorted by key
};

}   // namespace cohort
