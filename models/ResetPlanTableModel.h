// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetOutcome.h"
#include "core/reset/ResetPlan.h"
#include "models/KeyedTableModel.h"

#include <optional>

namespace cohort {

// The dry-run preview of an offset reset, one row per group and partition:
// current and new offset, the change (negative re-reads, positive skips), the
// new lag, and why a target moved (clamped into [log start, log end], or no
// record at the time); after the reset is applied, each row's outcome (the
// broker's refusal, or a read-back that differs from the plan). A new plan is
// merged by (group, topic, partition), never a reset of the model.
class ResetPlanTableModel : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetPlanTableModel)

public:
    enum Column { Group, Topic, Partition, Current, New, Change, NewLag, Note, Outcome, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; no current offset sorts first
        ClampedRole,                   // bool: the target was moved into [log start, log end]
        FailedRole,                    // bool: applying did not leave the planned offset
    };

    explicit ResetPlanTableModel(QObject *parent = nullptr);
    ~ResetPlanTableModel() override;

    void setPlan(const ResetPlan &plan);
    // What applying did, per row; rows of groups it does not name keep no outcome.
    void setOutcome(const ResetOutcome &outcome);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &groupId, const TopicPartition &tp) const;

    struct Row
    {
        QString groupId;
        PartitionResetPlan plan;
        // After applying: empty while not applied; "ok" rows say so.
        std::optional<bool> applied;
        QString outcome;
    };

private:
    using Key = std::pair<QString, TopicPartition>;
    static Key keyOf(const Row &r) { return {r.groupId, r.plan.tp}; }
    static QList<int> changedColumns(const Row &a, const Row &b);
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;

    QList<Row> m_rows;   // sorted by group, topic, partition
};

}   // namespace cohort
