// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagHistory.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "models/KeyedTreeModel.h"

#include <QDeadlineTimer>
#include <QPointer>

#include <memory>
#include <optional>

namespace cohort {

class SlicedWork;

// What one row of the Topics tree shows; compared to decide whether a refresh changed it.
struct TopicTreeData
{
    enum Kind { TopicRow, GroupRow };
    Kind kind = TopicRow;
    std::optional<int> partitions;      // topic: from metadata; group: partitions of it the group touches
    std::optional<qint64> endOffsets;   // topic: sum of known high watermarks
    int unknownEndPartitions = 0;
    int groups = 0;
    std::optional<qint64> lag;
    int unknownLagPartitions = 0;
    bool internal = false;
    bool inMetadata = true;
    GroupState state = GroupState::Unknown;   // group rows
    // From the session's lag history: a topic's produce rate (msg/s); a
    // group's time lag and status on this topic, with the status's reason.
    std::optional<double> produceRate;
    std::optional<qint64> timeLagMs;
    QString timeLagUnknownReason;
    std::optional<LagStatusRules::Status> status;
    QString statusReason;
    friend bool operator==(const TopicTreeData &, const TopicTreeData &) = default;
};

// Every topic of the cluster (partitions, sum of end offsets, produce rate,
// consuming groups, total lag), each with child rows for the groups that
// consume it and their lag, time lag and status on it. Refreshed by keyed
// merge at both levels, so selection and the expanded state survive refreshes.
class TopicTableModel : public KeyedTreeModel<TopicTreeData, QString>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicTableModel)

public:
    enum Column { Name, State, Partitions, EndOffsets, ProduceRate, Groups, Lag, TimeLag, Status, ColumnCount };
    using Kind = TopicTreeData::Kind;
    static constexpr Kind TopicRow = TopicTreeData::TopicRow;
    static constexpr Kind GroupRow = TopicTreeData::GroupRow;
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown values sort after every known one
        RawValueRole,                  // int/qint64/QString; invalid when unknown
        KindRole,                      // Kind
        TopicRole,
        GroupIdRole,   // empty for topic rows
        LagStatusRole,   // group rows: int(LagStatusRules::Status), or -1 while the history has no assessment
    };

    explicit TopicTableModel(QObject *parent = nullptr);
    ~TopicTableModel() override;

    void setSnapshot(const ClusterSnapshot &snapshot);
    // Produce rates, time lags and statuses come from `history` (the
    // session's), re-read at each of its updated(); null: not shown.
    void setLagHistory(LagHistory *history);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Column-0 index of a topic row, or of a group under a topic; invalid when absent.
    QModelIndex topicIndex(const QString &topic) const;
    QModelIndex groupIndex(const QString &topic, const QString &groupId) const;

private:
    struct PendingBuild;
    void rebuild();
    bool rebuildSome(const QDeadlineTimer &sliceEnd);
    void addTopicRows(PendingBuild &build) const;
    static void addGroupRows(PendingBuild &build, const GroupSnapshot &g, const LagHistory *history);
    bool mergeSome(const QDeadlineTimer &sliceEnd);
    QVariant display(const Node &n, int column) const;
    QVariant sortValue(const Node &n, int column) const;
    QVariant rawValue(const Node &n, int column) const;

    ClusterSnapshot m_snapshot;
    QPointer<LagHistory> m_lagHistory;
    // Thousands of group rows are built over several turns, then merged in one.
    SlicedWork *m_rebuild;
    std::unique_ptr<PendingBuild> m_build;
};

}   // namespace cohort
