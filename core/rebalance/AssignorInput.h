// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace cohort {

// One member as an assignor sees it: what it subscribes to and what it owns
// now (its current assignment, empty for a new member).
struct AssignorMember
{
    QString memberId;
    QString groupInstanceId;   // static members sort before dynamic ones (Kafka's MemberInfo order)
    QString rack;              // client.rack; only used by Kafka when partition racks are known too
    QStringList topics;
    QList<TopicPartition> owned;

    bool operator==(const AssignorMember &) const = default;
};

struct AssignorTopic
{
    QString name;
    int partitions = 0;
    QString topicId;   // Kafka's topic id (base64), when known: the uniform assignor's topic order depends on it

    bool operator==(const AssignorTopic &) const = default;
};

// What an assignor is given: the members (in the order the group coordinator
// listed them, members that join last) and the topics that exist.
struct AssignorInput
{
    QList<AssignorMember> members;
    QList<AssignorTopic> topics;

    int partitionCount(const QString &topic) const
    {
        for (const AssignorTopic &t : topics)
            if (t.name == topic)
                return t.partitions;
        return -1;
    }
    // The topic ids given, by topic name (topics without one are absent).
    QHash<QString, QString> topicIds() const
    {
        QHash<QString, QString> ids;
        for (const AssignorTopic &t : topics)
            if (!t.topicId.isEmpty())
                ids.insert(t.name, t.topicId);
        return ids;
    }
};

// Whose implementation of a client-side assignor: Kafka's Java client,
// librdkafka (and the clients on it: confluent-kafka, kcat...) or kafka-python
// (a pure-Python client with assignors of its own). They differ in the sticky
// assignors and in how range and roundrobin order a mix of static and
// dynamic members. The group's leader runs the assignor, so it is the
// leader's client that counts.
enum class ClientImplementation { Java, Librdkafka, KafkaPython };

// Member id → its partitions, each list sorted by topic then partition.
using Assignment = QMap<QString, QList<TopicPartition>>;

}   // namespace cohort
