// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/coordinator/GroupCoordinator.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "sandbox/coordinator/GroupStateMachine.h"
#include "sandbox/coordinator/OffsetStore.h"

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

namespace cohort::sandbox {

// The state machine owns the groups; the offset store keeps their offsets in them.
class GroupCoordinator::Private
{
public:
    Private(GroupCoordinator *q, const ClusterView &cluster, const SandboxConfig &config)
        : groups(cluster, config, q)
        , offsets(cluster, groups)
    { }

    GroupStateMachine groups;
    OffsetStore offsets;
};

// --- public API ------------------------------------------------------------------------------

GroupCoordinator::GroupCoordinator(const ClusterView &cluster, const SandboxConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, cluster, config))
{ }

GroupCoordinator::~GroupCoordinator() = default;

bool GroupCoordinator::handles(qint16 apiKey)
{
    switch (apiKey) {
    case ApiKey::OffsetCommit:
    case ApiKey::OffsetFetch:
    case ApiKey::JoinGroup:
    case ApiKey::Heartbeat:
    case ApiKey::LeaveGroup:
    case ApiKey::SyncGroup:
    case ApiKey::DescribeGroups:
    case ApiKey::ListGroups:
    case ApiKey::DeleteGroups:
    case ApiKey::OffsetDelete: return true;
    default: return false;
    }
}

bool GroupCoordinator::handle(const RequestContext &ctx, ByteReader &body, Responder respond)
{
    const qint16 v = ctx.apiVersion;
    bool ok = true;
    switch (ctx.apiKey) {
    case ApiKey::JoinGroup:
        if (auto req = GroupApiCodec::decodeJoinGroupRequest(body, v))
            d->groups.handleJoinGroup(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::SyncGroup:
        if (auto req = GroupApiCodec::decodeSyncGroupRequest(body, v))
            d->groups.handleSyncGroup(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::Heartbeat:
        if (auto req = GroupApiCodec::decodeHeartbeatRequest(body, v))
            d->groups.handleHeartbeat(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::LeaveGroup:
        if (auto req = GroupApiCodec::decodeLeaveGroupRequest(body, v))
            d->groups.handleLeaveGroup(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::OffsetCommit:
        if (auto req = GroupApiCodec::decodeOffsetCommitRequest(body, v))
            d->offsets.handleOffsetCommit(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::OffsetFetch:
        if (auto req = GroupApiCodec::decodeOffsetFetchRequest(body, v))
            d->offsets.handleOffsetFetch(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::DescribeGroups:
        if (auto req = GroupApiCodec::decodeDescribeGroupsRequest(body, v))
            d->groups.handleDescribeGroups(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::ListGroups:
        if (auto req = GroupApiCodec::decodeListGroupsRequest(body, v))
            d->groups.handleListGroups(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::DeleteGroups:
        if (auto req = GroupApiCodec::decodeDeleteGroupsRequest(body, v))
            d->groups.handleDeleteGroups(ctx, *req, respond);
        else
            ok = false;
        break;
    case ApiKey::OffsetDelete:
        if (auto req = GroupApiCodec::decodeOffsetDeleteRequest(body, v))
            d->offsets.handleOffsetDelete(ctx, *req, respond);
        else
            ok = false;
        break;
    default: ok = false; break;
    }
    d->groups.flush();
    return ok;
}

namespace {

// The answer to a request that decoded (the APIs whose response has one error
// code for the whole request); nothing when it did not decode.
template<typename Response, typename Request>
std::optional<QByteArray> topLevelError(const std::optional<Request> &decoded, qint16 version, qint16 errorCode)
{
    if (!decoded)
        return std::nullopt;
    Response r;
    r.errorCode = errorCode;
    return GroupApiCodec::encode(r, version);
}

}   // namespace

std::optional<QByteArray> GroupCoordinator::errorResponse(const RequestContext &ctx, ByteReader &body, qint16 errorCode)
{
    const qint16 v = ctx.apiVersion;
    switch (ctx.apiKey) {
    case ApiKey::JoinGroup:
        if (auto req = GroupApiCodec::decodeJoinGroupRequest(body, v)) {
            JoinGroupResponse r;
            r.errorCode = errorCode;
            r.memberId = req->memberId;
            return GroupApiCodec::encode(r, v);
        }
        break;
    case ApiKey::SyncGroup: return topLevelError<SyncGroupResponse>(GroupApiCodec::decodeSyncGroupRequest(body, v), v, errorCode);
    case ApiKey::Heartbeat: return topLevelError<HeartbeatResponse>(GroupApiCodec::decodeHeartbeatRequest(body, v), v, errorCode);
    case ApiKey::LeaveGroup: return topLevelError<LeaveGroupResponse>(GroupApiCodec::decodeLeaveGroupRequest(body, v), v, errorCode);
    case ApiKey::OffsetCommit:
        if (auto req = GroupApiCodec::decodeOffsetCommitRequest(body, v)) {
            OffsetCommitResponse r;
            for (const auto &t : req->topics) {
                OffsetCommitResponse::Topic rt{t.name, {}};
                for (const auto &p : t.partitions)
                    rt.partitions.append({p.partitionIndex, errorCode});
                r.topics.append(std::move(rt));
            }
            return GroupApiCodec::encode(r, v);
        }
        break;
    case ApiKey::OffsetFetch:
        if (auto req = GroupApiCodec::decodeOffsetFetchRequest(body, v)) {
            OffsetFetchResponse r;
            r.errorCode = errorCode;
            if (v < 2 && req->topics) {
                for (const auto &t : *req->topics) {
                    OffsetFetchResponse::Topic rt{t.name, {}};
                    for (qint32 p : t.partitionIndexes) {
                        OffsetFetchResponse::Partition rp;
                        rp.partitionIndex = p;
                        rp.metadata = QString();
                        rp.errorCode = errorCode;
                        rt.partitions.append(rp);
                    }
                    r.topics.append(std::move(rt));
                }
            }
            return GroupApiCodec::encode(r, v);
        }
        break;
    case ApiKey::DescribeGroups:
        if (auto req = GroupApiCodec::decodeDescribeGroupsRequest(body, v)) {
            DescribeGroupsResponse r;
            for (const auto &id : req->groups) {
                DescribeGroupsResponse::Group g;
                g.groupId = id;
                g.errorCode = errorCode;
                r.groups.append(std::move(g));
            }
            return GroupApiCodec::encode(r, v);
        }
        break;
    case ApiKey::ListGroups: return topLevelError<ListGroupsResponse>(GroupApiCodec::decodeListGroupsRequest(body, v), v, errorCode);
    case ApiKey::DeleteGroups:
        if (auto req = GroupApiCodec::decodeDeleteGroupsRequest(body, v)) {
            DeleteGroupsResponse r;
            for (const auto &id : req->groupsNames)
                r.results.append({id, errorCode});
            return GroupApiCodec::encode(r, v);
        }
        break;
    case ApiKey::OffsetDelete: return topLevelError<OffsetDeleteResponse>(GroupApiCodec::decodeOffsetDeleteRequest(body, v), v, errorCode);
    default: break;
    }
    return std::nullopt;
}

void GroupCoordinator::connectionClosed(quint64 connectionId)
{
    d->groups.connectionClosed(connectionId);
}

QStringList GroupCoordinator::groupIds() const
{
    return d->groups.groupIds();
}

SandboxGroupInfo GroupCoordinator::groupInfo(const QString &groupId) const
{
    return d->groups.groupInfo(groupId);
}

qint64 GroupCoordinator::committedOffset(const QString &groupId, const QString &topic, int partition) const
{
    return d->offsets.committedOffset(groupId, topic, partition);
}

void GroupCoordinator::addSyntheticGroups(const SyntheticGroupSpec &spec)
{
    d->groups.addSyntheticGroups(spec);
}

}   // namespace cohort::sandbox
