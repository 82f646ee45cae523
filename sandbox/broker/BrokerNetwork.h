// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ByteReader.h"
#include "sandbox/RequestContext.h"
#include "sandbox/SandboxConfig.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

class QTcpServer;

namespace cohort::sandbox {

class BrokerConnection;
class ClusterEngine;

// The sandbox cluster's brokers on the network: one listener per broker, the
// open client connections, a broker going down and up again, and SASL/PLAIN
// authentication of a connection. Part of ClusterEngine, on its thread.
class BrokerNetwork
{
    Q_DECLARE_TR_FUNCTIONS(BrokerNetwork)
    Q_DISABLE_COPY_MOVE(BrokerNetwork)

public:
    // engine owns the listeners and connections (as QObject children) and is
    // what connections hand their requests to; it must outlive the network.
    BrokerNetwork(ClusterEngine &engine, const SandboxConfig &config);

    // Listens for config.brokers brokers; on failure closes what it opened.
    bool start(QString *error);
    // Closes every connection and listener.
    void shutdown();

    QList<int> brokerIds() const { return m_brokerOrder; }
    bool hasBroker(int id) const { return m_brokers.contains(id); }
    quint16 brokerPort(int id) const;
    bool isBrokerUp(int id) const;
    // The first live broker from position index of brokerIds() on, wrapping
    // round; -1 when none is up.
    int liveBrokerAtOrAfter(int index) const;
    int controllerId() const;
    QString bootstrapServers() const;

    // A stopped broker's listener and connections close; it listens again on
    // the same port when started.
    void stopBroker(int id);
    bool startBroker(int id, QString *error = nullptr);

    // False when the connection was already forgotten (closed twice).
    bool forget(BrokerConnection *conn) { return m_connections.remove(conn); }
    qint64 connectionCount() const { return m_connections.size(); }

    bool handleSaslHandshake(BrokerConnection *conn, const RequestContext &ctx, ByteReader &r, Responder &respond);
    bool handleSaslAuthenticate(BrokerConnection *conn, const RequestContext &ctx, ByteReader &r, Responder &respond);

private:
    struct Broker
    {
        int id = 0;
        quint16 port = 0;
        QTcpServer *server = nullptr;   // null while stopped
    };

    bool listen(Broker &b, QString *error);

    ClusterEngine &m_engine;
    const SandboxConfig &m_config;
    QMap<int, Broker> m_brokers;
    QList<int> m_brokerOrder;
    QSet<BrokerConnection *> m_connections;
    quint64 m_nextConnectionId = 0;
};

}   // namespace cohort::sandbox
