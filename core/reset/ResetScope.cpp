// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetScope.h"

#include <algorithm>

namespace cohort {

ResetScope ResetScope::allTopics()
{
    ResetScope s;
    s.m_all = true;
    return s;
}

ResetScope ResetScope::topics(const QList<Topic> &topics)
{
    ResetScope s;
    s.m_topics = topics;
    return s;
}

Result<ResetScope::Topic, QString> ResetScope::parseTopicArgument(const QString &argument)
{
    const QStringList parts = argument.split(QLatin1Char(':'));
    if (parts.size() > 2 || parts.first().isEmpty())
        return tr("invalid topic '%1': expected TOPIC or TOPIC:PARTITION,PARTITION...").arg(argument);
    Topic t{parts.first(), {}};
    if (parts.size() == 2) {
        for (const QString &p : parts.at(1).split(QLatin1Char(','))) {
            bool ok = false;
            const int n = p.trimmed().toInt(&ok);
            if (!ok || n < 0)
                return tr("invalid partition '%1' in '%2': partitions are whole numbers from 0").arg(p, argument);
            if (!t.partitions.contains(n))
                t.partitions << n;
        }
    }
    return t;
}

QSet<QString> ResetScope::topicNames() const
{
    QSet<QString> out;
    for (const Topic &t : m_topics)
        out.insert(t.name);
    return out;
}

bool ResetScope::contains(const TopicPartition &tp) const
{
    if (m_all)
        return true;
    for (const Topic &t : m_topics)
        if (t.name == tp.topic && (t.partitions.isEmpty() || t.partitions.contains(tp.partition)))
            return true;
    return false;
}

Result<QList<TopicPartition>, QStringList> ResetScope::resolve(const ClusterMetadata &metadata,
                                                               const QList<TopicPartition> &committed) const
{
    QList<TopicPartition> out;
    QStringList errors;
    if (m_all) {
        out = committed;
    } else {
        for (const Topic &chosen : m_topics) {
            const auto topic
                = std::find_if(metadata.topics.cbegin(), metadata.topics.cend(), [&](const TopicInfo &t) { return t.name == chosen.name; });
            if (topic == metadata.topics.cend()) {
                errors << tr("topic '%1' does not exist").arg(chosen.name);
                continue;
            }
            if (chosen.partitions.isEmpty()) {
                for (const PartitionInfo &p : topic->partitions)
                    out << TopicPartition{chosen.name, p.partition};
                continue;
            }
            for (const int n : chosen.partitions) {
                const bool exists = std::any_of(topic->partitions.cbegin(), topic->partitions.cend(),
                                                [n](const PartitionInfo &p) { return p.partition == n; });
                if (exists)
                    out << TopicPartition{chosen.name, n};
                else
                    errors << tr("topic '%1' has no partition %2 (it has %n partition(s))", nullptr, int(topic->partitions.size()))
                                  .arg(chosen.name)
                                  .arg(n);
            }
        }
    }
    if (!errors.isEmpty())
        return errors;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}   // namespace cohort
