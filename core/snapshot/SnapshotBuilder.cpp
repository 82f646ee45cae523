// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/SnapshotBuilder.h"

#include "core/wire/ConsumerProtocolDecoder.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace cohort::SnapshotBuilder {

std::optional<qint64> lagOf(std::optional<qint64> committed, std::optional<qint64> end)
{
    if (!committed || *committed < 0 || !end || *end < 0)
        return std::nullopt;
    return *end - *committed;
}

void decodeMembers(GroupDescription &group)
{
    // A KIP-848 group's members come decoded from ConsumerGroupDescribe.
    if (group.protocolType != QLatin1String("consumer") || group.describedAsConsumerGroup)
        return;
    for (GroupMember &m : group.members) {
        if (!m.rawMetadata.isEmpty()) {
            auto s = ConsumerProtocolDecoder::decodeSubscription(m.rawMetadata);
            if (s)
                m.subscription = s.value();
            else
                m.decodeError = s.error().message;
        }
        auto a = ConsumerProtocolDecoder::decodeAssignment(m.rawAssignment);
        if (a)
            m.assignment = a.value();
        else
            m.decodeError = a.error().message;
    }
}

QHash<QString, QList<TopicPartition>> offsetRequests(const QStringList &groupIds, const QList<GroupDescription> &descriptions,
                                                     const ClusterMetadata &metadata)
{
    QHash<QString, QList<TopicPartition>> byTopic;
    for (const TopicInfo &t : metadata.topics)
        for (const PartitionInfo &p : t.partitions)
            byTopic[t.name].append(TopicPartition{t.name, p.partition});
    QHash<QString, QSet<QString>> subscribed;
    for (GroupDescription g : descriptions) {
        decodeMembers(g);
        for (const GroupMember &m : std::as_const(g.members)) {
            if (m.subscription)
                for (const QString &t : m.subscription->topics)
                    subscribed[g.groupId].insert(t);
            if (m.assignment)
                for (const TopicPartition &tp : m.assignment->partitions)
                    subscribed[g.groupId].insert(tp.topic);
        }
    }
    QHash<QString, QList<TopicPartition>> out;
    for (const QString &id : groupIds) {
        const auto it = subscribed.constFind(id);
        if (it == subscribed.cend() || it->isEmpty()) {
            out.insert(id, {});   // every partition the group has committed
            continue;
        }
        QList<TopicPartition> tps;
        for (const QString &t : *it)
            tps += byTopic.value(t);
        out.insert(id, tps);
    }
    return out;
}

namespace {

void addPartitionsOfGroups(QSet<TopicPartition> &set, const QList<GroupDescription> &descriptions,
                           const QHash<QString, GroupOffsets> &offsets)
{
    for (GroupDescription g : descriptions) {
        decodeMembers(g);
        for (const GroupMember &m : std::as_const(g.members))
            if (m.assignment)
                for (const TopicPartition &tp : m.assignment->partitions)
                    set.insert(tp);
    }
    for (const GroupOffsets &o : offsets)
        for (const CommittedOffset &c : o.offsets)
            set.insert(c.tp);
}

QList<TopicPartition> sorted(const QSet<TopicPartition> &set)
{
    QList<TopicPartition> out(set.cbegin(), set.cend());
    std::sort(out.begin(), out.end());
    return out;
}

}   // namespace

QList<TopicPartition> partitionsOfGroups(const QList<GroupDescription> &descriptions, const QHash<QString, GroupOffsets> &offsets)
{
    QSet<TopicPartition> set;
    addPartitionsOfGroups(set, descriptions, offsets);
    return sorted(set);
}

QList<TopicPartition> partitionsNeedingWatermarks(const ClusterMetadata &metadata, const QList<GroupDescription> &descriptions,
                                                  const QHash<QString, GroupOffsets> &offsets)
{
    const QList<TopicPartition> all = metadata.partitions();
    QSet<TopicPartition> set(all.cbegin(), all.cend());
    addPartitionsOfGroups(set, descriptions, offsets);
    return sorted(set);
}

ClusterSnapshot build(Input in)
{
    ClusterSnapshot snap;
    snap.metadata = std::move(in.metadata);
    snap.watermarks = std::move(in.watermarks);
    snap.readCommitted = in.readCommitted;
    snap.missing = std::move(in.missing);
    if (!in.readAt.isValid())
        in.readAt = QDateTime::currentDateTimeUtc();

    QHash<QString, GroupDescription> described;
    for (GroupDescription &d : in.descriptions)
        described.insert(d.groupId, std::move(d));
    QMap<QString, GroupDescription> all;   // sorted by id
    for (const GroupListing &l : std::as_const(in.listings)) {
        GroupDescription d = described.take(l.groupId);
        if (d.groupId.isEmpty()) {
            d.groupId = l.groupId;
            d.state = l.state;
            d.protocolType = l.protocolType;
        }
        if (d.coordinatorId < 0)
            d.coordinatorId = l.coordinatorId;
        d.takeFromListing(l);
        all.insert(l.groupId, std::move(d));
    }
    for (auto it = described.begin(); it != described.end(); ++it)
        all.insert(it.key(), std::move(it.value()));

    snap.groups.reserve(all.size());
    for (auto it = all.begin(); it != all.end(); ++it) {
        GroupSnapshot g;
        g.description = std::move(it.value());
        decodeMembers(g.description);

        if (g.description.describedAsConsumerGroup)
            g.generationId = g.description.groupEpoch;   // a KIP-848 group's generation is its epoch
        QMap<TopicPartition, PartitionLag> parts;
        for (qsizetype mi = 0; mi < g.description.members.size(); ++mi) {
            const GroupMember &m = g.description.members.at(mi);
            if (m.subscription && m.subscription->generationId >= 0)
                g.generationId = std::max(g.generationId, m.subscription->generationId);
            if (!m.assignment)
                continue;
            for (const TopicPartition &tp : m.assignment->partitions) {
                PartitionLag &p = parts[tp];
                p.tp = tp;
                p.ownerIndex = qint32(mi);
            }
        }
        for (const CommittedOffset &c : in.offsets.value(g.groupId()).offsets) {
            PartitionLag &p = parts[c.tp];
            p.tp = c.tp;
            if (c.offset >= 0)
                p.committedOffset = c.offset;
            p.commitMetadata = c.metadata;
        }
        const KafkaError notDescribed = in.notDescribed.value(g.groupId());
        g.describedFreshness = notDescribed.isError() ? Freshness::failed(notDescribed) : Freshness::freshAt(in.readAt);
        const KafkaError offsetsNotRead = in.offsetsNotRead.value(g.groupId());
        g.offsetsFreshness = offsetsNotRead.isError() ? Freshness::failed(offsetsNotRead) : Freshness::freshAt(in.readAt);

        QMap<QString, TopicLag> topics;
        g.partitions.reserve(parts.size());   // exactly: a snapshot holds hundreds of thousands of these
        for (auto pit = parts.begin(); pit != parts.end(); ++pit) {
            PartitionLag &p = pit.value();
            if (const auto w = snap.watermarks.constFind(p.tp); w != snap.watermarks.cend()) {
                if (w->high >= 0)
                    p.endOffset = w->high;
                if (w->low >= 0)
                    p.startOffset = w->low;
            }
            p.lag = lagOf(p.committedOffset, p.endOffset);
            TopicLag &t = topics[p.tp.topic];
            t.topic = p.tp.topic;
            ++t.partitionCount;
            if (p.committedAheadOfEnd()) {
                // Not lag, and not "caught up" either: a negative number would
                // hide real lag elsewhere in the sum, so it is counted apart.
                ++t.aheadOfEndPartitions;
                ++g.aheadOfEndPartitions;
                t.lag = t.lag.value_or(0);
                g.totalLag = g.totalLag.value_or(0);
            } else if (p.lag) {
                t.lag = t.lag.value_or(0) + *p.lag;
                g.totalLag = g.totalLag.value_or(0) + *p.lag;
            } else {
                ++t.unknownLagPartitions;
                ++g.unknownLagPartitions;
            }
            g.partitions.append(std::move(p));
        }
        g.topics = topics.values();
        snap.groups.append(std::move(g));
    }
    return snap;
}

}   // namespace cohort::SnapshotBuilder
