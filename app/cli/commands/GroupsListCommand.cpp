// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsListCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"

namespace cohort::cli {

QString GroupsListCommand::summary() const
{
    return tr("the consumer groups with state, protocol type, assignor, members and lag");
}

void GroupsListCommand::declareOptions(CliOptionSet &options)
{
    QList<std::pair<QString, std::optional<GroupState>>> states;
    for (const auto st :
         {GroupState::Empty, GroupState::PreparingRebalance, GroupState::CompletingRebalance, GroupState::Stable, GroupState::Dead})
        states.append({groupStateToString(st), st});
    options.addChoice(QStringLiteral("state"), QStringLiteral("STATE"), tr("only groups in this state (any case)"),
                      tr("--state needs a state (Stable, Empty, PreparingRebalance, CompletingRebalance, Dead)"), states, &m_state,
                      [](const QString &v) { return tr("unknown state '%1'").arg(v); });
}

int GroupsListCommand::run(CliCommandContext &context)
{
    const auto snap = context.loadSnapshot();
    if (!snap)
        return context.fail(snap.error());
    CliTable t;
    t.headers = {QStringLiteral("GROUP"),    QStringLiteral("STATE"),   QStringLiteral("PROTOCOL-TYPE"),
                 QStringLiteral("ASSIGNOR"), QStringLiteral("MEMBERS"), QStringLiteral("LAG")};
    t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("state"),   QStringLiteral("protocol_type"),
                  QStringLiteral("assignor"), QStringLiteral("members"), QStringLiteral("lag")};
    for (const GroupSnapshot &g : snap->groups) {
        // A group not described has no state, assignor or members to show
        // (its warning is on stderr): unknown, never "Unknown, 0 members".
        const bool described = g.describedFreshness.isFresh();
        if (m_state && (!described || g.description.state != *m_state))
            continue;
        t.rows.append({g.groupId(), described ? QVariant(groupStateToString(g.description.state)) : QVariant(),
                       CliTable::nonEmpty(g.description.protocolType), described ? CliTable::nonEmpty(g.description.protocol) : QVariant(),
                       described ? QVariant(int(g.description.members.size())) : QVariant(),
                       g.offsetsFreshness.isFresh() ? CliTable::cell(g.totalLag) : QVariant()});
    }
    context.write(t);
    return context.finish(CliFailure::kOk);
}

}   // namespace cohort::cli
