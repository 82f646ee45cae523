// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/GroupEventDetector.h"

#include "core/kafka/ClusterAdmin.h"

#include <QStringList>

#include <algorithm>

namespace cohort {

namespace {

QList<TopicPartition> sorted(const QSet<TopicPartition> &set)
{
    QList<TopicPartition> out(set.cbegin(), set.cend());
    std::sort(out.begin(), out.end());
    return out;
}

QString nameOf(const QString &memberId, const QString &clientId)
{
    return clientId.isEmpty() ? memberId : QStringLiteral("%1 (%2)").arg(memberId, clientId);
}

}   // namespace

int GroupEventDetector::generationOf(const GroupSnapshot &snapshot)
{
    return snapshot.generationId;
}

bool GroupEventDetector::isSettled(const GroupSnapshot &snapshot)
{
    const GroupDescription &d = snapshot.description;
    if (d.state != GroupState::Stable)
        return false;
    if (!d.describedAsConsumerGroup)
        return true;
    if (d.assignmentEpoch != d.groupEpoch)
        return false;
    return std::all_of(d.members.cbegin(), d.members.cend(),
                       [&](const GroupMember &m) { return m.memberEpoch == d.groupEpoch && !m.reconciling(); });
}

bool GroupEventDetector::isCooperative(const GroupSnapshot &snapshot)
{
    // KIP-848 groups reconcile incrementally; among the classic assignors
    // only cooperative-sticky (Java's and librdkafka's) is cooperative.
    return snapshot.description.type == GroupType::Consumer || snapshot.description.protocol == QLatin1String("cooperative-sticky");
}

bool GroupEventDetector::isRebalancing(GroupState state)
{
    return state == GroupState::PreparingRebalance || state == GroupState::CompletingRebalance || state == GroupState::Assigning
           || state == GroupState::Reconciling;
}

QHash<QString, GroupEventDetector::Member> GroupEventDetector::membersOf(const GroupSnapshot &snapshot)
{
    QHash<QString, Member> out;
    for (const GroupMember &gm : snapshot.description.members) {
        Member m{gm.memberId, gm.clientId, gm.host, gm.groupInstanceId, {}};
        if (gm.assignment)
            for (const TopicPartition &tp : gm.assignment->partitions)
                m.partitions.insert(tp);
        out.insert(m.memberId, std::move(m));
    }
    return out;
}

GroupEventDetector::Ownership GroupEventDetector::effectiveOwnership(const QHash<QString, Member> &members, GroupState state,
                                                                     bool cooperative) const
{
    Ownership out;
    if (state == GroupState::Empty || state == GroupState::Dead)
        return out;
    if (state == GroupState::PreparingRebalance && !cooperative)
        return out;   // eager: every member revoked everything before rejoining
    for (const Member &m : members)
        for (const TopicPartition &tp : m.partitions)
            out.insert(tp, ownerKey(m));
    if (state == GroupState::CompletingRebalance && cooperative) {
        // A member that has not synced yet is described with nothing, but
        // still holds what it had.
        for (auto it = m_ownership.cbegin(); it != m_ownership.cend(); ++it) {
            if (out.contains(it.key()))
                continue;
            const bool stillHere = std::any_of(members.cbegin(), members.cend(),
                                               [&](const Member &m) { return ownerKey(m) == it.value() && m.partitions.isEmpty(); });
            if (stillHere)
                out.insert(it.key(), it.value());
        }
    }
    return out;
}

GroupEvent GroupEventDetector::event(GroupEventKind kind, qint64 timeMs) const
{
    GroupEvent e;
    e.timeMs = timeMs;
    e.groupId = m_groupId;
    e.kind = kind;
    e.state = m_state;
    e.generation = m_generation;
    return e;
}

GroupEvent GroupEventDetector::memberEvent(GroupEventKind kind, const Member &m, qint64 timeMs) const
{
    GroupEvent e = event(kind, timeMs);
    e.memberId = m.memberId;
    e.clientId = m.clientId;
    e.host = m.host;
    e.groupInstanceId = m.groupInstanceId;
    return e;
}

void GroupEventDetector::trackUnowned(const Ownership &now, qint64 timeMs)
{
    QSet<TopicPartition> universe;
    for (auto it = m_rebalance.before.cbegin(); it != m_rebalance.before.cend(); ++it)
        universe.insert(it.key());
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        universe.insert(it.key());
    for (const TopicPartition &tp : std::as_const(universe)) {
        const bool owned = now.contains(tp);
        const auto since = m_rebalance.unownedSince.constFind(tp);
        if (!owned && since == m_rebalance.unownedSince.cend())
            m_rebalance.unownedSince.insert(tp, timeMs);
        else if (owned && since != m_rebalance.unownedSince.cend()) {
            m_rebalance.longestUnownedMs = qMax(m_rebalance.longestUnownedMs, timeMs - *since);
            m_rebalance.unownedMs[tp] += timeMs - *since;
            m_rebalance.unownedSince.erase(since);
        }
    }
}

GroupEvent GroupEventDetector::completion(const Ownership &after, qint64 timeMs, const QString &reason)
{
    GroupEvent e = event(GroupEventKind::RebalanceCompleted, timeMs);
    e.durationMs = timeMs - m_rebalance.startedMs;
    QSet<TopicPartition> universe;
    for (auto it = m_rebalance.before.cbegin(); it != m_rebalance.before.cend(); ++it)
        universe.insert(it.key());
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        universe.insert(it.key());
    int moved = 0;
    for (const TopicPartition &tp : std::as_const(universe))
        if (m_rebalance.before.value(tp) != after.value(tp))
            ++moved;
    e.partitionsMoved = moved;
    qint64 longest = m_rebalance.longestUnownedMs;
    e.unownedMsByPartition = m_rebalance.unownedMs;
    for (auto it = m_rebalance.unownedSince.cbegin(); it != m_rebalance.unownedSince.cend(); ++it) {
        longest = qMax(longest, timeMs - it.value());
        e.unownedMsByPartition[it.key()] += timeMs - it.value();
    }
    e.unownedMs = longest;
    e.reason = reason;
    if (m_rebalance.startMissed) {
        // Between the two reads partitions may have had no owner unseen: what
        // was seen is a lower bound, and nothing seen is not known.
        e.durationMs = -1;
        if (e.unownedMsByPartition.isEmpty())
            e.unownedMs = -1;
        const QString missed = tr("began between two reads of the group: its duration is not known, and a time without owner is at least "
                                  "the one given");
        e.reason = e.reason.isEmpty() ? missed : e.reason + QStringLiteral("; ") + missed;
    }
    m_rebalance = Rebalance{};
    return e;
}

QList<GroupEvent> GroupEventDetector::observe(const GroupSnapshot &snapshot, qint64 timeMs)
{
    if (!snapshot.describedFreshness.isFresh())
        return {};
    if (m_seen && snapshot.groupId() != m_groupId)
        return {};
    // A KIP-848 group Stable by the broker's word whose members are not all
    // at its epoch with their target assignment yet is still reconciling.
    const bool kip848 = snapshot.description.describedAsConsumerGroup;
    const GroupState state = snapshot.description.state;
    const bool settled = isSettled(snapshot);
    const bool rebalancing = isRebalancing(state) || (state == GroupState::Stable && !settled);
    const int generation = generationOf(snapshot);
    const bool cooperative
        = state == GroupState::Stable ? isCooperative(snapshot) : (m_cooperative || snapshot.description.type == GroupType::Consumer);
    const QHash<QString, Member> members = membersOf(snapshot);
    const Ownership ownership = effectiveOwnership(members, state, cooperative);
    QList<GroupEvent> events;

    if (!m_seen) {
        m_seen = true;
        m_groupId = snapshot.groupId();
        m_state = state;
        m_generation = generation;
        m_cooperative = cooperative;
        m_members = members;
        m_ownership = ownership;
        m_settled = settled;
        if (settled)
            m_lastStable = ownership;
        if (rebalancing) {
            m_rebalance.active = true;
            m_rebalance.startedMs = timeMs;
            m_rebalance.before = ownership;
            GroupEvent e = event(GroupEventKind::RebalanceStarted, timeMs);
            e.reason = tr("already under way when the watch began");
            events << e;
        }
        return events;
    }

    const GroupState previousState = m_state;
    const bool previousSettled = m_settled;
    const int previousGeneration = m_generation;
    QList<const Member *> gone;
    QList<const Member *> joined;
    for (const Member &m : std::as_const(m_members))
        if (!members.contains(m.memberId))
            gone << &m;
    for (const Member &m : members)
        if (!m_members.contains(m.memberId))
            joined << &m;
    auto byMemberId = [](const Member *a, const Member *b) { return a->memberId < b->memberId; };
    std::sort(gone.begin(), gone.end(), byMemberId);
    std::sort(joined.begin(), joined.end(), byMemberId);
    // The same static identity on both sides: a restart, the old id fenced.
    auto sameInstance = [](const QList<const Member *> &list, const QString &instanceId) -> const Member * {
        if (instanceId.isEmpty())
            return nullptr;
        for (const Member *m : list)
            if (m->groupInstanceId == instanceId)
                return m;
        return nullptr;
    };

    m_state = state;
    m_generation = generation;

    if (state != previousState) {
        GroupEvent e = event(GroupEventKind::StateChanged, timeMs);
        e.previousState = previousState;
        events << e;
    }

    // A rebalance starts when the state enters a round, or shows up finished
    // already (Stable on both sides of it): a new generation (a KIP-848
    // group's epoch: a member joined or left, or a subscription or the
    // topics changed), or members other than static ones restarting, or
    // other owners.
    bool missedWhole = false;
    if (!m_rebalance.active && settled && previousSettled) {
        bool restartsOnly = true;
        for (const Member *g : std::as_const(gone))
            restartsOnly = restartsOnly && sameInstance(joined, g->groupInstanceId);
        for (const Member *j : std::as_const(joined))
            restartsOnly = restartsOnly && sameInstance(gone, j->groupInstanceId);
        missedWhole
            = (generation >= 0 && previousGeneration >= 0 && generation != previousGeneration) || !restartsOnly || ownership != m_ownership;
    }
    // An Empty group read Stable next had its first round between the reads.
    if (!m_rebalance.active && settled && previousState == GroupState::Empty)
        missedWhole = true;
    if (!m_rebalance.active && (rebalancing || missedWhole)) {
        m_rebalance.active = true;
        m_rebalance.startMissed = missedWhole;
        m_rebalance.startedMs = timeMs;
        m_rebalance.before = previousSettled ? m_lastStable : m_ownership;
        GroupEvent e = event(GroupEventKind::RebalanceStarted, timeMs);
        QStringList why;
        for (const Member *j : std::as_const(joined))
            if (!sameInstance(gone, j->groupInstanceId))
                why << tr("%1 joined").arg(nameOf(j->memberId, j->clientId));
        for (const Member *g : std::as_const(gone))
            if (!sameInstance(joined, g->groupInstanceId))
                why << tr("%1 left or timed out").arg(nameOf(g->memberId, g->clientId));
        if (why.isEmpty() && previousState == GroupState::Empty)
            why << tr("the first members joined");
        if (why.isEmpty())
            why << tr("a member rejoined (its subscription or the topics changed, it exceeded max.poll.interval.ms, or a rebalance "
                      "was asked for)");
        e.reason = why.join(QStringLiteral("; "));
        events << e;
    }

    for (const Member *g : std::as_const(gone)) {
        GroupEvent e = memberEvent(GroupEventKind::MemberLeft, *g, timeMs);
        e.partitionsRemoved = sorted(g->partitions);
        if (const Member *successor = sameInstance(joined, g->groupInstanceId))
            e.reason = tr("fenced: static member %1 rejoined as %2").arg(g->groupInstanceId, successor->memberId);
        else if (previousState == GroupState::PreparingRebalance && state != GroupState::PreparingRebalance)
            e.reason = tr("left during the rebalance, or did not rejoin within its rebalance timeout");
        else if (!g->groupInstanceId.isEmpty())
            e.reason = tr("its session timed out, or an admin removed it (a static member does not leave when it closes)");
        else
            e.reason = tr("left or timed out (a read of the group cannot tell a LeaveGroup from a session timeout)");
        events << e;
    }
    for (const Member *j : std::as_const(joined)) {
        GroupEvent e = memberEvent(GroupEventKind::MemberJoined, *j, timeMs);
        if (const Member *predecessor = sameInstance(gone, j->groupInstanceId))
            e.reason = m_rebalance.active
                           ? tr("static member %1 rejoined with a new member id (was %2)").arg(j->groupInstanceId, predecessor->memberId)
                           : tr("static member %1 restarted within its session timeout (was %2): it keeps its partitions and the "
                                "group does not rebalance")
                                 .arg(j->groupInstanceId, predecessor->memberId);
        else if (j->clientId == kRebalanceTriggerClientId)
            e.reason = tr("Cohort's temporary member of a triggered rebalance: it takes no partitions and leaves again");
        events << e;
    }

    // What each present member owns, as the clients hold it, against before.
    QHash<QString, QSet<TopicPartition>> before;
    QHash<QString, QSet<TopicPartition>> now;
    for (auto it = m_ownership.cbegin(); it != m_ownership.cend(); ++it)
        before[it.value()].insert(it.key());
    for (auto it = ownership.cbegin(); it != ownership.cend(); ++it)
        now[it.value()].insert(it.key());
    QList<const Member *> present;
    for (const Member &m : members)
        present << &m;
    std::sort(present.begin(), present.end(), byMemberId);
    for (const Member *m : std::as_const(present)) {
        const QSet<TopicPartition> had = before.value(ownerKey(*m));
        const QSet<TopicPartition> has = now.value(ownerKey(*m));
        if (had == has)
            continue;
        GroupEvent e = memberEvent(GroupEventKind::AssignmentChanged, *m, timeMs);
        e.partitionsAdded = sorted(has - had);
        e.partitionsRemoved = sorted(had - has);
        events << e;
    }

    if (m_rebalance.active) {
        trackUnowned(ownership, timeMs);
        if (settled) {
            // A cooperative round that took partitions away is followed by
            // one that gives them out: wait for it.
            // A KIP-848 group's target assignment is complete as it is:
            // at rest, what nobody owns is what nobody subscribes to.
            bool waiting = false;
            if (cooperative && !members.isEmpty() && !kip848)
                for (auto it = m_rebalance.before.cbegin(); it != m_rebalance.before.cend() && !waiting; ++it)
                    waiting = !ownership.contains(it.key());
            if (waiting && m_rebalance.firstStableMs < 0)
                m_rebalance.firstStableMs = timeMs;
            if (!waiting)
                events << completion(ownership, timeMs, QString());
            else if (timeMs - m_rebalance.firstStableMs >= kFollowUpRoundWaitMs)
                events << completion(ownership, timeMs, tr("no follow-up round gave out the partitions the cooperative round took away"));
        } else if (state == GroupState::Empty || state == GroupState::Dead) {
            events << completion(ownership, timeMs, tr("the group has no members any more"));
        } else {
            m_rebalance.firstStableMs = -1;
        }
    }

    m_cooperative = cooperative;
    m_members = members;
    m_ownership = ownership;
    m_settled = settled;
    if (settled)
        m_lastStable = ownership;
    return events;
}

}   // namespace cohort
