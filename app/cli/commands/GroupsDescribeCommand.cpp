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

// Partitions as kafka-consumer-groups.sh --verbose writes them:
// "topic:0,1,2;other:0", topics sorted, partitions in numeric order; unknown
// ("-") when there are none.
QVariant assignmentCell(const QList<TopicPartition> &partitions)
{
    if (partitions.isEmpty())
        return {};
    QStringList topics;
    const QMap<QString, QList<int>> byTopic = partitionsByTopic(partitions);
    for (auto it = byTopic.begin(); it != byTopic.end(); ++it) {
        QList<int> numbers = it.value();
        std::sort(numbers.begin(), numbers.end());
        QStringList text;
        for (int p : std::as_const(numbers))
            text << QString::number(p);
        topics << it.key() + QLatin1Char(':') + text.join(QLatin1Char(','));
    }
    return topics.join(QLatin1Char(';'));
}

QVariant epochCell(int epoch)
{
    return epoch >= 0 ? QVariant(epoch) : QVariant();
}

CliTable membersTable(const QList<const GroupSnapshot *> &groups, bool verbose)
{
    // kafka-consumer-groups.sh --describe --members' columns, in its order
    // (Kafka 4.4). It prints GROUP-INSTANCE-ID only when a member has one
    // (here: a member of the groups shown; JSON always has the key), and
    // with --verbose the epochs and assignments: a KIP-848 member's epoch,
    // the group's target assignment epoch and the member's target assignment;
    // a classic member has none of them, which Kafka prints as "-". UPGRADED
    // (KIP-1099) only when a KIP-848 group has both classic and consumer
    // members: true for a consumer member.
    bool instanceIds = false, classicMembers = false, consumerMembers = false;
    for (const GroupSnapshot *g : groups)
        for (const GroupMember &m : g->description.members) {
            instanceIds = instanceIds || !m.groupInstanceId.isEmpty();
            classicMembers = classicMembers || m.type == MemberType::Classic;
            consumerMembers = consumerMembers || m.type == MemberType::Consumer;
        }
    const bool upgraded = verbose && classicMembers && consumerMembers;
    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("member_id")};
    if (instanceIds) {
        t.headers << QStringLiteral("GROUP-INSTANCE-ID");
        t.jsonKeys << QStringLiteral("group_instance_id");
    }
    t.headers << QStringLiteral("HOST") << QStringLiteral("CLIENT-ID") << QStringLiteral("#PARTITIONS");
    t.jsonKeys << QStringLiteral("host") << QStringLiteral("client_id") << QStringLiteral("partitions");
    if (verbose) {
        t.headers << QStringLiteral("CURRENT-EPOCH") << QStringLiteral("CURRENT-ASSIGNMENT") << QStringLiteral("TARGET-EPOCH")
                  << QStringLiteral("TARGET-ASSIGNMENT");
        t.jsonKeys << QStringLiteral("current_epoch") << QStringLiteral("current_assignment") << QStringLiteral("target_epoch")
                   << QStringLiteral("target_assignment");
    }
    if (upgraded) {
        t.headers << QStringLiteral("UPGRADED");
        t.jsonKeys << QStringLiteral("upgraded");
    }
    if (!instanceIds)
        t.jsonKeys << QStringLiteral("group_instance_id");   // after the printed columns: in JSON and CSV only
    for (const GroupSnapshot *g : groups) {
        const GroupDescription &d = g->description;
        for (const GroupMember &m : d.members) {
            const QList<TopicPartition> owned = m.assignment ? m.assignment->partitions : QList<TopicPartition>{};
            QList<QVariant> row{g->groupId(), m.memberId};
            if (instanceIds)
                row << CliTable::blankWhenEmpty(m.groupInstanceId);
            row << m.host << m.clientId << (m.assignment ? QVariant(int(owned.size())) : QVariant());
            if (verbose)
                row << epochCell(m.memberEpoch) << assignmentCell(owned)
                    << (d.describedAsConsumerGroup ? epochCell(d.assignmentEpoch) : QVariant())
                    << (m.targetAssignment ? assignmentCell(*m.targetAssignment) : QVariant());
            if (upgraded)
                row << (m.type == MemberType::Unknown ? QVariant() : QVariant(m.type == MemberType::Consumer ? QStringLiteral("true") : QStringLiteral("false")));
            if (!instanceIds)
                row << CliTable::nonEmpty(m.groupInstanceId);
            t.rows.append(row);
        }
    }
    return t;
}

// kafka-consumer-groups.sh --describe --state's columns (Kafka 4.4):
// COORDINATOR (ID) as "host:port  (id)", the assignor ("-" when none: an
// Empty classic group), and with --verbose the group epoch and target
// assignment epoch of a KIP-848 group ("-" for a classic one).
CliTable stateTable(const QList<const GroupSnapshot *> &groups, const ClusterMetadata &metadata, bool verbose)
{
    CliTable t;
    t.headers = {QStringLiteral("GROUP"), QStringLiteral("COORDINATOR (ID)"), QStringLiteral("ASSIGNMENT-STRATEGY"),
                 QStringLiteral("STATE")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("coordinator"), QStringLiteral("assignor"), QStringLiteral("state")};
    if (verbose) {
        t.headers << QStringLiteral("GROUP-EPOCH") << QStringLiteral("TARGET-ASSIGNMENT-EPOCH");
        t.jsonKeys << QStringLiteral("group_epoch") << QStringLiteral("target_assignment_epoch");
    }
    t.headers << QStringLiteral("#MEMBERS");
    t.jsonKeys << QStringLiteral("members") << QStringLiteral("coordinator_id");
    for (const GroupSnapshot *g : groups) {
        const GroupDescription &d = g->description;
        QVariant coordinator;
        for (const BrokerInfo &b : metadata.brokers)
            if (b.id == d.coordinatorId)
                coordinator = QStringLiteral("%1:%2  (%3)").arg(b.host).arg(b.port).arg(b.id);
        QList<QVariant> row{g->groupId(), coordinator, CliTable::nonEmpty(d.protocol), groupStateToString(d.state)};
        if (verbose)
            row << (d.describedAsConsumerGroup ? epochCell(d.groupEpoch) : QVariant())
                << (d.describedAsConsumerGroup ? epochCell(d.assignmentEpoch) : QVariant());
        row << (d.membersKnown() ? QVariant(int(d.members.size())) : QVariant()) << epochCell(d.coordinatorId);
        t.rows.append(row);
    }
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
    options.addFlag(QStringLiteral("state"), tr("each group's coordinator, assignor, state and member count, instead"), &m_state);
    options.addFlag(QStringLiteral("verbose"),
                    tr("with --members: each member's epochs and current and target assignments too; with --state: the "
                       "group epochs of a KIP-848 group"),
                    &m_verbose);
    options.addFlag(QStringLiteral("all-groups"), tr("every group of the cluster, instead of the ones named"), &m_allGroups);
    options.setPositionals(QStringLiteral("GROUP..."), tr("the group ids"), 0, QString(), &m_groupIds);
}

int GroupsDescribeCommand::run(CliCommandContext &context)
{
    if (m_verbose && !m_members && !m_state)
        return context.fail(CliFailure::usage(tr("--verbose goes with --members or --state (groups describe GROUP --members --verbose)")));
    if (m_members && m_state)
        return context.fail(CliFailure::usage(tr("groups describe takes --members or --state, not both")));
    // As kafka-consumer-groups.sh: group ids or --all-groups, not both.
    if (m_groupIds.isEmpty() && !m_allGroups)
        return context.fail(CliFailure::usage(tr("groups describe needs at least one group id, or --all-groups")));
    if (!m_groupIds.isEmpty() && m_allGroups)
        return context.fail(CliFailure::usage(tr("groups describe takes group ids or --all-groups, not both")));
    const auto snap = context.loadSnapshot();
    if (!snap)
        return context.fail(snap.error());
    QList<const GroupSnapshot *> groups;
    std::list<GroupSnapshot> loaded;   // groups the listing did not have, asked for one by one
    int missing = 0;
    QStringList ids = m_groupIds;
    if (m_allGroups)
        for (const GroupSnapshot &g : snap->groups)
            ids << g.groupId();
    for (const QString &id : std::as_const(ids)) {
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
    context.write(m_members ? membersTable(groups, m_verbose)
                  : m_state ? stateTable(groups, snap->metadata, m_verbose)
                            : partitionsTable(groups));
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
    // What Cohort cannot show yet for a group that is not classic (its
    // members and assignment); its offsets and lag above are exact.
    for (const GroupSnapshot *g : std::as_const(groups))
        if (!g->description.membersKnown())
            context.note(tr("note: group '%1': %2").arg(g->groupId(), g->description.note));
    if (snap->readCommitted && context.options().output == CliTable::Format::Table && !m_members && !m_state)
        context.note(tr("LOG-END-OFFSET is the last stable offset (isolation.level=read_committed)."));
    return context.finish(missing ? CliFailure::kError : CliFailure::kOk);
}

}   // namespace cohort::cli
