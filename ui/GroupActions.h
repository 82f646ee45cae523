// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"
#include "models/GroupActionAvailability.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QWidget;

namespace cohort {

class AdminOperationDialog;
class ClusterSession;

// The Group menu's actions, one object for the menu bar, the toolbar and every
// context menu: open, copy the id, trigger a rebalance, remove members, delete
// offsets, delete the group. They act on one target group (the selected row or
// the group tab shown) and are enabled by GroupActionAvailability, with the
// reason in the tooltip and status tip when not. Writes open their dialog
// (ui/*Dialog), which calls ClusterAdmin only after confirmation.
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
    QList<QAction *> actions() const;
    GroupActionAvailability availability(GroupAction action) const;

    // Appends every action to `menu`, in the Group menu's order with its separators.
    void addTo(QMenu *menu) const;
    // Reset offsets… (issue 12's wizard) goes into the Group menu just before
    // this action: with the other writes that keep the group, after Open/Copy.
    QAction *resetOffsetsInsertionPoint() const { return action(GroupAction::TriggerRebalance); }

    // The dialogs, opened window-modal (never exec): for the actions and for
    // context menus that know more (the topics or members on the clicked rows).
    // Null when the action is not available now.
    AdminOperationDialog *openDeleteGroup();
    AdminOperationDialog *openDeleteOffsets(const QStringList &topics = {});
    AdminOperationDialog *openRemoveMembers(const QStringList &memberIds = {});
    AdminOperationDialog *openTriggerRebalance();

Q_SIGNALS:
    void openRequested(const QString &groupId);
    // A line for the status bar (a copied id, a write's outcome).
    void statusMessage(const QString &text);
    void dialogOpened(cohort::AdminOperationDialog *dialog);

private:
    void update();
    AdminOperationDialog *show(AdminOperationDialog *dialog);

    QWidget *m_window;
    std::shared_ptr<ClusterSession> m_session;
    QString m_target;
    std::optional<GroupSnapshot> m_refreshed;   // a one-group refresh of the target since the last snapshot
    QHash<int, QAction *> m_actions;            // by GroupAction
    QHash<int, QString> m_tips;                 // what each does, when enabled
};

}   // namespace cohort
