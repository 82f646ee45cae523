// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/PartitionLagTrack.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <functional>
#include <vector>

namespace cohort {

// One group's partition tracks, in one contiguous array sorted by (topic,
// partition) like a snapshot's partitions: kept for every partition of
// every group (a million at scale), where a map's node per entry cost
// 50 bytes each and a lookup per partition per refresh. After syncTo() the
// i-th entry is the track of the snapshot's i-th partition, so sampling
// walks both side by side without a lookup.
class PartitionTrackList
{
public:
    // The partition as two indexes, not a TopicPartition (whose QString took
    // 24 of an entry's bytes, a million times): its topic is the list's
    // topicAt(topicIndex).
    struct Entry
    {
        qint32 topicIndex = -1;
        qint32 partition = -1;
        PartitionLagTrack track;
    };

    // Makes the entries those of `partitions` (sorted, as GroupSnapshot
    // keeps them), index for index: the tracks of partitions already here
    // stay, `make` gives the others theirs. True when a track was dropped
    // (its partition is gone from the group).
    bool syncTo(const QList<PartitionLag> &partitions, const std::function<PartitionLagTrack(const TopicPartition &)> &make);

    Entry &operator[](qsizetype i) { return m_entries[size_t(i)]; }
    const Entry &at(qsizetype i) const { return m_entries[size_t(i)]; }
    TopicPartition topicPartitionAt(qsizetype i) const;
    const QString &topicAt(qint32 topicIndex) const { return m_topics.at(topicIndex); }
    // The group's topics (a handful), in order of first appearance.
    const QList<QString> &topics() const { return m_topics; }
    const PartitionLagTrack *find(const TopicPartition &tp) const;
    bool contains(const TopicPartition &tp) const { return find(tp) != nullptr; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }

private:
    bool isAt(const Entry &e, const TopicPartition &tp) const { return e.partition == tp.partition && m_topics.at(e.topicIndex) == tp.topic; }
    qsizetype indexOf(const TopicPartition &tp) const;

    std::vector<Entry> m_entries;
    QList<QString> m_topics;   // the group's topics, in order of first appearance (a handful)
    bool m_sorted = true;      // by (topic, partition), as snapshots keep them: find() can bisect
};

}   // namespace cohort
