// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ByteReader.h"
#include "sandbox/RequestContext.h"
#include "sandbox/SandboxConfig.h"
#include "sandbox/broker/BrokerNetwork.h"
#include "sandbox/broker/DataApis.h"
#include "sandbox/broker/FaultInjector.h"
#include "sandbox/broker/PartitionLog.h"
#include "sandbox/coordinator/ClusterView.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

namespace cohort::sandbox {

class BrokerConnection;
class GroupCoordinator;

// The whole sandbox cluster on its own thread: routes each request to the
// group coordinator or the data APIs (DataApis), applying injected faults
// (FaultInjector), over the brokers' listeners and connections (BrokerNetwork).
// No locks: everything runs on the thread this object lives on; SandboxCluster
// marshals calls here.
class ClusterEngine
    : public QObject
    , public ClusterView
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
    QList<int> brokerIds() const { return m_network.brokerIds(); }
    quint16 brokerPort(int id) const { return m_network.brokerPort(id); }
    bool isBrokerUp(int id) const { return m_network.isBrokerUp(id); }
    int controllerId() const { return m_network.controllerId(); }
    QString bootstrapServers() const { return m_network.bootstrapServers(); }
    int leaderOf(const QString &topic, int partition) const { return m_data.leaderOf(topic, partition); }
    QStringList topicNames() const { return m_data.topicNames(); }
    PartitionLog *log(const QString &topic, int partition) const { return m_data.log(topic, partition); }
    qint64 appendRecords(const QString &topic, int partition, const QList<QPair<QByteArray, QByteArray>> &records, qint64 ts)
    {
        return m_data.appendRecords(topic, partition, records, ts);
    }
    qint64 storedBytes() const { return m_data.storedBytes(); }

    // --- faults ---
    void stopBroker(int id) { m_network.stopBroker(id); }
    bool startBroker(int id, QString *error = nullptr) { return m_network.startBroker(id, error); }
    void setLatency(int id, int ms) { m_faults.setLatency(id, ms); }
    int latencyOf(int id) const { return m_faults.latencyOf(id); }
    void injectError(qint16 apiKey, qint16 errorCode, int count, int brokerId) { m_faults.injectError(apiKey, errorCode, count, brokerId); }
    void moveCoordinator(const QString &groupId, int brokerId) { m_faults.moveCoordinator(groupId, brokerId); }
    void clearFaults() { m_faults.clear(); }

    // --- counters ---
    qint64 requestCount(qint16 apiKey) const;
    qint64 connectionCount() const { return m_network.connectionCount(); }

    // Called by BrokerConnection. dispatch() returns false to close the connection.
    bool dispatch(BrokerConnection *conn, const RequestContext &ctx, ByteReader &body, Responder respond);
    void connectionClosed(BrokerConnection *conn, const QString &reason);
    void log(const QString &line);

Q_SIGNALS:
    void logLine(const QString &line);

private:
    SandboxConfig m_config;   // before the parts, which keep a reference to it
    BrokerNetwork m_network;
    DataApis m_data;
    FaultInjector m_faults;
    std::unique_ptr<GroupCoordinator> m_coordinator;
    QHash<qint16, qint64> m_requestCounts;
};

}   // namespace cohort::sandbox
