// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/snapshot/ClusterTypes.h"
#include "core/wire/ApiKey.h"

#include <QByteArray>

namespace cohort::OffsetFetchCodec {

// OffsetFetch v3 in core's terms, which Cohort sends itself on connections it
// can open: librdkafka 2.0.2 cannot ask for every partition a group has
// committed (it sends an empty topic array where Kafka wants null) and asks
// one group per FindCoordinator + OffsetFetch pair. The bytes are
// GroupApiCodec's; this is the one place that turns its messages into GroupOffsets.
constexpr qint16 kApiKey = ApiKey::OffsetFetch;
constexpr qint16 kVersion = 3;

// An empty list asks for every partition the group has committed (topics = null).
QByteArray encodeRequest(const QString &groupId, const QList<TopicPartition> &partitions);

// The committed offsets in a v3 response body (after the correlation id).
// Partitions that were never committed (offset -1) are left out, as the
// librdkafka path does. A top-level error (NOT_COORDINATOR, COORDINATOR_LOAD_
// IN_PROGRESS, GROUP_AUTHORIZATION_FAILED...) or malformed bytes are errors.
Result<GroupOffsets> decodeResponse(const QString &groupId, const QByteArray &body);

}   // namespace cohort::OffsetFetchCodec
