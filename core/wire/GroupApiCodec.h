// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ByteReader.h"
#include "core/wire/GroupMessages.h"

#include <QByteArray>

#include <optional>

namespace cohort {

// The one codec of the group APIs: encodes and decodes the bodies (no header)
// of their requests and responses, for every non-flexible version (the ones
// the sandbox speaks). Core's clients encode requests and decode responses
// (WireGroupMember, RdKafkaClusterAdmin's LeaveGroup, DirectBrokerRequests
// through DescribeGroupsCodec and OffsetFetchCodec); the sandbox's coordinator
// does the opposite. Decoders return nullopt on a short
// or invalid body or an unsupported version and never read out of bounds;
// trailing bytes are ignored, as newer fields would be.
class GroupApiCodec
{
public:
    // Version ranges (inclusive) this codec handles, per API key; false if none.
    static bool supports(qint16 apiKey, qint16 version);

    static QByteArray encode(const JoinGroupRequest &m, qint16 version);
    static QByteArray encode(const JoinGroupResponse &m, qint16 version);
    static QByteArray encode(const SyncGroupRequest &m, qint16 version);
    static QByteArray encode(const SyncGroupResponse &m, qint16 version);
    static QByteArray encode(const HeartbeatRequest &m, qint16 version);
    static QByteArray encode(const HeartbeatResponse &m, qint16 version);
    static QByteArray encode(const LeaveGroupRequest &m, qint16 version);
    static QByteArray encode(const LeaveGroupResponse &m, qint16 version);
    static QByteArray encode(const OffsetCommitRequest &m, qint16 version);
    static QByteArray encode(const OffsetCommitResponse &m, qint16 version);
    static QByteArray encode(const OffsetFetchRequest &m, qint16 version);
    static QByteArray encode(const OffsetFetchResponse &m, qint16 version);
    static QByteArray encode(const DescribeGroupsRequest &m, qint16 version);
    static QByteArray encode(const DescribeGroupsResponse &m, qint16 version);
    static QByteArray encode(const ListGroupsRequest &m, qint16 version);
    static QByteArray encode(const ListGroupsResponse &m, qint16 version);
    static QByteArray encode(const DeleteGroupsRequest &m, qint16 version);
    static QByteArray encode(const DeleteGroupsResponse &m, qint16 version);
    static QByteArray encode(const OffsetDeleteRequest &m, qint16 version);
    static QByteArray encode(const OffsetDeleteResponse &m, qint16 version);
    static QByteArray encode(const FindCoordinatorRequest &m, qint16 version);
    static QByteArray encode(const FindCoordinatorResponse &m, qint16 version);

    static std::optional<JoinGroupRequest> decodeJoinGroupRequest(ByteReader &r, qint16 version);
    static std::optional<JoinGroupResponse> decodeJoinGroupResponse(ByteReader &r, qint16 version);
    static std::optional<SyncGroupRequest> decodeSyncGroupRequest(ByteReader &r, qint16 version);
    static std::optional<SyncGroupResponse> decodeSyncGroupResponse(ByteReader &r, qint16 version);
    static std::optional<HeartbeatRequest> decodeHeartbeatRequest(ByteReader &r, qint16 version);
    static std::optional<HeartbeatResponse> decodeHeartbeatResponse(ByteReader &r, qint16 version);
    static std::optional<LeaveGroupRequest> decodeLeaveGroupRequest(ByteReader &r, qint16 version);
    static std::optional<LeaveGroupResponse> decodeLeaveGroupResponse(ByteReader &r, qint16 version);
    static std::optional<OffsetCommitRequest> decodeOffsetCommitRequest(ByteReader &r, qint16 version);
    static std::optional<OffsetCommitResponse> decodeOffsetCommitResponse(ByteReader &r, qint16 version);
    static std::optional<OffsetFetchRequest> decodeOffsetFetchRequest(ByteReader &r, qint16 version);
    static std::optional<OffsetFetchResponse> decodeOffsetFetchResponse(ByteReader &r, qint16 version);
    static std::optional<DescribeGroupsRequest> decodeDescribeGroupsRequest(ByteReader &r, qint16 version);
    static std::optional<DescribeGroupsResponse> decodeDescribeGroupsResponse(ByteReader &r, qint16 version);
    static std::optional<ListGroupsRequest> decodeListGroupsRequest(ByteReader &r, qint16 version);
    static std::optional<ListGroupsResponse> decodeListGroupsResponse(ByteReader &r, qint16 version);
    static std::optional<DeleteGroupsRequest> decodeDeleteGroupsRequest(ByteReader &r, qint16 version);
    static std::optional<DeleteGroupsResponse> decodeDeleteGroupsResponse(ByteReader &r, qint16 version);
    static std::optional<OffsetDeleteRequest> decodeOffsetDeleteRequest(ByteReader &r, qint16 version);
    static std::optional<OffsetDeleteResponse> decodeOffsetDeleteResponse(ByteReader &r, qint16 version);
    static std::optional<FindCoordinatorRequest> decodeFindCoordinatorRequest(ByteReader &r, qint16 version);
    static std::optional<FindCoordinatorResponse> decodeFindCoordinatorResponse(ByteReader &r, qint16 version);
};

}   // namespace cohort
