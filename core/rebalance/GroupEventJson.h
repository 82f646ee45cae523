// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"

#include <QJsonObject>

namespace cohort::GroupEventJson {

// One event as `cohort-cli groups watch --output json` prints it: time (ISO
// 8601 UTC with ms), group_id, event, state, generation, member_id,
// client_id, partitions_added, partitions_removed ("topic-partition"), and
// for rebalance_completed duration_ms, partitions_moved, unowned_ms and
// unowned_ms_by_partition; null
// where a value does not apply or is not known; reason and the member's
// host and group_instance_id where there is one.
QJsonObject toJson(const GroupEvent &event);

}   // namespace cohort::GroupEventJson
