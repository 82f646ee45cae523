// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagAssessment.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "models/KeyedTableModel.h"

#include <QHash>

#include <optional>

namespace cohort {

// The partitions of one group (assigned or committed), one row each keyed by
// topic and partition: owner, committed offset, end offset, lag, time lag,
// Burrow's status and the commit's metadata. Refreshed by keyed merge.
class PartitionTableModel : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartitionTableModel)

public:
    enum Column { Topic, Partition, Owner, Committed, End, Lag, TimeLag, Status, Metadata, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown values sort after every known one
        RawValueRole,                  // qint64/int/QString; invalid when unknown
        TopicRole,
        OwnerMemberIdRole,   // empty when unassigned
    };

    explicit PartitionTableModel(QObject *parent = nullptr);
    ~PartitionTableModel() override;

    void setGroup(const GroupSnapshot &group);
    // The lag history's latest verdict per partition (time lag, Burrow's
    // status with its reason); nullptr when it has none yet. Kept across
    // setGroup: the snapshot and the assessment of it arrive one after the other.
    void setAssessment(const GroupAssessment *assessment);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const TopicPartition &tp) const;
    // Sorted topic names present in the model (for a topic filter's choices).
    QStringList topics() const;

    struct Row
    {
        TopicPartition tp;
        QString ownerMemberId;
        QString ownerLabel;
        QString ownerClientId;
        QString ownerHost;
        QString ownerInstanceId;
        std::optional<qint64> committed;
        std::optional<qint64> end;
        std::optional<qint64> start;
        std::optional<qint64> lag;
        std::optional<qint64> timeLagMs;
        QString timeLagUnknownReason;
        std::optional<LagStatusRules::Status> status;
        QString statusReason;
        QString metadata;
        friend bool operator==(const Row &, const Row &) = default;
    };

private:
    static QList<int> changedColumns(const Row &a, const Row &b);
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;
    QVariant rawValue(const Row &r, int column) const;

    void applyAssessment(Row &r) const;

    QList<Row> m_rows;   // sorted by topic, partition
    QHash<TopicPartition, PartitionAssessment> m_assessed;
};

}   // namespace cohort
