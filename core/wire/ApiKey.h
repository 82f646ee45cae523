// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Kafka's API keys by name, as Apache Kafka's message definitions number them
// (clients/src/main/resources/common/message/*.json). Cohort's requests, the
// sandbox and the tests say ApiKey::OffsetFetch, never 9.
namespace cohort::ApiKey {

enum Key : qint16 {
    Produce = 0,
    Fetch = 1,
    ListOffsets = 2,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    JoinGroup = 11,
    Heartbeat = 12,
    LeaveGroup = 13,
    SyncGroup = 14,
    DescribeGroups = 15,
    ListGroups = 16,
    SaslHandshake = 17,
    ApiVersions = 18,
    CreateTopics = 19,
    DeleteTopics = 20,
    DeleteRecords = 21,
    InitProducerId = 22,
    OffsetForLeaderEpoch = 23,
    DescribeConfigs = 32,
    SaslAuthenticate = 36,
    DeleteGroups = 42,
    OffsetDelete = 47,
    DescribeQuorum = 55,
    DescribeCluster = 60,
    ConsumerGroupHeartbeat = 68,
    ConsumerGroupDescribe = 69,
    ShareGroupHeartbeat = 76,
    ShareGroupDescribe = 77,
    ShareFetch = 78,
    ShareAcknowledge = 79,
    StreamsGroupHeartbeat = 88,
    StreamsGroupDescribe = 89,
    DescribeShareGroupOffsets = 90,
};

// "OffsetFetch" for 9; "ApiKey(n)" for a key this list does not name.
const char *name(qint16 key);

// The first version of this API that is flexible (KIP-482: request header v2,
// response header v1, compact encodings), as Kafka's message definitions say
// in "flexibleVersions"; kNeverFlexible for an API that has none.
constexpr qint16 kNeverFlexible = 0x7fff;
qint16 firstFlexibleVersion(qint16 key);

// The headers of a request of this API and version, the one rule both sides
// use (Cohort's connections and the sandbox): request header v2 (v1 plus
// tagged fields) from the first flexible version; response header v1
// (correlation id plus tagged fields) likewise, but never for ApiVersions,
// which answers with header v0 in every version so that a client can read it
// before it knows what the broker speaks.
bool hasFlexibleRequestHeader(qint16 key, qint16 version);
bool hasFlexibleResponseHeader(qint16 key, qint16 version);

}   // namespace cohort::ApiKey
