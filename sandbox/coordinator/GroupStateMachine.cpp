// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/coordinator/GroupStateMachine.h"

#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "sandbox/coordinator/ClusterView.h"
#include "sandbox/coordinator/SyntheticGroups.h"

#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>

using namespace cohort::ErrorCode;

using namespace Qt::StringLiterals;

// Behaviour follows Apache Kafka's classic GroupCoordinator / GroupMetadata
// (kafka.coordinator.group, 2.4 - 3.x): the same checks in the same order, so a
// client sees the same error codes. Where Kafka uses purgatories (DelayedJoin,
// InitialDelayedJoin, heartbeat expiration), the sandbox uses deadlines checked by
// one periodic sweep over the few groups that have something timed going on.

namespace cohort::sandbox {

namespace {

constexpr int kSweepIntervalMs = 50;
// READ (3), DELETE (6), DESCRIBE (8): what a group allows without an authorizer.
constexpr qint32 kGroupAuthorizedOperations = (1 << 3) | (1 << 6) | (1 << 8);

}   // namespace

using namespace classic;

GroupStateMachine::GroupStateMachine(const ClusterView &cluster, const SandboxConfig &config, QObject *timerParent)
    : cluster(cluster)
    , config(config)
{
    clock.start();
    sweepTimer = new QTimer(timerParent);
    sweepTimer->setInterval(kSweepIntervalMs);
    QObject::connect(sweepTimer, &QTimer::timeout, timerParent, [this] { sweep(); });
}

// The timer's parent outlives this; the timer, whose slot uses this, must not.
GroupStateMachine::~GroupStateMachine()
{
    delete sweepTimer;
}

qint64 GroupStateMachine::now() const
{
    return clock.elapsed();
}

void GroupStateMachine::deliver(Waiter &w, const QByteArray &body)
{
    if (w.respond)
        outbox.emplace_back(std::move(w.respond), body);
    w.clear();
}

void GroupStateMachine::flush()
{
    while (!outbox.empty()) {
        auto batch = std::move(outbox);
        outbox.clear();
        for (auto &[respond, body] : batch)
            respond(body);
    }
}

bool GroupStateMachine::isCoordinator(const RequestContext &ctx, const QString &groupId) const
{
    return cluster.coordinatorFor(groupId) == ctx.brokerId;
}

qint16 GroupStateMachine::groupStatusError(const RequestContext &ctx, const QString &groupId) const
{
    if (groupId.isEmpty())
        return InvalidGroupId;
    if (!isCoordinator(ctx, groupId))
        return NotCoordinator;
    return None;
}

GroupPtr GroupStateMachine::find(const QString &groupId) const
{
    return groups.value(groupId);
}

GroupPtr GroupStateMachine::createGroup(const QString &groupId)
{
    auto g = std::make_shared<Group>();
    g->groupId = groupId;
    groups.insert(groupId, g);
    return g;
}

void GroupStateMachine::watch(const GroupPtr &g)
{
    timedGroups.insert(g->groupId);
    if (!sweepTimer->isActive())
        sweepTimer->start();
}

bool GroupStateMachine::needsSweep(const Group &g)
{
    return g.state == GroupState::PreparingRebalance || !g.pendingMembers.isEmpty() || g.hasRealMembers();
}

// Drops a group that holds nothing (no member, no offset, no pending join).
void GroupStateMachine::maybeDropGroup(const GroupPtr &g)
{
    if (g->state == GroupState::Empty && g->members.isEmpty() && g->pendingMembers.isEmpty() && g->offsets.isEmpty()
        && g->generationId == 0) {
        groups.remove(g->groupId);
        timedGroups.remove(g->groupId);
    }
}

// --- rebalance machinery (Kafka: prepareRebalance, DelayedJoin, onCompleteJoin) ---

void GroupStateMachine::resetAndPropagateAssignmentError(Group &g, qint16 error)
{
    for (const auto &m : g.members) {
        if (!m->synthetic)
            m->assignment.clear();
        if (m->sync.active) {
            SyncGroupResponse r;
            r.errorCode = error;
            deliver(m->sync, GroupApiCodec::encode(r, m->sync.version));
        }
    }
}

void GroupStateMachine::prepareRebalance(const GroupPtr &g)
{
    if (g->state == GroupState::CompletingRebalance)
        resetAndPropagateAssignmentError(*g, RebalanceInProgress);
    if (g->state == GroupState::Empty) {
        g->initialDelay = true;
        g->initialDelayMs = config.initialRebalanceDelayMs;
        g->remainingDelayMs = qMax(g->rebalanceTimeoutMs() - config.initialRebalanceDelayMs, 0);
        g->joinDeadlineMs = now() + config.initialRebalanceDelayMs;
        g->newMemberAdded = false;
    } else {
        g->initialDelay = false;
        g->joinDeadlineMs = now() + g->rebalanceTimeoutMs();
    }
    g->state = GroupState::PreparingRebalance;
    // Synthetic members rejoin at once: they have no client to ask.
    for (const auto &m : g->members)
        if (m->synthetic)
            m->join.active = true;
    watch(g);
    tryCompleteJoin(g);
}

void GroupStateMachine::maybePrepareRebalance(const GroupPtr &g)
{
    if (g->state == GroupState::Stable || g->state == GroupState::CompletingRebalance || g->state == GroupState::Empty)
        prepareRebalance(g);
}

void GroupStateMachine::tryCompleteJoin(const GroupPtr &g)
{
    if (g->state == GroupState::PreparingRebalance && !g->initialDelay && g->allMembersJoined())
        completeJoin(g);
}

void GroupStateMachine::removeMemberFromGroup(Group &g, const MemberPtr &m)
{
    g.members.removeIf([&](const MemberPtr &x) { return x == m; });
    if (m->groupInstanceId && g.staticMembers.value(*m->groupInstanceId) == m->memberId)
        g.staticMembers.remove(*m->groupInstanceId);
    if (g.leaderId == m->memberId)
        g.leaderId = g.members.isEmpty() ? QString() : g.members.first()->memberId;
}

bool GroupStateMachine::maybeElectNewJoinedLeader(Group &g)
{
    const MemberPtr leader = g.member(g.leaderId);
    if (leader && leader->join.active && !leader->synthetic)
        return true;
    MemberPtr chosen;
    for (const auto &m : g.members) {
        if (m->join.active && !m->synthetic) {
            chosen = m;
            break;
        }
    }
    if (!chosen && leader && leader->join.active)
        return true;
    if (!chosen) {
        for (const auto &m : g.members) {
            if (m->join.active) {
                chosen = m;
                break;
            }
        }
    }
    if (!chosen)
        return false;
    g.leaderId = chosen->memberId;
    return true;
}

void GroupStateMachine::completeJoin(const GroupPtr &g)
{
    // Dynamic members that did not rejoin in time are removed; static ones stay
    // until their session times out.
    const auto snapshot = g->members;
    for (const auto &m : snapshot) {
        if (!m->join.active && !m->groupInstanceId && !m->synthetic)
            removeMemberFromGroup(*g, m);
    }
    if (!maybeElectNewJoinedLeader(*g) && !g->members.isEmpty()) {
        // Nobody rejoined (only static members left): wait another round for
        // their sessions to expire, as Kafka does.
        g->initialDelay = false;
        g->joinDeadlineMs = now() + qMax(g->rebalanceTimeoutMs(), 1);
        return;
    }
    initNextGeneration(*g);
    if (g->state == GroupState::Empty)
        return;
    const qint64 t = now();
    for (const auto &m : g->members) {
        m->lastHeartbeatMs = t;
        if (!m->join.active)
            continue;
        JoinGroupResponse r;
        r.errorCode = None;
        r.generationId = g->generationId;
        r.protocolName = g->protocolName;
        r.leader = g->leaderId;
        r.memberId = m->memberId;
        if (g->isLeader(m->memberId)) {
            for (const auto &other : g->members)
                r.members.append({other->memberId, other->groupInstanceId, other->metadataFor(g->protocolName)});
        }
        deliver(m->join, GroupApiCodec::encode(r, m->join.version));
    }
    // Only synthetic members: nobody will send SyncGroup, they keep what they had.
    const MemberPtr leader = g->member(g->leaderId);
    if (leader && leader->synthetic)
        g->state = GroupState::Stable;
}

void GroupStateMachine::initNextGeneration(Group &g)
{
    ++g.generationId;
    if (!g.members.isEmpty()) {
        g.protocolName = g.selectProtocol();
        g.computeSubscribedTopics();
        g.state = GroupState::CompletingRebalance;
    } else {
        g.protocolName.clear();
        g.subscribedTopics = QSet<QString>();
        g.state = GroupState::Empty;
    }
}

void GroupStateMachine::removeMemberAndUpdateGroup(const GroupPtr &g, const MemberPtr &m)
{
    if (m->join.active) {
        JoinGroupResponse r;
        r.errorCode = UnknownMemberId;
        r.memberId = m->memberId;
        deliver(m->join, GroupApiCodec::encode(r, m->join.version));
    }
    if (m->sync.active) {
        SyncGroupResponse r;
        r.errorCode = UnknownMemberId;
        deliver(m->sync, GroupApiCodec::encode(r, m->sync.version));
    }
    removeMemberFromGroup(*g, m);
    switch (g->state) {
    case GroupState::Stable:
    case GroupState::CompletingRebalance: maybePrepareRebalance(g); break;
    case GroupState::PreparingRebalance: tryCompleteJoin(g); break;
    default: break;
    }
}

void GroupStateMachine::removePendingMemberAndUpdateGroup(const GroupPtr &g, const QString &memberId)
{
    g->pendingMembers.remove(memberId);
    tryCompleteJoin(g);
}

void GroupStateMachine::sweep()
{
    const qint64 t = now();
    const auto ids = timedGroups;
    for (const auto &id : ids) {
        const GroupPtr g = find(id);
        if (!g) {
            timedGroups.remove(id);
            continue;
        }
        for (auto it = g->pendingMembers.begin(); it != g->pendingMembers.end();) {
            if (it.value() <= t) {
                it = g->pendingMembers.erase(it);
            } else {
                ++it;
            }
        }
        tryCompleteJoin(g);
        const auto snapshot = g->members;
        for (const auto &m : snapshot) {
            if (m->synthetic || m->join.active || m->sync.active)
                continue;   // Kafka keeps members alive while they wait for a rebalance step
            if (t - m->lastHeartbeatMs >= m->sessionTimeoutMs && g->has(m->memberId))
                removeMemberAndUpdateGroup(g, m);
        }
        if (g->state == GroupState::PreparingRebalance && t >= g->joinDeadlineMs) {
            if (g->initialDelay && g->newMemberAdded && g->remainingDelayMs != 0) {
                g->newMemberAdded = false;
                const int delay = qMin(g->initialDelayMs, g->remainingDelayMs);
                g->remainingDelayMs = qMax(g->remainingDelayMs - delay, 0);
                g->joinDeadlineMs = t + delay;
            } else {
                g->initialDelay = false;
                completeJoin(g);
            }
        }
        if (!needsSweep(*g))
            timedGroups.remove(id);
        maybeDropGroup(g);
    }
    if (timedGroups.isEmpty())
        sweepTimer->stop();
    flush();
}

// --- JoinGroup --------------------------------------------------------------------

void GroupStateMachine::takeJoinRequest(classic::Member &m, const RequestContext &ctx, const JoinGroupRequest &req, Responder respond)
{
    // What every join, new or repeated, tells the coordinator about the member.
    m.protocols = req.protocols;
    m.sessionTimeoutMs = req.sessionTimeoutMs;
    m.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    m.clientId = ctx.clientId;
    m.clientHost = ctx.clientHost;
    m.lastHeartbeatMs = now();
    m.join.set(std::move(respond), ctx);
}

void GroupStateMachine::addMemberAndRebalance(const GroupPtr &g, const RequestContext &ctx, const JoinGroupRequest &req,
                                              const QString &memberId, Responder respond)
{
    auto m = std::make_shared<Member>();
    m->memberId = memberId;
    m->groupInstanceId = req.groupInstanceId;
    m->protocolType = req.protocolType;
    takeJoinRequest(*m, ctx, req, std::move(respond));
    if (g->state == GroupState::PreparingRebalance && g->generationId == 0)
        g->newMemberAdded = true;
    if (g->members.isEmpty())
        g->protocolType = req.protocolType;
    if (g->leaderId.isEmpty())
        g->leaderId = memberId;
    g->members.append(m);
    if (req.groupInstanceId)
        g->staticMembers.insert(*req.groupInstanceId, memberId);
    g->pendingMembers.remove(memberId);
    watch(g);
    maybePrepareRebalance(g);
}

void GroupStateMachine::updateMemberAndRebalance(const GroupPtr &g, const MemberPtr &m, const RequestContext &ctx,
                                                 const JoinGroupRequest &req, Responder respond)
{
    if (m->join.active) {
        // A second join while the first still waits: the first can no longer
        // be answered meaningfully, tell it to rejoin.
        JoinGroupResponse r;
        r.errorCode = RebalanceInProgress;
        r.memberId = m->memberId;
        deliver(m->join, GroupApiCodec::encode(r, m->join.version));
    }
    takeJoinRequest(*m, ctx, req, std::move(respond));
    maybePrepareRebalance(g);
}

void GroupStateMachine::updateStaticMemberAndRebalance(const GroupPtr &g, const RequestContext &ctx, const JoinGroupRequest &req,
                                                       const QString &newMemberId, Responder respond)
{
    const QString oldMemberId = g->staticMembers.value(*req.groupInstanceId);
    const MemberPtr m = g->member(oldMemberId);
    if (!m) {
        // The map and the member list disagree: treat it as a new static member.
        g->staticMembers.remove(*req.groupInstanceId);
        addMemberAndRebalance(g, ctx, req, newMemberId, std::move(respond));
        return;
    }
    const QString currentLeader = g->leaderId;
    const QString oldProtocolName = g->protocolName;
    // The old member id is fenced from now on; its waiting responses end here.
    if (m->join.active) {
        JoinGroupResponse r;
        r.errorCode = FencedInstanceId;
        r.memberId = oldMemberId;
        deliver(m->join, GroupApiCodec::encode(r, m->join.version));
    }
    if (m->sync.active) {
        SyncGroupResponse r;
        r.errorCode = FencedInstanceId;
        deliver(m->sync, GroupApiCodec::encode(r, m->sync.version));
    }
    m->memberId = newMemberId;
    if (g->leaderId == oldMemberId)
        g->leaderId = newMemberId;
    g->staticMembers.insert(*req.groupInstanceId, newMemberId);
    takeJoinRequest(*m, ctx, req, std::move(respond));
    watch(g);

    switch (g->state) {
    case GroupState::Stable: {
        if (g->selectProtocol() == oldProtocolName) {
            // No rebalance: the new member id takes over the old assignment. The
            // old leader id is returned so that a leader never re-assigns in a
            // Stable group (Kafka's reasoning: its SyncGroup would not be broadcast).
            JoinGroupResponse r;
            r.errorCode = None;
            r.generationId = g->generationId;
            r.protocolName = g->protocolName;
            r.leader = currentLeader;
            r.memberId = newMemberId;
            deliver(m->join, GroupApiCodec::encode(r, ctx.apiVersion));
        } else {
            maybePrepareRebalance(g);
        }
        break;
    }
    case GroupState::CompletingRebalance: prepareRebalance(g); break;
    case GroupState::PreparingRebalance: tryCompleteJoin(g); break;
    default: break;
    }
}

void GroupStateMachine::handleJoinGroup(const RequestContext &ctx, const JoinGroupRequest &req, const Responder &respond)
{
    const qint16 v = ctx.apiVersion;
    auto fail = [&](qint16 error, const QString &memberId = QString()) {
        JoinGroupResponse r;
        r.errorCode = error;
        r.memberId = memberId;
        respond(GroupApiCodec::encode(r, v));
    };
    if (const qint16 error = groupStatusError(ctx, req.groupId); error != None)
        return fail(error, req.memberId);
    if (req.sessionTimeoutMs < config.minSessionTimeoutMs || req.sessionTimeoutMs > config.maxSessionTimeoutMs)
        return fail(InvalidSessionTimeout, req.memberId);

    const bool unknownMember = req.memberId.isEmpty();
    GroupPtr g = find(req.groupId);
    if (!g) {
        if (!unknownMember)
            return fail(UnknownMemberId, req.memberId);
        g = createGroup(req.groupId);
    }
    if (!g->supportsProtocols(req.protocolType, req.protocols)) {
        maybeDropGroup(g);
        return fail(InconsistentGroupProtocol, req.memberId);
    }

    if (unknownMember) {
        // Kafka's ClassicGroup.generateMemberId: a static member's id starts
        // with its group.instance.id, a dynamic member's with its client.id.
        const QString newMemberId
            = (req.groupInstanceId ? *req.groupInstanceId : ctx.clientId) % u'-' % QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (req.groupInstanceId && g->staticMembers.contains(*req.groupInstanceId)) {
            updateStaticMemberAndRebalance(g, ctx, req, newMemberId, respond);
        } else if (req.groupInstanceId || v < 4) {
            addMemberAndRebalance(g, ctx, req, newMemberId, respond);
        } else {
            g->pendingMembers.insert(newMemberId, now() + req.sessionTimeoutMs);
            watch(g);
            return fail(MemberIdRequired, newMemberId);
        }
    } else if (g->pendingMembers.contains(req.memberId)) {
        if (req.groupInstanceId)
            return fail(UnknownMemberId, req.memberId);   // static members are never pending
        addMemberAndRebalance(g, ctx, req, req.memberId, respond);
    } else {
        if (g->isStaticMemberFenced(req.memberId, req.groupInstanceId))
            return fail(FencedInstanceId, req.memberId);
        const MemberPtr m = g->member(req.memberId);
        // A static member whose instance id the group does not know must start over.
        if (!m || (req.groupInstanceId && !g->staticMembers.contains(*req.groupInstanceId)))
            return fail(UnknownMemberId, req.memberId);
        switch (g->state) {
        case GroupState::PreparingRebalance: updateMemberAndRebalance(g, m, ctx, req, respond); break;
        case GroupState::CompletingRebalance:
            if (m->matches(req.protocols)) {
                // A join response got lost: send the same answer again.
                JoinGroupResponse r;
                r.generationId = g->generationId;
                r.protocolName = g->protocolName;
                r.leader = g->leaderId;
                r.memberId = m->memberId;
                if (g->isLeader(m->memberId))
                    for (const auto &other : g->members)
                        r.members.append({other->memberId, other->groupInstanceId, other->metadataFor(g->protocolName)});
                m->lastHeartbeatMs = now();
                respond(GroupApiCodec::encode(r, v));
            } else {
                updateMemberAndRebalance(g, m, ctx, req, respond);
            }
            break;
        case GroupState::Stable:
            if (g->isLeader(m->memberId) || !m->matches(req.protocols)) {
                updateMemberAndRebalance(g, m, ctx, req, respond);
            } else {
                JoinGroupResponse r;
                r.generationId = g->generationId;
                r.protocolName = g->protocolName;
                r.leader = g->leaderId;
                r.memberId = m->memberId;
                m->lastHeartbeatMs = now();
                respond(GroupApiCodec::encode(r, v));
            }
            break;
        case GroupState::Empty:
        case GroupState::Dead: return fail(UnknownMemberId, req.memberId);
        }
    }
    tryCompleteJoin(g);
}

// --- SyncGroup / Heartbeat / LeaveGroup -----------------------------------------------

auto GroupStateMachine::memberOfGeneration(const RequestContext &ctx, const QString &groupId, const QString &memberId,
                                           const std::optional<QString> &groupInstanceId, qint32 generationId) const
    -> Result<GenerationMember, qint16>
{
    if (const qint16 error = groupStatusError(ctx, groupId); error != None)
        return error;
    const GroupPtr g = find(groupId);
    if (!g)
        return qint16(UnknownMemberId);
    if (g->isStaticMemberFenced(memberId, groupInstanceId))
        return qint16(FencedInstanceId);
    const MemberPtr m = g->member(memberId);
    if (!m)
        return qint16(UnknownMemberId);
    if (generationId != g->generationId)
        return qint16(IllegalGeneration);
    return GenerationMember{g, m};
}

void GroupStateMachine::handleSyncGroup(const RequestContext &ctx, const SyncGroupRequest &req, const Responder &respond)
{
    const qint16 v = ctx.apiVersion;
    auto reply = [&](qint16 error, const QByteArray &assignment = QByteArray()) {
        SyncGroupResponse r;
        r.errorCode = error;
        r.assignment = assignment;
        respond(GroupApiCodec::encode(r, v));
    };
    const auto named = memberOfGeneration(ctx, req.groupId, req.memberId, req.groupInstanceId, req.generationId);
    if (!named)
        return reply(named.error());
    const auto &[g, m] = *named;
    switch (g->state) {
    case GroupState::Empty:
    case GroupState::Dead: return reply(UnknownMemberId);
    case GroupState::PreparingRebalance: return reply(RebalanceInProgress);
    case GroupState::Stable: m->lastHeartbeatMs = now(); return reply(None, m->assignment);
    case GroupState::CompletingRebalance: break;
    }
    if (m->sync.active) {
        SyncGroupResponse r;
        r.errorCode = RebalanceInProgress;
        deliver(m->sync, GroupApiCodec::encode(r, m->sync.version));
    }
    m->sync.set(respond, ctx);
    m->lastHeartbeatMs = now();
    if (!g->isLeader(m->memberId))
        return;
    QHash<QString, QByteArray> assignments;
    for (const auto &a : req.assignments)
        assignments.insert(a.memberId, a.assignment);
    for (const auto &member : g->members)
        member->assignment = assignments.value(member->memberId);
    g->state = GroupState::Stable;
    const qint64 t = now();
    for (const auto &member : g->members) {
        if (!member->sync.active)
            continue;
        member->lastHeartbeatMs = t;
        SyncGroupResponse r;
        r.assignment = member->assignment;
        deliver(member->sync, GroupApiCodec::encode(r, member->sync.version));
    }
}

void GroupStateMachine::handleHeartbeat(const RequestContext &ctx, const HeartbeatRequest &req, const Responder &respond)
{
    auto reply = [&](qint16 error) {
        HeartbeatResponse r;
        r.errorCode = error;
        respond(GroupApiCodec::encode(r, ctx.apiVersion));
    };
    const auto named = memberOfGeneration(ctx, req.groupId, req.memberId, req.groupInstanceId, req.generationId);
    if (!named)
        return reply(named.error());
    const auto &[g, m] = *named;
    switch (g->state) {
    case GroupState::Empty:
    case GroupState::Dead: return reply(UnknownMemberId);
    case GroupState::CompletingRebalance:
    case GroupState::Stable: m->lastHeartbeatMs = now(); return reply(None);
    case GroupState::PreparingRebalance: m->lastHeartbeatMs = now(); return reply(RebalanceInProgress);
    }
}

void GroupStateMachine::handleLeaveGroup(const RequestContext &ctx, const LeaveGroupRequest &req, const Responder &respond)
{
    const qint16 v = ctx.apiVersion;
    QList<LeaveGroupRequest::Member> leaving = req.members;
    if (v < 3)
        leaving = {LeaveGroupRequest::Member{req.memberId, std::nullopt}};
    LeaveGroupResponse r;
    auto send = [&] {
        if (v < 3) {
            // v0-2 carry one member: its error is the response's error.
            for (const auto &m : r.members) {
                if (r.errorCode == None && m.errorCode != None)
                    r.errorCode = m.errorCode;
            }
            r.members.clear();
        }
        respond(GroupApiCodec::encode(r, v));
    };
    if (const qint16 error = groupStatusError(ctx, req.groupId); error != None) {
        r.errorCode = error;
        return send();
    }
    const GroupPtr g = find(req.groupId);
    for (const auto &l : leaving) {
        LeaveGroupResponse::Member out{l.memberId, l.groupInstanceId, None};
        if (!g) {
            out.errorCode = UnknownMemberId;
        } else if (!l.memberId.isEmpty() && g->isStaticMemberFenced(l.memberId, l.groupInstanceId)) {
            out.errorCode = FencedInstanceId;
        } else if (g->pendingMembers.contains(l.memberId)) {
            if (l.groupInstanceId)
                out.errorCode = UnknownMemberId;
            else
                removePendingMemberAndUpdateGroup(g, l.memberId);
        } else {
            MemberPtr m;
            if (l.groupInstanceId && g->staticMembers.contains(*l.groupInstanceId))
                m = g->member(g->staticMembers.value(*l.groupInstanceId));
            else
                m = g->member(l.memberId);
            if (!m)
                out.errorCode = UnknownMemberId;
            else
                removeMemberAndUpdateGroup(g, m);
        }
        r.members.append(out);
    }
    send();
}

// --- admin APIs -------------------------------------------------------------------------

void GroupStateMachine::handleDescribeGroups(const RequestContext &ctx, const DescribeGroupsRequest &req, const Responder &respond)
{
    DescribeGroupsResponse r;
    for (const auto &id : req.groups) {
        DescribeGroupsResponse::Group out;
        out.groupId = id;
        if (req.includeAuthorizedOperations)
            out.authorizedOperations = kGroupAuthorizedOperations;
        if (!isCoordinator(ctx, id)) {
            out.errorCode = NotCoordinator;
            out.authorizedOperations = INT_MIN;
            r.groups.append(std::move(out));
            continue;
        }
        const GroupPtr g = find(id);
        if (!g) {
            out.groupState = stateName(GroupState::Dead);
            r.groups.append(std::move(out));
            continue;
        }
        out.groupState = stateName(g->state);
        out.protocolType = g->protocolType;
        // As Kafka 4.4 (GroupMetadataManager.describeGroups): the protocol and
        // the members' metadata only once the group is Stable; each member's
        // current assignment in every state (ClassicGroupMember.describeNoMetadata),
        // so a group in PreparingRebalance still shows who owned what.
        const bool stable = g->state == GroupState::Stable;
        if (stable)
            out.protocolData = g->protocolName;
        for (const auto &m : g->members) {
            DescribeGroupsResponse::Member dm;
            dm.memberId = m->memberId;
            dm.groupInstanceId = m->groupInstanceId;
            dm.clientId = m->clientId;
            dm.clientHost = m->clientHost;
            if (stable)
                dm.memberMetadata = m->metadataFor(g->protocolName);
            dm.memberAssignment = m->assignment;
            out.members.append(std::move(dm));
        }
        r.groups.append(std::move(out));
    }
    respond(GroupApiCodec::encode(r, ctx.apiVersion));
}

void GroupStateMachine::handleListGroups(const RequestContext &ctx, const ListGroupsRequest &req, const Responder &respond)
{
    // As Kafka 4.4 (GroupMetadataManager.listGroups): states compare
    // case-insensitively after trimming, types case-insensitively; every
    // sandbox group is a classic group, so a types filter without "classic"
    // lists nothing.
    QSet<QString> states;
    for (const QString &s : req.statesFilter)
        states.insert(s.trimmed().toLower());
    const QString classic = QStringLiteral("classic");
    bool classicListed = req.typesFilter.isEmpty();
    for (const QString &t : req.typesFilter)
        classicListed = classicListed || t.toLower() == classic;

    ListGroupsResponse r;
    QStringList ids = groups.keys();
    ids.sort();
    for (const auto &id : ids) {
        if (!isCoordinator(ctx, id) || !classicListed)
            continue;
        const GroupPtr g = groups.value(id);
        const QString state = stateName(g->state);
        if (!states.isEmpty() && !states.contains(state.toLower()))
            continue;
        r.groups.append({id, g->protocolType, state, classic});
    }
    respond(GroupApiCodec::encode(r, ctx.apiVersion));
}

void GroupStateMachine::handleDeleteGroups(const RequestContext &ctx, const DeleteGroupsRequest &req, const Responder &respond)
{
    DeleteGroupsResponse r;
    for (const auto &id : req.groupsNames) {
        qint16 error = None;
        const GroupPtr g = find(id);
        if (!isCoordinator(ctx, id))
            error = NotCoordinator;
        else if (!g)
            error = GroupIdNotFound;
        else if (g->state != GroupState::Empty)
            error = NonEmptyGroup;
        else {
            groups.remove(id);
            timedGroups.remove(id);
        }
        r.results.append({id, error});
    }
    respond(GroupApiCodec::encode(r, ctx.apiVersion));
}

void GroupStateMachine::addSyntheticGroups(const SyntheticGroupSpec &spec)
{
    const auto created
        = SyntheticGroups::build(const_cast<ClusterView &>(cluster), spec, [this](const QString &id) { return groups.contains(id); });
    for (const auto &g : created)
        groups.insert(g->groupId, g);
}

void GroupStateMachine::connectionClosed(quint64 connectionId)
{
    for (const auto &g : std::as_const(groups)) {
        for (const auto &m : g->members) {
            if (m->join.active && m->join.connectionId == connectionId)
                m->join.respond = nullptr;
            if (m->sync.active && m->sync.connectionId == connectionId)
                m->sync.respond = nullptr;
        }
    }
}

QStringList GroupStateMachine::groupIds() const
{
    QStringList ids = groups.keys();
    ids.sort();
    return ids;
}

SandboxGroupInfo GroupStateMachine::groupInfo(const QString &groupId) const
{
    SandboxGroupInfo info;
    info.groupId = groupId;
    info.coordinatorId = cluster.coordinatorFor(groupId);
    const GroupPtr g = find(groupId);
    if (!g) {
        info.state = stateName(GroupState::Dead);
        return info;
    }
    info.state = stateName(g->state);
    info.protocolType = g->protocolType;
    info.protocol = g->protocolName;
    info.generationId = g->generationId;
    info.leaderId = g->leaderId;
    for (const auto &m : g->members)
        info.members.append({m->memberId, m->groupInstanceId.value_or(QString()), m->clientId, m->clientHost});
    return info;
}

}   // namespace cohort::sandbox
