// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/SandboxConfig.h"
#include "sandbox/coordinator/ClassicGroup.h"

#include <QList>
#include <QString>

#include <functional>

namespace cohort::sandbox {

class ClusterView;

// Builds the scale fixture's groups (SyntheticGroupSpec): topics created through
// the cluster, Stable groups of synthetic members with real consumer-protocol
// subscription v1 and assignment v1 bytes (range or roundrobin assignment),
// every emptyGroupsEvery-th group Empty, and committed offsets for the partitions
// of the group's topics. Groups for which exists() is true are left alone.
class SyntheticGroups
{
public:
    static QList<classic::GroupPtr> build(ClusterView &cluster, const SyntheticGroupSpec &spec,
                                          const std::function<bool(const QString &)> &exists);
};

}   // namespace cohort::sandbox
