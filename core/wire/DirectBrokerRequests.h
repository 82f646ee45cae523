// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"
#include "core/snapshot/RefreshProgress.h"
#include "core/wire/Answered.h"
#include "core/wire/KafkaWireConnection.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QSet>
#include <QStringList>

#include <optional>

namespace cohort {

// The requests Cohort sends to brokers itself, over KafkaWireConnection
// (plaintext or TLS, with or without SASL, as the connection's properties say),
// where librdkafka 2.0.2 is slow or cannot ask or cannot say who failed:
// ListGroups per broker (which broker did not answer), DescribeGroups v4 for
// many groups per coordinator (with group.instance.id), ConsumerGroupDescribe
// for KIP-848 groups (which DescribeGroups answers Dead), OffsetFetch per group
// pipelined per coordinator (including "every committed partition"), and
// ListOffsets per leader. It learns brokers, leaders and coordinators from
// the metadata and group listings the client fetches anyway, and asks
// FindCoordinator for the groups it has not seen listed or whose coordinator
// moved. Every call is blocking (pool threads only), thread-safe, keeps the
// deadline of `progress` (each connection waits only what is left of it),
// makes one attempt (the caller retries, RetryBackoff), and returns with its
// answers what it could not do and why (Answered::failed) so that the caller
// can retry, fall back to librdkafka, or report just those.
class DirectBrokerRequests
{
public:
    // timeoutMs: the most any one connection waits, whatever the deadline.
    // sasl: SASL_PLAINTEXT or SASL_SSL; tls: SSL or SASL_SSL.
    DirectBrokerRequests(int timeoutMs, std::optional<KafkaWireConnection::Sasl> sasl, std::optional<TlsSettings> tls = std::nullopt);

    void learnMetadata(const ClusterMetadata &metadata);
    // Brokers only (leaders untouched), for a listing before the first metadata.
    void learnBrokers(const QList<BrokerInfo> &brokers);
    void learnCoordinators(const QList<GroupDescription> &groups);

    // ListGroups on these brokers (every known one when empty): v5, with each
    // group's type and its true state, where the broker offers it (ApiVersions,
    // asked once per broker), else v2. The broker answering is the
    // coordinator of the groups it lists (learnt for the requests below).
    Answered<QList<GroupListing>, int> listGroups(const RefreshProgress &progress, const QList<int> &brokers = {});
    // Consumer-type groups (as the listing typed them) with ConsumerGroupDescribe
    // where their coordinator offers it, the others with DescribeGroups v4;
    // a group DescribeGroups answers Dead with no members whose type is not
    // known (not listed yet) is asked ConsumerGroupDescribe too, and keeps
    // the Dead answer when that says it is no consumer group.
    Answered<QList<GroupDescription>, QString> describeGroups(const QStringList &groupIds, const RefreshProgress &progress);
    // FindCoordinator (v1, one request per group, all to one broker) for
    // groups whose coordinator is unknown or moved; learns each answer (and
    // the coordinator's address) and returns the groups it found.
    QStringList findCoordinators(const QStringList &groupIds, const RefreshProgress &progress);
    int brokerCount() const;
    QList<int> brokerIds() const;   // sorted
    // "host:port" of a broker, empty when unknown.
    QString addressOf(int brokerId) const;
    // The coordinator last learnt for the group, -1 when unknown.
    int coordinatorOf(const QString &groupId) const;
    // An empty partition list asks for every partition the group has committed.
    Answered<QHash<QString, GroupOffsets>, QString> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &partitionsByGroup,
                                                                          const RefreshProgress &progress) const;
    Answered<QHash<TopicPartition, Watermarks>, TopicPartition> fetchWatermarks(const QList<TopicPartition> &partitions, bool readCommitted,
                                                                                const RefreshProgress &progress) const;
    // The leader the metadata named for the partition, -1 when unknown.
    int leaderOf(const TopicPartition &tp) const;
    // What learnApiVersions learnt so far: per broker, API key -> highest version.
    QHash<int, QHash<qint16, qint16>> knownApiVersions() const;
    // The API versions the first bootstrap broker offers (empty on failure).
    QList<QPair<int, QString>> apiVersions(const QString &bootstrap) const;

private:
    QHash<int, QPair<QString, quint16>> addresses() const;
    // ApiVersions v0 of the brokers not asked yet (at most half of what is
    // left of the deadline), remembered; returns the brokers that did not answer.
    QHash<int, KafkaError> learnApiVersions(const QList<int> &brokers, const RefreshProgress &progress);
    // The highest version of the API the broker offers; -1 when none or not known.
    qint16 maxVersion(int broker, qint16 apiKey) const;
    Answered<QList<GroupDescription>, QString> describeClassicGroups(const QStringList &groupIds, const RefreshProgress &progress) const;
    // onlyIfConsumerGroup: groups whose GROUP_ID_NOT_FOUND means "not a
    // consumer group" (their DescribeGroups answer stands): left out of both lists.
    Answered<QList<GroupDescription>, QString> describeConsumerGroups(const QStringList &groupIds, const QSet<QString> &onlyIfConsumerGroup,
                                                                      const RefreshProgress &progress) const;

    const int m_timeoutMs;
    const std::optional<KafkaWireConnection::Sasl> m_sasl;
    const std::optional<TlsSettings> m_tls;
    mutable QMutex m_mutex;
    QHash<int, QPair<QString, quint16>> m_brokers;
    QHash<QString, int> m_coordinators;
    QHash<TopicPartition, int> m_leaders;
    QHash<int, QHash<qint16, qint16>> m_maxVersions;   // per broker, API key -> highest version, from ApiVersions
    QHash<QString, GroupType> m_types;                 // as the last listing typed each group
};

}   // namespace cohort
