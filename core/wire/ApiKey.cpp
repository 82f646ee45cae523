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
    case DescribeQuorum: return "DescribeQuorum";
    case DescribeCluster: return "DescribeCluster";
    case ShareFetch: return "ShareFetch";
    case ShareAcknowledge: return "ShareAcknowledge";
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

qint16 firstFlexibleVersion(qint16 key)
{
    switch (key) {
    case Produce: return 9;
    case Fetch: return 12;
    case ListOffsets: return 6;
    case Metadata: return 9;
    case OffsetCommit: return 8;
    case OffsetFetch: return 6;
    case FindCoordinator: return 3;
    case JoinGroup: return 6;
    case Heartbeat: return 4;
    case LeaveGroup: return 4;
    case SyncGroup: return 4;
    case DescribeGroups: return 5;
    case ListGroups: return 3;
    case ApiVersions: return 3;
    case CreateTopics: return 5;
    case DeleteTopics: return 4;
    case DeleteRecords: return 2;
    case InitProducerId: return 2;
    case OffsetForLeaderEpoch: return 4;
    case DescribeConfigs: return 4;
    case SaslAuthenticate: return 2;
    case DeleteGroups: return 2;
    case DescribeQuorum:
    case DescribeCluster:
    case ConsumerGroupHeartbeat:
    case ConsumerGroupDescribe:
    case ShareGroupHeartbeat:
    case ShareGroupDescribe:
    case ShareFetch:
    case ShareAcknowledge:
    case StreamsGroupHeartbeat:
    case StreamsGroupDescribe:
    case DescribeShareGroupOffsets: return 0;
    default: return kNeverFlexible;   // SaslHandshake, OffsetDelete, and keys Cohort never sends
    }
}

bool hasFlexibleRequestHeader(qint16 key, qint16 version)
{
    return version >= firstFlexibleVersion(key);
}

bool hasFlexibleResponseHeader(qint16 key, qint16 version)
{
    return key != ApiVersions && hasFlexibleRequestHeader(key, version);
}

}   // namespace cohort::ApiKey
