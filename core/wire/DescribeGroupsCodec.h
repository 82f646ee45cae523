// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"
#include "core/wire/ApiKey.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace cohort::DescribeGroupsCodec {

// DescribeGroups v4 (Kafka 2.4+) in core's terms: many groups in one request
// to their coordinator, with group.instance.id per member. librdkafka 2.0.2
// only has v0 (no instance ids) or DescribeConsumerGroups, which costs a
// FindCoordinator and a DescribeGroups per group. The bytes are GroupApiCodec's
// (the one codec of the group APIs, which the sandbox answers with); this is
// the one place that turns its messages into GroupDescription.
constexpr qint16 kApiKey = ApiKey::DescribeGroups;
constexpr qint16 kVersion = 4;

QByteArray encodeRequest(const QStringList &groupIds);

// Groups as described (coordinatorId left for the caller); a group answered
// with an error comes back with errorCode/errorName set. nullopt for
// malformed bytes.
std::optional<QList<GroupDescription>> decodeResponse(const QByteArray &body);

}   // namespace cohort::DescribeGroupsCodec
