// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetBackupStore.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace cohort {

// Group → Reset History…: every reset Cohort backed up (ResetBackupStore,
// read off the GUI thread), newest first: when, which groups, on which
// connection, how (kcg's option) and how many partitions. Re-Apply asks for
// a backup's offsets to be put back (reapplyRequested), which opens the
// reset wizard at its preview, so that it passes the same preview and guard.
class ResetHistoryDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetHistoryDialog)

public:
    // `groupId` not empty: offered as a filter (on at first). `writeRefusal`:
    // why this connection cannot re-apply (read-only, not connected); empty when it can.
    ResetHistoryDialog(const ResetBackupStore &store, const QString &groupId, const QString &writeRefusal, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *reapplyButton() const { return m_reapply; }
    QCheckBox *onlyGroupFilter() const { return m_onlyGroup; }
    const QList<ResetBackup> &backups() const { return m_shown; }
    bool isLoaded() const { return m_loaded; }
    // Reads the store again.
    void reload();

Q_SIGNALS:
    void loaded();
    void reapplyRequested(const cohort::ResetBackup &backup);

private:
    void fill();
    void updateButtons();

    ResetBackupStore m_store;
    QString m_groupId;
    QString m_writeRefusal;
    QCheckBox *m_onlyGroup;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_reapply;
    QList<ResetBackup> m_all;
    QList<ResetBackup> m_shown;
    bool m_loaded = false;
    quint64 m_generation = 0;
};

}   // namespace cohort
