// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/GroupMessages.h"
#include "sandbox/RequestContext.h"
#include "sandbox/coordinator/ClassicGroup.h"
#include "sandbox/coordinator/GroupStateMachine.h"

#include <QString>

namespace cohort::sandbox {

class ClusterView;

// The committed offsets of a sandbox cluster's groups (Kafka's GroupCoordinator
// offset half with GroupMetadataManager's store): OffsetCommit, OffsetFetch and
// OffsetDelete, checked against the group's membership and generation in the
// GroupStateMachine whose groups hold the offsets. Internal to the coordinator.
class OffsetStore
{
    Q_DISABLE_COPY_MOVE(OffsetStore)

public:
    // cluster and groups must outlive the store.
    OffsetStore(const ClusterView &cluster, GroupStateMachine &groups);

    void handleOffsetCommit(const RequestContext &ctx, const OffsetCommitRequest &req, const Responder &respond);
    void handleOffsetFetch(const RequestContext &ctx, const OffsetFetchRequest &req, const Responder &respond);
    void handleOffsetDelete(const RequestContext &ctx, const OffsetDeleteRequest &req, const Responder &respond);

    // -1 when the group has no offset for the partition.
    qint64 committedOffset(const QString &groupId, const QString &topic, int partition) const;

private:
    // The group table and the clock are the state machine's; these keep the
    // handlers' bodies as they were before the split.
    bool isCoordinator(const RequestContext &ctx, const QString &groupId) const { return stateMachine.isCoordinator(ctx, groupId); }
    classic::GroupPtr find(const QString &groupId) const { return stateMachine.find(groupId); }
    classic::GroupPtr createGroup(const QString &groupId) { return stateMachine.createGroup(groupId); }
    qint64 now() const { return stateMachine.now(); }

    const ClusterView &cluster;
    GroupStateMachine &stateMachine;
};

}   // namespace cohort::sandbox
