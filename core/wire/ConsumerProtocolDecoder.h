// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/snapshot/ClusterTypes.h"

namespace cohort {

// Decodes the consumer embedded protocol (docs/kafka-protocol.md §5): member
// subscriptions v0-v3 and assignments v0-v3. Newer versions are read with the
// v3 layout and trailing bytes are ignored, as the Java client does. Garbage
// gives an error (CONSUMER_PROTOCOL_DECODE), never a crash or an out-of-bounds read.
namespace ConsumerProtocolDecoder {

Result<ConsumerSubscription> decodeSubscription(const QByteArray &bytes);
Result<ConsumerAssignment> decodeAssignment(const QByteArray &bytes);

// Encoders: the rebalance trigger's empty subscription, the sandbox's
// assignments, tests and fixtures.
QByteArray encodeSubscription(const ConsumerSubscription &s);
QByteArray encodeAssignment(const ConsumerAssignment &a);

}   // namespace ConsumerProtocolDecoder
}   // namespace cohort
