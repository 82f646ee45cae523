// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/KafkaWireConnection.h"

#include "core/connection/BootstrapServer.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/SaslLogin.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSslSocket>
#include <QTcpSocket>

#include <atomic>

namespace cohort {

namespace {

std::atomic<KafkaWireConnection::SentRequestObserver> g_sentRequestObserver{nullptr};

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KafkaWireConnection)
};

}   // namespace

KafkaWireConnection::KafkaWireConnection(int timeoutMs, const std::optional<TlsSettings> &tls)
    : m_tls(tls.has_value())
    , m_timeoutMs(timeoutMs)
{
    if (tls) {
        auto socket = std::make_unique<QSslSocket>();
        tls->configure(*socket);
        m_socket = std::move(socket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
    }
}

KafkaWireConnection::KafkaWireConnection(std::unique_ptr<QTcpSocket> connected, int timeoutMs)
    : m_socket(std::move(connected))
    , m_timeoutMs(timeoutMs)
{ }

KafkaWireConnection::~KafkaWireConnection() = default;

void KafkaWireConnection::setSentRequestObserver(SentRequestObserver observer)
{
    g_sentRequestObserver.store(observer, std::memory_order_release);
}

std::optional<KafkaWireConnection::Address> KafkaWireConnection::splitHostPort(const QString &entry)
{
    QString e = entry.trimmed();
    if (const int scheme = e.indexOf(QLatin1String("://")); scheme >= 0)
        e = e.mid(scheme + 3);
    const int colon = e.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const uint p = e.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535)
        return std::nullopt;
    Address out{e.left(colon), quint16(p)};
    if (out.host.startsWith(QLatin1Char('[')) && out.host.endsWith(QLatin1Char(']')))
        out.host = out.host.mid(1, out.host.size() - 2);
    return out;
}

Result<Done, QString> KafkaWireConnection::open(const QString &host, quint16 port, const std::optional<Sasl> &sasl)
{
    m_tlsRefused = false;
    if (m_tls) {
        auto *tls = static_cast<QSslSocket *>(m_socket.get());
        if (!QSslSocket::supportsSsl())
            return Text::tr("cannot connect to %1 with TLS: this build of Qt has no TLS support").arg(BootstrapServer{{}, host, port}.toString());
        const QDeadlineTimer deadline(m_timeoutMs);
        tls->connectToHostEncrypted(host, port);   // SNI: the host name, as librdkafka sends it
        if (!tls->waitForConnected(m_timeoutMs))
            return Text::tr("cannot connect to %1: %2").arg(BootstrapServer{{}, host, port}.toString(), m_socket->errorString());
        if (!tls->waitForEncrypted(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_tlsRefused = tls->error() != QAbstractSocket::SocketTimeoutError || !tls->sslHandshakeErrors().isEmpty();
            return TlsSettings::handshakeFailure(*tls, BootstrapServer{{}, host, port}.toString());
        }
    } else {
        m_socket->connectToHost(host, port);
        if (!m_socket->waitForConnected(m_timeoutMs))
            return Text::tr("cannot connect to %1: %2").arg(BootstrapServer{{}, host, port}.toString(), m_socket->errorString());
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (!sasl)
        return Done{};
    return authenticate(*sasl);
}

Result<Done, QString> KafkaWireConnection::authenticate(const Sasl &sasl)
{
    SaslLogin login(sasl);
    std::optional<SaslLogin::Request> request = login.first();
    while (request) {
        const auto answer = roundTrip(request->apiKey, request->apiVersion, request->body);
        if (!answer)
            return answer.error();
        auto next = login.next(*answer);
        if (!next)
            return next.error();
        request = std::move(next).value();
    }
    return Done{};
}

qint32 KafkaWireConnection::send(qint16 apiKey, qint16 apiVersion, const QByteArray &body)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return -1;
    const qint32 id = m_nextCorrelationId++;
    ByteWriter w(body.size() + 32);
    const qsizetype sizePos = w.size();
    w.int32(0);
    w.int16(apiKey);
    w.int16(apiVersion);
    w.int32(id);
    w.string(QByteArrayLiteral("cohort"));
    if (ApiKey::hasFlexibleRequestHeader(apiKey, apiVersion))
        w.emptyTaggedFields();
    if (ApiKey::hasFlexibleResponseHeader(apiKey, apiVersion))
        m_flexibleResponses.insert(id);
    w.raw(body);
    w.patchInt32(sizePos, qint32(w.size() - 4));
    m_socket->write(w.data());
    if (const SentRequestObserver observe = g_sentRequestObserver.load(std::memory_order_acquire))
        observe(apiKey);
    return id;
}

Result<QByteArray, QString> KafkaWireConnection::roundTrip(qint16 apiKey, qint16 apiVersion, const QByteArray &body)
{
    const qint32 id = send(apiKey, apiVersion, body);
    if (id < 0)
        return Text::tr("not connected to a broker");
    return receive(id);
}

bool KafkaWireConnection::hasIncoming(int waitMs)
{
    if (m_socket->bytesAvailable() > 0)
        return true;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return true;   // receive() says what happened
    if (m_socket->bytesToWrite() > 0)
        m_socket->waitForBytesWritten(0);
    return m_socket->waitForReadyRead(qMax(0, waitMs)) || m_socket->bytesAvailable() > 0;
}

Result<QByteArray, QString> KafkaWireConnection::receive(qint32 correlationId)
{
    const QDeadlineTimer deadline(m_timeoutMs);
    auto fill = [&](qint64 n) {
        while (m_socket->bytesAvailable() < n) {
            if (m_socket->bytesToWrite() > 0)
                m_socket->waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime())));
            if (deadline.hasExpired() || !m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                return m_socket->bytesAvailable() >= n;
        }
        return true;
    };
    if (!fill(4)) {
        return m_socket->state() == QAbstractSocket::ConnectedState
                   ? Text::tr("no answer from %1 within %2 ms").arg(m_socket->peerName()).arg(m_timeoutMs)
                   : Text::tr("the broker closed the connection: %1").arg(m_socket->errorString());
    }
    const QByteArray sizeBytes = m_socket->read(4);
    ByteReader sr(sizeBytes);
    const qint32 size = sr.int32();
    if (size < 4 || size > kMaxResponseBytes) {
        m_socket->abort();
        return Text::tr("the broker sent a response of impossible size %1").arg(size);
    }
    if (!fill(size))
        return Text::tr("the response from %1 was cut short").arg(m_socket->peerName());
    const QByteArray frame = m_socket->read(size);
    ByteReader fr(frame);
    if (fr.int32() != correlationId) {
        m_socket->abort();
        return Text::tr("the broker answered out of order");
    }
    if (m_flexibleResponses.remove(correlationId)) {
        fr.skipTaggedFields();
        if (!fr.ok()) {
            m_socket->abort();
            return Text::tr("the broker sent a malformed response header");
        }
    }
    return frame.mid(fr.position());
}

}   // namespace cohort
