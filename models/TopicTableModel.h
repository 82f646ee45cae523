// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ClusterSnapshot.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>

namespace cohort {

// Every topic of the cluster (partitions, sum of end offsets, consuming groups,
// total lag), each with child rows for the groups that consume it and their
// lag on it. Refreshed by keyed merge at both levels, so selection and the
// expanded state survive refreshes.
class TopicTableModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicTableModel)

public:
    enum Column { Name, State, Partitions, EndOffsets, Groups, Lag, ColumnCount };
    enum Kind { TopicRow, GroupRow };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown values sort after every known one
        RawValueRole,                  // int/qint64/QString; invalid when unknown
        KindRole,                      // Kind
        TopicRole,
        GroupIdRole,                   // empty for topic rows
    };

    explicit TopicTableModel(QObject *parent = nullptr);
    ~TopicTableModel() override;

    void setSnapshot(const ClusterSnapshot &snapshot);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Column-0 index of a topic row, or of a group under a topic; invalid when absent.
    QModelIndex topicIndex(const QString &topic) const;
    QModelIndex groupIndex(const QString &topic, const QString &groupId) const;

    struct NodeData
    {
        Kind kind = TopicRow;
        std::optional<int> partitions;        // topic: from metadata; group: partitions of it the group touches
        std::optional<qint64> endOffsets;     // topic: sum of known high watermarks
        int unknownEndPartitions = 0;
        int groups = 0;
        std::optional<qint64> lag;
        int unknownLagPartitions = 0;
        bool internal = false;
        bool inMetadata = true;
        GroupState state = GroupState::Unknown;   // group rows
        friend bool operator==(const NodeData &, const NodeData &) = default;
    };

    struct Node
    {
        QString key;                          // topic name / group id
        NodeData d;
        Node *parent = nullptr;
        QList<std::shared_ptr<Node>> children;   // sorted by key
    };

private:
    Node *nodeOf(const QModelIndex &index) const;
    int rowOf(const Node *node) const;
    QModelIndex indexOf(Node *node) const;
    void mergeChildren(Node *parent, QList<std::shared_ptr<Node>> incoming);
    QVariant display(const Node &n, int column) const;
    QVariant sortValue(const Node &n, int column) const;
    QVariant rawValue(const Node &n, int column) const;

    Node m_root;
};

} // namespace cohort
