// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"
#include "core/wire/ApiKey.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace cohort::ListOffsetsCodec {

// ListOffsets v2 (isolation level, one timestamp per partition), which every
// Kafka since 0.11 answers. Cohort sends it itself on connections it can open
// because librdkafka matches each answered partition against its request list
// one by one (n² for n partitions).
constexpr qint16 kApiKey = ApiKey::ListOffsets;
constexpr qint16 kVersion = 2;
constexpr qint64 kLatest = -1;
constexpr qint64 kEarliest = -2;

QByteArray encodeRequest(const QList<TopicPartition> &partitions, qint64 timestamp, bool readCommitted);

struct Answer
{
    QHash<TopicPartition, qint64> offsets;   // partitions answered without error
    QList<TopicPartition> failed;            // partitions answered with an error (e.g. NOT_LEADER_OR_FOLLOWER)
};

// nullopt for malformed bytes.
std::optional<Answer> decodeResponse(const QByteArray &body);

}   // namespace cohort::ListOffsetsCodec
