// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/ClusterSnapshot.h"

#include <algorithm>

namespace cohort {

const GroupSnapshot *ClusterSnapshot::group(const QString &groupId) const
{
    // groups are sorted by id: binary search keeps lookups cheap for thousands.
    const auto it = std::lower_bound(groups.cbegin(), groups.cend(), groupId,
                                     [](const GroupSnapshot &g, const QString &id) { return g.groupId() < id; });
    return it != groups.cend() && it->groupId() == groupId ? &*it : nullptr;
}

}   // namespace cohort
