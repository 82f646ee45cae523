// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"

namespace cohort {

// What a monitor shows after a refresh that could not read everything: the
// latest snapshot, with each part it missed replaced by the last good one
// from the snapshot shown before, marked stale (readAt = when it was last
// read, failure = why not now). Pure, so it is unit-tested.
//
// - A group the latest refresh could not list (its broker's ListGroups
//   failed) keeps its last row, stale with the listing's error; the
//   broker's MissingPart counts them (groupsAffected). A group whose broker
//   did answer and no longer lists it is gone: it was deleted.
// - A group listed but not described keeps its last description (state,
//   members, assignment); never described before, it stays "not described"
//   (Freshness without readAt).
// - A group whose committed offsets failed keeps its last partitions and
//   lag totals.
// - Each MissingPart keeps the `since` of the same part (key()) in the
//   previous snapshot: how long it has been missing, not since this refresh.
namespace SnapshotCarryForward {

ClusterSnapshot apply(const ClusterSnapshot &previous, ClusterSnapshot latest);

}   // namespace SnapshotCarryForward
}   // namespace cohort
