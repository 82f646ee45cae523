// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ApiKey.h"

#include <QtGlobal>

#include <array>

namespace cohort::sandbox {

using namespace cohort::ApiKey;

// The APIs the sandbox speaks and the version ranges it advertises in
// ApiVersions (docs/kafka-protocol.md §3): below each API's first flexible
// version (ApiKey::firstFlexibleVersion), but ListGroups v3-v5, as Kafka 4.4
// offers them, so that Cohort lists states and types as on Kafka.
struct ApiVersionRange
{
    qint16 key;
    qint16 minVersion;
    qint16 maxVersion;
    const char *name;
};

inline constexpr std::array<ApiVersionRange, 22> kSupportedApis{{
    {Produce, 0, 8, "Produce"},   // 0-2 advertised so librdkafka enables compression; served 3-8
    {Fetch, 4, 11, "Fetch"},
    {ListOffsets, 1, 5, "ListOffsets"},
    {Metadata, 0, 8, "Metadata"},
    {OffsetCommit, 2, 7, "OffsetCommit"},
    {OffsetFetch, 1, 5, "OffsetFetch"},
    {FindCoordinator, 0, 2, "FindCoordinator"},
    {JoinGroup, 0, 5, "JoinGroup"},
    {Heartbeat, 0, 3, "Heartbeat"},
    {LeaveGroup, 0, 3, "LeaveGroup"},
    {SyncGroup, 0, 3, "SyncGroup"},
    {DescribeGroups, 0, 4, "DescribeGroups"},
    {ListGroups, 0, 5, "ListGroups"},
    {SaslHandshake, 0, 1, "SaslHandshake"},
    {ApiVersions, 0, 2, "ApiVersions"},
    {CreateTopics, 2, 4, "CreateTopics"},
    {DeleteRecords, 0, 1, "DeleteRecords"},
    {InitProducerId, 0, 1, "InitProducerId"},
    {DescribeConfigs, 1, 3, "DescribeConfigs"},
    {SaslAuthenticate, 0, 1, "SaslAuthenticate"},
    {DeleteGroups, 0, 1, "DeleteGroups"},
    {OffsetDelete, 0, 0, "OffsetDelete"},
}};

inline const ApiVersionRange *findApi(qint16 key)
{
    for (const auto &a : kSupportedApis)
        if (a.key == key)
            return &a;
    return nullptr;
}

}   // namespace cohort::sandbox
