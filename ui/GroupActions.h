// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetBackupStore.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "models/GroupActionAvailability.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace cohort {

class AdminOperationDialog;
class ClusterSession;
class OffsetResetWizard;
class ResetHistoryDialog;

// The Group menu's actions, one object for the menu bar, the toolbar and every
// context menu: open, copy the id, export the committed offsets (a
// kafka-consumer-groups.sh CSV), trigger a rebalance, remove members, delete
// offsets, delete the group, reset offsets (OffsetResetWizard), undo the last
// reset and the reset history. They act on one target group (the selected row or
// the group tab shown; a reset also several selected groups) and are enabled by
// GroupActionAvailability, with the reason in the tooltip and status tip when
// not. Writes open their dialog (ui/*Dialog) or wizard, which calls
// ClusterAdmin only after confirmation.
class GroupActions : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupActions)

public:
    // Dialogs open over `window`.
    explicit GroupActions(QWidget *window);
    ~GroupActions() override;

    void setSession(std::shared_ptr<ClusterSession> session);
    // The group the actions act on; empty for none.
    void setTarget(const QString &groupId);
    QString target() const { return m_target; }
    // The target's latest known snapshot (a one-group refresh when newer than the last whole one).
    const GroupSnapshot *targetSnapshot() const;

    QAction *action(GroupAction action) const { return m_actions.value(int(action)); }
    // Reset History…: not a write, and not about one group only (always enabled).
    QAction *historyAction() const { return m_history; }
    QList<QAction *> actions() const;
    GroupActionAvailability availability(GroupAction action) const;

    // Appends every action to `menu`, in the Group menu's order with its separators.
    void addTo(QMenu *menu) const;
    // Where the reset actions sit in the Group menu (addTo puts them there):
    // just before this action, with the other writes that keep the group, after Open/Copy.
    QAction *resetOffsetsInsertionPoint() const { return action(GroupAction::TriggerRebalance); }

    // What a reset or an export started from the menu or the shortcut acts on:
    // the groups selected (the target when empty) and a partitions selection
    // to carry over (a reset only: an export is of whole groups).
    struct ResetTarget
    {
        QStringList groups;
        QList<TopicPartition> partitions;
    };
    void setResetTargetProvider(std::function<ResetTarget()> provider) { m_resetTarget = std::move(provider); }
    // Where reset backups are kept (the user's data folder unless set; tests use a temporary one).
    void setResetBackupStore(const ResetBackupStore &store);
    const ResetBackupStore &resetBackupStore() const { return m_backups; }
    // Reads which groups have backups again (off the GUI thread); Undo Last Reset follows.
    void reloadResetBackups();
    // Where Export Offsets… writes: a QFileDialog unless set (tests answer
    // themselves); given the suggested file name, an empty answer cancels.
    void setSaveFileChooser(std::function<QString(const QString &suggested)> chooser) { m_chooseSaveFile = std::move(chooser); }

    // The dialogs, opened window-modal (never exec): for the actions and for
    // context menus that know more (the topics or members on the clicked rows).
    // Null when the action is not available now.
    AdminOperationDialog *openDeleteGroup();
    AdminOperationDialog *openDeleteOffsets(const QStringList &topics = {});
    AdminOperationDialog *openRemoveMembers(const QStringList &memberIds = {});
    AdminOperationDialog *openTriggerRebalance();
    // The reset wizard for these groups (the target when empty), with a
    // partitions selection carried over; null (and the reason in the status
    // bar) when one of them cannot be reset now.
    OffsetResetWizard *openResetOffsets(const QStringList &groups = {}, const QList<TopicPartition> &partitions = {});
    OffsetResetWizard *openUndoLastReset();
    ResetHistoryDialog *openResetHistory();
    // Export Offsets…: asks for a file, then exportOffsets() of the target
    // (or the selected groups); a failure is said in a message box too.
    void openExportOffsets();
    // Reads the groups' committed offsets now (off the GUI thread) and writes
    // them to `path` in kafka-consumer-groups.sh's CSV (topic,partition,offset;
    // group,topic,partition,offset for several groups; no header), whole or
    // not at all. Completes with the number of rows written, or why nothing
    // was written; either is said in the status bar (and offsetsExported()).
    QFuture<Result<int, QString>> exportOffsets(const QStringList &groups, const QString &path);

Q_SIGNALS:
    void openRequested(const QString &groupId);
    // A line for the status bar (a copied id, a write's outcome).
    void statusMessage(const QString &text);
    void dialogOpened(cohort::AdminOperationDialog *dialog);
    void resetWizardOpened(cohort::OffsetResetWizard *wizard);
    void historyDialogOpened(cohort::ResetHistoryDialog *dialog);
    // An export finished: ok, and what was written or why nothing was.
    void offsetsExported(bool ok, const QString &message);

private:
    void update();
    AdminOperationDialog *show(AdminOperationDialog *dialog);
    OffsetResetWizard *show(OffsetResetWizard *wizard);
    QString writeRefusal() const;

    QWidget *m_window;
    std::shared_ptr<ClusterSession> m_session;
    QString m_target;
    std::optional<GroupSnapshot> m_refreshed;   // a one-group refresh of the target since the last snapshot
    QHash<int, QAction *> m_actions;            // by GroupAction
    QHash<int, QString> m_tips;                 // what each does, when enabled
    QAction *m_history = nullptr;
    std::function<ResetTarget()> m_resetTarget;
    std::function<QString(const QString &)> m_chooseSaveFile;
    ResetBackupStore m_backups;
    QSet<QString> m_groupsWithBackups;   // as last read from m_backups
    quint64 m_backupsGeneration = 0;
};

}   // namespace cohort
