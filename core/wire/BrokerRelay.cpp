// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/BrokerRelay.h"

#include "core/wire/RelayedConnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BrokerRelay)
};

const QString kLoopback = QStringLiteral("127.0.0.1");

QString key(const QString &host, int port)
{
    return host + QLatin1Char(':') + QString::number(port);
}

}   // namespace

// What the relay's thread and its callers share.
struct BrokerRelay::Shared
{
    mutable QMutex mutex;
    QHash<quint16, KafkaWireConnection::Address> upstreamByPort;
    QString lastProblem;
    QByteArray user = QByteArrayLiteral("cohort-relay");
    QByteArray password;
    QString bootstrap;
};

// The listeners, on the relay's thread: one per broker address, made when
// the address first appears (bootstrap, then Metadata and FindCoordinator).
class BrokerRelay::Hub : public QObject
{
public:
    Hub(RelayUpstream upstream, std::shared_ptr<Shared> shared)
        : m_upstream(std::move(upstream))
        , m_shared(std::move(shared))
    { }

    // The listener's port for a broker address; 0 when none can be opened.
    quint16 listenerFor(const QString &host, int port)
    {
        const QString k = key(host, port);
        if (const auto it = m_ports.constFind(k); it != m_ports.cend())
            return *it;
        auto *server = new QTcpServer(this);
        if (!server->listen(QHostAddress::LocalHost, 0)) {
            problem(Text::tr("cannot listen on 127.0.0.1 for %1: %2").arg(k, server->errorString()));
            delete server;
            return 0;
        }
        const quint16 local = server->serverPort();
        const KafkaWireConnection::Address upstream{host, quint16(port)};
        connect(server, &QTcpServer::newConnection, this, [this, server, upstream] {
            while (QTcpSocket *socket = server->nextPendingConnection())
                new RelayedConnection(socket, upstream.host, upstream.port, settings(), this);
        });
        m_ports.insert(k, local);
        QMutexLocker lock(&m_shared->mutex);
        m_shared->upstreamByPort.insert(local, upstream);
        return local;
    }

private:
    RelayedConnection::Settings settings()
    {
        RelayedConnection::Settings s;
        s.upstream = m_upstream;
        s.localUser = m_shared->user;
        s.localPassword = m_shared->password;
        s.map = [this](const RelayFrameRewriter::Address &broker) {
            const quint16 local = listenerFor(broker.host, broker.port);
            return local ? RelayFrameRewriter::Address{kLoopback, local} : broker;
        };
        s.problem = [this](const QString &why) { problem(why); };
        return s;
    }

    void problem(const QString &why)
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->lastProblem = why;
    }

    RelayUpstream m_upstream;
    std::shared_ptr<Shared> m_shared;
    QHash<QString, quint16> m_ports;
};

bool BrokerRelay::neededFor(const SaslCredentials &login, int librdkafkaVersion)
{
    // librdkafka's version is 0xMMmmrrxx; the nonce fix came with 2.6.1
    // (confluentinc/librdkafka#4895).
    return login.isScram() && librdkafkaVersion < 0x02060100;
}

BrokerRelay::BrokerRelay()
    : m_shared(std::make_shared<Shared>())
    , m_thread(std::make_unique<QThread>())
{ }

Result<std::unique_ptr<BrokerRelay>, QString> BrokerRelay::start(const RelayUpstream &upstream,
                                                                 const QList<KafkaWireConnection::Address> &bootstrap)
{
    if (bootstrap.isEmpty())
        return Text::tr("no bootstrap server to relay to");
    std::unique_ptr<BrokerRelay> relay(new BrokerRelay);
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), secret.size() / 4);
    relay->m_shared->password = secret.toBase64();
    relay->m_thread->setObjectName(QStringLiteral("cohort-relay"));
    relay->m_hub = new Hub(upstream, relay->m_shared);
    relay->m_hub->moveToThread(relay->m_thread.get());
    relay->m_thread->start();
    QStringList listeners;
    QString failed;
    QMetaObject::invokeMethod(
        relay->m_hub,
        [&] {
            for (const KafkaWireConnection::Address &a : bootstrap) {
                if (const quint16 local = relay->m_hub->listenerFor(a.host, a.port))
                    listeners << key(kLoopback, local);
                else
                    failed = relay->lastProblem();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!failed.isEmpty())
        return failed;
    relay->m_shared->bootstrap = listeners.join(QLatin1Char(','));
    return relay;
}

BrokerRelay::~BrokerRelay()
{
    if (m_hub)
        QMetaObject::invokeMethod(m_hub, [hub = m_hub] { delete hub; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString BrokerRelay::bootstrapServers() const
{
    return m_shared->bootstrap;
}

QString BrokerRelay::localUser() const
{
    return QString::fromLatin1(m_shared->user);
}

QString BrokerRelay::localPassword() const
{
    return QString::fromLatin1(m_shared->password);
}

std::optional<KafkaWireConnection::Address> BrokerRelay::upstreamOf(const QString &host, int port) const
{
    if (host != kLoopback)
        return std::nullopt;
    QMutexLocker lock(&m_shared->mutex);
    const auto it = m_shared->upstreamByPort.constFind(quint16(port));
    if (it == m_shared->upstreamByPort.cend())
        return std::nullopt;
    return *it;
}

QString BrokerRelay::withBrokerAddresses(QString text) const
{
    static const QRegularExpression listener(QStringLiteral("127\\.0\\.0\\.1:(\\d+)"));
    QString out;
    qsizetype from = 0;
    for (auto it = listener.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const std::optional<KafkaWireConnection::Address> broker = upstreamOf(kLoopback, m.captured(1).toInt());
        out += broker ? key(broker->host, broker->port) : m.captured();
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

QString BrokerRelay::lastProblem() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->lastProblem;
}

}   // namespace cohort
