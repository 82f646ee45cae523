// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/AssignmentSimulator.h"
#include "models/KeyedTableModel.h"

namespace cohort {

// What an assignor would give each member (AssignmentSimulator's outcome),
// a row per member: how many partitions, which, and which it would gain and
// lose against what it owns now. Refreshed by keyed merge, so a what-if
// re-run keeps the selection.
class AssignmentOutcomeModel : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentOutcomeModel)

public:
    enum Column { Member, Count, Partitions, Gains, Loses, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // counts as numbers
        MemberIdRole,
    };

    explicit AssignmentOutcomeModel(QObject *parent = nullptr);
    ~AssignmentOutcomeModel() override;

    // `input` as given to the simulator (its owned partitions are "now").
    void setOutcome(const AssignorInput &input, const AssignmentOutcome &outcome);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Row
    {
        QString memberId;
        QList<TopicPartition> partitions;
        QList<TopicPartition> gains;
        QList<TopicPartition> loses;
        friend bool operator==(const Row &, const Row &) = default;
    };

private:
    static QList<int> changedColumns(const Row &a, const Row &b);
    void apply(QList<Row> incoming);

    QList<Row> m_rows;   // sorted by member id
};

}   // namespace cohort
