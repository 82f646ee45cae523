// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core/kafka: the librdkafka connection that RdKafkaClusterClient
// makes and RdKafkaClusterAdmin shares. Nothing outside core/kafka includes it.

#include "core/kafka/KafkaError.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/wire/BrokerRelay.h"
#include "core/wire/DirectBrokerRequests.h"

#include <QFuture>
#include <QMutex>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent>

#include <memory>
#include <optional>

#include <librdkafka/rdkafka.h>

namespace cohort {

// The librdkafka handle of one connection, the last error its threads
// reported (for hints: "Connect to ipv4#10.0.0.1:9092 failed: Connection
// refused") and what Cohort needs to open its own protocol connections.
// Every call in flight holds it; the last one frees it.
struct RdKafkaClusterClient::Handle
{
    rd_kafka_t *rk = nullptr;
    QMutex mutex;
    QString lastError;
    // Cohort's own requests where it can open connections itself (PLAINTEXT
    // or SSL, and SASL over either with PLAIN or SCRAM); null otherwise (GSSAPI,
    // OAUTHBEARER, or OwnConnections::Never), and librdkafka does all.
    std::unique_ptr<DirectBrokerRequests> direct;
    // For Cohort's own connections (meaningful only where direct is set).
    QString bootstrap;
    std::optional<KafkaWireConnection::Sasl> sasl;   // SASL_PLAINTEXT, SASL_SSL
    std::optional<TlsSettings> tls;                  // SSL, SASL_SSL
    // Between librdkafka and a SCRAM cluster when librdkafka's own SCRAM
    // fails (before 2.6.1): librdkafka then connects only to it. Destroyed
    // after rk and recordReader (the destructor's body frees those first).
    std::unique_ptr<BrokerRelay> relay;
    // The partitions of the last metadata read: what "every partition" means
    // for an Empty group's offsets through librdkafka, without reading the
    // metadata of every topic again (a one-group refresh must not).
    std::optional<QList<TopicPartition>> lastPartitions;
    // The last metadata read whole: what a refresh goes on with when no
    // broker answers Metadata in time (marked notRefreshed).
    std::optional<ClusterMetadata> lastMetadata;
    // The connection's properties, for the record reader; and the reader: a
    // consumer of its own that fetches one record per partition
    // (fetchRecordTimestamps), made on first use, one fetch at a time.
    RdKafkaClusterClient::Properties properties;
    QMutex readerMutex;
    rd_kafka_t *recordReader = nullptr;

    ~Handle();
    QString takeLastError();
    void rememberPartitions(QList<TopicPartition> partitions)
    {
        QMutexLocker lock(&mutex);
        lastPartitions = std::move(partitions);
    }
    void rememberMetadata(const ClusterMetadata &metadata)
    {
        QMutexLocker lock(&mutex);
        lastMetadata = metadata;
    }
    std::optional<ClusterMetadata> rememberedMetadata()
    {
        QMutexLocker lock(&mutex);
        return lastMetadata;
    }
    std::optional<QList<TopicPartition>> rememberedPartitions()
    {
        QMutexLocker lock(&mutex);
        return lastPartitions;
    }

    // A KafkaError for a librdkafka error, with what the handle's threads last
    // reported as detail (a refused connection, a failed authentication).
    KafkaError withDetail(rd_kafka_resp_err_t err);

    // Admin options with this request timeout; the caller destroys them.
    rd_kafka_AdminOptions_t *adminOptions(rd_kafka_admin_op_t op, int timeoutMs) const;

    // The result event of an admin call on its own queue, or null after the
    // request timeout (plus a second for librdkafka to report it itself).
    static rd_kafka_event_t *awaitEvent(rd_kafka_queue_t *q, int timeoutMs);

    // Blocking librdkafka calls get their own threads: the global pool has one
    // per core, and a slow cluster must not starve the rest of the app.
    static QThreadPool *pool();
};

// Small helpers both users of the handle share.
namespace rdkafka {

inline QString str(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

// Runs a blocking call on the handle's pool; the future completes with its result.
template<typename T, typename F>
QFuture<Result<T>> runAsync(F f)
{
    return QtConcurrent::run(RdKafkaClusterClient::Handle::pool(), std::move(f));
}

}   // namespace rdkafka
}   // namespace cohort
