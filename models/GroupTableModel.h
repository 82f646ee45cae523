// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ClusterSnapshot.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <optional>

namespace cohort {

// Every consumer group of a cluster, one row each, refreshed by keyed merge.
class GroupTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupTableModel)

public:
    enum Column { GroupId, State, ProtocolType, Assignor, Members, Topics, Partitions, Lag, Coordinator, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown lag sorts after every known value
        RawValueRole,                  // the value behind the cell (qint64, QString, int)
        GroupIdRole,
        StateRole,                     // int(GroupState)
        LagKnownRole,                  // bool
        TopicNamesRole,                // QStringList
    };

    explicit GroupTableModel(QObject *parent = nullptr);
    ~GroupTableModel() override;

    void setSnapshot(const ClusterSnapshot &snapshot);
    // Last data shown greyed out while the cluster cannot be reached.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Row of a group, -1 when absent (for selecting a group by id).
    int rowOf(const QString &groupId) const;

    struct Row
    {
        QString groupId;
        GroupState state = GroupState::Unknown;
        QString protocolType;
        QString assignor;
        int members = 0;
        QStringList topics;
        int partitions = 0;
        std::optional<qint64> lag;
        int unknownLagPartitions = 0;
        int coordinatorId = -1;
        QString coordinatorAddress;
        QString note;
        friend bool operator==(const Row &, const Row &) = default;
    };

private:
    static QList<int> changedColumns(const Row &a, const Row &b);
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;

    QList<Row> m_rows;   // sorted by group id
    bool m_stale = false;
};

} // namespace cohort
