// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QCoreApplication>

#include <optional>

namespace cohort {

// A rebalance told from the whole-cluster refreshes of one group, for the
// groups no GroupWatcher follows: the Groups page's "Rebalances (24 h)"
// counts every group, not only those whose page was open. Much coarser than
// the watcher (which polls one group every second or faster): one sighting
// however many rounds ran between two reads, no duration, no partitions
// moved. A rebalance is seen when the group is at rest again (Stable) and,
// since it was last at rest, its generation (a KIP-848 group's group epoch)
// or its set of members changed, or a read found it rebalancing. A group
// that went Empty and stays Empty has not rebalanced for its users; one that
// comes back from Empty has (its members joined). Small on purpose: it is
// kept for every group of a cluster of 10,000.
class RebalanceSighting
{
    Q_DECLARE_TR_FUNCTIONS(RebalanceSighting)

public:
    // The next refresh of the group, read at timeMs (UTC ms): a
    // RebalanceCompleted event when a rebalance happened since the last read
    // at rest. The first read only sets the baseline. A description not read
    // fresh is ignored (carried forward, it would read as no change).
    std::optional<GroupEvent> observe(const GroupSnapshot &snapshot, qint64 timeMs);

private:
    bool m_stableSeen = false;
    bool m_unsettledSince = false;   // a read since the last Stable one was not Stable
    int m_generation = -1;           // at the last Stable read
    int m_memberCount = 0;
    size_t m_members = 0;            // order-free hash of the member ids at the last Stable read
};

}   // namespace cohort
