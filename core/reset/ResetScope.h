// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/snapshot/ClusterTypes.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cohort {

// Which partitions of a group a reset moves, as kafka-consumer-groups.sh's
// --all-topics and --topic T[:P,P...] say: every partition the group has
// offsets for, or chosen topics (all their partitions, or chosen ones),
// topics the group has no offsets for included (Kafka allows it).
class ResetScope
{
    Q_DECLARE_TR_FUNCTIONS(ResetScope)

public:
    struct Topic
    {
        QString name;
        QList<int> partitions;   // empty: every partition of the topic
    };

    static ResetScope allTopics();
    static ResetScope topics(const QList<Topic> &topics);
    // --topic's argument: "T" or "T:0,2".
    static Result<Topic, QString> parseTopicArgument(const QString &argument);

    bool isAllTopics() const { return m_all; }
    const QList<Topic> &chosenTopics() const { return m_topics; }
    // Chosen topics only: the topics they name.
    QSet<QString> topicNames() const;
    // Whether a partition is in the scope (any partition of the group for --all-topics).
    bool contains(const TopicPartition &tp) const;

    // The partitions to reset, sorted: for all topics the ones `committed`
    // lists, else the chosen ones as the metadata has them. Every topic or
    // partition that does not exist is an error (all of them, not the first).
    Result<QList<TopicPartition>, QStringList> resolve(const ClusterMetadata &metadata, const QList<TopicPartition> &committed) const;

private:
    bool m_all = false;
    QList<Topic> m_topics;
};

}   // namespace cohort
