// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/ClusterSnapshot.h"

#include <algorithm>

namespace cohort {

const GroupSnapshot *ClusterSnapshot::group(const QString &groupId) const
{
    // groups are sorted by id: binary search keeps lookups cheap for thousands.
    const auto it = std::lower_bound(groups.cbegin(), groups.cend(), groupId,
                                     [](const GroupSnapshot &g, const QString &id) { return g.groupId() < id; });
    return it != groups.cend() && it->groupId() == groupId ? &*it : nullptr;
}

namespace {

TopicEnds sumEnds(const QHash<TopicPartition, Watermarks> &watermarks, const TopicInfo &topic)
{
    TopicEnds e;
    TopicPartition tp{topic.name, 0};
    for (const PartitionInfo &p : topic.partitions) {
        tp.partition = p.partition;
        const auto w = watermarks.constFind(tp);
        if (w != watermarks.cend() && w->high >= 0) {
            e.knownSum += w->high;
            ++e.knownPartitions;
        } else {
            ++e.unknownPartitions;
        }
    }
    return e;
}

}   // namespace

void ClusterSnapshot::computeTopicEnds()
{
    topicEnds.clear();
    topicEnds.reserve(metadata.topics.size());
    for (const TopicInfo &t : std::as_const(metadata.topics))
        topicEnds.insert(t.name, sumEnds(watermarks, t));
}

TopicEnds ClusterSnapshot::endsOf(const TopicInfo &topic) const
{
    const auto it = topicEnds.constFind(topic.name);
    return it != topicEnds.cend() ? *it : sumEnds(watermarks, topic);
}

}   // namespace cohort
