// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QModelIndexList>
#include <QString>

#include <functional>

class QAbstractItemView;
class QAction;
class QHeaderView;
class QMenu;
class QModelIndex;

namespace cohort {

// What every table offers whatever it shows, as KDE applications do: Copy of
// the clicked or selected rows (also Ctrl+C), and on the column header a
// right-click menu listing the columns with check marks to show or hide them.
// The main window's tables add their rows' actions to these (MainWindow); a
// dialog's table has these alone.
class TableMenus
{
    Q_DECLARE_TR_FUNCTIONS(TableMenus)

public:
    // The view's column header (a table's horizontal one, a tree's); nullptr for other views.
    static QHeaderView *headerOf(const QAbstractItemView *view);
    // Every selected row when the clicked index is among them, else the clicked row alone.
    static QModelIndexList rowsAt(const QAbstractItemView *view, const QModelIndex &clicked);
    // Rows as text: the cells shown, in the order shown, separated by tabs, one line a row.
    static QString rowsText(const QAbstractItemView *view, const QModelIndexList &rows);
    // Adds Copy (the rows of rowsAt) to the menu.
    static QAction *addCopyRows(QMenu *menu, QAbstractItemView *view, const QModelIndex &clicked);
    // A view with no context menu of its own gets one with Copy, and Ctrl+C copies its selected rows.
    static void installCopyMenu(QAbstractItemView *view);

    // `refused` is told when the last column shown would be hidden (it stays);
    // without one the menu's item for it is simply disabled.
    using Refused = std::function<void(const QString &why)>;
    // The header's columns, checkable, in the order shown.
    static void fillColumnsMenu(QMenu *menu, QHeaderView *header, const Refused &refused = {});
    // Right-click on the header pops that menu up.
    static void installColumnsMenu(QHeaderView *header, const Refused &refused = {});
    // Both, for a dialog's table.
    static void install(QAbstractItemView *view);
};

}   // namespace cohort
