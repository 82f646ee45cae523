// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GroupActionAvailability.h"

#include <QCoreApplication>

namespace cohort {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("GroupActionAvailability", text, nullptr, n);
}

GroupActionAvailability yes()
{
    return {true, {}};
}

GroupActionAvailability no(const QString &reason)
{
    return {false, reason};
}

bool neverDescribed(const GroupSnapshot &g)
{
    return g.describedFreshness.failure.isError() && !g.describedFreshness.hasValue();
}

bool hasCommittedOffsets(const GroupSnapshot &g)
{
    for (const PartitionLag &p : g.partitions)
        if (p.committedOffset)
            return true;
    return false;
}

}   // namespace

bool GroupActionAvailability::writes(GroupAction action)
{
    return action != GroupAction::Open && action != GroupAction::CopyId;
}

GroupActionAvailability GroupActionAvailability::of(GroupAction action, const QString &groupId, const GroupSnapshot *group,
                                                    const QString &writeRefusal, const QString &groupProtocolRefusal)
{
    if (groupId.isEmpty())
        return no(tr("Select a group first (in the Groups or Topics page), or open its tab."));
    if (!writes(action))
        return yes();
    if (!writeRefusal.isEmpty())
        return no(writeRefusal);
    if (!group)
        return no(tr("The group \"%1\" is not in the last refresh; wait for the next one.").arg(groupId));
    const GroupDescription &d = group->description;
    const int members = int(d.members.size());
    if (neverDescribed(*group) && action != GroupAction::DeleteOffsets)
        return no(tr("The group \"%1\" could not be described, so its state and members are not known; wait for a refresh that "
                     "describes it.")
                      .arg(groupId));
    switch (action) {
    case GroupAction::Open:
    case GroupAction::CopyId: return yes();
    case GroupAction::DeleteGroup:
        // DeleteGroups answers NON_EMPTY_GROUP for any other state.
        if (d.state == GroupState::Empty || d.state == GroupState::Dead)
            return yes();
        return no(d.membersKnown()
                      ? tr("Only an Empty group can be deleted; \"%1\" is %2 with %n member(s). Stop its consumers first.", members)
                            .arg(groupId, groupStateToString(d.state))
                      : tr("Only an Empty group can be deleted; \"%1\" is %2. Stop its consumers first.")
                            .arg(groupId, groupStateToString(d.state)));
    case GroupAction::DeleteOffsets:
        if (hasCommittedOffsets(*group))
            return yes();
        return no(tr("The group \"%1\" has no committed offsets to delete.").arg(groupId));
    case GroupAction::RemoveMembers:
        // LeaveGroup v3+ names members by member id or group.instance.id, which
        // only DescribeGroups (classic groups) tells Cohort today.
        if (d.describedAsConsumerGroup)
            return no(tr("Cohort removes members of classic groups only (LeaveGroup, as the classic protocol has it); \"%1\" is a "
                         "KIP-848 consumer group.")
                          .arg(groupId));
        if (!describedByDescribeGroups(d.type))
            return no(tr("Cohort cannot list the members of a %1 group yet (that needs ConsumerGroupDescribe), so it cannot name "
                         "whom to remove.")
                          .arg(groupTypeToString(d.type)));
        if (members == 0)
            return no(tr("The group \"%1\" has no members to remove.").arg(groupId));
        if (!groupProtocolRefusal.isEmpty())
            return no(groupProtocolRefusal);
        return yes();
    case GroupAction::TriggerRebalance:
        // The trigger joins with JoinGroup (classic protocol) under the group's
        // own protocol type and assignor.
        if (!describedByDescribeGroups(d.type))
            return no(
                tr("Cohort triggers rebalances of classic groups only; \"%1\" is a %2 group.").arg(groupId, groupTypeToString(d.type)));
        if (members == 0)
            return no(tr("The group \"%1\" has no members: there is nothing to rebalance.").arg(groupId));
        if (d.protocolType.isEmpty() || d.protocol.isEmpty())
            return no(tr("The group's protocol type and assignor are not known while it rebalances; try again once it is Stable."));
        if (!groupProtocolRefusal.isEmpty())
            return no(groupProtocolRefusal);
        return yes();
    }
    return no(QString());
}

}   // namespace cohort
