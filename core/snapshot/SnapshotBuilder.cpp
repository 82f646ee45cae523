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

namespace {

// Decoding always leaves an assignment or the reason there is none.
bool isDecoded(const GroupMember &m)
{
    return m.assignment.has_value() || !m.decodeError.isEmpty();
}

}   // namespace

void decodeMembers(GroupDescription &group)
{
    // A KIP-848 group's members come decoded from ConsumerGroupDescribe.
    if (group.protocolType != QLatin1String("consumer") || group.describedAsConsumerGroup)
        return;
    // Decoded once per refresh (the loader does it as the descriptions
    // arrive): later calls read, and copies of the description stay shared.
    if (std::all_of(std::as_const(group.members).cbegin(), std::as_const(group.members).cend(), isDecoded))
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
        // A cooperative member owns what it was assigned: one list, shared.
        if (m.subscription && m.assignment && m.subscription->ownedPartitions == m.assignment->partitions)
            m.subscription->ownedPartitions = m.assignment->partitions;
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

// A set of partitions kept per topic: a refresh adds a million group
// partitions that are mostly in it already, in runs of one topic (one
// member's assignment, one group's offsets), so a run costs one topic lookup
// instead of one hash of the topic's name per partition.
class PartitionSet
{
public:
    void insert(const TopicPartition &tp)
    {
        if (!m_last || !sameTopic(tp.topic)) {
            m_lastTopic = tp.topic;
            m_last = &m_byTopic[tp.topic];
        }
        m_last->insert(tp.partition);
    }
    QList<TopicPartition> sorted() const
    {
        QStringList topics = m_byTopic.keys();
        std::sort(topics.begin(), topics.end());
        QList<TopicPartition> out;
        for (const QString &t : std::as_const(topics)) {
            const QSet<int> &set = *m_byTopic.constFind(t);
            QList<int> partitions(set.cbegin(), set.cend());
            std::sort(partitions.begin(), partitions.end());
            for (const int p : std::as_const(partitions))
                out.append(TopicPartition{t, p});
        }
        return out;
    }

private:
    bool sameTopic(const QString &topic) const
    {
        return topic.constData() == m_lastTopic.constData() || topic == m_lastTopic;
    }
    QHash<QString, QSet<int>> m_byTopic;
    QString m_lastTopic;
    QSet<int> *m_last = nullptr;   // m_byTopic's node of m_lastTopic (stable until the next insert of a topic)
};

void addPartitionsOfGroups(PartitionSet &set, const QList<GroupDescription> &descriptions, const QHash<QString, GroupOffsets> &offsets)
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

}   // namespace

QList<TopicPartition> partitionsOfGroups(const QList<GroupDescription> &descriptions, const QHash<QString, GroupOffsets> &offsets)
{
    PartitionSet set;
    addPartitionsOfGroups(set, descriptions, offsets);
    return set.sorted();
}

QList<TopicPartition> partitionsNeedingWatermarks(const ClusterMetadata &metadata, const QList<GroupDescription> &descriptions,
                                                  const QHash<QString, GroupOffsets> &offsets)
{
    PartitionSet set;
    for (const TopicPartition &tp : metadata.partitions())
        set.insert(tp);
    addPartitionsOfGroups(set, descriptions, offsets);
    return set.sorted();
}

namespace {

// The watermarks by topic, then partition: a group's partitions come in runs
// of one topic, so each run costs one lookup of the topic's name.
class WatermarkIndex
{
public:
    explicit WatermarkIndex(const QHash<TopicPartition, Watermarks> &all)
    {
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            m_byTopic[it.key().topic].insert(it.key().partition, &it.value());
    }
    const Watermarks *find(const TopicPartition &tp)
    {
        if (!m_lastTopicSet || (tp.topic.constData() != m_lastTopic.constData() && tp.topic != m_lastTopic)) {
            m_lastTopic = tp.topic;
            const auto it = m_byTopic.constFind(tp.topic);
            m_last = it == m_byTopic.cend() ? nullptr : &*it;
            m_lastTopicSet = true;
        }
        return m_last ? m_last->value(tp.partition, nullptr) : nullptr;
    }

private:
    QHash<QString, QHash<int, const Watermarks *>> m_byTopic;   // into the snapshot's own hash, which outlives this
    QString m_lastTopic;
    bool m_lastTopicSet = false;
    const QHash<int, const Watermarks *> *m_last = nullptr;
};

}   // namespace

ClusterSnapshot build(Input in)
{
    ClusterSnapshot snap;
    snap.metadata = std::move(in.metadata);
    snap.watermarks = std::move(in.watermarks);
    snap.readCommitted = in.readCommitted;
    snap.missing = std::move(in.missing);
    snap.computeTopicEnds();
    if (!in.readAt.isValid())
        in.readAt = QDateTime::currentDateTimeUtc();

    WatermarkIndex watermarks(snap.watermarks);

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
        // The group's partitions: those its members are assigned (a later
        // member's claim wins), then those it committed, sorted and merged
        // per partition. A flat list sorted once, not a map node per
        // partition: a refresh makes a million of these.
        QList<PartitionLag> parts;
        for (qsizetype mi = 0; mi < g.description.members.size(); ++mi) {
            const GroupMember &m = g.description.members.at(mi);
            if (m.subscription && m.subscription->generationId >= 0)
                g.generationId = std::max(g.generationId, m.subscription->generationId);
            if (!m.assignment)
                continue;
            for (const TopicPartition &tp : m.assignment->partitions) {
                PartitionLag p;
                p.tp = tp;
                p.ownerIndex = qint32(mi);   // >= 0: an assignment's entry
                parts.append(std::move(p));
            }
        }
        const QList<CommittedOffset> noOffsets;
        const auto offsetsOf = in.offsets.constFind(g.groupId());
        const QList<CommittedOffset> &committed = offsetsOf == in.offsets.cend() ? noOffsets : offsetsOf->offsets;
        parts.reserve(parts.size() + committed.size());
        for (const CommittedOffset &c : committed) {
            PartitionLag p;   // ownerIndex -1: a committed offset's entry
            p.tp = c.tp;
            if (c.offset >= 0)
                p.committedOffset = c.offset;
            parts.append(std::move(p));
            // The last one fetched for a partition decides, as in the merge below.
            if (c.metadata.isEmpty())
                g.commitMetadata.remove(c.tp);
            else
                g.commitMetadata.insert(c.tp, c.metadata);
        }
        // Stable: per partition the assignments (member order) come before the offsets (fetch order).
        std::stable_sort(parts.begin(), parts.end(), [](const PartitionLag &a, const PartitionLag &b) { return a.tp < b.tp; });
        qsizetype kept = 0;
        for (qsizetype i = 0; i < parts.size();) {
            qsizetype j = i + 1;
            while (j < parts.size() && parts.at(j).tp == parts.at(i).tp)
                ++j;
            PartitionLag merged;
            merged.tp = parts.at(j - 1).tp;
            for (qsizetype k = i; k < j; ++k) {
                const PartitionLag &e = parts.at(k);
                if (e.ownerIndex >= 0) {
                    merged.ownerIndex = e.ownerIndex;
                } else {
                    if (e.committedOffset)
                        merged.committedOffset = e.committedOffset;
                }
            }
            parts[kept++] = std::move(merged);
            i = j;
        }
        parts.resize(kept);
        const KafkaError notDescribed = in.notDescribed.value(g.groupId());
        g.describedFreshness = notDescribed.isError() ? Freshness::failed(notDescribed) : Freshness::freshAt(in.readAt);
        const KafkaError offsetsNotRead = in.offsetsNotRead.value(g.groupId());
        g.offsetsFreshness = offsetsNotRead.isError() ? Freshness::failed(offsetsNotRead) : Freshness::freshAt(in.readAt);

        QMap<QString, TopicLag> topics;
        for (PartitionLag &p : parts) {
            if (const Watermarks *w = watermarks.find(p.tp)) {
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
        }
        parts.squeeze();   // exactly: a snapshot holds hundreds of thousands of these
        g.partitions = std::move(parts);
        g.topics = topics.values();
        snap.groups.append(std::move(g));
    }
    return snap;
}

}   // namespace cohort::SnapshotBuilder
