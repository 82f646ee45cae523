// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "sandbox/RequestContext.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/coordinator/ClassicGroup.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QObject;
class QTimer;

namespace cohort::sandbox {

class ClusterView;

// The classic group state machine of a sandbox cluster (Kafka's GroupCoordinator
// membership half with GroupMetadata): JoinGroup, SyncGroup, Heartbeat,
// LeaveGroup, generations, static members, session and rebalance timers, and
// the group-level admin APIs (DescribeGroups, ListGroups, DeleteGroups). Owns
// the table of groups, which the OffsetStore shares. Internal to the coordinator.
class GroupStateMachine
{
    Q_DISABLE_COPY_MOVE(GroupStateMachine)

public:
    // Of config, uses initialRebalanceDelayMs and min/maxSessionTimeoutMs. The
    // sweep timer is a child of timerParent, so that it follows the coordinator
    // to the cluster's thread.
    GroupStateMachine(const ClusterView &cluster, const SandboxConfig &config, QObject *timerParent);
    ~GroupStateMachine();

    // Each handler answers through respond at once or, for a join or sync that
    // waits for its round, later; responses produced while the state changes are
    // queued until flush().
    void handleJoinGroup(const RequestContext &ctx, const JoinGroupRequest &req, const Responder &respond);
    void handleSyncGroup(const RequestContext &ctx, const SyncGroupRequest &req, const Responder &respond);
    void handleHeartbeat(const RequestContext &ctx, const HeartbeatRequest &req, const Responder &respond);
    void handleLeaveGroup(const RequestContext &ctx, const LeaveGroupRequest &req, const Responder &respond);
    void handleDescribeGroups(const RequestContext &ctx, const DescribeGroupsRequest &req, const Responder &respond);
    void handleListGroups(const RequestContext &ctx, const ListGroupsRequest &req, const Responder &respond);
    void handleDeleteGroups(const RequestContext &ctx, const DeleteGroupsRequest &req, const Responder &respond);

    // Sends the queued responses; call it once a request has been handled.
    void flush();

    // The group table and clock, shared with the offset store.
    qint64 now() const;
    bool isCoordinator(const RequestContext &ctx, const QString &groupId) const;
    // Kafka's validateGroupStatus: InvalidGroupId for an empty group id,
    // NotCoordinator when this broker does not coordinate the group, else None.
    qint16 groupStatusError(const RequestContext &ctx, const QString &groupId) const;
    classic::GroupPtr find(const QString &groupId) const;
    classic::GroupPtr createGroup(const QString &groupId);

    void connectionClosed(quint64 connectionId);
    QStringList groupIds() const;
    SandboxGroupInfo groupInfo(const QString &groupId) const;
    void addSyntheticGroups(const SyntheticGroupSpec &spec);

private:
    // A member of a group's current generation, as SyncGroup and Heartbeat need one.
    struct GenerationMember
    {
        classic::GroupPtr group;
        classic::MemberPtr member;
    };
    // The group and member a SyncGroup or Heartbeat names, or the error Kafka
    // answers it with: both run the same checks in the same order (group
    // status, fenced static member, unknown member, generation).
    Result<GenerationMember, qint16> memberOfGeneration(const RequestContext &ctx, const QString &groupId, const QString &memberId,
                                                        const std::optional<QString> &groupInstanceId, qint32 generationId) const;

    void deliver(classic::Waiter &w, const QByteArray &body);
    void watch(const classic::GroupPtr &g);
    static bool needsSweep(const classic::Group &g);
    void maybeDropGroup(const classic::GroupPtr &g);

    void resetAndPropagateAssignmentError(classic::Group &g, qint16 error);
    void prepareRebalance(const classic::GroupPtr &g);
    void maybePrepareRebalance(const classic::GroupPtr &g);
    void tryCompleteJoin(const classic::GroupPtr &g);
    void removeMemberFromGroup(classic::Group &g, const classic::MemberPtr &m);
    bool maybeElectNewJoinedLeader(classic::Group &g);
    void completeJoin(const classic::GroupPtr &g);
    void initNextGeneration(classic::Group &g);
    void removeMemberAndUpdateGroup(const classic::GroupPtr &g, const classic::MemberPtr &m);
    void removePendingMemberAndUpdateGroup(const classic::GroupPtr &g, const QString &memberId);
    void sweep();

    void takeJoinRequest(classic::Member &m, const RequestContext &ctx, const JoinGroupRequest &req, Responder respond);
    void addMemberAndRebalance(const classic::GroupPtr &g, const RequestContext &ctx, const JoinGroupRequest &req, const QString &memberId,
                               Responder respond);
    void updateMemberAndRebalance(const classic::GroupPtr &g, const classic::MemberPtr &m, const RequestContext &ctx,
                                  const JoinGroupRequest &req, Responder respond);
    void updateStaticMemberAndRebalance(const classic::GroupPtr &g, const RequestContext &ctx, const JoinGroupRequest &req,
                                        const QString &newMemberId, Responder respond);

    // Named as before the split (no m_ prefix), so that the handlers' bodies
    // stayed textually the same when they moved here.
    const ClusterView &cluster;
    SandboxConfig config;
    QElapsedTimer clock;
    QTimer *sweepTimer = nullptr;
    QHash<QString, classic::GroupPtr> groups;
    QSet<QString> timedGroups;   // groups the sweep has to look at
    // Responses produced while the state changes are sent once it is consistent,
    // so a responder that re-enters the coordinator never sees a half-done change.
    std::vector<std::pair<Responder, QByteArray>> outbox;
};

}   // namespace cohort::sandbox
