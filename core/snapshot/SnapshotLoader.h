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

// The deadline of a refresh given no progress: the client's calls have their own too.
constexpr int kDefaultDeadlineMs = 30000;

// One full refresh: metadata and the group list (together), then every
// group's description, then their committed offsets, then the watermarks of
// every partition. `progress` (optional) carries the one deadline of the whole
// refresh and the cancel flag, and is told each step and whom it waits for.
// What could not be read by the deadline is in the snapshot's `missing` and
// the groups' Freshness; the load fails only when the metadata could not be
// read or it was cancelled.
QFuture<Result<ClusterSnapshot>> load(std::shared_ptr<ClusterClient> client, std::shared_ptr<RefreshProgress> progress = nullptr);

// One group only, for a page that follows it closely: its description, its
// committed offsets and the watermarks of only its partitions. `metadata` is
// the last snapshot's (metadata is fetched only when none is given). Lists
// the cluster's groups only when DescribeGroups says Dead with no members,
// which is also what it says of a group that is not classic (kafka-protocol.md
// §8). Fails with GROUP_ID_NOT_FOUND only when Kafka said the group does not
// exist (groupDoesNotExist); a description that could not be read fails with
// its error; offsets that could not be read come back as the group's
// offsetsFreshness.
QFuture<Result<GroupSnapshot>> loadGroup(std::shared_ptr<ClusterClient> client, const QString &groupId,
                                         std::optional<ClusterMetadata> metadata = std::nullopt,
                                         std::shared_ptr<RefreshProgress> progress = nullptr);

// Whether Kafka said the group does not exist: its coordinator answered
// GROUP_ID_NOT_FOUND, or (classic protocol) described it as Dead with no
// members while it has no committed offsets. Never for a group that could
// not be read (a timeout, a broker down): that is its error, not absence.
bool groupDoesNotExist(const GroupSnapshot &group);

}   // namespace SnapshotLoader
}   // namespace cohort
