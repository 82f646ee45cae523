// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/SnapshotCarryForward.h"

#include <QHash>

#include <algorithm>

namespace cohort::SnapshotCarryForward {

namespace {

// The last good value, now stale: when it was read, and why not again.
Freshness staleSince(const Freshness &previous, const KafkaError &why)
{
    return Freshness::failed(why, previous.readAt);
}

// Partitions point at their owner by index into the description's members:
// after the description or the partitions were carried over, the indexes
// are those of the description now shown.
void reown(GroupSnapshot &g)
{
    QHash<TopicPartition, qint32> owner;
    for (qsizetype mi = 0; mi < g.description.members.size(); ++mi)
        if (const auto &a = g.description.members.at(mi).assignment)
            for (const TopicPartition &tp : a->partitions)
                owner.insert(tp, qint32(mi));
    for (PartitionLag &p : g.partitions)
        p.ownerIndex = owner.value(p.tp, -1);
}

void carryDescription(GroupSnapshot &g, const GroupSnapshot &before)
{
    const KafkaError why = g.describedFreshness.failure;
    g.description = before.description;
    g.generationId = before.generationId;
    g.describedFreshness = staleSince(before.describedFreshness, why);
}

void carryOffsets(GroupSnapshot &g, const GroupSnapshot &before)
{
    const KafkaError why = g.offsetsFreshness.failure;
    g.partitions = before.partitions;
    g.commitMetadata = before.commitMetadata;
    g.topics = before.topics;
    g.totalLag = before.totalLag;
    g.unknownLagPartitions = before.unknownLagPartitions;
    g.aheadOfEndPartitions = before.aheadOfEndPartitions;
    g.offsetsFreshness = staleSince(before.offsetsFreshness, why);
}

// Whether anything of `previous` has to be carried into `latest`: a group
// not read fresh this time, or a broker whose groups were not listed. Read
// without touching `latest`, so that a complete refresh (the usual case)
// never copies its groups (they are shared with the loader's result).
bool needsCarrying(const ClusterSnapshot &previous, const ClusterSnapshot &latest)
{
    if (previous.groups.isEmpty())
        return false;
    for (const MissingPart &part : latest.missing)
        if (part.kind == MissingPart::Kind::BrokerListing)
            return true;
    for (const GroupSnapshot &g : latest.groups)
        if (!g.describedFreshness.isFresh() || !g.offsetsFreshness.isFresh())
            return true;
    return false;
}

void carryGroups(const ClusterSnapshot &previous, ClusterSnapshot &latest)
{
    QHash<QString, const GroupSnapshot *> before;
    for (const GroupSnapshot &g : previous.groups)
        before.insert(g.groupId(), &g);

    QHash<QString, qsizetype> listed;
    for (qsizetype i = 0; i < latest.groups.size(); ++i) {
        const GroupSnapshot &read = std::as_const(latest.groups).at(i);
        listed.insert(read.groupId(), i);
        const GroupSnapshot *last = before.value(read.groupId());
        if (!last)
            continue;
        const bool description = !read.describedFreshness.isFresh() && last->describedFreshness.hasValue();
        const bool offsets = !read.offsetsFreshness.isFresh() && last->offsetsFreshness.hasValue();
        if (!description && !offsets)
            continue;
        GroupSnapshot &g = latest.groups[i];
        if (description)
            carryDescription(g, *last);
        if (offsets)
            carryOffsets(g, *last);
        if (description != offsets)
            reown(g);
    }

    // Groups of brokers that did not list theirs: kept as last read.
    for (MissingPart &part : latest.missing) {
        if (part.kind != MissingPart::Kind::BrokerListing)
            continue;
        for (const GroupSnapshot &g : previous.groups) {
            if (listed.contains(g.groupId()))
                continue;
            if (part.brokerId >= 0 && g.description.coordinatorId != part.brokerId)
                continue;
            GroupSnapshot kept = g;
            kept.describedFreshness = staleSince(g.describedFreshness, part.error);
            kept.offsetsFreshness = staleSince(g.offsetsFreshness, part.error);
            listed.insert(g.groupId(), -1);
            latest.groups.append(std::move(kept));
            ++part.groupsAffected;
        }
    }
}

}   // namespace

ClusterSnapshot apply(const ClusterSnapshot &previous, ClusterSnapshot latest)
{
    if (needsCarrying(previous, latest))
        carryGroups(previous, latest);
    const auto byId = [](const GroupSnapshot &a, const GroupSnapshot &b) { return a.groupId() < b.groupId(); };
    if (!std::is_sorted(std::as_const(latest.groups).cbegin(), std::as_const(latest.groups).cend(), byId))
        std::sort(latest.groups.begin(), latest.groups.end(), byId);

    QHash<QString, QDateTime> since;
    for (const MissingPart &part : previous.missing)
        since.insert(part.key(), part.since);
    for (MissingPart &part : latest.missing)
        if (const auto it = since.constFind(part.key()); it != since.cend() && it->isValid() && *it < part.since)
            part.since = *it;
    return latest;
}

}   // namespace cohort::SnapshotCarryForward
