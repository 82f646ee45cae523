// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsDescribeCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/wire/ErrorCode.h"

#include <list>

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
              "is reported on stderr and makes the exit code 1; the others are still printed.\n"
              "A group whose description or committed offsets could not be read by the deadline\n"
              "is not printed (its rows would read as fact): the error is on stderr and the\n"
              "exit code is 3.");
}

void GroupsDescribeCommand::declareOptions(CliOptionSet &options)
{
    options.addFlag(QStringLiteral("members"), tr("the groups' members and how many partitions each owns, instead"), &m_members);
    options.setPositionals(QStringLiteral("GROUP..."), tr("the group ids"), 1, tr("groups describe needs at least one group id"),
                           &m_groupIds);
}

int GroupsDescribeCommand::run(CliCommandContext &context)
{
    const auto snap = context.loadSnapshot();
    if (!snap)
        return context.fail(snap.error());
    QList<const GroupSnapshot *> groups;
    std::list<GroupSnapshot> loaded;   // groups the listing did not have, asked for one by one
    int missing = 0;
    for (const QString &id : std::as_const(m_groupIds)) {
        const GroupSnapshot *g = snap->group(id);
        if (!g) {
            // Not listed: absent, or on a broker that did not answer. Only
            // its coordinator can say which.
            const Result<GroupSnapshot> one = context.loadGroup(id, snap->metadata);
            if (!one && one.error().code == ErrorCode::GroupIdNotFound) {
                context.note(tr("Consumer group '%1' does not exist.").arg(id));
                ++missing;
                continue;
            }
            if (!one) {
                context.note(tr("warning: group '%1' not read: %2").arg(id, one.error().toString()));
                context.markPartial();
                continue;
            }
            loaded.push_back(one.value());
            g = &loaded.back();
        }
        if (!g->describedFreshness.isFresh() || !g->offsetsFreshness.isFresh()) {
            // Said on stderr with its error (the snapshot's missing parts,
            // or here for a group asked for alone).
            if (!snap->group(id)) {
                const Freshness &f = g->describedFreshness.isFresh() ? g->offsetsFreshness : g->describedFreshness;
                context.note(tr("warning: group '%1' not read: %2").arg(id, f.failure.toString()));
            }
            context.markPartial();
            continue;
        }
        groups.append(g);
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
    return context.finish(missing ? CliFailure::kError : CliFailure::kOk);
}

}   // namespace cohort::cli
