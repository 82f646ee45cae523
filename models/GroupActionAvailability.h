// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"

#include <QString>

namespace cohort {

// What can be done to a consumer group from the Group menu and the context
// menus.
enum class GroupAction {
    Open,
    CopyId,
    DeleteGroup,
    DeleteOffsets,
    RemoveMembers,
    TriggerRebalance,
    ResetOffsets,
    UndoLastReset,
    ExportOffsets,   // a read: the committed offsets to a kafka-consumer-groups.sh CSV
};

// Whether a group action can be offered now, and if not, why, in words for the
// action's tooltip and status tip. Pure: the menus, the context menus and the
// tests ask the same function. The broker and ClusterAdmin stay the guards: a
// greyed-out action is a courtesy.
struct GroupActionAvailability
{
    bool enabled = false;
    QString reason;   // empty when enabled

    // `groupId` is the group the action would act on (empty: none chosen);
    // `group` its last known snapshot (null when the cluster has not shown it);
    // `writeRefusal` why this connection cannot write (ClusterSession::admin()'s
    // message), empty when it can.
    // `groupProtocolRefusal`: why it cannot speak the group protocol that
    // removing members and triggering a rebalance need
    // (ClusterAdmin::groupProtocolRefusal), empty when it can.
    // `hasResetBackup`: a reset of the group was backed up (ResetBackupStore), so
    // there is something for Undo Last Reset to restore.
    static GroupActionAvailability of(GroupAction action, const QString &groupId, const GroupSnapshot *group, const QString &writeRefusal,
                                      const QString &groupProtocolRefusal = {}, bool hasResetBackup = false);

    // Whether the action changes the cluster (and so needs a writable connection).
    static bool writes(GroupAction action);
};

}   // namespace cohort
