// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ShortcutsDialog.h"

#include <QAction>
#include <QActionGroup>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cohort {

namespace {

QString plain(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text.replace(QStringLiteral("&&"), QStringLiteral("&"));
}

void addRow(QTableWidget *table, const QString &menu, const QString &what, const QString &keys)
{
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(menu));
    table->setItem(row, 1, new QTableWidgetItem(what));
    table->setItem(row, 2, new QTableWidgetItem(keys));
}

void addMenu(QTableWidget *table, const QMenu *menu, const QString &path)
{
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        if (const QMenu *sub = a->menu()) {
            addMenu(table, sub, path + QStringLiteral(" → ") + plain(a->text()));
            continue;
        }
        // The choices of a submenu (an interval, a language) are picked, not pressed.
        if (a->actionGroup() && a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        addRow(table, path, plain(a->text()), keys.isEmpty() ? QStringLiteral("–") : keys.join(QStringLiteral(", ")));
    }
}

}   // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 3, this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    for (const QAction *a : menuBar->actions())
        if (const QMenu *menu = a->menu())
            addMenu(m_table, menu, plain(a->text()));
    const QString tables = tr("Tables");
    addRow(m_table, tables, tr("Open the group on the current row"), tr("Enter, double-click"));
    addRow(m_table, tables, tr("Actions for the clicked row"), tr("Right-click, Menu key"));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(620, 560);
}

}   // namespace cohort
