// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The state of one classic group as the coordinator keeps it (Kafka's
// GroupMetadata / MemberMetadata): members, their protocols and pending
// responses, the join round, committed offsets. Internal to the coordinator.

#include "core/wire/GroupMessages.h"
#include "sandbox/RequestContext.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <optional>

namespace cohort::sandbox::classic {

// Spelled by stateName() exactly as Kafka's DescribeGroups does.
enum class GroupState { Empty, PreparingRebalance, CompletingRebalance, Stable, Dead };

QString stateName(GroupState s);

// A response waiting for a rebalance step; respond is cleared when the
// connection closes, but the member still counts as waiting (as in Kafka, where
// the send just fails).
struct Waiter
{
    bool active = false;
    Responder respond;
    quint64 connectionId = 0;
    qint16 version = 0;

    void set(Responder r, const RequestContext &ctx)
    {
        active = true;
        respond = std::move(r);
        connectionId = ctx.connectionId;
        version = ctx.apiVersion;
    }
    void clear() { *this = Waiter{}; }
};

// One member of a group: its identity, session, protocols and waiting responses.
struct Member
{
    QString memberId;
    std::optional<QString> groupInstanceId;
    QString clientId;
    QString clientHost;
    int sessionTimeoutMs = 0;
    int rebalanceTimeoutMs = 0;
    QString protocolType;
    QList<JoinGroupRequest::Protocol> protocols;
    QByteArray assignment;
    Waiter join;
    Waiter sync;
    qint64 lastHeartbeatMs = 0;
    bool synthetic = false;   // scale fixture: never expires, rejoins by itself

    QByteArray metadataFor(const QString &protocol) const
    {
        for (const auto &p : protocols)
            if (p.name == protocol)
                return p.metadata;
        return {};
    }
    bool supports(const QString &protocol) const
    {
        return std::any_of(protocols.cbegin(), protocols.cend(), [&](const auto &p) { return p.name == protocol; });
    }
    bool matches(const QList<JoinGroupRequest::Protocol> &other) const
    {
        if (other.size() != protocols.size())
            return false;
        for (qsizetype i = 0; i < other.size(); ++i)
            if (other[i].name != protocols[i].name || other[i].metadata != protocols[i].metadata)
                return false;
        return true;
    }
};
using MemberPtr = std::shared_ptr<Member>;

// A committed offset, as OffsetFetch returns it.
struct OffsetEntry
{
    qint64 offset = -1;
    qint64 commitTimestamp = 0;
    qint32 leaderEpoch = -1;
    std::optional<QString> metadata;
};

// One group: state machine, members, the current join round and offsets.
struct Group
{
    QString groupId;
    GroupState state = GroupState::Empty;
    QString protocolType;   // "" for a group that only stores offsets
    QString protocolName;
    qint32 generationId = 0;
    QString leaderId;
    QList<MemberPtr> members;                        // join order: the first is leader by default
    QHash<QString, QString> staticMembers;           // group instance id -> member id
    QHash<QString, qint64> pendingMembers;           // member id -> expiry (MEMBER_ID_REQUIRED issued)
    std::optional<QSet<QString>> subscribedTopics;   // nullopt: unknown
    QHash<QString, QHash<qint32, OffsetEntry>> offsets;

    // The current join round (PreparingRebalance).
    bool initialDelay = false;
    bool newMemberAdded = false;
    qint64 joinDeadlineMs = 0;
    int initialDelayMs = 0;
    int remainingDelayMs = 0;

    MemberPtr member(const QString &id) const
    {
        for (const auto &m : members)
            if (m->memberId == id)
                return m;
        return nullptr;
    }
    bool has(const QString &id) const { return member(id) != nullptr; }
    bool isLeader(const QString &id) const { return !id.isEmpty() && leaderId == id; }
    bool isStaticMemberFenced(const QString &memberId, const std::optional<QString> &instanceId) const
    {
        if (!instanceId)
            return false;
        const auto it = staticMembers.constFind(*instanceId);
        return it != staticMembers.cend() && *it != memberId;
    }
    int rebalanceTimeoutMs() const
    {
        int t = 0;
        for (const auto &m : members)
            t = qMax(t, m->rebalanceTimeoutMs);
        return t;
    }
    bool allMembersJoined() const
    {
        if (!pendingMembers.isEmpty())
            return false;
        return std::all_of(members.cbegin(), members.cend(), [](const MemberPtr &m) { return m->join.active; });
    }
    bool hasRealMembers() const
    {
        return std::any_of(members.cbegin(), members.cend(), [](const MemberPtr &m) { return !m->synthetic; });
    }
    // Protocols every member supports, in the order the first member lists them.
    QStringList candidateProtocols() const;
    bool supportsProtocols(const QString &type, const QList<JoinGroupRequest::Protocol> &protocols) const;
    // Each member votes for its first protocol among the candidates; the most
    // votes win (ties go to the earlier candidate, so the choice is deterministic).
    QString selectProtocol() const;
    // Kafka's subscribedTopics: from the consumer-protocol metadata of the chosen
    // protocol; unknown (nullopt) for other protocol types or undecodable metadata.
    void computeSubscribedTopics();
    bool isSubscribedToTopic(const QString &topic) const { return subscribedTopics ? subscribedTopics->contains(topic) : true; }
};
using GroupPtr = std::shared_ptr<Group>;

}   // namespace cohort::sandbox::classic
