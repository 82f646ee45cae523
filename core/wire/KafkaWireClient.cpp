// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/KafkaWireClient.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>

using namespace Qt::StringLiterals;

namespace cohort {

namespace {
constexpr qint32 kMaxResponseBytes = 256 * 1024 * 1024;
}

class KafkaWireClient::Private
{
public:
    struct Pending {
        qint32 correlationId = 0;
        Callback callback;
    };

    KafkaWireClient *q = nullptr;
    QTcpSocket *socket = nullptr;       // child of the client: follows it across threads
    QString clientId = u"cohort-wire-client"_s;
    qint32 nextCorrelationId = 1;
    std::deque<Pending> pending;      // sent or queued, answered in this order
    QByteArray unsent;                // frames written once connected
    QByteArray inbox;
    bool connecting = false;

    void failAll(const QString &reason)
    {
        auto failed = std::move(pending);
        pending.clear();
        unsent.clear();
        inbox.clear();
        for (auto &p : failed) {
            if (p.callback)
                p.callback(std::nullopt, reason);
        }
    }

    void onReadyRead()
    {
        inbox.append(socket->readAll());
        while (inbox.size() >= 4) {
            ByteReader header(inbox.constData(), 4);
            const qint32 size = header.int32();
            if (size < 4 || size > kMaxResponseBytes) {
                const QString reason = QCoreApplication::translate("KafkaWireClient",
                    "The broker sent a frame of %1 bytes, which is not a valid response; the connection was closed.").arg(size);
                socket->abort();
                QPointer<KafkaWireClient> guard(q);
                failAll(reason);
                if (guard)
                    Q_EMIT q->disconnected(reason);
                return;
            }
            if (inbox.size() < 4 + size)
                return;
            ByteReader frame(inbox.constData() + 4, size);
            const qint32 correlationId = frame.int32();
            QByteArray body = inbox.mid(8, size - 4);
            inbox.remove(0, 4 + size);
            if (pending.empty() || pending.front().correlationId != correlationId) {
                const QString reason = QCoreApplication::translate("KafkaWireClient",
                    "The broker answered correlation id %1 out of order; the connection was closed.").arg(correlationId);
                socket->abort();
                QPointer<KafkaWireClient> guard(q);
                failAll(reason);
                if (guard)
                    Q_EMIT q->disconnected(reason);
                return;
            }
            Pending p = std::move(pending.front());
            pending.pop_front();
            QPointer<KafkaWireClient> guard(q);
            if (p.callback)
                p.callback(std::move(body), QString());
            if (!guard)
                return;
        }
    }
};

KafkaWireClient::KafkaWireClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->socket = new QTcpSocket(this);
    connect(d->socket, &QTcpSocket::connected, this, [this] {
        d->connecting = false;
        d->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (!d->unsent.isEmpty()) {
            d->socket->write(d->unsent);
            d->unsent.clear();
        }
        Q_EMIT connected();
    });
    connect(d->socket, &QTcpSocket::readyRead, this, [this] { d->onReadyRead(); });
    connect(d->socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        const QString reason = d->socket->errorString();
        d->connecting = false;
        if (d->socket->state() != QAbstractSocket::UnconnectedState)
            d->socket->abort();
        QPointer<KafkaWireClient> guard(this);
        d->failAll(reason);
        if (guard)
            Q_EMIT disconnected(reason);
    });
}

KafkaWireClient::~KafkaWireClient()
{
    d->socket->disconnect(this);
    d->socket->abort();
    d->pending.clear();
    // Callbacks are not run from the destructor: their owners may be half gone.
}

void KafkaWireClient::setClientId(const QString &clientId)
{
    d->clientId = clientId;
}

QString KafkaWireClient::clientId() const
{
    return d->clientId;
}

void KafkaWireClient::connectToBroker(const QString &host, quint16 port)
{
    d->connecting = true;
    d->socket->connectToHost(host, port);
}

bool KafkaWireClient::isConnected() const
{
    return d->socket->state() == QAbstractSocket::ConnectedState;
}

void KafkaWireClient::close()
{
    d->connecting = false;
    d->socket->abort();
    d->failAll(QCoreApplication::translate("KafkaWireClient", "The connection was closed before the broker answered."));
}

qint32 KafkaWireClient::send(qint16 apiKey, qint16 apiVersion, const QByteArray &body, Callback callback)
{
    const qint32 correlationId = d->nextCorrelationId++;
    ByteWriter w(body.size() + 64);
    w.int32(0);
    w.int16(apiKey);
    w.int16(apiVersion);
    w.int32(correlationId);
    w.string(d->clientId);
    w.raw(body);
    w.patchInt32(0, qint32(w.size() - 4));

    const bool up = isConnected();
    if (!up && !d->connecting) {
        // Not connected and not connecting: fail from the event loop, as promised.
        QTimer::singleShot(0, this, [callback = std::move(callback)] {
            if (callback)
                callback(std::nullopt, QCoreApplication::translate("KafkaWireClient", "Not connected to a broker."));
        });
        return correlationId;
    }
    d->pending.push_back({correlationId, std::move(callback)});
    if (up)
        d->socket->write(w.data());
    else
        d->unsent.append(w.data());
    return correlationId;
}

int KafkaWireClient::pendingCount() const
{
    return int(d->pending.size());
}

std::optional<QByteArray> KafkaWireClient::request(qint16 apiKey, qint16 apiVersion, const QByteArray &body,
                                                   int timeoutMs, QString *error)
{
    QEventLoop loop;
    bool done = false;
    std::optional<QByteArray> result;
    QString failure;
    auto alive = std::make_shared<bool>(true);
    send(apiKey, apiVersion, body, [&, alive](std::optional<QByteArray> b, const QString &e) {
        if (!*alive)
            return;
        result = std::move(b);
        failure = e;
        done = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!done)
        loop.exec();
    *alive = false;
    if (!done) {
        failure = QCoreApplication::translate("KafkaWireClient", "No answer from the broker within %1 ms.").arg(timeoutMs);
        result.reset();
    }
    if (error)
        *error = failure;
    return result;
}

} // namespace cohort
