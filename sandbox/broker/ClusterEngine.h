// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/RequestContext.h"
#include "sandbox/SandboxConfig.h"
#include "sandbox/broker/PartitionLog.h"
#include "sandbox/coordinator/ClusterView.h"
#include "core/wire/ByteReader.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

class QTcpServer;
class QTimer;

namespace cohort {
class ByteWriter;
}

namespace cohort::sandbox {

class BrokerConnection;
class GroupCoordinator;

// The whole sandbox cluster on its own thread: brokers (listeners), topics and
// their logs, the data APIs, fault injection, and the group coordinator. No
// locks: everything runs on the thread this object lives on; SandboxCluster
// marshals calls here.
class ClusterEngine : public QObject, public ClusterView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterEngine)

public:
    explicit ClusterEngine(const SandboxConfig &config);
    ~ClusterEngine() override;

    bool start(QString *error);
    void shutdown();

    const SandboxConfig &config() const { return m_config; }
    GroupCoordinator &coordinator() { return *m_coordinator; }

    // --- ClusterView ---
    int coordinatorFor(const QString &groupId) const override;
    bool partitionExists(const QString &topic, int partition) const override;
    int partitionCount(const QString &topic) const override;
    bool createTopic(const QString &topic, int partitions) override;
    qint64 logEndOffset(const QString &topic, int partition) const override;

    // --- brokers and topics ---
    QList<int> brokerIds() const { return m_brokerOrder; }
    quint16 brokerPort(int id) const;
    bool isBrokerUp(int id) const;
    int controllerId() const;
    QString bootstrapServers() const;
    int leaderOf(const QString &topic, int partition) const;   // -1 when no broker is up
    QStringList topicNames() const { return m_topics.keys(); }
    PartitionLog *log(const QString &topic, int partition) const;
    qint64 appendRecords(const QString &topic, int partition, const QList<QPair<QByteArray, QByteArray>> &records, qint64 ts);
    qint64 storedBytes() const;

    // --- faults ---
    void stopBroker(int id);
    bool startBroker(int id, QString *error = nullptr);
    void setLatency(int id, int ms);
    int latencyOf(int id) const { return m_latency.value(id, 0); }
    void injectError(qint16 apiKey, qint16 errorCode, int count, int brokerId);
    void moveCoordinator(const QString &groupId, int brokerId);
    void clearFaults();

    // --- counters ---
    qint64 requestCount(qint16 apiKey) const;
    qint64 connectionCount() const { return m_connections.size(); }

    // Called by BrokerConnection. dispatch() returns false to close the connection.
    bool dispatch(BrokerConnection *conn, const RequestContext &ctx, ByteReader &body, Responder respond);
    void connectionClosed(BrokerConnection *conn, const QString &reason);
    void log(const QString &line);

Q_SIGNALS:
    void logLine(const QString &line);

private:
    struct Broker
    {
        int id = 0;
        quint16 port = 0;
        QTcpServer *server = nullptr;   // null while stopped
    };
    struct Topic
    {
        std::vector<std::shared_ptr<PartitionLog>> partitions;   // shared: QMap values must be copyable
    };
    struct FetchWait;
    struct InjectedError
    {
        qint16 apiKey;
        qint16 errorCode;
        int remaining;
        int brokerId;
    };

    bool listen(Broker &b, QString *error);
    int liveBrokerAtOrAfter(int index) const;
    qint16 takeInjectedError(const RequestContext &ctx);
    void wakeFetches(const QString &topic, int partition);

    // Data APIs: each decodes its request and answers through respond.
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
    bool handleSaslHandshake(BrokerConnection *conn, const RequestContext &ctx, ByteReader &r, Responder &respond);
    bool handleSaslAuthenticate(BrokerConnection *conn, const RequestContext &ctx, ByteReader &r, Responder &respond);
    bool fetchReady(const FetchWait &w) const;
    void answerFetch(FetchWait &w);

    SandboxConfig m_config;
    QMap<int, Broker> m_brokers;
    QList<int> m_brokerOrder;
    QMap<QString, Topic> m_topics;
    std::unique_ptr<GroupCoordinator> m_coordinator;
    QSet<BrokerConnection *> m_connections;
    quint64 m_nextConnectionId = 0;
    std::vector<std::unique_ptr<FetchWait>> m_fetchWaits;
    QHash<int, int> m_latency;
    QList<InjectedError> m_injected;
    QHash<QString, int> m_movedCoordinators;
    QHash<qint16, qint64> m_requestCounts;
    qint64 m_nextProducerId = 1000;
    // Idempotent producers: next expected sequence per (producer id, topic, partition).
    QHash<QString, qint32> m_sequences;
};

} // namespace cohort::sandbox
