// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GroupActionAvailability.h"

#include <QCoreApplication>

#include <algorithm>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GroupActionAvailability)
};

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
    return action != GroupAction::Open && action != GroupAction::CopyId && action != GroupAction::ExportOffsets;
}

GroupActionAvailability GroupActionAvailability::of(GroupAction action, const QString &groupId, const GroupSnapshot *group,
                                                    const QString &writeRefusal, const QString &groupProtocolRefusal, bool hasResetBackup)
{
    if (groupId.isEmpty())
        return no(Text::tr("Select a group first (in the Groups or Topics page), or open its tab."));
    if (action == GroupAction::ExportOffsets) {
        // A read, offered on a read-only connection too. A group not in the
        // last refresh, or whose offsets it could not read, may still have
        // offsets: the export reads them afresh.
        if (group && group->description.type == GroupType::Share)
            return no(Text::tr("A share group has no committed offsets to export (its progress is kept per record)."));
        if (group && !hasCommittedOffsets(*group) && !group->offsetsFreshness.failure.isError())
            return no(Text::tr("The group \"%1\" has no committed offsets to export.").arg(groupId));
        return yes();
    }
    if (!writes(action))
        return yes();
    if (!writeRefusal.isEmpty())
        return no(writeRefusal);
    if (!group)
        return no(Text::tr("The group \"%1\" is not in the last refresh; wait for the next one.").arg(groupId));
    const GroupDescription &d = group->description;
    const int members = int(d.members.size());
    if (neverDescribed(*group) && action != GroupAction::DeleteOffsets)
        return no(Text::tr("The group \"%1\" could not be described, so its state and members are not known; wait for a refresh that "
                     "describes it.")
                      .arg(groupId));
    switch (action) {
    case GroupAction::Open:
    case GroupAction::CopyId:
    case GroupAction::ExportOffsets: return yes();
    case GroupAction::DeleteGroup:
        // DeleteGroups answers NON_EMPTY_GROUP for any other state.
        if (d.state == GroupState::Empty || d.state == GroupState::Dead)
            return yes();
        return no(d.membersKnown()
                      ? Text::tr("Only an Empty group can be deleted; \"%1\" is %2 with %n member(s). Stop its consumers first.", nullptr, members)
                            .arg(groupId, groupStateToString(d.state))
                      : Text::tr("Only an Empty group can be deleted; \"%1\" is %2. Stop its consumers first.")
                            .arg(groupId, groupStateToString(d.state)));
    case GroupAction::DeleteOffsets:
        if (hasCommittedOffsets(*group))
            return yes();
        return no(Text::tr("The group \"%1\" has no committed offsets to delete.").arg(groupId));
    case GroupAction::RemoveMembers:
        // LeaveGroup v3+ names members by member id or group.instance.id: a
        // classic group's come from DescribeGroups, a KIP-848 group's from
        // ConsumerGroupDescribe. Kafka 4.0+ removes any member of a consumer
        // group that way, consumer protocol or classic (KAFKA-18188); Kafka
        // 3.7-3.9 answer UNKNOWN_MEMBER_ID for a member of the consumer
        // protocol ("does not use the classic protocol"). Only 4.0+ says each
        // member's type (ConsumerGroupDescribe v1, KIP-1099), so a member
        // without one was described by an older coordinator, where Cohort
        // cannot tell which members it could remove.
        if (d.describedAsConsumerGroup && std::any_of(d.members.cbegin(), d.members.cend(), [](const GroupMember &m) {
                return m.type == MemberType::Unknown;
            }))
            return no(Text::tr("The coordinator of \"%1\" is older than Kafka 4.0 (it describes no member types), and Kafka before 4.0 "
                         "refuses to remove a member of a KIP-848 consumer group that uses the consumer protocol (LeaveGroup answers "
                         "UNKNOWN_MEMBER_ID). Stop the consumers you want out, or upgrade the brokers to Kafka 4.0 or newer.")
                          .arg(groupId));
        if (!d.describedAsConsumerGroup && !describedByDescribeGroups(d.type))
            return no(Text::tr("Cohort cannot list the members of a %1 group yet (that needs ConsumerGroupDescribe), so it cannot name "
                         "whom to remove.")
                          .arg(groupTypeToString(d.type)));
        if (members == 0)
            return no(Text::tr("The group \"%1\" has no members to remove.").arg(groupId));
        if (!groupProtocolRefusal.isEmpty())
            return no(groupProtocolRefusal);
        return yes();
    case GroupAction::TriggerRebalance:
        // The trigger joins with JoinGroup (classic protocol) under the group's
        // own protocol type and assignor.
        if (!describedByDescribeGroups(d.type))
            return no(
                Text::tr("Cohort triggers rebalances of classic groups only; \"%1\" is a %2 group.").arg(groupId, groupTypeToString(d.type)));
        if (members == 0)
            return no(Text::tr("The group \"%1\" has no members: there is nothing to rebalance.").arg(groupId));
        if (d.protocolType.isEmpty() || d.protocol.isEmpty())
            return no(Text::tr("The group's protocol type and assignor are not known while it rebalances; try again once it is Stable."));
        if (!groupProtocolRefusal.isEmpty())
            return no(groupProtocolRefusal);
        return yes();
    case GroupAction::ResetOffsets:
    case GroupAction::UndoLastReset:
        // A share group's progress is kept per record by the share coordinator, not as committed offsets.
        if (d.type == GroupType::Share)
            return no(Text::tr("A share group has no committed offsets to reset (kafka-share-groups.sh resets its start offsets)."));
        // An active group is not refused here: the wizard's guard names its members and can wait until it is Empty.
        if (action == GroupAction::UndoLastReset && !hasResetBackup)
            return no(Text::tr("Cohort has no backup of a reset of \"%1\" in this account's data folder: there is nothing to undo.")
                          .arg(groupId));
        return yes();
    }
    return no(QString());
}

}   // namespace cohort
