// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"

#include <QList>
#include <QString>

namespace cohort {

// What a group watcher (or the lag history, between two refreshes) saw
// change in a group. The names are cohort-cli's `groups watch` event names.
enum class GroupEventKind {
    StateChanged,         // "state_changed"
    MemberJoined,         // "member_joined"
    MemberLeft,           // "member_left"
    AssignmentChanged,    // "assignment_changed": a member's partitions changed
    RebalanceStarted,     // "rebalance_started"
    RebalanceCompleted,   // "rebalance_completed": durationMs, partitionsMoved, unownedMs set
};

// One event of one group. Fields that do not apply to the kind keep their
// defaults (-1, empty).
struct GroupEvent
{
    qint64 timeMs = 0;   // UTC milliseconds since the epoch, when it was seen
    QString groupId;
    GroupEventKind kind = GroupEventKind::StateChanged;
    GroupState state = GroupState::Unknown;           // the group's state after the event
    GroupState previousState = GroupState::Unknown;   // StateChanged only
    int generation = -1;                              // classic generation, or the KIP-848 group epoch
    QString memberId;
    QString clientId;
    QString host;
    QString groupInstanceId;
    QList<TopicPartition> partitionsAdded;
    QList<TopicPartition> partitionsRemoved;
    qint64 durationMs = -1;     // RebalanceCompleted: from started to completed
    int partitionsMoved = -1;   // RebalanceCompleted: partitions whose owner changed
    qint64 unownedMs = -1;      // RebalanceCompleted: longest time a partition had no owner
    QString reason;             // in words: why a member left, what triggered a rebalance

    bool operator==(const GroupEvent &) const = default;
};

}   // namespace cohort
