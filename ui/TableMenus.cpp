// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TableMenus.h"

#include "ui/ActionIcons.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace cohort {

QHeaderView *TableMenus::headerOf(const QAbstractItemView *view)
{
    if (auto *table = qobject_cast<const QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<const QTreeView *>(view))
        return tree->header();
    return nullptr;
}

QModelIndexList TableMenus::rowsAt(const QAbstractItemView *view, const QModelIndex &clicked)
{
    if (!clicked.isValid())
        return {};
    QItemSelectionModel *selection = view->selectionModel();
    if (selection && selection->isRowSelected(clicked.row(), clicked.parent())) {
        QModelIndexList rows = selection->selectedRows();
        if (rows.isEmpty())   // cells selected, no whole row: the clicked one's
            rows = {clicked.siblingAtColumn(0)};
        // In the order shown, not the order selected.
        std::sort(rows.begin(), rows.end(),
                  [view](const QModelIndex &a, const QModelIndex &b) { return view->visualRect(a).top() < view->visualRect(b).top(); });
        return rows;
    }
    return {clicked.siblingAtColumn(0)};
}

QString TableMenus::rowsText(const QAbstractItemView *view, const QModelIndexList &rows)
{
    const QHeaderView *header = headerOf(view);
    const int columns = view->model() ? view->model()->columnCount(rows.isEmpty() ? QModelIndex() : rows.first().parent()) : 0;
    QList<int> shown;   // logical columns in visual order
    for (int visual = 0; visual < columns; ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (logical >= 0 && (!header || !header->isSectionHidden(logical)))
            shown << logical;
    }
    QStringList lines;
    for (const QModelIndex &row : rows) {
        QStringList cells;
        for (const int column : std::as_const(shown))
            cells << row.siblingAtColumn(column).data(Qt::DisplayRole).toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

QAction *TableMenus::addCopyRows(QMenu *menu, QAbstractItemView *view, const QModelIndex &clicked)
{
    const QModelIndexList rows = rowsAt(view, clicked);
    QAction *copy = menu->addAction(ActionIcons::themed(QStringLiteral("edit-copy")), tr("&Copy %n Row(s)", nullptr, int(rows.size())));
    copy->setObjectName(QStringLiteral("copyRows"));
    copy->setShortcut(QKeySequence::Copy);   // shown as the hint; the view's own action takes the key
    copy->setStatusTip(tr("The cells shown, separated by tabs: paste into a spreadsheet or a message"));
    const QString text = rowsText(view, rows);
    QObject::connect(copy, &QAction::triggered, menu, [text] { QGuiApplication::clipboard()->setText(text); });
    return copy;
}

void TableMenus::installCopyMenu(QAbstractItemView *view)
{
    auto *copy = new QAction(tr("Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(copy);
    QObject::connect(copy, &QAction::triggered, view, [view] {
        const QModelIndexList selected = view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList{};
        const QModelIndexList rows = rowsAt(view, selected.isEmpty() ? view->currentIndex() : selected.first());
        if (!rows.isEmpty())
            QGuiApplication::clipboard()->setText(rowsText(view, rows));
    });
    if (view->contextMenuPolicy() == Qt::CustomContextMenu)
        return;   // the view's own menu, which adds Copy itself
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, view, [view](const QPoint &pos) {
        const QModelIndex index = view->indexAt(pos);
        if (!index.isValid())
            return;
        auto *menu = new QMenu(view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        addCopyRows(menu, view, index);
        menu->popup(view->viewport()->mapToGlobal(pos));
    });
}

void TableMenus::fillColumnsMenu(QMenu *menu, QHeaderView *header, const Refused &refused)
{
    menu->setToolTipsVisible(true);
    QAbstractItemModel *model = header->model();
    if (!model)
        return;
    const bool lastShown = header->count() - header->hiddenSectionCount() <= 1;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int section = header->logicalIndex(visual);
        QAction *a = menu->addAction(model->headerData(section, header->orientation()).toString());
        a->setObjectName(QStringLiteral("column%1").arg(section));
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(section));
        if (lastShown && a->isChecked() && !refused) {
            a->setEnabled(false);
            a->setToolTip(tr("The last column shown stays."));
        }
        QObject::connect(a, &QAction::toggled, header, [header, section, a, refused](bool shown) {
            // The last visible column stays: a table without columns cannot show its own header to bring one back.
            if (!shown && header->count() - header->hiddenSectionCount() <= 1) {
                const QSignalBlocker block(a);
                a->setChecked(true);
                if (refused)
                    refused(tr("The last column shown stays."));
                return;
            }
            header->setSectionHidden(section, !shown);
        });
    }
}

void TableMenus::installColumnsMenu(QHeaderView *header, const Refused &refused)
{
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, header, [header, refused](const QPoint &pos) {
        auto *menu = new QMenu(header);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->setObjectName(QStringLiteral("columnsMenu"));
        menu->setTitle(tr("Columns"));
        fillColumnsMenu(menu, header, refused);
        menu->popup(header->mapToGlobal(pos));
    });
}

void TableMenus::install(QAbstractItemView *view)
{
    installCopyMenu(view);
    if (QHeaderView *header = headerOf(view))
        installColumnsMenu(header);
}

}   // namespace cohort
