// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/KafkaWireClient.h"

#include "core/connection/BootstrapServer.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/SaslLogin.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QSslSocket>
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
    struct Pending
    {
        qint32 correlationId = 0;
        Callback callback;
    };

    KafkaWireClient *q = nullptr;
    QTcpSocket *socket = nullptr;   // child of the client: follows it across threads
    QString clientId = u"cohort-wire-client"_s;
    qint32 nextCorrelationId = 1;
    std::deque<Pending> pending;   // sent or queued, answered in this order
    QByteArray unsent;             // frames written once connected
    QByteArray inbox;
    bool connecting = false;   // from connectToBroker until ready or failed
    bool ready = false;        // connected and, with SASL, authenticated
    std::optional<SaslCredentials> sasl;
    std::optional<SaslLogin> login;   // while authenticating
    QString where;                    // host:port, for a failed TLS handshake

    QByteArray frame(qint16 apiKey, qint16 apiVersion, qint32 correlationId, const QByteArray &body) const
    {
        ByteWriter w(body.size() + 64);
        w.int32(0);
        w.int16(apiKey);
        w.int16(apiVersion);
        w.int32(correlationId);
        w.string(clientId);
        w.raw(body);
        w.patchInt32(0, qint32(w.size() - 4));
        return w.take();
    }

    void fail(const QString &reason)
    {
        connecting = false;
        ready = false;
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
        QPointer<KafkaWireClient> guard(q);
        failAll(reason);
        if (guard)
            Q_EMIT q->disconnected(reason);
    }

    void becomeReady()
    {
        connecting = false;
        ready = true;
        if (!unsent.isEmpty()) {
            socket->write(unsent);
            unsent.clear();
        }
        Q_EMIT q->connected();
    }

    // A SASL request goes out ahead of everything queued, so its answer is
    // the next one: it goes to the front of the pending queue.
    void sendAhead(qint16 apiKey, qint16 apiVersion, const QByteArray &body, Callback callback)
    {
        const qint32 correlationId = nextCorrelationId++;
        pending.push_front({correlationId, std::move(callback)});
        socket->write(frame(apiKey, apiVersion, correlationId, body));
    }

    // SaslHandshake, then SaslAuthenticate (once for PLAIN, twice for SCRAM);
    // requests sent meanwhile wait in unsent.
    void authenticate()
    {
        login.emplace(*sasl);
        sendLoginStep(login->first());
    }

    void sendLoginStep(const SaslLogin::Request &request)
    {
        sendAhead(request.apiKey, request.apiVersion, request.body, [this](Result<QByteArray, QString> body) {
            if (!body)
                return;   // the connection failed; everything pending was told
            const auto next = login->next(*body);
            if (!next)
                return fail(next.error());
            if (next.value())
                return sendLoginStep(*next.value());
            login.reset();
            becomeReady();
        });
    }

    void failAll(const QString &reason)
    {
        auto failed = std::move(pending);
        pending.clear();
        unsent.clear();
        inbox.clear();
        for (auto &p : failed) {
            if (p.callback)
                p.callback(reason);
        }
    }

    void onReadyRead()
    {
        inbox.append(socket->readAll());
        while (inbox.size() >= 4) {
            ByteReader header(inbox.constData(), 4);
            const qint32 size = header.int32();
            if (size < 4 || size > kMaxResponseBytes) {
                return fail(
                    QCoreApplication::translate(
                        "KafkaWireClient", "The broker sent a frame of %1 bytes, which is not a valid response; the connection was closed.")
                        .arg(size));
            }
            if (inbox.size() < 4 + size)
                return;
            ByteReader frame(inbox.constData() + 4, size);
            const qint32 correlationId = frame.int32();
            QByteArray body = inbox.mid(8, size - 4);
            inbox.remove(0, 4 + size);
            if (pending.empty() || pending.front().correlationId != correlationId) {
                return fail(QCoreApplication::translate("KafkaWireClient",
                                                        "The broker answered correlation id %1 out of order; the connection was closed.")
                                .arg(correlationId));
            }
            Pending p = std::move(pending.front());
            pending.pop_front();
            QPointer<KafkaWireClient> guard(q);
            if (p.callback)
                p.callback(std::move(body));
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
    attachSocket(new QTcpSocket(this));
}

void KafkaWireClient::attachSocket(QTcpSocket *socket)
{
    d->socket = socket;
    auto *tls = qobject_cast<QSslSocket *>(socket);
    // Over TLS the connection is usable once encrypted, not at the TCP connect.
    auto transportReady = [this] {
        d->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (d->sasl)
            d->authenticate();
        else
            d->becomeReady();
    };
    if (tls)
        connect(tls, &QSslSocket::encrypted, this, transportReady);
    else
        connect(socket, &QTcpSocket::connected, this, transportReady);
    connect(socket, &QTcpSocket::readyRead, this, [this] { d->onReadyRead(); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, tls](QAbstractSocket::SocketError error) {
        if (tls && (error == QAbstractSocket::SslHandshakeFailedError || !tls->sslHandshakeErrors().isEmpty()))
            return d->fail(TlsSettings::handshakeFailure(*tls, d->where));
        d->fail(d->socket->errorString());
    });
}

void KafkaWireClient::setTls(const std::optional<TlsSettings> &tls)
{
    if (!tls && !qobject_cast<QSslSocket *>(d->socket))
        return;   // plaintext already
    d->socket->disconnect(this);
    d->socket->deleteLater();
    if (!tls) {
        attachSocket(new QTcpSocket(this));
        return;
    }
    auto *socket = new QSslSocket(this);
    tls->configure(*socket);
    attachSocket(socket);
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

void KafkaWireClient::setSasl(const std::optional<SaslCredentials> &credentials)
{
    d->sasl = credentials;
}

void KafkaWireClient::connectToBroker(const QString &host, quint16 port)
{
    d->connecting = true;
    d->ready = false;
    d->where = BootstrapServer{{}, host, port}.toString();
    if (auto *tls = qobject_cast<QSslSocket *>(d->socket))
        tls->connectToHostEncrypted(host, port);   // SNI: the host name, as librdkafka sends it
    else
        d->socket->connectToHost(host, port);
}

bool KafkaWireClient::isConnected() const
{
    return d->ready && d->socket->state() == QAbstractSocket::ConnectedState;
}

void KafkaWireClient::close()
{
    d->connecting = false;
    d->ready = false;
    d->socket->abort();
    d->failAll(QCoreApplication::translate("KafkaWireClient", "The connection was closed before the broker answered."));
}

qint32 KafkaWireClient::send(qint16 apiKey, qint16 apiVersion, const QByteArray &body, Callback callback)
{
    const qint32 correlationId = d->nextCorrelationId++;
    const QByteArray frame = d->frame(apiKey, apiVersion, correlationId, body);

    const bool up = isConnected();
    if (!up && !d->connecting) {
        // Not connected and not connecting: fail from the event loop, as promised.
        QTimer::singleShot(0, this, [callback = std::move(callback)] {
            if (callback)
                callback(QCoreApplication::translate("KafkaWireClient", "Not connected to a broker."));
        });
        return correlationId;
    }
    d->pending.push_back({correlationId, std::move(callback)});
    if (up)
        d->socket->write(frame);
    else
        d->unsent.append(frame);
    return correlationId;
}

int KafkaWireClient::pendingCount() const
{
    return int(d->pending.size());
}

Result<QByteArray, QString> KafkaWireClient::request(qint16 apiKey, qint16 apiVersion, const QByteArray &body, int timeoutMs)
{
    QEventLoop loop;
    std::optional<Result<QByteArray, QString>> answer;
    auto alive = std::make_shared<bool>(true);
    send(apiKey, apiVersion, body, [&, alive](Result<QByteArray, QString> b) {
        if (!*alive)
            return;
        answer = std::move(b);
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!answer)
        loop.exec();
    *alive = false;
    if (!answer)
        return QCoreApplication::translate("KafkaWireClient", "No answer from the broker within %1 ms.").arg(timeoutMs);
    return std::move(*answer);
}

}   // namespace cohort
