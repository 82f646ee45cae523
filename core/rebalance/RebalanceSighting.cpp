// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/RebalanceSighting.h"

#include "core/rebalance/GroupEventDetector.h"

#include <QHash>

namespace cohort {

namespace {

// A sum of the ids' hashes: the same for the same members in any order.
size_t membersHash(const GroupDescription &d)
{
    size_t sum = 0;
    for (const GroupMember &m : d.members)
        sum += qHash(m.memberId, 0x5eed);
    return sum;
}

}   // namespace

std::optional<GroupEvent> RebalanceSighting::observe(const GroupSnapshot &snapshot, qint64 timeMs)
{
    if (!snapshot.describedFreshness.isFresh())
        return std::nullopt;
    const GroupDescription &d = snapshot.description;
    if (d.state != GroupState::Stable) {
        // Empty, rebalancing or dead: what follows at rest is a rebalance.
        // Unknown (a state this version cannot name) says nothing.
        if (d.state != GroupState::Unknown)
            m_unsettledSince = true;
        return std::nullopt;
    }
    const int generation = GroupEventDetector::generationOf(snapshot);
    const size_t members = membersHash(d);
    const int memberCount = int(d.members.size());
    std::optional<GroupEvent> out;
    // Before the first Stable read only an unsettled one counts (the
    // first read of all is the baseline).
    const bool generationMoved = m_stableSeen && generation >= 0 && m_generation >= 0 && generation != m_generation;
    const bool membersChanged = m_stableSeen && (members != m_members || memberCount != m_memberCount);
    if (generationMoved || membersChanged || m_unsettledSince) {
        GroupEvent e;
        e.timeMs = timeMs;
        e.groupId = d.groupId;
        e.kind = GroupEventKind::RebalanceCompleted;
        e.state = d.state;
        e.generation = generation;
        if (generationMoved)
            e.reason = (d.describedAsConsumerGroup ? tr("Seen between two refreshes: group epoch %1 → %2")
                                                   : tr("Seen between two refreshes: generation %1 → %2"))
                           .arg(m_generation)
                           .arg(generation);
        else if (membersChanged && memberCount != m_memberCount)
            e.reason = tr("Seen between two refreshes: %1 → %2 members").arg(m_memberCount).arg(memberCount);
        else if (membersChanged)
            e.reason = tr("Seen between two refreshes: other members, %n in all", nullptr, memberCount);
        else
            e.reason = tr("Seen between two refreshes: the group was not at rest");
        out = e;
    }
    m_stableSeen = true;
    m_unsettledSince = false;
    m_generation = generation;
    m_members = members;
    m_memberCount = memberCount;
    return out;
}

}   // namespace cohort
