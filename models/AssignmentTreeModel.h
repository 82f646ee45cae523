// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"
#include "models/KeyedTreeModel.h"

#include <memory>
#include <optional>

namespace cohort {

// What a node of the assignment tree shows; compared to decide whether a refresh changed it.
struct AssignmentTreeData
{
    enum Kind { MemberNode, TopicNode, PartitionNode };
    Kind kind = MemberNode;
    QString label;
    QString detail;   // tooltip: member id and host, …
    int count = 0;
    double fairShare = -1;   // < 0: not applicable
    int scale = 0;
    int sharers = 0;   // members the fair share is computed over
    std::optional<qint64> lag;
    int unknownLag = 0;
    friend bool operator==(const AssignmentTreeData &, const AssignmentTreeData &) = default;
};

// Who owns what in one group, as a tree: member → topic → partition. Members and
// topics carry their partition count next to the fair share (an even split), so
// an uneven assignment stands out. Refreshed by a keyed merge at every level:
// nodes that stay keep their identity (and the view its expanded state).
// Node keys: (member id, -1), (topic, -1), (empty, partition).
class AssignmentTreeModel : public KeyedTreeModel<AssignmentTreeData, std::pair<QString, int>>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentTreeModel)

public:
    enum Column { Name, Partitions, Share, Lag, ColumnCount };
    using Kind = AssignmentTreeData::Kind;
    static constexpr Kind MemberNode = AssignmentTreeData::MemberNode;
    static constexpr Kind TopicNode = AssignmentTreeData::TopicNode;
    static constexpr Kind PartitionNode = AssignmentTreeData::PartitionNode;
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

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Index of a member's row (column 0), invalid when absent.
    QModelIndex memberIndex(const QString &memberId) const;

private:
    QVariant display(const Node &n, int column) const;
    QVariant sortValue(const Node &n, int column) const;
    static Balance balanceOf(const AssignmentTreeData &d);
};

}   // namespace cohort
