// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/broker/BrokerConnection.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "sandbox/broker/ClusterEngine.h"

#include <QTimer>

namespace cohort::sandbox {

BrokerConnection::BrokerConnection(ClusterEngine *engine, int brokerId, quint64 id, QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_brokerId(brokerId)
    , m_id(id)
    , m_socket(socket)
{
    socket->setParent(this);
    socket->setReadBufferSize(0);
    m_peer = socket->peerAddress().toString() + QLatin1Char(':') + QString::number(socket->peerPort());
    connect(socket, &QTcpSocket::readyRead, this, &BrokerConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] { close(QStringLiteral("closed by peer")); });
}

BrokerConnection::~BrokerConnection() = default;

void BrokerConnection::close(const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    if (m_socket)
        m_socket->abort();
    m_engine->connectionClosed(this, reason);
    deleteLater();
}

void BrokerConnection::closeAfterAnswers(const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_engine->connectionClosed(this, reason);
    if (!m_socket || m_socket->state() == QAbstractSocket::UnconnectedState) {
        deleteLater();
        return;
    }
    // disconnectFromHost writes out the pending answers first; the socket is a
    // child, so the connection may only go once it has.
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    QTimer::singleShot(5000, this, [this] {
        if (m_socket)
            m_socket->abort();
        deleteLater();
    });
    m_socket->disconnectFromHost();
}

void BrokerConnection::onReadyRead()
{
    if (!m_socket || m_closing)
        return;
    m_in.append(m_socket->readAll());
    if (!m_busy)
        processNext();
}

void BrokerConnection::processNext()
{
    while (!m_busy && !m_closing) {
        const qsizetype avail = m_in.size() - m_inPos;
        if (avail < 4)
            break;
        ByteReader sizeReader(m_in.constData() + m_inPos, 4);
        const qint32 size = sizeReader.int32();
        if (size < 8 || qint64(size) > m_engine->config().maxRequestBytes) {
            m_engine->log(QStringLiteral("broker %1: %2: bad frame size %3, closing").arg(m_brokerId).arg(m_peer).arg(size));
            closeAfterAnswers(QStringLiteral("bad frame size"));
            return;
        }
        if (avail < 4 + qsizetype(size))
            break;
        const QByteArray frame = m_in.mid(m_inPos + 4, size);
        m_inPos += 4 + size;
        if (m_inPos > (1 << 20) || m_inPos == m_in.size()) {
            m_in.remove(0, m_inPos);
            m_inPos = 0;
        }

        ByteReader r(frame);
        RequestContext ctx;
        ctx.brokerId = m_brokerId;
        ctx.readHeader(r);
        ctx.clientHost = QStringLiteral("/") + (m_socket ? m_socket->peerAddress().toString() : QString());
        ctx.connectionId = m_id;
        if (!r.ok()) {
            m_engine->log(QStringLiteral("broker %1: %2: truncated request header, closing").arg(m_brokerId).arg(m_peer));
            closeAfterAnswers(QStringLiteral("truncated header"));
            return;
        }
        m_busy = true;
        const quint64 seq = ++m_seq;
        const ResponseHeader header{ctx.correlationId, ctx.flexibleResponseHeader};
        QPointer<BrokerConnection> self(this);
        Responder respond = [self, seq, header](QByteArray body) {
            if (self)
                self->finish(seq, header, body);
        };
        if (!m_engine->dispatch(this, ctx, r, std::move(respond))) {
            closeAfterAnswers(QStringLiteral("bad request"));
            return;
        }
    }
}

void BrokerConnection::finish(quint64 seq, ResponseHeader header, const QByteArray &body)
{
    if (seq != m_seq || !m_busy || m_closing)
        return;   // answered twice, or for a request this connection no longer waits on
    const int latency = m_engine->latencyOf(m_brokerId);
    auto complete = [this, header, body] {
        if (m_closing)
            return;
        if (!body.isNull())   // a null body means "no response" (Produce with acks=0)
            send(header, body);
        m_busy = false;
        processNext();
    };
    if (latency > 0)
        QTimer::singleShot(latency, this, complete);
    else
        complete();
}

void BrokerConnection::send(ResponseHeader header, const QByteArray &body)
{
    if (!m_socket)
        return;
    ByteWriter w(9);
    w.int32(qint32(4 + (header.flexible ? 1 : 0) + body.size()));
    w.int32(header.correlationId);
    if (header.flexible)
        w.emptyTaggedFields();   // response header v1
    m_socket->write(w.data());
    m_socket->write(body);
}

}   // namespace cohort::sandbox
