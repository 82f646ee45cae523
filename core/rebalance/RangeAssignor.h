// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/PartitionAssignor.h"

namespace cohort {

// The client-side "range" assignor (Kafka's RangeAssignor, librdkafka's
// rdkafka_range_assignor.c): per topic, its subscribers in Kafka's member
// order each take a consecutive range, the first (partitions % members) one
// partition more (Kafka's member order, or librdkafka's or kafka-python's for
// their consumers: MemberOrder.h). Rack-aware placement needs the partitions' replica racks,
// which the input does not carry: as in Kafka without them, it is off.
class RangeAssignor : public PartitionAssignor
{
public:
    explicit RangeAssignor(ClientImplementation client = ClientImplementation::Java)
        : m_client(client)
    { }
    QString name() const override { return QStringLiteral("range"); }
    Assignment assign(const AssignorInput &input) const override;

private:
    ClientImplementation m_client;
};

}   // namespace cohort
