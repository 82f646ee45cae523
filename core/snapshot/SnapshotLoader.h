// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterClient.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "core/snapshot/RefreshProgress.h"

#include <memory>
#include <optional>

namespace cohort {

// Turns ClusterClient answers into snapshots, one step after the other on a
// pool thread of its own (each step needs the one before: offsets are asked
// for the topics the descriptions name, watermarks for the partitions the
// offsets and assignments name), then SnapshotBuilder. The futures never
// block the calling thread.
namespace SnapshotLoader {

// One full refresh: metadata and the group list (together), then every
// group's description, then their committed offsets, then the watermarks of
// every partition. `progress` (optional) carries the one deadline of the whole
// refresh and the cancel flag, and is told each step.
QFuture<Result<ClusterSnapshot>> load(std::shared_ptr<ClusterClient> client, std::shared_ptr<RefreshProgress> progress = nullptr);

// One group only, for a page that follows it closely: its description, its
// committed offsets and the watermarks of only its partitions. `metadata` is
// the last snapshot's (metadata is fetched only when none is given). Lists
// the cluster's groups only when DescribeGroups says Dead with no members,
// which is also what it says of a group that is not classic. A group the
// cluster does not know fails with GROUP_ID_NOT_FOUND.
QFuture<Result<GroupSnapshot>> loadGroup(std::shared_ptr<ClusterClient> client, const QString &groupId,
                                         std::optional<ClusterMetadata> metadata = std::nullopt);

}   // namespace SnapshotLoader
}   // namespace cohort
