// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionTrackList.h"

#include <algorithm>

namespace cohort {

TopicPartition PartitionTrackList::topicPartitionAt(qsizetype i) const
{
    const Entry &e = m_entries[size_t(i)];
    return TopicPartition{m_topics.at(e.topicIndex), e.partition};
}

// The index of tp's entry (bisected when sorted), -1 when absent.
qsizetype PartitionTrackList::indexOf(const TopicPartition &tp) const
{
    if (m_sorted) {
        const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), tp, [this](const Entry &e, const TopicPartition &k) {
            const QString &topic = m_topics.at(e.topicIndex);
            return topic < k.topic || (topic == k.topic && e.partition < k.partition);
        });
        return it != m_entries.cend() && isAt(*it, tp) ? it - m_entries.cbegin() : -1;
    }
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(), [this, &tp](const Entry &e) { return isAt(e, tp); });
    return it != m_entries.cend() ? it - m_entries.cbegin() : -1;
}

bool PartitionTrackList::syncTo(const QList<PartitionLag> &partitions, const std::function<PartitionLagTrack(const TopicPartition &)> &make)
{
    // The usual refresh: the same partitions as the last one, kept in place.
    const bool same = size() == partitions.size()
                   && std::equal(m_entries.cbegin(), m_entries.cend(), partitions.cbegin(),
                                 [this](const Entry &e, const PartitionLag &p) { return isAt(e, p.tp); });
    if (same)
        return false;
    PartitionTrackList old;
    std::swap(old, *this);
    std::vector<bool> taken(old.m_entries.size(), false);
    m_entries.reserve(size_t(partitions.size()));
    qsizetype kept = 0;
    qint32 topicIndex = -1;
    for (const PartitionLag &p : partitions) {
        // Snapshots list a topic's partitions together: look its index up once per run.
        if (topicIndex < 0 || m_topics.at(topicIndex) != p.tp.topic) {
            topicIndex = qint32(m_topics.indexOf(p.tp.topic));
            if (topicIndex < 0) {
                topicIndex = qint32(m_topics.size());
                m_topics.append(p.tp.topic);
            }
        }
        const qsizetype i = old.indexOf(p.tp);
        if (i >= 0 && !taken[size_t(i)]) {
            taken[size_t(i)] = true;
            m_entries.push_back(Entry{topicIndex, p.tp.partition, std::move(old.m_entries[size_t(i)].track)});
            ++kept;
        } else {
            m_entries.push_back(Entry{topicIndex, p.tp.partition, make(p.tp)});   // new, or listed twice: a track of its own
        }
    }
    // Snapshots keep their partitions sorted; a hand-made one may not.
    m_sorted = std::is_sorted(partitions.cbegin(), partitions.cend(), [](const PartitionLag &a, const PartitionLag &b) { return a.tp < b.tp; });
    return kept < qsizetype(old.m_entries.size());
}

const PartitionLagTrack *PartitionTrackList::find(const TopicPartition &tp) const
{
    const qsizetype i = indexOf(tp);
    return i >= 0 ? &m_entries[size_t(i)].track : nullptr;
}

}   // namespace cohort
