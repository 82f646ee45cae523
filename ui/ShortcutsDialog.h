// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace cohort {

// Help → Keyboard Shortcuts: every action of the menu bar with its shortcuts,
// read from the actions themselves (so the list cannot drift from what the
// keys do), menu by menu, and the keys the tables take. A submenu's choices
// (an interval, a language) are left out unless they have a key.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

}   // namespace cohort
