// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/PartitionAssignor.h"

namespace cohort {

// The client-side "roundrobin" assignor (Kafka's RoundRobinAssignor,
// librdkafka's rdkafka_roundrobin_assignor.c): every subscribed partition,
// topics by name then partition number, dealt to the members in Kafka's
// member order (or the client's: MemberOrder.h), skipping a member that does
// not subscribe to its topic.
class RoundRobinAssignor : public PartitionAssignor
{
public:
    explicit RoundRobinAssignor(ClientImplementation client = ClientImplementation::Java)
        : m_client(client)
    { }
    QString name() const override { return QStringLiteral("roundrobin"); }
    Assignment assign(const AssignorInput &input) const override;

private:
    ClientImplementation m_client;
};

}   // namespace cohort
