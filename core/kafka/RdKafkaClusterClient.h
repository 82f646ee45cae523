// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterClient.h"

#include <QList>
#include <QPair>

#include <memory>

namespace cohort {

// ClusterClient over librdkafka: one rd_kafka_t per connection; every blocking
// librdkafka call runs on a private thread pool and completes a QFuture, each
// bounded by the deadline it is given (the client's timeout from now when none). Destroying the client never waits for
// calls in flight: they hold the handle, and the last one frees it.
class RdKafkaClusterClient final : public ClusterClient
{
public:
    using Properties = QList<QPair<QString, QString>>;

    // Whether Cohort may open its own protocol connections (PLAINTEXT, SSL,
    // SASL_PLAINTEXT or SASL_SSL with PLAIN or SCRAM; TLS as librdkafka makes
    // it from the same properties) for what librdkafka 2.0.2 does poorly or
    // not at all: ListGroups v5 (types and true states), ConsumerGroupDescribe,
    // OffsetFetch of every partition of a group (it cannot ask) and ListOffsets
    // of thousands of partitions (it matches answers in quadratic time).
    // Never = librdkafka only, as with GSSAPI or OAUTHBEARER. Independently of
    // this, librdkafka before 2.6.1 reaches a SCRAM cluster through a BrokerRelay.
    enum class OwnConnections { WhenPossible, Never };

    // librdkafka validates every property; a bad one comes back as an error
    // carrying librdkafka's own text.
    static Result<std::shared_ptr<RdKafkaClusterClient>> create(const Properties &properties, int timeoutMs = 10000,
                                                                OwnConnections own = OwnConnections::WhenPossible);
    ~RdKafkaClusterClient() override;

    QFuture<Result<ClusterMetadata>> fetchMetadata(Progress progress = nullptr) override;
    QFuture<Result<GroupListingAnswer>> listGroups(Progress progress = nullptr) override;
    QFuture<Result<GroupDescriptionAnswer>> describeGroups(const QStringList &groupIds, Progress progress = nullptr) override;
    QFuture<Result<CommittedOffsetsAnswer>> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &partitionsByGroup,
                                                                  Progress progress = nullptr) override;
    QFuture<Result<WatermarksAnswer>> fetchWatermarks(const QList<TopicPartition> &partitions, Progress progress = nullptr) override;
    QFuture<Result<RecordTimestampsAnswer>> fetchRecordTimestamps(const QHash<TopicPartition, qint64> &offsets,
                                                                  Progress progress = nullptr) override;
    QFuture<Result<TopicRetentionAnswer>> fetchTopicRetention(const QStringList &topics, Progress progress = nullptr) override;
    QFuture<Result<OffsetsForTimesAnswer>> offsetsForTimes(const QList<TopicPartition> &partitions, qint64 timestampMs,
                                                           Progress progress = nullptr) override;
    QFuture<Result<ConnectionReport>> testConnection() override;
    bool readCommitted() const override { return m_readCommitted; }
    QHash<int, QHash<qint16, qint16>> brokerApiVersions() const override;

    int timeoutMs() const { return m_timeoutMs; }

    // The connection itself (core/kafka/RdKafkaHandle.h), shared with
    // RdKafkaClusterAdmin so that writes use the same librdkafka handle.
    struct Handle;
    const std::shared_ptr<Handle> &handle() const { return m_handle; }

private:
    RdKafkaClusterClient() = default;
    // The caller's progress, or one with the client's timeout as deadline.
    Progress progressOrOwn(Progress progress) const;

    std::shared_ptr<Handle> m_handle;
    int m_timeoutMs = 10000;
    bool m_readCommitted = true;
    QString m_bootstrap;
};

}   // namespace cohort
