// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/AssignorInput.h"

#include <algorithm>

namespace cohort {

// Kafka's member order for range and round-robin (AbstractPartitionAssignor.
// MemberInfo#compareTo, and the KIP-848 range assignor's sortMemberIds):
// static members first, by group.instance.id, then the others by member id,
// both compared as Java compares strings (UTF-16 code units).
inline bool kafkaMemberLess(const AssignorMember &a, const AssignorMember &b)
{
    const bool aStatic = !a.groupInstanceId.isEmpty();
    const bool bStatic = !b.groupInstanceId.isEmpty();
    if (aStatic && bStatic)
        return a.groupInstanceId.compare(b.groupInstanceId) < 0;
    if (aStatic != bStatic)
        return aStatic;
    return a.memberId.compare(b.memberId) < 0;
}

// librdkafka's (rd_kafka_group_member_cmp): by group.instance.id when both
// members are static, else by member id.
inline bool librdkafkaMemberLess(const AssignorMember &a, const AssignorMember &b)
{
    if (!a.groupInstanceId.isEmpty() && !b.groupInstanceId.isEmpty())
        return a.groupInstanceId.toUtf8() < b.groupInstanceId.toUtf8();
    return a.memberId.toUtf8() < b.memberId.toUtf8();
}

// kafka-python's: Kafka's order (static members first, by group.instance.id,
// then the others by member id), with strings compared by code point as
// Python compares them.
inline bool kafkaPythonMemberLess(const AssignorMember &a, const AssignorMember &b)
{
    const bool aStatic = !a.groupInstanceId.isEmpty();
    const bool bStatic = !b.groupInstanceId.isEmpty();
    if (aStatic && bStatic)
        return a.groupInstanceId.toStdU32String() < b.groupInstanceId.toStdU32String();
    if (aStatic != bStatic)
        return aStatic;
    return a.memberId.toStdU32String() < b.memberId.toStdU32String();
}

inline bool memberLess(ClientImplementation client, const AssignorMember &a, const AssignorMember &b)
{
    switch (client) {
    case ClientImplementation::Librdkafka:
        return librdkafkaMemberLess(a, b);
    case ClientImplementation::KafkaPython:
        return kafkaPythonMemberLess(a, b);
    case ClientImplementation::Java:
        break;
    }
    return kafkaMemberLess(a, b);
}

// The members that range and roundrobin deal partitions to, in the client's
// order, from `members` in the coordinator's order (the JoinGroup response's).
// kafka-python splits them into static and dynamic ones with
// itertools.groupby, which groups consecutive runs only, and keeps the last
// run of each kind in a dict: where the coordinator lists static and dynamic
// members interleaved (dynamic, static, dynamic), the earlier runs drop out
// and their members get nothing. The other clients sort every member.
inline QList<AssignorMember> membersToAssign(ClientImplementation client, QList<AssignorMember> members)
{
    if (client == ClientImplementation::KafkaPython) {
        QList<AssignorMember> lastRun[2];   // [0] dynamic, [1] static
        bool previousStatic = false;
        for (qsizetype i = 0; i < members.size(); ++i) {
            const bool isStatic = !members.at(i).groupInstanceId.isEmpty();
            if (i == 0 || isStatic != previousStatic)
                lastRun[isStatic].clear();
            lastRun[isStatic].append(members.at(i));
            previousStatic = isStatic;
        }
        members = lastRun[1] + lastRun[0];
    }
    std::sort(members.begin(), members.end(),
              [client](const AssignorMember &a, const AssignorMember &b) { return memberLess(client, a, b); });
    return members;
}

}   // namespace cohort
