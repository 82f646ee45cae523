// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ByteReader.h"
#include "sandbox/RequestContext.h"
#include "sandbox/SandboxConfig.h"
#include "sandbox/broker/PartitionLog.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTimer;

namespace cohort::sandbox {

class BrokerNetwork;
class ClusterEngine;

// The sandbox cluster's topics and their partition logs, and the data APIs
// over them: ApiVersions, Metadata, Produce (with idempotent producers' sequence
// checks), Fetch (waiting for min_bytes or max_wait_ms), ListOffsets,
// FindCoordinator, CreateTopics, DeleteRecords, InitProducerId and
// DescribeConfigs. Part of ClusterEngine, on its thread.
class DataApis
{
    Q_DISABLE_COPY_MOVE(DataApis)

public:
    // engine (coordinators, log lines, the parent of fetch timers) and network
    // (which brokers are up) must outlive this.
    DataApis(ClusterEngine &engine, const SandboxConfig &config, const BrokerNetwork &network);
    ~DataApis();

    // Answers every waiting Fetch no more (their connections are closing).
    void shutdown();

    // --- topics ---
    bool partitionExists(const QString &topic, int partition) const;
    int partitionCount(const QString &topic) const;                   // 0: no such topic
    bool createTopic(const QString &topic, int partitions);           // false if it exists or is invalid
    qint64 logEndOffset(const QString &topic, int partition) const;   // -1: no such partition
    QStringList topicNames() const { return m_topics.keys(); }
    PartitionLog *log(const QString &topic, int partition) const;
    int leaderOf(const QString &topic, int partition) const;   // -1 when no broker is up
    qint64 appendRecords(const QString &topic, int partition, const QList<QPair<QByteArray, QByteArray>> &records, qint64 ts);
    qint64 storedBytes() const;

    // --- data APIs ---
    // Each decodes its request and answers through respond; false when the
    // request is malformed. forced, when not None, is the injected error code
    // to answer with.
    bool handleApiVersions(const RequestContext &ctx, Responder &respond);
    bool handleMetadata(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleProduce(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleFetch(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleListOffsets(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleFindCoordinator(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleCreateTopics(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleDeleteRecords(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleInitProducerId(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced);
    bool handleDescribeConfigs(const RequestContext &ctx, ByteReader &r, Responder &respond);

private:
    struct Topic
    {
        std::vector<std::shared_ptr<PartitionLog>> partitions;   // shared: QMap values must be copyable
    };
    struct FetchWait;

    // What broker brokerId answers a request for a partition with before the
    // API's own checks, in Kafka's order: the injected error (forced), then
    // UnknownTopicOrPartition, then NotLeaderOrFollower; None when it may go on.
    qint16 partitionError(int brokerId, const QString &topic, int partition, qint16 forced) const;
    void wakeFetches(const QString &topic, int partition);
    bool fetchReady(const FetchWait &w) const;
    void answerFetch(FetchWait &w);

    ClusterEngine &m_engine;
    const SandboxConfig &m_config;
    const BrokerNetwork &m_network;
    QMap<QString, Topic> m_topics;
    std::vector<std::unique_ptr<FetchWait>> m_fetchWaits;
    qint64 m_nextProducerId = 1000;
    // Idempotent producers: next expected sequence per (producer id, topic, partition).
    QHash<QString, qint32> m_sequences;
};

}   // namespace cohort::sandbox
