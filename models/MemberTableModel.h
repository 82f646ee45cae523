// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"
#include "models/KeyedTableModel.h"

#include <optional>

namespace cohort {

// The members of one group, one row each (keyed by member id), refreshed by
// keyed merge so a selected member stays selected across refreshes.
class MemberTableModel : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberTableModel)

public:
    // Epoch: a KIP-848 member's epoch, a classic group's generation.
    enum Column { MemberId, ClientId, Host, InstanceId, Partitions, Topics, Epoch, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown counts sort last
        RawValueRole,                  // the value behind the cell (int, QString, QStringList); invalid when unknown
        MemberIdRole,
    };

    explicit MemberTableModel(QObject *parent = nullptr);
    ~MemberTableModel() override;

    void setGroup(const GroupSnapshot &group);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &memberId) const;

    struct Row
    {
        QString memberId;
        QString clientId;
        QString host;
        QString instanceId;
        std::optional<int> partitions;   // nullopt: assignment not decoded (non-consumer protocol)
        QStringList assignedTopics;
        QStringList subscribedTopics;
        QString rackId;
        QString decodeError;
        std::optional<int> epoch;
        // KIP-848: what the assignor wants the member to own, when it does not own it yet.
        bool reconciling = false;
        std::optional<int> targetPartitions;
        QString targetAssignment;   // "orders-0, orders-3", for the tooltip
        friend bool operator==(const Row &, const Row &) = default;
    };

private:
    static QList<int> changedColumns(const Row &a, const Row &b);
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;

    QList<Row> m_rows;   // sorted by member id
};

}   // namespace cohort
