// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/broker/BrokerNetwork.h"

#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "sandbox/broker/BrokerConnection.h"
#include "sandbox/broker/ClusterEngine.h"

#include <QHostAddress>
#include <QTcpServer>

using namespace cohort::ErrorCode;

namespace cohort::sandbox {

BrokerNetwork::BrokerNetwork(ClusterEngine &engine, const SandboxConfig &config)
    : m_engine(engine)
    , m_config(config)
{ }

bool BrokerNetwork::start(QString *error)
{
    const int n = qMax(1, m_config.brokers);
    for (int i = 0; i < n; ++i) {
        Broker b;
        b.id = i + 1;
        b.port = m_config.portBase ? quint16(m_config.portBase + i) : 0;
        if (!listen(b, error)) {
            shutdown();
            return false;
        }
        m_brokers.insert(b.id, b);
        m_brokerOrder.append(b.id);
    }
    return true;
}

bool BrokerNetwork::listen(Broker &b, QString *error)
{
    auto *server = new QTcpServer(&m_engine);
    if (!server->listen(QHostAddress(m_config.host), b.port)) {
        if (error)
            *error = tr("broker %1 cannot listen on %2:%3: %4").arg(b.id).arg(m_config.host).arg(b.port).arg(server->errorString());
        delete server;
        return false;
    }
    b.port = server->serverPort();
    b.server = server;
    const int id = b.id;
    QObject::connect(server, &QTcpServer::newConnection, &m_engine, [this, server, id] {
        while (QTcpSocket *sock = server->nextPendingConnection()) {
            auto *conn = new BrokerConnection(&m_engine, id, ++m_nextConnectionId, sock, &m_engine);
            m_connections.insert(conn);
            m_engine.log(QStringLiteral("broker %1: connection %2 from %3").arg(id).arg(conn->id()).arg(conn->peer()));
        }
    });
    return true;
}

void BrokerNetwork::shutdown()
{
    const auto conns = m_connections;
    for (BrokerConnection *c : conns)
        c->close(QStringLiteral("shutdown"));
    m_connections.clear();
    for (auto &b : m_brokers) {
        delete b.server;
        b.server = nullptr;
    }
}

int BrokerNetwork::liveBrokerAtOrAfter(int index) const
{
    const int n = int(m_brokerOrder.size());
    for (int k = 0; k < n; ++k) {
        const int id = m_brokerOrder.at((index + k) % n);
        if (isBrokerUp(id))
            return id;
    }
    return -1;
}

quint16 BrokerNetwork::brokerPort(int id) const
{
    return m_brokers.value(id).port;
}

bool BrokerNetwork::isBrokerUp(int id) const
{
    const auto it = m_brokers.constFind(id);
    return it != m_brokers.cend() && it->server != nullptr;
}

int BrokerNetwork::controllerId() const
{
    return liveBrokerAtOrAfter(0);
}

QString BrokerNetwork::bootstrapServers() const
{
    QStringList parts;
    for (int id : m_brokerOrder)
        parts << m_config.host + QLatin1Char(':') + QString::number(m_brokers.value(id).port);
    return parts.join(QLatin1Char(','));
}

void BrokerNetwork::stopBroker(int id)
{
    auto it = m_brokers.find(id);
    if (it == m_brokers.end() || !it->server)
        return;
    delete it->server;
    it->server = nullptr;
    const auto conns = m_connections;
    for (BrokerConnection *c : conns)
        if (c->brokerId() == id)
            c->close(QStringLiteral("broker stopped"));
    m_engine.log(QStringLiteral("broker %1: stopped").arg(id));
}

bool BrokerNetwork::startBroker(int id, QString *error)
{
    auto it = m_brokers.find(id);
    if (it == m_brokers.end())
        return false;
    if (it->server)
        return true;
    const bool ok = listen(*it, error);
    if (ok)
        m_engine.log(QStringLiteral("broker %1: started on port %2").arg(id).arg(it->port));
    return ok;
}

bool BrokerNetwork::handleSaslHandshake(BrokerConnection *conn, const RequestContext &, ByteReader &r, Responder &respond)
{
    const QString mechanism = r.string();
    if (!r.ok())
        return false;
    const bool ok = !m_config.saslPlainUsers.isEmpty() && mechanism == QLatin1String("PLAIN");
    ByteWriter w;
    w.int16(ok ? None : UnsupportedSaslMechanism);
    w.arrayLength(m_config.saslPlainUsers.isEmpty() ? 0 : 1);
    if (!m_config.saslPlainUsers.isEmpty())
        w.string(QStringLiteral("PLAIN"));
    conn->setSaslHandshakeDone(ok);
    respond(w.take());
    return true;
}

bool BrokerNetwork::handleSaslAuthenticate(BrokerConnection *conn, const RequestContext &ctx, ByteReader &r, Responder &respond)
{
    const QByteArray token = r.bytes();
    if (!r.ok())
        return false;
    qint16 error = None;
    QString message;
    if (!conn->saslHandshakeDone()) {
        error = IllegalSaslState;
        message = QStringLiteral("SaslAuthenticate before SaslHandshake");
    } else {
        // PLAIN: authzid \0 authcid \0 password
        const QList<QByteArray> parts = token.split('\0');
        const QString user = parts.size() == 3 ? QString::fromUtf8(parts.at(1)) : QString();
        const QString password = parts.size() == 3 ? QString::fromUtf8(parts.at(2)) : QString();
        const auto it = m_config.saslPlainUsers.constFind(user);
        if (parts.size() != 3 || it == m_config.saslPlainUsers.cend() || *it != password) {
            error = SaslAuthenticationFailed;
            message = QStringLiteral("Authentication failed: Invalid username or password");
            m_engine.log(
                QStringLiteral("broker %1: %2: SASL/PLAIN authentication failed for user '%3'").arg(ctx.brokerId).arg(conn->peer(), user));
        } else {
            conn->setAuthenticated(true);
        }
    }
    ByteWriter w;
    w.int16(error);
    w.nullableString(message.isEmpty() ? std::nullopt : std::optional<QString>(message));
    w.bytes(QByteArray());
    if (ctx.apiVersion >= 1)
        w.int64(0);
    respond(w.take());
    return true;
}

}   // namespace cohort::sandbox
