// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"
#include "core/snapshot/ClusterTypes.h"

#include <QCoreApplication>
#include <QList>

namespace cohort {

// Brokers take an admin commit only while a group has no active members;
// kafka-consumer-groups.sh resets only Empty and Dead groups (Dead: also one
// that does not exist yet). The guard says so before anything is written,
// and names who is still there.
class ResetGuard
{
    Q_DECLARE_TR_FUNCTIONS(ResetGuard)

public:
    static bool mayReset(GroupState state) { return state == GroupState::Empty || state == GroupState::Dead; }
    // The groups of `described` that may not be reset now.
    static QList<GroupDescription> active(const QList<GroupDescription> &described);
    // _GROUP_ACTIVE, naming each active group, its state and its members
    // (client id and host), with what to do.
    static KafkaError refusal(const QList<GroupDescription> &active);
    // "client-id (host)", one per member; or why there are none to name.
    static QString members(const GroupDescription &group);
};

}   // namespace cohort
