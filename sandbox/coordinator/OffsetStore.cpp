// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/coordinator/OffsetStore.h"

#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "sandbox/coordinator/ClusterView.h"

#include <QDateTime>

#include <algorithm>

using namespace cohort::ErrorCode;

using namespace Qt::StringLiterals;

// As GroupStateMachine, the checks and their order follow Apache Kafka's classic
// GroupCoordinator (handleCommitOffsets, handleFetchOffsets, handleDeleteOffsets).

namespace cohort::sandbox {

namespace {

constexpr int kMaxMetadataLength = 4096;   // offset.metadata.max.bytes

}   // namespace

using namespace classic;

OffsetStore::OffsetStore(const ClusterView &cluster, GroupStateMachine &stateMachine)
    : cluster(cluster)
    , stateMachine(stateMachine)
{ }

void OffsetStore::handleOffsetCommit(const RequestContext &ctx, const OffsetCommitRequest &req, const Responder &respond)
{
    OffsetCommitResponse r;
    // Per-partition errors decided before the group is consulted (Kafka's KafkaApis
    // filters unknown partitions and oversized metadata first).
    QList<QPair<int, int>> valid;   // (topic index, partition index) into req
    for (qsizetype ti = 0; ti < req.topics.size(); ++ti) {
        const auto &t = req.topics[ti];
        OffsetCommitResponse::Topic rt;
        rt.name = t.name;
        for (qsizetype pi = 0; pi < t.partitions.size(); ++pi) {
            const auto &p = t.partitions[pi];
            qint16 error = None;
            if (!cluster.partitionExists(t.name, p.partitionIndex))
                error = UnknownTopicOrPartition;
            else if (p.committedMetadata && p.committedMetadata->toUtf8().size() > kMaxMetadataLength)
                error = OffsetMetadataTooLarge;
            else
                valid.append({int(ti), int(pi)});
            rt.partitions.append({p.partitionIndex, error});
        }
        r.topics.append(std::move(rt));
    }
    auto finish = [&](qint16 groupError) {
        for (const auto &[ti, pi] : valid)
            r.topics[ti].partitions[pi].errorCode = groupError;
        respond(GroupApiCodec::encode(r, ctx.apiVersion));
    };
    if (valid.isEmpty())
        return finish(None);
    if (req.groupId.isEmpty() && req.generationId >= 0)
        return finish(InvalidGroupId);
    if (!isCoordinator(ctx, req.groupId))
        return finish(NotCoordinator);

    GroupPtr g = find(req.groupId);
    if (!g) {
        if (req.generationId >= 0)
            return finish(IllegalGeneration);
        g = createGroup(req.groupId);   // a group that only stores offsets
    } else if (g->isStaticMemberFenced(req.memberId, req.groupInstanceId)) {
        return finish(FencedInstanceId);
    } else if (req.generationId < 0 && g->state == GroupState::Empty) {
        // Offsets of an inactive group, e.g. an admin reset: allowed.
    } else {
        const MemberPtr m = g->member(req.memberId);
        if (!m)
            return finish(UnknownMemberId);
        if (req.generationId != g->generationId)
            return finish(IllegalGeneration);
        if (g->state == GroupState::CompletingRebalance)
            return finish(RebalanceInProgress);
        m->lastHeartbeatMs = now();
    }
    const qint64 timestamp = QDateTime::currentMSecsSinceEpoch();
    for (const auto &[ti, pi] : valid) {
        const auto &t = req.topics[ti];
        const auto &p = t.partitions[pi];
        OffsetEntry e;
        e.offset = p.committedOffset;
        e.leaderEpoch = p.committedLeaderEpoch;
        e.metadata = p.committedMetadata;
        e.commitTimestamp = timestamp;
        g->offsets[t.name].insert(p.partitionIndex, e);
    }
    finish(None);
}

void OffsetStore::handleOffsetFetch(const RequestContext &ctx, const OffsetFetchRequest &req, const Responder &respond)
{
    const qint16 v = ctx.apiVersion;
    OffsetFetchResponse r;
    auto partitionOf = [](qint32 index, const OffsetEntry *e, qint16 error) {
        OffsetFetchResponse::Partition p;
        p.partitionIndex = index;
        p.errorCode = error;
        if (e) {
            p.committedOffset = e->offset;
            p.committedLeaderEpoch = e->leaderEpoch;
            p.metadata = e->metadata.value_or(QString());
        } else {
            p.metadata = QString();
        }
        return p;
    };
    if (!isCoordinator(ctx, req.groupId)) {
        if (v >= 2) {
            r.errorCode = NotCoordinator;
        } else if (req.topics) {
            for (const auto &t : *req.topics) {
                OffsetFetchResponse::Topic rt{t.name, {}};
                for (qint32 p : t.partitionIndexes)
                    rt.partitions.append(partitionOf(p, nullptr, NotCoordinator));
                r.topics.append(std::move(rt));
            }
        }
        return respond(GroupApiCodec::encode(r, v));
    }
    const GroupPtr g = find(req.groupId);
    if (req.topics) {
        for (const auto &t : *req.topics) {
            OffsetFetchResponse::Topic rt{t.name, {}};
            const QHash<qint32, OffsetEntry> *parts = nullptr;
            if (g) {
                const auto it = g->offsets.constFind(t.name);
                if (it != g->offsets.cend())
                    parts = &it.value();
            }
            for (qint32 p : t.partitionIndexes) {
                const OffsetEntry *e = nullptr;
                if (parts) {
                    const auto it = parts->constFind(p);
                    if (it != parts->cend())
                        e = &it.value();
                }
                rt.partitions.append(partitionOf(p, e, None));
            }
            r.topics.append(std::move(rt));
        }
    } else if (g) {
        QStringList names = g->offsets.keys();
        names.sort();
        for (const auto &name : names) {
            const auto &parts = g->offsets.constFind(name).value();
            QList<qint32> indexes = parts.keys();
            std::sort(indexes.begin(), indexes.end());
            OffsetFetchResponse::Topic rt{name, {}};
            for (qint32 p : indexes)
                rt.partitions.append(partitionOf(p, &parts.constFind(p).value(), None));
            r.topics.append(std::move(rt));
        }
    }
    respond(GroupApiCodec::encode(r, v));
}

void OffsetStore::handleOffsetDelete(const RequestContext &ctx, const OffsetDeleteRequest &req, const Responder &respond)
{
    OffsetDeleteResponse r;
    auto topError = [&](qint16 error) {
        r.errorCode = error;
        r.topics.clear();
        respond(GroupApiCodec::encode(r, ctx.apiVersion));
    };
    if (const qint16 error = stateMachine.groupStatusError(ctx, req.groupId); error != None)
        return topError(error);
    const GroupPtr g = find(req.groupId);
    if (!g)
        return topError(GroupIdNotFound);
    const bool empty = g->state == GroupState::Empty;
    if (!empty && g->protocolType != u"consumer"_s)
        return topError(NonEmptyGroup);
    for (const auto &t : req.topics) {
        OffsetDeleteResponse::Topic rt{t.name, {}};
        for (qint32 p : t.partitionIndexes) {
            qint16 error = None;
            if (!cluster.partitionExists(t.name, p)) {
                error = UnknownTopicOrPartition;
            } else if (!empty && g->isSubscribedToTopic(t.name)) {
                error = GroupSubscribedToTopic;
            } else {
                auto it = g->offsets.find(t.name);
                if (it != g->offsets.end()) {
                    it->remove(p);
                    if (it->isEmpty())
                        g->offsets.erase(it);
                }
            }
            rt.partitions.append({p, error});
        }
        r.topics.append(std::move(rt));
    }
    respond(GroupApiCodec::encode(r, ctx.apiVersion));
}

qint64 OffsetStore::committedOffset(const QString &groupId, const QString &topic, int partition) const
{
    const GroupPtr g = find(groupId);
    if (!g)
        return -1;
    const auto t = g->offsets.constFind(topic);
    if (t == g->offsets.cend())
        return -1;
    const auto p = t->constFind(partition);
    return p == t->cend() ? -1 : p->offset;
}

}   // namespace cohort::sandbox
