// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/PartitionAssignor.h"

namespace cohort {

// The KIP-848 server-side "range" assignor (Kafka's group-coordinator
// RangeAssignor): per topic, its subscribers in Kafka's member order
// (static first by instance id, then member id) each take a consecutive
// range, the first (partitions % subscribers) one more. It ignores what the
// members own, as Kafka's does.
class ServerRangeAssignor : public PartitionAssignor
{
public:
    QString name() const override { return QStringLiteral("server-range"); }
    Assignment assign(const AssignorInput &input) const override;
};

}   // namespace cohort
