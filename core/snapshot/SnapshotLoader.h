// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterClient.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <memory>

namespace cohort {

// One full refresh: metadata and the group list, then descriptions and
// committed offsets (in parallel), then the watermarks those groups need, then
// SnapshotBuilder. Runs off the calling thread; the future never blocks it.
namespace SnapshotLoader {

QFuture<Result<ClusterSnapshot>> load(std::shared_ptr<ClusterClient> client);

} // namespace SnapshotLoader
} // namespace cohort
