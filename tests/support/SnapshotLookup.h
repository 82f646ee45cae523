// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"

#include <QString>

namespace cohort::test {

// A group's row for one partition, or nullptr when the group has none (the
// tests assert on rows by topic and partition, not by their sorted position).
inline const PartitionLag *partition(const GroupSnapshot &g, const QString &topic, int p)
{
    for (const PartitionLag &pl : g.partitions)
        if (pl.tp == TopicPartition{topic, p})
            return &pl;
    return nullptr;
}

}   // namespace cohort::test
