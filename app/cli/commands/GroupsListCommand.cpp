// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsListCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"

namespace cohort::cli {

QString GroupsListCommand::summary() const
{
    return tr("the consumer groups with state, type, protocol type, assignor, members and lag");
}

void GroupsListCommand::declareOptions(CliOptionSet &options)
{
    QList<std::pair<QString, std::optional<GroupState>>> states;
    for (const auto st : {GroupState::Empty, GroupState::PreparingRebalance, GroupState::CompletingRebalance, GroupState::Stable,
                          GroupState::Assigning, GroupState::Reconciling, GroupState::NotReady, GroupState::Dead})
        states.append({groupStateToString(st), st});
    options.addChoice(QStringLiteral("state"), QStringLiteral("STATE"), tr("only groups in this state (any case)"),
                      tr("--state needs a state (Stable, Empty, PreparingRebalance, CompletingRebalance, Assigning, Reconciling, "
                         "NotReady, Dead)"),
                      states, &m_state, [](const QString &v) { return tr("unknown state '%1'").arg(v); });
    // kafka-consumer-groups --list --type's syntax (a comma-separated list,
    // any case), with the share and streams types kafka-groups lists too.
    options.addValue(QStringLiteral("type"), QStringLiteral("TYPE,..."),
                     tr("only groups of these types: classic, consumer, share, streams (comma-separated, any case)"),
                     tr("--type needs one or more group types, e.g. --type classic,consumer"), [this](const QString &v) -> QString {
                         m_types.clear();
                         for (const QString &name : v.split(QLatin1Char(','))) {
                             const GroupType t = groupTypeFromString(name.trimmed());
                             if (t == GroupType::Unknown)
                                 return tr("unknown group type '%1': valid types are classic, consumer, share, streams").arg(name);
                             m_types.append(t);
                         }
                         return {};
                     });
}

int GroupsListCommand::run(CliCommandContext &context)
{
    const auto snap = context.loadSnapshot();
    if (!snap)
        return context.fail(snap.error());
    CliTable t;
    // GROUP and STATE first, as kafka-consumer-groups --list --state prints
    // them; TYPE spelt as its --type prints it (Consumer), "-" (null in
    // JSON) where the broker's ListGroups is older than v5. MEMBERS is
    // unknown (-) for a group DescribeGroups cannot describe.
    t.headers = {QStringLiteral("GROUP"),    QStringLiteral("STATE"),   QStringLiteral("TYPE"), QStringLiteral("PROTOCOL-TYPE"),
                 QStringLiteral("ASSIGNOR"), QStringLiteral("MEMBERS"), QStringLiteral("LAG")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("state"),   QStringLiteral("type"), QStringLiteral("protocol_type"),
                  QStringLiteral("assignor"), QStringLiteral("members"), QStringLiteral("lag")};
    for (const GroupSnapshot &g : snap->groups) {
        const GroupDescription &d = g.description;
        // A group not described has no state, assignor or members to show
        // (its warning is on stderr): unknown, never "Unknown, 0 members".
        const bool described = g.describedFreshness.isFresh();
        if (m_state && (!described || d.state != *m_state))
            continue;
        if (!m_types.isEmpty() && !m_types.contains(d.type))
            continue;
        t.rows.append({g.groupId(), described ? QVariant(groupStateToString(d.state)) : QVariant(),
                       d.type == GroupType::Unknown ? QVariant() : QVariant(groupTypeToString(d.type)), CliTable::nonEmpty(d.protocolType),
                       described ? CliTable::nonEmpty(d.protocol) : QVariant(),
                       described && d.membersKnown() ? QVariant(int(d.members.size())) : QVariant(),
                       g.offsetsFreshness.isFresh() ? CliTable::cell(g.totalLag) : QVariant()});
    }
    context.write(t);
    return context.finish(CliFailure::kOk);
}

}   // namespace cohort::cli
