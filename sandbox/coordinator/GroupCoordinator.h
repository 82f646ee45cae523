// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ByteReader.h"
#include "sandbox/RequestContext.h"
#include "sandbox/SandboxCluster.h"

#include <QObject>

#include <memory>
#include <optional>

namespace cohort::sandbox {

class ClusterView;

// The classic group coordinator of every broker of a sandbox cluster: decodes its
// APIs and dispatches them to the group state machine (GroupStateMachine) or the
// offset store (OffsetStore). Lives on the cluster's thread and uses its timers.
class GroupCoordinator : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupCoordinator)

public:
    // cluster must outlive the coordinator and must not be a const object:
    // addSyntheticGroups creates topics through it. Of config, the coordinator uses
    // initialRebalanceDelayMs and min/maxSessionTimeoutMs.
    GroupCoordinator(const ClusterView &cluster, const SandboxConfig &config, QObject *parent = nullptr);
    ~GroupCoordinator() override;

    // OffsetCommit, OffsetFetch, JoinGroup, Heartbeat, LeaveGroup, SyncGroup,
    // DescribeGroups, ListGroups, DeleteGroups, OffsetDelete.
    static bool handles(qint16 apiKey);

    // Decodes the request body, acts, and calls respond (now or later) with the
    // response body. Returns false, without responding, when the body is
    // malformed: the caller then logs and closes the connection, as Kafka does.
    // Answers NOT_COORDINATOR when ctx.brokerId does not coordinate the group.
    bool handle(const RequestContext &ctx, ByteReader &body, Responder respond);

    // For injected faults (SandboxCluster::injectError): the response body a
    // request of ctx.apiKey/ctx.apiVersion gets when it fails with errorCode in
    // every error field (per group, per partition, top level). nullopt when the
    // API is not a group API or the body is malformed.
    static std::optional<QByteArray> errorResponse(const RequestContext &ctx, ByteReader &body, qint16 errorCode);

    // Pending responses of a closed connection are dropped (their members keep
    // their session until it times out, as in Kafka). Call it for every closed
    // connection, including those a stopped broker closes.
    void connectionClosed(quint64 connectionId);

    QStringList groupIds() const;
    SandboxGroupInfo groupInfo(const QString &groupId) const;
    qint64 committedOffset(const QString &groupId, const QString &topic, int partition) const;
    void addSyntheticGroups(const SyntheticGroupSpec &spec);

private:
    class Private;
    std::unique_ptr<Private> d;
};

}   // namespace cohort::sandbox
