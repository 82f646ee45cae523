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

}   // namespace cohort
