// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetPlan.h"

#include <algorithm>

namespace cohort {

qint64 GroupResetPlan::toReRead() const
{
    qint64 n = 0;
    for (const PartitionResetPlan &p : partitions)
        if (const auto c = p.change(); c && *c < 0)
            n -= *c;
    return n;
}

qint64 GroupResetPlan::toSkip() const
{
    qint64 n = 0;
    for (const PartitionResetPlan &p : partitions)
        if (const auto c = p.change(); c && *c > 0)
            n += *c;
    return n;
}

int GroupResetPlan::partitionsWithoutOffset() const
{
    return int(std::count_if(partitions.cbegin(), partitions.cend(),
                             [](const PartitionResetPlan &p) { return !p.current && !p.deleteOffset; }));
}

QHash<TopicPartition, qint64> GroupResetPlan::newOffsets() const
{
    QHash<TopicPartition, qint64> out;
    for (const PartitionResetPlan &p : partitions)
        if (!p.deleteOffset)
            out.insert(p.tp, p.newOffset);
    return out;
}

QList<TopicPartition> GroupResetPlan::deletions() const
{
    QList<TopicPartition> out;
    for (const PartitionResetPlan &p : partitions)
        if (p.deleteOffset)
            out << p.tp;
    return out;
}

const GroupResetPlan *ResetPlan::group(const QString &groupId) const
{
    for (const GroupResetPlan &g : groups)
        if (g.groupId == groupId)
            return &g;
    return nullptr;
}

ResetStrategy::OffsetsByGroup ResetPlan::newOffsets() const
{
    ResetStrategy::OffsetsByGroup out;
    for (const GroupResetPlan &g : groups)
        out.insert(g.groupId, g.newOffsets());
    return out;
}

}   // namespace cohort
