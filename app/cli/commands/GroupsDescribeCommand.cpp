// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsDescribeCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"

namespace cohort::cli {

namespace {

CliTable partitionsTable(const QList<const GroupSnapshot *> &groups)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"),          QStringLiteral("TOPIC"),          QStringLiteral("PARTITION"),
                 QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"),
                 QStringLiteral("CONSUMER-ID"),    QStringLiteral("HOST"),           QStringLiteral("CLIENT-ID")};
    t.jsonKeys = {QStringLiteral("group_id"),         QStringLiteral("topic"),      QStringLiteral("partition"),
                  QStringLiteral("committed_offset"), QStringLiteral("end_offset"), QStringLiteral("lag"),
                  QStringLiteral("member_id"),        QStringLiteral("host"),       QStringLiteral("client_id"),
                  QStringLiteral("group_instance_id")};
    for (const GroupSnapshot *g : groups)
        for (const PartitionLag &p : g->partitions) {
            const GroupMember none;
            const GroupMember *owner = g->ownerOf(p) ? g->ownerOf(p) : &none;
            t.rows.append({g->groupId(), p.tp.topic, p.tp.partition, CliTable::cell(p.committedOffset), CliTable::cell(p.endOffset),
                           CliTable::cell(p.lag), CliTable::nonEmpty(owner->memberId), CliTable::nonEmpty(owner->host),
                           CliTable::nonEmpty(owner->clientId), CliTable::nonEmpty(owner->groupInstanceId)});
        }
    return t;
}

CliTable membersTable(const QList<const GroupSnapshot *> &groups)
{
    // kafka-consumer-groups.sh --describe --members' columns, in its order
    // (Kafka 4.4), which leaves GROUP-INSTANCE-ID blank for a dynamic member.
    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID"), QStringLiteral("GROUP-INSTANCE-ID"),
                 QStringLiteral("HOST"),  QStringLiteral("CLIENT-ID"),   QStringLiteral("#PARTITIONS")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("member_id"), QStringLiteral("group_instance_id"),
                  QStringLiteral("host"),     QStringLiteral("client_id"), QStringLiteral("partitions")};
    for (const GroupSnapshot *g : groups)
        for (const GroupMember &m : g->description.members)
            t.rows.append({g->groupId(), m.memberId, CliTable::blankWhenEmpty(m.groupInstanceId), m.host, m.clientId,
                           m.assignment ? QVariant(int(m.assignment->partitions.size())) : QVariant()});
    return t;
}

}   // namespace

QString GroupsDescribeCommand::summary() const
{
    return tr("per partition of the groups: committed offset, log-end offset, lag and owner");
}

QString GroupsDescribeCommand::description() const
{
    return tr("The columns are kafka-consumer-groups.sh --describe's. A group that does not exist\n"
              "is reported on stderr and makes the exit code 1; the others are still printed.");
}

void GroupsDescribeCommand::declareOptions(CliOptionSet &options)
{
    options.addFlag(QStringLiteral("members"), tr("the groups' members and how many partitions each owns, instead"), &m_members);
    options.addFlag(QStringLiteral("all-groups"), tr("every group of the cluster, instead of the ones named"), &m_allGroups);
    options.setPositionals(QStringLiteral("GROUP..."), tr("the group ids"), 0, QString(), &m_groupIds);
}

int GroupsDescribeCommand::run(CliCommandContext &context)
{
    // As kafka-consumer-groups.sh: group ids or --all-groups, not both.
    if (m_groupIds.isEmpty() && !m_allGroups)
        return context.fail(CliFailure::usage(tr("groups describe needs at least one group id, or --all-groups")));
    if (!m_groupIds.isEmpty() && m_allGroups)
        return context.fail(CliFailure::usage(tr("groups describe takes group ids or --all-groups, not both")));
    const auto snap = context.loadSnapshot();
    if (!snap)
        return context.fail(snap.error());
    QList<const GroupSnapshot *> groups;
    int missing = 0;
    if (m_allGroups)
        for (const GroupSnapshot &g : snap->groups)
            groups.append(&g);
    for (const QString &id : std::as_const(m_groupIds)) {
        if (const GroupSnapshot *g = snap->group(id)) {
            groups.append(g);
        } else {
            context.note(tr("Consumer group '%1' does not exist.").arg(id));
            ++missing;
        }
    }
    context.write(m_members ? membersTable(groups) : partitionsTable(groups));
    // A negative LAG is printed as kafka-consumer-groups.sh prints it; the
    // warning says what it means, on stderr so that stdout stays parseable.
    for (const GroupSnapshot *g : std::as_const(groups))
        for (const PartitionLag &p : g->partitions)
            if (p.committedAheadOfEnd())
                context.note(tr("warning: group '%1' has committed offset %2 on %3-%4, ahead of the log end %5 (LAG %6): "
                                "the topic was truncated or recreated since the group committed")
                                 .arg(g->groupId())
                                 .arg(*p.committedOffset)
                                 .arg(p.tp.topic)
                                 .arg(p.tp.partition)
                                 .arg(*p.endOffset)
                                 .arg(*p.lag));
    if (snap->readCommitted && context.options().output == CliTable::Format::Table && !m_members)
        context.note(tr("LOG-END-OFFSET is the last stable offset (isolation.level=read_committed)."));
    return missing ? 1 : 0;
}

}   // namespace cohort::cli
