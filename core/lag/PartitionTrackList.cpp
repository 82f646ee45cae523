// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionTrackList.h"

#include <algorithm>

namespace cohort {

namespace {

// The index of tp's entry in `entries` (bisected when sorted), -1 when absent.
qsizetype indexOf(const std::vector<PartitionTrackList::Entry> &entries, bool sorted, const TopicPartition &tp)
{
    if (sorted) {
        const auto it = std::lower_bound(entries.cbegin(), entries.cend(), tp,
                                         [](const PartitionTrackList::Entry &e, const TopicPartition &k) { return e.tp < k; });
        return it != entries.cend() && it->tp == tp ? it - entries.cbegin() : -1;
    }
    const auto it = std::find_if(entries.cbegin(), entries.cend(), [&tp](const PartitionTrackList::Entry &e) { return e.tp == tp; });
    return it != entries.cend() ? it - entries.cbegin() : -1;
}

}   // namespace

bool PartitionTrackList::syncTo(const QList<PartitionLag> &partitions, const std::function<PartitionLagTrack(const TopicPartition &)> &make)
{
    // The usual refresh: the same partitions as the last one, kept in place.
    const bool same = size() == partitions.size()
                   && std::equal(m_entries.cbegin(), m_entries.cend(), partitions.cbegin(),
                                 [](const Entry &e, const PartitionLag &p) { return e.tp == p.tp; });
    if (same)
        return false;
    std::vector<Entry> old = std::move(m_entries);
    std::vector<bool> taken(old.size(), false);
    m_entries.clear();
    m_entries.reserve(size_t(partitions.size()));
    qsizetype kept = 0;
    for (const PartitionLag &p : partitions) {
        const qsizetype i = indexOf(old, m_sorted, p.tp);
        if (i >= 0 && !taken[size_t(i)]) {
            taken[size_t(i)] = true;
            m_entries.push_back(std::move(old[size_t(i)]));
            ++kept;
        } else {
            m_entries.push_back(Entry{p.tp, make(p.tp)});   // new, or listed twice: a track of its own
        }
    }
    // Snapshots keep their partitions sorted; a hand-made one may not.
    m_sorted = std::is_sorted(m_entries.cbegin(), m_entries.cend(), [](const Entry &a, const Entry &b) { return a.tp < b.tp; });
    return kept < qsizetype(old.size());
}

const PartitionLagTrack *PartitionTrackList::find(const TopicPartition &tp) const
{
    const qsizetype i = indexOf(m_entries, m_sorted, tp);
    return i >= 0 ? &m_entries[size_t(i)].track : nullptr;
}

}   // namespace cohort
