// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QList>

#include <algorithm>
#include <functional>

namespace cohort {

// Applies a new list of rows to a flat model as a keyed merge: rows whose key
// is gone are removed (contiguous runs batched), new keys are inserted at their
// sorted place, rows that stay get dataChanged for the columns that differ.
// Never a model reset: selection, scroll position and persistent indexes survive
// a refresh. Rows are kept sorted by key (views sort through a proxy anyway).
//
// Model must expose protected begin/end helpers; this is a friend-free template
// that the model calls from its own setter with lambdas for those helpers.
template<typename Row, typename Key>
struct KeyedRowMerge
{
    std::function<Key(const Row &)> key;
    // Columns in which two rows with the same key differ (empty: none).
    std::function<QList<int>(const Row &, const Row &)> changedColumns;

    std::function<void(int first, int last)> beginRemove;
    std::function<void()> endRemove;
    std::function<void(int first, int last)> beginInsert;
    std::function<void()> endInsert;
    std::function<void(int row, int firstColumn, int lastColumn)> changed;
    // Optional. Tree models point their indexes at heap nodes, so a row that
    // stays must keep its node: when set, this merges `incoming` into `existing`
    // (signalling its own changes, recursing into children) instead of the
    // replace + changedColumns/changed path.
    std::function<void(int row, Row &existing, Row &incoming)> update;

    // rows: the model's storage (sorted by key). incoming: any order.
    void apply(QList<Row> &rows, QList<Row> incoming) const
    {
        std::sort(incoming.begin(), incoming.end(), [this](const Row &a, const Row &b) { return key(a) < key(b); });

        // 1. Removals, from the back so indexes stay valid; contiguous runs batched.
        {
            qsizetype j = incoming.size() - 1;
            qsizetype i = rows.size() - 1;
            while (i >= 0) {
                const Key k = key(rows.at(i));
                while (j >= 0 && k < key(incoming.at(j)))
                    --j;
                const bool keep = j >= 0 && !(key(incoming.at(j)) < k);
                if (keep) {
                    --i;
                    continue;
                }
                qsizetype first = i;
                while (first > 0) {
                    const Key pk = key(rows.at(first - 1));
                    while (j >= 0 && pk < key(incoming.at(j)))
                        --j;
                    if (j >= 0 && !(key(incoming.at(j)) < pk))
                        break;
                    --first;
                }
                beginRemove(int(first), int(i));
                rows.remove(first, i - first + 1);
                endRemove();
                i = first - 1;
            }
        }

        // 2. Inserts and changes, front to back (both lists sorted by key now).
        qsizetype i = 0;
        qsizetype j = 0;
        while (j < incoming.size()) {
            if (i < rows.size() && !(key(incoming.at(j)) < key(rows.at(i)))) {
                // Same key (removals left only keys present in incoming).
                if (update) {
                    update(int(i), rows[i], incoming[j]);
                    ++i;
                    ++j;
                    continue;
                }
                const QList<int> cols = changedColumns(rows.at(i), incoming.at(j));
                rows[i] = std::move(incoming[j]);
                if (!cols.isEmpty())
                    changed(int(i), *std::min_element(cols.begin(), cols.end()), *std::max_element(cols.begin(), cols.end()));
                ++i;
                ++j;
                continue;
            }
            // A run of new keys that sort before rows[i] (or at the end).
            qsizetype runEnd = j;
            while (runEnd < incoming.size() && (i >= rows.size() || key(incoming.at(runEnd)) < key(rows.at(i))))
                ++runEnd;
            beginInsert(int(i), int(i + (runEnd - j) - 1));
            for (qsizetype k = j; k < runEnd; ++k)
                rows.insert(i + (k - j), std::move(incoming[k]));
            endInsert();
            i += runEnd - j;
            j = runEnd;
        }
    }
};

} // namespace cohort
