// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ClusterTypes.h"
#include "core/Result.h"

#include <QByteArray>

namespace cohort::OffsetFetchCodec {

// OffsetFetch v3 asking for every partition a group has committed (topics =
// null, defined from v2 on). librdkafka 2.0.2 sends an empty array instead of
// null, which Kafka answers with nothing, so Cohort asks itself when it can.
constexpr qint16 kApiKey = 9;
constexpr qint16 kVersion = 3;

QByteArray encodeAllPartitionsRequest(const QString &groupId);

// The committed offsets in a v3 response body (after the correlation id).
// Partitions that were never committed (offset -1) are left out, as the
// librdkafka path does. A top-level error (NOT_COORDINATOR, COORDINATOR_LOAD_
// IN_PROGRESS, GROUP_AUTHORIZATION_FAILED...) or malformed bytes are errors.
Result<GroupOffsets> decodeResponse(const QString &groupId, const QByteArray &body);

} // namespace cohort::OffsetFetchCodec
