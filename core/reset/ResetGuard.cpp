// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetGuard.h"

#include <QStringList>

namespace cohort {

QList<GroupDescription> ResetGuard::active(const QList<GroupDescription> &described)
{
    QList<GroupDescription> out;
    for (const GroupDescription &g : described)
        if (!mayReset(g.state))
            out << g;
    return out;
}

QString ResetGuard::members(const GroupDescription &group)
{
    if (group.members.isEmpty())
        return group.describable ? tr("no members listed")
                                 : tr("its members cannot be listed by Cohort (%1 group)").arg(groupTypeToString(group.type));
    QStringList out;
    for (const GroupMember &m : group.members)
        out << tr("%1 (%2)").arg(m.clientId.isEmpty() ? m.memberId : m.clientId, m.host);
    return out.join(QStringLiteral(", "));
}

KafkaError ResetGuard::refusal(const QList<GroupDescription> &active)
{
    QStringList lines;
    for (const GroupDescription &g : active)
        lines << tr("group '%1' is %2 with %n active member(s): %3", nullptr, int(g.members.size()))
                     .arg(g.groupId, groupStateToString(g.state), members(g));
    return KafkaError::make(
        0, QStringLiteral("_GROUP_ACTIVE"),
        tr("Offsets can only be reset while a group is Empty; nothing was written. %1").arg(lines.join(QStringLiteral("; "))),
        tr("Stop the group's consumers (or wait until the group is Empty) and reset again."));
}

}   // namespace cohort
