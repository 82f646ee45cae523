// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/KeyedRowMerge.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>

namespace cohort {

// The base of Cohort's tree models: nodes on the heap (indexes point at them),
// children kept sorted by key, and a refresh that merges each level with
// KeyedRowMerge so that a node that stays keeps its identity — persistent
// indexes, selection and a view's expanded state survive. Derived models
// build a fresh tree of Nodes per snapshot and hand its top level to
// mergeChildren(&m_root, ...); they add data() and headerData().
// Data must be equality-comparable: a node whose Data changed gets dataChanged.
template<typename Data, typename Key>
class KeyedTreeModel : public QAbstractItemModel
{
public:
    struct Node
    {
        Key key;
        Data d;
        Node *parent = nullptr;
        QList<std::shared_ptr<Node>> children;   // sorted by key
    };

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        if (column < 0 || column >= m_columnCount || row < 0 || (parent.isValid() && parent.column() != 0))
            return {};
        const Node *p = nodeOf(parent);
        if (row >= p->children.size())
            return {};
        return createIndex(row, column, p->children.at(row).get());
    }
    QModelIndex parent(const QModelIndex &child) const override
    {
        if (!child.isValid())
            return {};
        return indexOf(nodeOf(child)->parent);
    }
    int rowCount(const QModelIndex &parent = {}) const override
    {
        if (parent.isValid() && parent.column() != 0)
            return 0;
        return int(nodeOf(parent)->children.size());
    }
    int columnCount(const QModelIndex & = {}) const override { return m_columnCount; }

protected:
    KeyedTreeModel(int columnCount, QObject *parent)
        : QAbstractItemModel(parent)
        , m_columnCount(columnCount)
    { }

    Node *nodeOf(const QModelIndex &index) const
    {
        return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
    }
    QModelIndex indexOf(Node *node) const
    {
        if (!node || node == &m_root)
            return {};
        return createIndex(rowOf(node), 0, node);
    }
    // Column-0 index of parent's child with this key; invalid when absent.
    QModelIndex childIndex(const Node *parent, const Key &key) const
    {
        const auto &siblings = parent->children;
        const auto it = lowerBound(siblings, key);
        if (it == siblings.cend() || !((*it)->key == key))
            return {};
        return createIndex(int(it - siblings.cbegin()), 0, it->get());
    }

    // Makes parent's children equal to `incoming` (sorted by key), merging
    // each child that stays into its existing node, level by level.
    void mergeChildren(Node *parent, QList<std::shared_ptr<Node>> incoming)
    {
        mergeRange(parent, 0, parent->children.size(), std::move(incoming), true);
    }

    // The same for the children in [first, last) only, which must be those
    // in the key range `incoming` (sorted) covers (a model with thousands of
    // rows merges one key range per turn); returns the window's new end.
    qsizetype mergeChildrenWindow(Node *parent, qsizetype first, qsizetype last, QList<std::shared_ptr<Node>> incoming)
    {
        return mergeRange(parent, first, last, std::move(incoming), false);
    }

    // The first of parent's children at or after `from` whose key is not below `key`.
    static qsizetype childLowerBound(const Node *parent, qsizetype from, const Key &key)
    {
        return lowerBound(parent->children, key, from) - parent->children.cbegin();
    }

    Node m_root;

private:
    qsizetype mergeRange(Node *parent, qsizetype first, qsizetype last, QList<std::shared_ptr<Node>> incoming, bool sortIncoming)
    {
        for (const auto &n : incoming)
            n->parent = parent;
        const QModelIndex parentIndex = indexOf(parent);

        KeyedRowMerge<std::shared_ptr<Node>, Key> merge;
        merge.key = [](const std::shared_ptr<Node> &n) { return n->key; };
        merge.beginRemove = [this, parentIndex](int f, int l) { beginRemoveRows(parentIndex, f, l); };
        merge.endRemove = [this] { endRemoveRows(); };
        merge.beginInsert = [this, parentIndex](int f, int l) { beginInsertRows(parentIndex, f, l); };
        merge.endInsert = [this] { endInsertRows(); };
        // The rows that changed go out as one dataChanged over their span
        // (rows between that did not change are repainted too): a sorting
        // proxy then re-examines thousands of rows once, not row by row.
        // Rows are updated front to back, so an insert after a changed row
        // leaves its index valid until the span is sent.
        int firstChanged = -1, lastChanged = -1;
        merge.update = [this, &firstChanged, &lastChanged](int row, std::shared_ptr<Node> &existing, std::shared_ptr<Node> &next) {
            if (!(existing->d == next->d)) {
                existing->d = next->d;
                if (firstChanged < 0)
                    firstChanged = row;
                lastChanged = row;
            }
            // The existing node stays (indexes point at it); only its children merge.
            mergeChildren(existing.get(), std::move(next->children));
        };
        if (sortIncoming)
            merge.sortByKey(incoming);
        const qsizetype end = merge.applyWindow(parent->children, first, last, std::move(incoming));
        if (firstChanged >= 0)
            Q_EMIT dataChanged(createIndex(firstChanged, 0, parent->children.at(firstChanged).get()),
                               createIndex(lastChanged, m_columnCount - 1, parent->children.at(lastChanged).get()));
        return end;
    }

    static auto lowerBound(const QList<std::shared_ptr<Node>> &siblings, const Key &key, qsizetype from = 0)
    {
        return std::lower_bound(siblings.cbegin() + from, siblings.cend(), key,
                                [](const std::shared_ptr<Node> &n, const Key &k) { return n->key < k; });
    }
    int rowOf(const Node *node) const
    {
        const auto &siblings = node->parent->children;
        const auto it = lowerBound(siblings, node->key);
        Q_ASSERT(it != siblings.cend() && it->get() == node);
        return int(it - siblings.cbegin());
    }

    const int m_columnCount;
};

}   // namespace cohort
