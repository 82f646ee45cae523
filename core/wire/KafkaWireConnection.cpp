// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/KafkaWireConnection.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/SaslPlainAuth.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTcpSocket>

namespace cohort {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KafkaWireConnection", text);
}

} // namespace

KafkaWireConnection::KafkaWireConnection(int timeoutMs)
    : m_socket(std::make_unique<QTcpSocket>())
    , m_timeoutMs(timeoutMs)
{
}

KafkaWireConnection::~KafkaWireConnection() = default;

bool KafkaWireConnection::splitHostPort(const QString &entry, QString *host, quint16 *port)
{
    QString e = entry.trimmed();
    if (const int scheme = e.indexOf(QLatin1String("://")); scheme >= 0)
        e = e.mid(scheme + 3);
    const int colon = e.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint p = e.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535)
        return false;
    *host = e.left(colon);
    if (host->startsWith(QLatin1Char('[')) && host->endsWith(QLatin1Char(']')))
        *host = host->mid(1, host->size() - 2);
    *port = quint16(p);
    return true;
}

bool KafkaWireConnection::open(const QString &host, quint16 port, const std::optional<SaslPlain> &sasl, QString *error)
{
    m_socket->connectToHost(host, port);
    if (!m_socket->waitForConnected(m_timeoutMs)) {
        *error = tr("cannot connect to %1:%2: %3").arg(host).arg(port).arg(m_socket->errorString());
        return false;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    return !sasl || authenticate(*sasl, error);
}

bool KafkaWireConnection::authenticate(const SaslPlain &sasl, QString *error)
{
    const auto handshake = roundTrip(ApiKey::SaslHandshake, SaslPlainAuth::kHandshakeVersion, SaslPlainAuth::handshakeRequest(), error);
    if (!handshake)
        return false;
    if (const auto offered = SaslPlainAuth::readHandshakeResponse(*handshake); !offered) {
        *error = offered.error();
        return false;
    }
    const auto auth = roundTrip(ApiKey::SaslAuthenticate, SaslPlainAuth::kAuthenticateVersion, SaslPlainAuth::authenticateRequest(sasl), error);
    if (!auth)
        return false;
    if (const auto accepted = SaslPlainAuth::readAuthenticateResponse(*auth); !accepted) {
        *error = accepted.error();
        return false;
    }
    return true;
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
    w.raw(body);
    w.patchInt32(sizePos, qint32(w.size() - 4));
    m_socket->write(w.data());
    return id;
}

std::optional<QByteArray> KafkaWireConnection::receive(qint32 correlationId, QString *error)
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
        *error = m_socket->state() == QAbstractSocket::ConnectedState
                     ? tr("no answer from %1 within %2 ms").arg(m_socket->peerName()).arg(m_timeoutMs)
                     : tr("the broker closed the connection: %1").arg(m_socket->errorString());
        return std::nullopt;
    }
    const QByteArray sizeBytes = m_socket->read(4);
    ByteReader sr(sizeBytes);
    const qint32 size = sr.int32();
    if (size < 4 || size > kMaxResponseBytes) {
        *error = tr("the broker sent a response of impossible size %1").arg(size);
        m_socket->abort();
        return std::nullopt;
    }
    if (!fill(size)) {
        *error = tr("the response from %1 was cut short").arg(m_socket->peerName());
        return std::nullopt;
    }
    const QByteArray frame = m_socket->read(size);
    ByteReader fr(frame);
    if (fr.int32() != correlationId) {
        *error = tr("the broker answered out of order");
        m_socket->abort();
        return std::nullopt;
    }
    return frame.mid(4);
}

} // namespace cohort
