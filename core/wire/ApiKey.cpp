// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ApiKey.h"

namespace cohort::ApiKey {

const char *name(qint16 key)
{
    switch (key) {
    case Produce: return "Produce";
    case Fetch: return "Fetch";
    case ListOffsets: return "ListOffsets";
    case Metadata: return "Metadata";
    case OffsetCommit: return "OffsetCommit";
    case OffsetFetch: return "OffsetFetch";
    case FindCoordinator: return "FindCoordinator";
    case JoinGroup: return "JoinGroup";
    case Heartbeat: return "Heartbeat";
    case LeaveGroup: return "LeaveGroup";
    case SyncGroup: return "SyncGroup";
    case DescribeGroups: return "DescribeGroups";
    case ListGroups: return "ListGroups";
    case SaslHandshake: return "SaslHandshake";
    case ApiVersions: return "ApiVersions";
    case CreateTopics: return "CreateTopics";
    case DeleteTopics: return "DeleteTopics";
    case DeleteRecords: return "DeleteRecords";
    case InitProducerId: return "InitProducerId";
    case OffsetForLeaderEpoch: return "OffsetForLeaderEpoch";
    case DescribeConfigs: return "DescribeConfigs";
    case SaslAuthenticate: return "SaslAuthenticate";
    case DeleteGroups: return "DeleteGroups";
    case OffsetDelete: return "OffsetDelete";
    case DescribeCluster: return "DescribeCluster";
    case ConsumerGroupHeartbeat: return "ConsumerGroupHeartbeat";
    case ConsumerGroupDescribe: return "ConsumerGroupDescribe";
    case ShareGroupHeartbeat: return "ShareGroupHeartbeat";
    case ShareGroupDescribe: return "ShareGroupDescribe";
    case StreamsGroupHeartbeat: return "StreamsGroupHeartbeat";
    case StreamsGroupDescribe: return "StreamsGroupDescribe";
    case DescribeShareGroupOffsets: return "DescribeShareGroupOffsets";
    }
    return "ApiKey(?)";
}

}   // namespace cohort::ApiKey
