// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/GroupApiCodec.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteWriter.h"

using namespace cohort::ApiKey;

namespace cohort {

namespace {

// Smallest encodings, used to bound array counts before looping over them.
constexpr int kMinString = 2;
constexpr int kMinBytes = 4;

template<typename T>
std::optional<T> finish(const ByteReader &r, T &&value)
{
    if (!r.ok())
        return std::nullopt;
    return std::move(value);
}

bool inRange(qint16 v, qint16 lo, qint16 hi)
{
    return v >= lo && v <= hi;
}

QList<qint32> readInt32Array(ByteReader &r)
{
    QList<qint32> out;
    const qint32 n = r.arrayLength(4);
    if (n > 0)
        out.reserve(n);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        out.append(r.int32());
    return out;
}

void writeInt32Array(ByteWriter &w, const QList<qint32> &values)
{
    w.arrayLength(values.size());
    for (qint32 v : values)
        w.int32(v);
}

}   // namespace

bool GroupApiCodec::supports(qint16 apiKey, qint16 version)
{
    switch (apiKey) {
    case ApiKey::JoinGroup: return inRange(version, 0, 5);
    case ApiKey::SyncGroup: return inRange(version, 0, 3);
    case ApiKey::Heartbeat: return inRange(version, 0, 3);
    case ApiKey::LeaveGroup: return inRange(version, 0, 3);
    case ApiKey::OffsetCommit: return inRange(version, 2, 7);
    case ApiKey::OffsetFetch: return inRange(version, 1, 5);
    case ApiKey::DescribeGroups: return inRange(version, 0, 4);
    case ApiKey::ListGroups: return inRange(version, 0, 5);
    case ApiKey::DeleteGroups: return inRange(version, 0, 1);
    case ApiKey::OffsetDelete: return version == 0;
    case ApiKey::FindCoordinator: return inRange(version, 0, 2);
    default: return false;
    }
}

// --- JoinGroup ------------------------------------------------------------------

QByteArray GroupApiCodec::encode(const JoinGroupRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.groupId);
    w.int32(m.sessionTimeoutMs);
    if (v >= 1)
        w.int32(m.rebalanceTimeoutMs);
    w.string(m.memberId);
    if (v >= 5)
        w.nullableString(m.groupInstanceId);
    w.string(m.protocolType);
    w.arrayLength(m.protocols.size());
    for (const auto &p : m.protocols) {
        w.string(p.name);
        w.bytes(p.metadata);
    }
    return w.take();
}

std::optional<JoinGroupRequest> GroupApiCodec::decodeJoinGroupRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::JoinGroup, v))
        return std::nullopt;
    JoinGroupRequest m;
    m.groupId = r.string();
    m.sessionTimeoutMs = r.int32();
    m.rebalanceTimeoutMs = v >= 1 ? r.int32() : m.sessionTimeoutMs;
    m.memberId = r.string();
    if (v >= 5)
        m.groupInstanceId = r.nullableString();
    m.protocolType = r.string();
    const qint32 n = r.arrayLength(kMinString + kMinBytes);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        JoinGroupRequest::Protocol p;
        p.name = r.string();
        p.metadata = r.bytes();
        m.protocols.append(std::move(p));
    }
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const JoinGroupResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 2)
        w.int32(m.throttleTimeMs);
    w.int16(m.errorCode);
    w.int32(m.generationId);
    w.string(m.protocolName);
    w.string(m.leader);
    w.string(m.memberId);
    w.arrayLength(m.members.size());
    for (const auto &mem : m.members) {
        w.string(mem.memberId);
        if (v >= 5)
            w.nullableString(mem.groupInstanceId);
        w.bytes(mem.metadata);
    }
    return w.take();
}

std::optional<JoinGroupResponse> GroupApiCodec::decodeJoinGroupResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::JoinGroup, v))
        return std::nullopt;
    JoinGroupResponse m;
    if (v >= 2)
        m.throttleTimeMs = r.int32();
    m.errorCode = r.int16();
    m.generationId = r.int32();
    m.protocolName = r.string();
    m.leader = r.string();
    m.memberId = r.string();
    const qint32 n = r.arrayLength(kMinString + kMinBytes);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        JoinGroupResponse::Member mem;
        mem.memberId = r.string();
        if (v >= 5)
            mem.groupInstanceId = r.nullableString();
        mem.metadata = r.bytes();
        m.members.append(std::move(mem));
    }
    return finish(r, std::move(m));
}

// --- SyncGroup ------------------------------------------------------------------

QByteArray GroupApiCodec::encode(const SyncGroupRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.groupId);
    w.int32(m.generationId);
    w.string(m.memberId);
    if (v >= 3)
        w.nullableString(m.groupInstanceId);
    w.arrayLength(m.assignments.size());
    for (const auto &a : m.assignments) {
        w.string(a.memberId);
        w.bytes(a.assignment);
    }
    return w.take();
}

std::optional<SyncGroupRequest> GroupApiCodec::decodeSyncGroupRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::SyncGroup, v))
        return std::nullopt;
    SyncGroupRequest m;
    m.groupId = r.string();
    m.generationId = r.int32();
    m.memberId = r.string();
    if (v >= 3)
        m.groupInstanceId = r.nullableString();
    const qint32 n = r.arrayLength(kMinString + kMinBytes);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        SyncGroupRequest::Assignment a;
        a.memberId = r.string();
        a.assignment = r.bytes();
        m.assignments.append(std::move(a));
    }
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const SyncGroupResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 1)
        w.int32(m.throttleTimeMs);
    w.int16(m.errorCode);
    w.bytes(m.assignment);
    return w.take();
}

std::optional<SyncGroupResponse> GroupApiCodec::decodeSyncGroupResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::SyncGroup, v))
        return std::nullopt;
    SyncGroupResponse m;
    if (v >= 1)
        m.throttleTimeMs = r.int32();
    m.errorCode = r.int16();
    m.assignment = r.bytes();
    return finish(r, std::move(m));
}

// --- Heartbeat ------------------------------------------------------------------

QByteArray GroupApiCodec::encode(const HeartbeatRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.groupId);
    w.int32(m.generationId);
    w.string(m.memberId);
    if (v >= 3)
        w.nullableString(m.groupInstanceId);
    return w.take();
}

std::optional<HeartbeatRequest> GroupApiCodec::decodeHeartbeatRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::Heartbeat, v))
        return std::nullopt;
    HeartbeatRequest m;
    m.groupId = r.string();
    m.generationId = r.int32();
    m.memberId = r.string();
    if (v >= 3)
        m.groupInstanceId = r.nullableString();
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const HeartbeatResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 1)
        w.int32(m.throttleTimeMs);
    w.int16(m.errorCode);
    return w.take();
}

std::optional<HeartbeatResponse> GroupApiCodec::decodeHeartbeatResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::Heartbeat, v))
        return std::nullopt;
    HeartbeatResponse m;
    if (v >= 1)
        m.throttleTimeMs = r.int32();
    m.errorCode = r.int16();
    return finish(r, std::move(m));
}

// --- LeaveGroup -----------------------------------------------------------------

QByteArray GroupApiCodec::encode(const LeaveGroupRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.groupId);
    if (v < 3) {
        w.string(m.memberId);
    } else {
        w.arrayLength(m.members.size());
        for (const auto &mem : m.members) {
            w.string(mem.memberId);
            w.nullableString(mem.groupInstanceId);
        }
    }
    return w.take();
}

std::optional<LeaveGroupRequest> GroupApiCodec::decodeLeaveGroupRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::LeaveGroup, v))
        return std::nullopt;
    LeaveGroupRequest m;
    m.groupId = r.string();
    if (v < 3) {
        m.memberId = r.string();
    } else {
        const qint32 n = r.arrayLength(kMinString * 2);
        for (qint32 i = 0; i < n && r.ok(); ++i) {
            LeaveGroupRequest::Member mem;
            mem.memberId = r.string();
            mem.groupInstanceId = r.nullableString();
            m.members.append(std::move(mem));
        }
    }
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const LeaveGroupResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 1)
        w.int32(m.throttleTimeMs);
    w.int16(m.errorCode);
    if (v >= 3) {
        w.arrayLength(m.members.size());
        for (const auto &mem : m.members) {
            w.string(mem.memberId);
            w.nullableString(mem.groupInstanceId);
            w.int16(mem.errorCode);
        }
    }
    return w.take();
}

std::optional<LeaveGroupResponse> GroupApiCodec::decodeLeaveGroupResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::LeaveGroup, v))
        return std::nullopt;
    LeaveGroupResponse m;
    if (v >= 1)
        m.throttleTimeMs = r.int32();
    m.errorCode = r.int16();
    if (v >= 3) {
        const qint32 n = r.arrayLength(kMinString * 2 + 2);
        for (qint32 i = 0; i < n && r.ok(); ++i) {
            LeaveGroupResponse::Member mem;
            mem.memberId = r.string();
            mem.groupInstanceId = r.nullableString();
            mem.errorCode = r.int16();
            m.members.append(std::move(mem));
        }
    }
    return finish(r, std::move(m));
}

// --- OffsetCommit ---------------------------------------------------------------

QByteArray GroupApiCodec::encode(const OffsetCommitRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.groupId);
    w.int32(m.generationId);
    w.string(m.memberId);
    if (v >= 7)
        w.nullableString(m.groupInstanceId);
    if (v >= 2 && v <= 4)
        w.int64(m.retentionTimeMs);
    w.arrayLength(m.topics.size());
    for (const auto &t : m.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const auto &p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int64(p.committedOffset);
            if (v >= 6)
                w.int32(p.committedLeaderEpoch);
            w.nullableString(p.committedMetadata);
        }
    }
    return w.take();
}

std::optional<OffsetCommitRequest> GroupApiCodec::decodeOffsetCommitRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::OffsetCommit, v))
        return std::nullopt;
    OffsetCommitRequest m;
    m.groupId = r.string();
    m.generationId = r.int32();
    m.memberId = r.string();
    if (v >= 7)
        m.groupInstanceId = r.nullableString();
    if (v >= 2 && v <= 4)
        m.retentionTimeMs = r.int64();
    const qint32 nt = r.arrayLength(kMinString + 4);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        OffsetCommitRequest::Topic t;
        t.name = r.string();
        const qint32 np = r.arrayLength(4 + 8 + kMinString);
        for (qint32 j = 0; j < np && r.ok(); ++j) {
            OffsetCommitRequest::Partition p;
            p.partitionIndex = r.int32();
            p.committedOffset = r.int64();
            if (v >= 6)
                p.committedLeaderEpoch = r.int32();
            p.committedMetadata = r.nullableString();
            t.partitions.append(std::move(p));
        }
        m.topics.append(std::move(t));
    }
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const OffsetCommitResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 3)
        w.int32(m.throttleTimeMs);
    w.arrayLength(m.topics.size());
    for (const auto &t : m.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const auto &p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int16(p.errorCode);
        }
    }
    return w.take();
}

std::optional<OffsetCommitResponse> GroupApiCodec::decodeOffsetCommitResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::OffsetCommit, v))
        return std::nullopt;
    OffsetCommitResponse m;
    if (v >= 3)
        m.throttleTimeMs = r.int32();
    const qint32 nt = r.arrayLength(kMinString + 4);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        OffsetCommitResponse::Topic t;
        t.name = r.string();
        const qint32 np = r.arrayLength(6);
        for (qint32 j = 0; j < np && r.ok(); ++j) {
            OffsetCommitResponse::Partition p;
            p.partitionIndex = r.int32();
            p.errorCode = r.int16();
            t.partitions.append(p);
        }
        m.topics.append(std::move(t));
    }
    return finish(r, std::move(m));
}

// --- OffsetFetch ----------------------------------------------------------------

QByteArray GroupApiCodec::encode(const OffsetFetchRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.groupId);
    if (!m.topics) {
        // v1 has no null array: "all topics" cannot be asked for, send none.
        w.arrayLength(v >= 2 ? -1 : 0);
    } else {
        w.arrayLength(m.topics->size());
        for (const auto &t : *m.topics) {
            w.string(t.name);
            writeInt32Array(w, t.partitionIndexes);
        }
    }
    return w.take();
}

std::optional<OffsetFetchRequest> GroupApiCodec::decodeOffsetFetchRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::OffsetFetch, v))
        return std::nullopt;
    OffsetFetchRequest m;
    m.groupId = r.string();
    const qint32 nt = r.arrayLength(kMinString + 4);
    if (nt < 0) {
        if (v < 2)
            r.fail();   // null is only defined from v2 on
    } else {
        m.topics.emplace();
        for (qint32 i = 0; i < nt && r.ok(); ++i) {
            OffsetFetchRequest::Topic t;
            t.name = r.string();
            t.partitionIndexes = readInt32Array(r);
            m.topics->append(std::move(t));
        }
    }
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const OffsetFetchResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 3)
        w.int32(m.throttleTimeMs);
    w.arrayLength(m.topics.size());
    for (const auto &t : m.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const auto &p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int64(p.committedOffset);
            if (v >= 5)
                w.int32(p.committedLeaderEpoch);
            w.nullableString(p.metadata);
            w.int16(p.errorCode);
        }
    }
    if (v >= 2)
        w.int16(m.errorCode);
    return w.take();
}

std::optional<OffsetFetchResponse> GroupApiCodec::decodeOffsetFetchResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::OffsetFetch, v))
        return std::nullopt;
    OffsetFetchResponse m;
    if (v >= 3)
        m.throttleTimeMs = r.int32();
    const qint32 nt = r.arrayLength(kMinString + 4);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        OffsetFetchResponse::Topic t;
        t.name = r.string();
        const qint32 np = r.arrayLength(4 + 8 + kMinString + 2);
        for (qint32 j = 0; j < np && r.ok(); ++j) {
            OffsetFetchResponse::Partition p;
            p.partitionIndex = r.int32();
            p.committedOffset = r.int64();
            if (v >= 5)
                p.committedLeaderEpoch = r.int32();
            p.metadata = r.nullableString();
            p.errorCode = r.int16();
            t.partitions.append(std::move(p));
        }
        m.topics.append(std::move(t));
    }
    if (v >= 2)
        m.errorCode = r.int16();
    return finish(r, std::move(m));
}

// --- DescribeGroups -------------------------------------------------------------

QByteArray GroupApiCodec::encode(const DescribeGroupsRequest &m, qint16 v)
{
    ByteWriter w;
    w.arrayLength(m.groups.size());
    for (const auto &g : m.groups)
        w.string(g);
    if (v >= 3)
        w.boolean(m.includeAuthorizedOperations);
    return w.take();
}

std::optional<DescribeGroupsRequest> GroupApiCodec::decodeDescribeGroupsRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::DescribeGroups, v))
        return std::nullopt;
    DescribeGroupsRequest m;
    const qint32 n = r.arrayLength(kMinString);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        m.groups.append(r.string());
    if (v >= 3)
        m.includeAuthorizedOperations = r.boolean();
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const DescribeGroupsResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 1)
        w.int32(m.throttleTimeMs);
    w.arrayLength(m.groups.size());
    for (const auto &g : m.groups) {
        w.int16(g.errorCode);
        w.string(g.groupId);
        w.string(g.groupState);
        w.string(g.protocolType);
        w.string(g.protocolData);
        w.arrayLength(g.members.size());
        for (const auto &mem : g.members) {
            w.string(mem.memberId);
            if (v >= 4)
                w.nullableString(mem.groupInstanceId);
            w.string(mem.clientId);
            w.string(mem.clientHost);
            w.bytes(mem.memberMetadata);
            w.bytes(mem.memberAssignment);
        }
        if (v >= 3)
            w.int32(g.authorizedOperations);
    }
    return w.take();
}

std::optional<DescribeGroupsResponse> GroupApiCodec::decodeDescribeGroupsResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::DescribeGroups, v))
        return std::nullopt;
    DescribeGroupsResponse m;
    if (v >= 1)
        m.throttleTimeMs = r.int32();
    const qint32 n = r.arrayLength(2 + 4 * kMinString + 4);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        DescribeGroupsResponse::Group g;
        g.errorCode = r.int16();
        g.groupId = r.string();
        g.groupState = r.string();
        g.protocolType = r.string();
        g.protocolData = r.string();
        const qint32 nm = r.arrayLength(3 * kMinString + 2 * kMinBytes);
        for (qint32 j = 0; j < nm && r.ok(); ++j) {
            DescribeGroupsResponse::Member mem;
            mem.memberId = r.string();
            if (v >= 4)
                mem.groupInstanceId = r.nullableString();
            mem.clientId = r.string();
            mem.clientHost = r.string();
            mem.memberMetadata = r.bytes();
            mem.memberAssignment = r.bytes();
            g.members.append(std::move(mem));
        }
        if (v >= 3)
            g.authorizedOperations = r.int32();
        m.groups.append(std::move(g));
    }
    return finish(r, std::move(m));
}

// --- ListGroups -----------------------------------------------------------------

namespace {

bool listGroupsIsFlexible(qint16 v)
{
    return v >= ApiKey::firstFlexibleVersion(ApiKey::ListGroups);
}

void writeString(ByteWriter &w, const QString &s, bool compact)
{
    if (compact)
        w.compactString(s);
    else
        w.string(s);
}

void writeCompactStringArray(ByteWriter &w, const QStringList &list)
{
    w.compactArrayLength(list.size());
    for (const QString &s : list)
        w.compactString(s);
}

QStringList readCompactStringArray(ByteReader &r)
{
    QStringList out;
    const qint32 n = r.compactArrayLength(1);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        out.append(r.compactString());
    return out;
}

}   // namespace

QByteArray GroupApiCodec::encode(const ListGroupsRequest &m, qint16 v)
{
    if (!listGroupsIsFlexible(v))
        return {};
    ByteWriter w;
    if (v >= 4)
        writeCompactStringArray(w, m.statesFilter);
    if (v >= 5)
        writeCompactStringArray(w, m.typesFilter);
    w.emptyTaggedFields();
    return w.take();
}

std::optional<ListGroupsRequest> GroupApiCodec::decodeListGroupsRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::ListGroups, v))
        return std::nullopt;
    ListGroupsRequest m;
    if (v >= 4)
        m.statesFilter = readCompactStringArray(r);
    if (v >= 5)
        m.typesFilter = readCompactStringArray(r);
    if (listGroupsIsFlexible(v))
        r.skipTaggedFields();
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const ListGroupsResponse &m, qint16 v)
{
    const bool flexible = listGroupsIsFlexible(v);
    ByteWriter w;
    if (v >= 1)
        w.int32(m.throttleTimeMs);
    w.int16(m.errorCode);
    if (flexible)
        w.compactArrayLength(m.groups.size());
    else
        w.arrayLength(m.groups.size());
    for (const auto &g : m.groups) {
        writeString(w, g.groupId, flexible);
        writeString(w, g.protocolType, flexible);
        if (v >= 4)
            w.compactString(g.groupState);
        if (v >= 5)
            w.compactString(g.groupType);
        if (flexible)
            w.emptyTaggedFields();
    }
    if (flexible)
        w.emptyTaggedFields();
    return w.take();
}

std::optional<ListGroupsResponse> GroupApiCodec::decodeListGroupsResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::ListGroups, v))
        return std::nullopt;
    const bool flexible = listGroupsIsFlexible(v);
    ListGroupsResponse m;
    if (v >= 1)
        m.throttleTimeMs = r.int32();
    m.errorCode = r.int16();
    // A flexible group is at least its compact strings (one byte each) and its tagged fields.
    const qint32 n = flexible ? r.compactArrayLength(v >= 5 ? 5 : v >= 4 ? 4 : 3) : r.arrayLength(2 * kMinString);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        ListGroupsResponse::Group g;
        g.groupId = flexible ? r.compactString() : r.string();
        g.protocolType = flexible ? r.compactString() : r.string();
        if (v >= 4)
            g.groupState = r.compactString();
        if (v >= 5)
            g.groupType = r.compactString();
        if (flexible)
            r.skipTaggedFields();
        m.groups.append(std::move(g));
    }
    if (flexible)
        r.skipTaggedFields();
    if (n < 0)
        return std::nullopt;
    return finish(r, std::move(m));
}

// --- DeleteGroups ---------------------------------------------------------------

QByteArray GroupApiCodec::encode(const DeleteGroupsRequest &m, qint16)
{
    ByteWriter w;
    w.arrayLength(m.groupsNames.size());
    for (const auto &g : m.groupsNames)
        w.string(g);
    return w.take();
}

std::optional<DeleteGroupsRequest> GroupApiCodec::decodeDeleteGroupsRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::DeleteGroups, v))
        return std::nullopt;
    DeleteGroupsRequest m;
    const qint32 n = r.arrayLength(kMinString);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        m.groupsNames.append(r.string());
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const DeleteGroupsResponse &m, qint16)
{
    ByteWriter w;
    w.int32(m.throttleTimeMs);
    w.arrayLength(m.results.size());
    for (const auto &res : m.results) {
        w.string(res.groupId);
        w.int16(res.errorCode);
    }
    return w.take();
}

std::optional<DeleteGroupsResponse> GroupApiCodec::decodeDeleteGroupsResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::DeleteGroups, v))
        return std::nullopt;
    DeleteGroupsResponse m;
    m.throttleTimeMs = r.int32();
    const qint32 n = r.arrayLength(kMinString + 2);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        DeleteGroupsResponse::Result res;
        res.groupId = r.string();
        res.errorCode = r.int16();
        m.results.append(std::move(res));
    }
    return finish(r, std::move(m));
}

// --- OffsetDelete ---------------------------------------------------------------

QByteArray GroupApiCodec::encode(const OffsetDeleteRequest &m, qint16)
{
    ByteWriter w;
    w.string(m.groupId);
    w.arrayLength(m.topics.size());
    for (const auto &t : m.topics) {
        w.string(t.name);
        writeInt32Array(w, t.partitionIndexes);
    }
    return w.take();
}

std::optional<OffsetDeleteRequest> GroupApiCodec::decodeOffsetDeleteRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::OffsetDelete, v))
        return std::nullopt;
    OffsetDeleteRequest m;
    m.groupId = r.string();
    const qint32 nt = r.arrayLength(kMinString + 4);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        OffsetDeleteRequest::Topic t;
        t.name = r.string();
        t.partitionIndexes = readInt32Array(r);
        m.topics.append(std::move(t));
    }
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const OffsetDeleteResponse &m, qint16)
{
    ByteWriter w;
    w.int16(m.errorCode);
    w.int32(m.throttleTimeMs);
    w.arrayLength(m.topics.size());
    for (const auto &t : m.topics) {
        w.string(t.name);
        w.arrayLength(t.partitions.size());
        for (const auto &p : t.partitions) {
            w.int32(p.partitionIndex);
            w.int16(p.errorCode);
        }
    }
    return w.take();
}

std::optional<OffsetDeleteResponse> GroupApiCodec::decodeOffsetDeleteResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::OffsetDelete, v))
        return std::nullopt;
    OffsetDeleteResponse m;
    m.errorCode = r.int16();
    m.throttleTimeMs = r.int32();
    const qint32 nt = r.arrayLength(kMinString + 4);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        OffsetDeleteResponse::Topic t;
        t.name = r.string();
        const qint32 np = r.arrayLength(6);
        for (qint32 j = 0; j < np && r.ok(); ++j) {
            OffsetDeleteResponse::Partition p;
            p.partitionIndex = r.int32();
            p.errorCode = r.int16();
            t.partitions.append(p);
        }
        m.topics.append(std::move(t));
    }
    return finish(r, std::move(m));
}

// --- FindCoordinator ------------------------------------------------------------

QByteArray GroupApiCodec::encode(const FindCoordinatorRequest &m, qint16 v)
{
    ByteWriter w;
    w.string(m.key);
    if (v >= 1)
        w.int8(m.keyType);
    return w.take();
}

std::optional<FindCoordinatorRequest> GroupApiCodec::decodeFindCoordinatorRequest(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::FindCoordinator, v))
        return std::nullopt;
    FindCoordinatorRequest m;
    m.key = r.string();
    if (v >= 1)
        m.keyType = r.int8();
    return finish(r, std::move(m));
}

QByteArray GroupApiCodec::encode(const FindCoordinatorResponse &m, qint16 v)
{
    ByteWriter w;
    if (v >= 1)
        w.int32(m.throttleTimeMs);
    w.int16(m.errorCode);
    if (v >= 1)
        w.nullableString(m.errorMessage);
    w.int32(m.nodeId);
    w.string(m.host);
    w.int32(m.port);
    return w.take();
}

std::optional<FindCoordinatorResponse> GroupApiCodec::decodeFindCoordinatorResponse(ByteReader &r, qint16 v)
{
    if (!supports(ApiKey::FindCoordinator, v))
        return std::nullopt;
    FindCoordinatorResponse m;
    if (v >= 1)
        m.throttleTimeMs = r.int32();
    m.errorCode = r.int16();
    if (v >= 1)
        m.errorMessage = r.nullableString();
    m.nodeId = r.int32();
    m.host = r.string();
    m.port = r.int32();
    return finish(r, std::move(m));
}

}   // namespace cohort
