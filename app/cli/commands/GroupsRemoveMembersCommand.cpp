// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsRemoveMembersCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/session/ClusterSession.h"
#include "core/util/EventLoopWait.h"

namespace cohort::cli {

QString GroupsRemoveMembersCommand::summary() const
{
    return tr("removes members from a group: static ones by instance id, others by member id");
}

QString GroupsRemoveMembersCommand::description() const
{
    return tr("Sends LeaveGroup (v3) to the group's coordinator on the members' behalf, as\n"
              "kafka-consumer-groups.sh --delete --members does not and Kafka's admin client\n"
              "removeMembersFromConsumerGroup does; a KIP-848 consumer group's members too on\n"
              "Kafka 4.0 and newer. The group rebalances without them. A removed consumer that\n"
              "is still running joins again: a classic one at its next poll under a new member\n"
              "id, a KIP-848 one at its next heartbeat under the same member id with a new\n"
              "member epoch. Stop it first to keep it out. One row per member; the exit code\n"
              "is 1 when any member was not removed. Refused on a read-only connection.");
}

void GroupsRemoveMembersCommand::declareOptions(CliOptionSet &options)
{
    options.addValue(QStringLiteral("member-id"), QStringLiteral("ID"), tr("a member to remove by its member id (repeatable)"),
                     tr("--member-id needs a member id (groups describe GROUP --members lists them)"), [this](const QString &v) -> QString {
                         if (v.trimmed().isEmpty())
                             return tr("--member-id needs a member id (groups describe GROUP --members lists them)");
                         m_members.append(MemberRef{v, {}});
                         return {};
                     });
    options.addValue(
        QStringLiteral("instance-id"), QStringLiteral("ID"), tr("a static member to remove by its group.instance.id (repeatable)"),
        tr("--instance-id needs a group.instance.id (groups describe GROUP --members lists them)"), [this](const QString &v) -> QString {
            if (v.trimmed().isEmpty())
                return tr("--instance-id needs a group.instance.id (groups describe GROUP --members lists them)");
            m_members.append(MemberRef{{}, v});
            return {};
        });
    options.setPositionals(QStringLiteral("GROUP"), tr("the group id"), 1, tr("groups remove-members needs a group id"), &m_groupIds);
}

int GroupsRemoveMembersCommand::run(CliCommandContext &context)
{
    if (m_groupIds.size() > 1)
        return context.fail(CliFailure::usage(tr("groups remove-members takes one group, then the members as options")));
    if (m_members.isEmpty())
        return context.fail(CliFailure::usage(tr("name the members to remove: --member-id ID or --instance-id ID, as often as needed")));
    const QString groupId = m_groupIds.first();
    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    const Result<ClusterAdmin *> admin = session.value()->admin();
    if (!admin)
        return context.fail(CliFailure::kafka(admin.error().toString()));
    const QFuture<Result<QList<MemberRemovalOutcome>>> removal = admin.value()->removeMembers(groupId, m_members);
    waitWithEventLoop(removal);
    const Result<QList<MemberRemovalOutcome>> outcomes = removal.result();
    if (!outcomes)
        return context.fail(CliFailure::kafka(tr("group '%1': %2").arg(groupId, outcomes.error().toString())));

    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID"), QStringLiteral("GROUP-INSTANCE-ID"), QStringLiteral("RESULT"),
                 QStringLiteral("DETAIL")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("member_id"), QStringLiteral("group_instance_id"), QStringLiteral("result"),
                  QStringLiteral("error")};
    int refused = 0;
    for (const MemberRemovalOutcome &o : outcomes.value()) {
        if (o.error)
            ++refused;
        t.rows.append({groupId, CliTable::nonEmpty(o.member.memberId), CliTable::nonEmpty(o.member.groupInstanceId),
                       o.error ? (o.error.name.isEmpty() ? QStringLiteral("error") : o.error.name) : QStringLiteral("removed"),
                       o.error ? QVariant(o.error.toString()) : QVariant()});
    }
    context.write(t);
    return context.finish(refused ? CliFailure::kError : CliFailure::kOk);
}

}   // namespace cohort::cli
