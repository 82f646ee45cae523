// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"
#include "core/wire/ApiKey.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace cohort::ListGroupsCodec {

// ListGroups v5 (KIP-848), the first version that says each group's type
// (classic, consumer, share, streams) and a state that is the group's own
// (Assigning, Reconciling...) where the classic listing through DescribeGroups
// says Dead. Flexible (compact strings, tagged fields; the connection writes
// and strips the headers): docs/kafka-protocol.md §1, §8.
constexpr qint16 kApiKey = ApiKey::ListGroups;
constexpr qint16 kVersion = 5;

// Empty filters ask for every group in every state of every type.
QByteArray encodeRequest(const QStringList &statesFilter = {}, const QStringList &typesFilter = {});

struct Listing
{
    qint16 errorCode = 0;   // COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS, ...
    QList<GroupListing> groups;
};

// A v5 response body (after the response header); coordinatorId is the
// broker that answered, which coordinates every group it lists. nullopt for
// malformed bytes.
std::optional<Listing> decodeResponse(const QByteArray &body, int coordinatorId);

}   // namespace cohort::ListGroupsCodec
