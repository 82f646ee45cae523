// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cohort::sandbox {

// What the group coordinator needs to know about the rest of the cluster,
// without depending on how brokers and logs are implemented.
class ClusterView
{
public:
    virtual ~ClusterView() = default;
    // Broker that coordinates this group now (a stable function of the group id
    // over live brokers, unless a fault moved it); -1 when no broker is up.
    virtual int coordinatorFor(const QString &groupId) const = 0;
    virtual bool partitionExists(const QString &topic, int partition) const = 0;
    virtual int partitionCount(const QString &topic) const = 0;           // 0: no such topic
    virtual bool createTopic(const QString &topic, int partitions) = 0;   // for synthetic groups
    virtual qint64 logEndOffset(const QString &topic, int partition) const = 0;
};

}   // namespace cohort::sandbox
