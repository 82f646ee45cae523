// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ClusterSnapshot.h"

#include <QAbstractItemModel>

#include <memory>
#include <optional>

namespace cohort {

// Who owns what in one group, as a tree: member → topic → partition. Members and
// topics carry their partition count next to the fair share (an even split), so
// an uneven assignment stands out. Refreshed by a keyed merge at every level:
// nodes that stay keep their identity (and the view its expanded state).
class AssignmentTreeModel : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentTreeModel)

public:
    enum Column { Name, Partitions, Share, Lag, ColumnCount };
    enum Kind { MemberNode, TopicNode, PartitionNode };
    enum Balance { Under = -1, Even = 0, Over = 1 };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown lag sorts last
        RawValueRole,                  // count (int), lag (qint64; invalid when unknown), name
        KindRole,                      // Kind
        CountRole,                     // partitions under the node
        FairShareRole,                 // double: even split among the siblings sharing it; invalid for partitions
        ScaleRole,                     // int: the largest count (or fair share) among comparable nodes, for bars
        BalanceRole,                   // Balance, for members and topics
        MemberIdRole,
        TopicRole,
        PartitionRole,
    };

    explicit AssignmentTreeModel(QObject *parent = nullptr);
    ~AssignmentTreeModel() override;

    void setGroup(const GroupSnapshot &group);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Index of a member's row (column 0), invalid when absent.
    QModelIndex memberIndex(const QString &memberId) const;

    // What a node shows; compared to decide whether a refresh changed it.
    struct NodeData
    {
        Kind kind = MemberNode;
        QString label;
        QString detail;                 // tooltip: member id and host, …
        int count = 0;
        double fairShare = -1;          // < 0: not applicable
        int scale = 0;
        int sharers = 0;                // members the fair share is computed over
        std::optional<qint64> lag;
        int unknownLag = 0;
        friend bool operator==(const NodeData &, const NodeData &) = default;
    };

    struct Node
    {
        QString key;                    // member id / topic name; empty for partitions
        int partition = -1;
        NodeData d;
        Node *parent = nullptr;
        QList<std::shared_ptr<Node>> children;   // sorted by (key, partition)
    };

private:
    using Key = std::pair<QString, int>;
    static Key keyOf(const Node &n) { return {n.key, n.partition}; }
    Node *nodeOf(const QModelIndex &index) const;
    int rowOf(const Node *node) const;
    QModelIndex indexOf(Node *node) const;
    void mergeChildren(Node *parent, QList<std::shared_ptr<Node>> incoming);
    QVariant display(const Node &n, int column) const;
    QVariant sortValue(const Node &n, int column) const;
    static Balance balanceOf(const NodeData &d);

    Node m_root;
};

} // namespace cohort
