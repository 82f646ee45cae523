// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/ClusterTypes.h"

#include <QCoreApplication>

namespace cohort {

QList<TopicPartition> ClusterMetadata::partitions() const
{
    QList<TopicPartition> out;
    for (const TopicInfo &t : topics)
        if (!t.internal)
            for (const PartitionInfo &p : t.partitions)
                out.append(TopicPartition{t.name, p.partition});
    return out;
}

QMap<QString, QList<int>> partitionsByTopic(const QList<TopicPartition> &partitions)
{
    QMap<QString, QList<int>> out;
    for (const TopicPartition &tp : partitions)
        out[tp.topic].append(tp.partition);
    return out;
}

void GroupDescription::markNotDescribable()
{
    describable = false;
    note = QCoreApplication::translate("GroupDescription",
                                       "The coordinator could not describe this group (%1); offsets and lag are still shown.")
               .arg(errorName);
}

GroupState groupStateFromString(const QString &s)
{
    if (s == QLatin1String("Empty"))
        return GroupState::Empty;
    if (s == QLatin1String("PreparingRebalance"))
        return GroupState::PreparingRebalance;
    if (s == QLatin1String("CompletingRebalance"))
        return GroupState::CompletingRebalance;
    if (s == QLatin1String("Stable"))
        return GroupState::Stable;
    if (s == QLatin1String("Dead"))
        return GroupState::Dead;
    return GroupState::Unknown;
}

QString groupStateToString(GroupState s)
{
    switch (s) {
    case GroupState::Empty: return QStringLiteral("Empty");
    case GroupState::PreparingRebalance: return QStringLiteral("PreparingRebalance");
    case GroupState::CompletingRebalance: return QStringLiteral("CompletingRebalance");
    case GroupState::Stable: return QStringLiteral("Stable");
    case GroupState::Dead: return QStringLiteral("Dead");
    case GroupState::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

}   // namespace cohort
