// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"
#include "core/wire/Answered.h"
#include "core/wire/KafkaWireConnection.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QStringList>

#include <optional>

namespace cohort {

// The requests Cohort sends to brokers itself, over KafkaWireConnection,
// where librdkafka 2.0.2 is slow or cannot ask: DescribeGroups v4 for many
// groups per coordinator (with group.instance.id), OffsetFetch per group
// pipelined per coordinator (including "every committed partition"), and
// ListOffsets per leader. It learns brokers, leaders and coordinators from
// the metadata and group listings the client fetches anyway, and asks
// FindCoordinator for the few groups it has not seen listed. Every call is
// blocking (pool threads only), thread-safe, and returns with its answers
// what it could not do (Answered::failed) so the caller can fall back to
// librdkafka for just those.
class DirectBrokerRequests
{
public:
    DirectBrokerRequests(int timeoutMs, std::optional<KafkaWireConnection::SaslPlain> sasl);

    void learnMetadata(const ClusterMetadata &metadata);
    // Brokers only (leaders untouched), for a listing before the first metadata.
    void learnBrokers(const QList<BrokerInfo> &brokers);
    void learnCoordinators(const QList<GroupDescription> &groups);

    Answered<QList<GroupDescription>, QString> describeGroups(const QStringList &groupIds) const;
    // FindCoordinator (v1, one request per group, all to one broker) for
    // groups whose coordinator is unknown or moved; learns each answer (and
    // the coordinator's address) and returns the groups it found.
    QStringList findCoordinators(const QStringList &groupIds);
    int brokerCount() const;
    // An empty partition list asks for every partition the group has committed.
    Answered<QHash<QString, GroupOffsets>, QString> fetchCommittedOffsets(
        const QHash<QString, QList<TopicPartition>> &partitionsByGroup) const;
    Answered<QHash<TopicPartition, Watermarks>, TopicPartition> fetchWatermarks(const QList<TopicPartition> &partitions,
                                                                                bool readCommitted) const;
    // The API versions the first bootstrap broker offers (empty on failure).
    QList<QPair<int, QString>> apiVersions(const QString &bootstrap) const;
    // ListGroups v5 (with each group's type) on every known broker that
    // offers it, which it asks once per broker with ApiVersions and
    // remembers. Learns each listed group's coordinator. Failed: the brokers
    // that offer no v5 (before Kafka 3.8, the sandbox), could not be reached
    // or answered with an error; their groups are not in the answer.
    Answered<QList<GroupListing>, int> listGroups();

private:
    QHash<int, QPair<QString, quint16>> addresses() const;

    const int m_timeoutMs;
    const std::optional<KafkaWireConnection::SaslPlain> m_sasl;
    mutable QMutex m_mutex;
    QHash<int, QPair<QString, quint16>> m_brokers;
    QHash<QString, int> m_coordinators;
    QHash<TopicPartition, int> m_leaders;
    QHash<int, qint16> m_listGroupsMaxVersion;   // per broker, from ApiVersions
};

}   // namespace cohort
