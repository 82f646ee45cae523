// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QList>

#include <algorithm>
#include <functional>

namespace cohort {

// The index of the row whose key (keyOf: a member pointer or a function of the
// row) is k in rows sorted by that key; -1 when no row has it.
template<typename Row, typename Key, typename KeyOf>
int indexOfKey(const QList<Row> &rows, const Key &k, KeyOf keyOf)
{
    const auto it
        = std::lower_bound(rows.cbegin(), rows.cend(), k, [&keyOf](const Row &r, const Key &key) { return std::invoke(keyOf, r) < key; });
    return it != rows.cend() && std::invoke(keyOf, *it) == k ? int(it - rows.cbegin()) : -1;
}

// Applies a new list of rows to a flat model as a keyed merge: rows whose key
// is gone are removed (contiguous runs batched), new keys are inserted at their
// sorted place, rows that stay get dataChanged for the columns that differ
// (consecutive changed rows as one range). Never a model reset: selection,
// scroll position and persistent indexes survive a refresh. Rows are kept
// sorted by key (views sort through a proxy anyway).
//
// The model calls it from its own setter with lambdas for its protected
// begin/end helpers. applyWindow merges one key range at a time, so a model
// with thousands of rows can spread a refresh over several event-loop turns.
template<typename Row, typename Key>
struct KeyedRowMerge
{
    // The row's key (by value: tree models compose theirs).
    std::function<Key(const Row &)> key;
    // Columns in which two rows with the same key differ (empty: none).
    std::function<QList<int>(const Row &, const Row &)> changedColumns;

    std::function<void(int first, int last)> beginRemove;
    std::function<void()> endRemove;
    std::function<void(int first, int last)> beginInsert;
    std::function<void()> endInsert;
    // Rows first..last changed somewhere in firstColumn..lastColumn.
    std::function<void(int firstRow, int lastRow, int firstColumn, int lastColumn)> changed;
    // Optional. Tree models point their indexes at heap nodes, so a row that
    // stays must keep its node: when set, this merges `incoming` into `existing`
    // (signalling its own changes, recursing into children) instead of the
    // replace + changedColumns/changed path.
    std::function<void(int row, Row &existing, Row &incoming)> update;

    void sortByKey(QList<Row> &rows) const
    {
        const auto byKey = [this](const Row &a, const Row &b) { return key(a) < key(b); };
        if (!std::is_sorted(rows.cbegin(), rows.cend(), byKey))   // snapshots usually come sorted
            std::sort(rows.begin(), rows.end(), byKey);
    }

    // First row at or after `from` whose key is not below `bound`.
    qsizetype lowerBound(const QList<Row> &rows, qsizetype from, const Key &bound) const
    {
        return std::lower_bound(rows.cbegin() + from, rows.cend(), bound, [this](const Row &r, const Key &k) { return key(r) < k; })
               - rows.cbegin();
    }

    // rows: the model's storage (sorted by key). incoming: any order.
    void apply(QList<Row> &rows, QList<Row> incoming) const
    {
        sortByKey(incoming);
        applyWindow(rows, 0, rows.size(), std::move(incoming));
    }

    // Makes rows[first, last) equal to `incoming` (sorted by key; the caller
    // picks the window so that it holds exactly the existing rows of the key
    // range `incoming` covers). Returns the window's new end.
    qsizetype applyWindow(QList<Row> &rows, qsizetype first, qsizetype last, QList<Row> incoming) const
    {
        // 1. Removals, from the back so indexes stay valid; contiguous runs batched.
        {
            qsizetype j = incoming.size() - 1;
            qsizetype i = last - 1;
            while (i >= first) {
                const Key &k = key(rows.at(i));
                while (j >= 0 && k < key(incoming.at(j)))
                    --j;
                const bool keep = j >= 0 && !(key(incoming.at(j)) < k);
                if (keep) {
                    --i;
                    continue;
                }
                qsizetype runFirst = i;
                while (runFirst > first) {
                    const Key &pk = key(rows.at(runFirst - 1));
                    while (j >= 0 && pk < key(incoming.at(j)))
                        --j;
                    if (j >= 0 && !(key(incoming.at(j)) < pk))
                        break;
                    --runFirst;
                }
                beginRemove(int(runFirst), int(i));
                rows.remove(runFirst, i - runFirst + 1);
                endRemove();
                last -= i - runFirst + 1;
                i = runFirst - 1;
            }
        }

        // 2. Inserts and changes, front to back (both sorted by key now).
        // Changes to consecutive rows go out as one dataChanged over the run:
        // a proxy that sorts or filters re-examines a range once, not per row.
        struct Run
        {
            qsizetype first = -1, last = -1;
            int firstColumn = 0, lastColumn = 0;
        } run;
        auto flush = [&] {
            if (run.first >= 0)
                changed(int(run.first), int(run.last), run.firstColumn, run.lastColumn);
            run = Run{};
        };
        qsizetype i = first;
        qsizetype j = 0;
        while (j < incoming.size()) {
            if (i < last && !(key(incoming.at(j)) < key(rows.at(i)))) {
                // Same key (removals left only keys present in incoming).
                if (update) {
                    flush();
                    update(int(i), rows[i], incoming[j]);
                    ++i;
                    ++j;
                    continue;
                }
                const QList<int> cols = changedColumns(rows.at(i), incoming.at(j));
                rows[i] = std::move(incoming[j]);
                if (cols.isEmpty()) {
                    flush();
                } else {
                    const int c0 = *std::min_element(cols.begin(), cols.end());
                    const int c1 = *std::max_element(cols.begin(), cols.end());
                    if (run.first < 0) {
                        run = Run{i, i, c0, c1};
                    } else {
                        run.last = i;
                        run.firstColumn = qMin(run.firstColumn, c0);
                        run.lastColumn = qMax(run.lastColumn, c1);
                    }
                }
                ++i;
                ++j;
                continue;
            }
            flush();
            // A run of new keys that sort before rows[i] (or at the window's end).
            qsizetype runEnd = j;
            while (runEnd < incoming.size() && (i >= last || key(incoming.at(runEnd)) < key(rows.at(i))))
                ++runEnd;
            beginInsert(int(i), int(i + (runEnd - j) - 1));
            rows.insert(i, runEnd - j, Row{});
            for (qsizetype k = j; k < runEnd; ++k)
                rows[i + (k - j)] = std::move(incoming[k]);
            endInsert();
            i += runEnd - j;
            last += runEnd - j;
            j = runEnd;
        }
        flush();
        return last;
    }
};

}   // namespace cohort
