// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/KeyedRowMerge.h"

#include <QAbstractTableModel>

namespace cohort {

// The base of Cohort's flat models: a KeyedRowMerge wired to this model's
// row signals (inserts, removals, ranged dataChanged), so that each model
// only says what its key is and which columns differ between two rows.
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    template<typename Row, typename Key>
    KeyedRowMerge<Row, Key> rowMerge(std::function<Key(const Row &)> key,
                                     std::function<QList<int>(const Row &, const Row &)> changedColumns)
    {
        KeyedRowMerge<Row, Key> m;
        m.key = std::move(key);
        m.changedColumns = std::move(changedColumns);
        m.beginRemove = [this](int f, int l) { beginRemoveRows({}, f, l); };
        m.endRemove = [this] { endRemoveRows(); };
        m.beginInsert = [this](int f, int l) { beginInsertRows({}, f, l); };
        m.endInsert = [this] { endInsertRows(); };
        m.changed = [this](int r0, int r1, int c0, int c1) { Q_EMIT dataChanged(index(r0, c0), index(r1, c1)); };
        return m;
    }
};

}   // namespace cohort
