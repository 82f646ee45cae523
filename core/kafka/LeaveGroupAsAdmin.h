// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"
#include "core/kafka/KafkaErrorHints.h"
#include "core/wire/GroupMessages.h"

#include <QList>
#include <QString>

namespace cohort {

// The LeaveGroup (v3+) ClusterAdmin::removeMembers sends as an admin, and
// what its answer means per member: the wire half of removing members,
// apart from the connection that carries it (RdKafkaClusterAdmin).
class LeaveGroupAsAdmin
{
public:
    // One entry per member, in order: its member id ("" when named by
    // instance id) and its group.instance.id (null when named by member id).
    static LeaveGroupRequest request(const QString &groupId, const QList<MemberRef> &members);

    // Each member's outcome, in the order asked. Kafka answers per member in
    // request order; 4.0+ echo the identity as asked (KAFKA-18188), while a
    // KIP-848 group's coordinator before 4.0 answered a member named by
    // instance id with its member id, so an answer that matches no asked
    // identity is read by position when the counts agree.
    static QList<MemberRemovalOutcome> outcomes(const QList<MemberRef> &members, const LeaveGroupResponse &answer,
                                                KafkaErrorHints::Action action);
};

}   // namespace cohort
