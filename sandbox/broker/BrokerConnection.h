// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace cohort::sandbox {

class ClusterEngine;

// One client connection to one broker: frames requests, answers them strictly
// in order and processes one request at a time (Kafka mutes a channel while a
// request is in flight), so a waiting Fetch or JoinGroup holds back the rest.
class BrokerConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerConnection)

public:
    BrokerConnection(ClusterEngine *engine, int brokerId, quint64 id, QTcpSocket *socket, QObject *parent);
    ~BrokerConnection() override;

    int brokerId() const { return m_brokerId; }
    quint64 id() const { return m_id; }
    QString peer() const { return m_peer; }
    bool authenticated() const { return m_authenticated; }
    void setAuthenticated(bool on) { m_authenticated = on; }
    bool saslHandshakeDone() const { return m_saslHandshake; }
    void setSaslHandshakeDone(bool on) { m_saslHandshake = on; }

    // Closes the socket at once (what is not yet sent is dropped); the engine
    // forgets the connection.
    void close(const QString &reason);
    // Closes after what was already answered has gone out, as Kafka does when
    // a malformed frame follows pipelined requests: their answers still reach
    // the client, then the connection ends.
    void closeAfterAnswers(const QString &reason);

private:
    // What the response header says: v0 is the correlation id, v1 (flexible
    // requests) adds empty tagged fields.
    struct ResponseHeader
    {
        qint32 correlationId = 0;
        bool flexible = false;
    };

    void onReadyRead();
    void processNext();
    void finish(quint64 seq, ResponseHeader header, const QByteArray &body);
    void send(ResponseHeader header, const QByteArray &body);

    ClusterEngine *m_engine;
    int m_brokerId;
    quint64 m_id;
    QPointer<QTcpSocket> m_socket;
    QString m_peer;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    bool m_busy = false;
    bool m_closing = false;
    bool m_authenticated = false;
    bool m_saslHandshake = false;
    quint64 m_seq = 0;
};

}   // namespace cohort::sandbox
