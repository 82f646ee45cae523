// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/AssignorInput.h"

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

inline bool memberLess(ClientImplementation client, const AssignorMember &a, const AssignorMember &b)
{
    return client == ClientImplementation::Librdkafka ? librdkafkaMemberLess(a, b) : kafkaMemberLess(a, b);
}

}   // namespace cohort
