// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/MemberLabels.h"

namespace cohort::MemberLabels {

namespace {

// The random tail librdkafka and the Java client append ("<client.id>-<uuid>"):
// its first 8 characters tell members apart without flooding the column.
QString memberTail(const QString &memberId, const QString &clientId)
{
    QString tail = memberId;
    if (!clientId.isEmpty() && tail.startsWith(clientId + QLatin1Char('-')))
        tail = tail.mid(clientId.size() + 1);
    return tail.left(8);
}

}   // namespace

QString ownerLabel(const QString &clientId, const QString &memberId, const QString &instanceId, bool clientIdRepeats)
{
    const QString base = clientId.isEmpty() ? memberId : clientId;
    if (!clientIdRepeats || clientId.isEmpty())
        return base;
    // A static member's instance id is unique in the group and chosen by a
    // person (inventory-sync-2), so it names the member better than anything.
    if (!instanceId.isEmpty() && instanceId != clientId)
        return instanceId;
    return QStringLiteral("%1 [%2…]").arg(base, memberTail(memberId, clientId));
}

QHash<QString, QString> forGroup(const GroupDescription &group)
{
    QHash<QString, int> clientIdUses;
    for (const GroupMember &m : group.members)
        ++clientIdUses[m.clientId];
    QHash<QString, QString> labels;
    for (const GroupMember &m : group.members)
        labels.insert(m.memberId, ownerLabel(m.clientId, m.memberId, m.groupInstanceId, clientIdUses.value(m.clientId) > 1));
    return labels;
}

}   // namespace cohort::MemberLabels
