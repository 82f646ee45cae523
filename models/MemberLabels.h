// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"

#include <QHash>
#include <QString>

namespace cohort::MemberLabels {

// Short names for a group's members that are unique within the group, for
// places too narrow for a member id: the client id; when client ids repeat
// (static members and autoscaled copies often share one client.id), the
// group.instance.id, or else the client id with the start of the member id.
QHash<QString, QString> forGroup(const GroupDescription &group);

// The label of one owner seen from a PartitionLag (same rules, no group context).
QString ownerLabel(const QString &clientId, const QString &memberId, const QString &instanceId, bool clientIdRepeats);

}   // namespace cohort::MemberLabels
