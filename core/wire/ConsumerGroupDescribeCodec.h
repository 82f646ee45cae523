// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"
#include "core/wire/ApiKey.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace cohort::ConsumerGroupDescribeCodec {

// ConsumerGroupDescribe (KIP-848, Kafka 3.7+): what DescribeGroups cannot
// say about a consumer-type group (it answers Dead with no members, §8):
// the group's epoch and target assignment epoch, its server-side assignor,
// and per member its epoch, subscription and current and target
// assignments. Flexible in every version (compact strings, tagged fields; the
// connection writes and strips the headers): docs/kafka-protocol.md §8.
// v1 (Kafka 4.0, KIP-1099) adds each member's type (classic member of an
// upgraded group, or consumer); the request is the same in both.
constexpr qint16 kApiKey = ApiKey::ConsumerGroupDescribe;
constexpr qint16 kMaxVersion = 1;

// The same bytes in v0 and v1.
QByteArray encodeRequest(const QStringList &groupIds, bool includeAuthorizedOperations = false);

// Groups as described (coordinatorId left for the caller), each marked
// describedAsConsumerGroup, type Consumer, protocol type "consumer", the
// assignor in `protocol`; members with their subscription and assignment
// already decoded (there are no consumer-protocol bytes to decode), and the
// ids of the topics in those assignments in topicIds. A group
// answered with an error comes back with errorCode/errorName/errorMessage.
// nullopt for malformed bytes or a version this codec does not know.
std::optional<QList<GroupDescription>> decodeResponse(const QByteArray &body, qint16 version);

}   // namespace cohort::ConsumerGroupDescribeCodec
