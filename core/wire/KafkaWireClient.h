// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/SaslCredentials.h"
#include "core/wire/TlsSettings.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace cohort {

// Core's asynchronous Kafka protocol client over one TCP or TLS connection: sends raw
// request bodies (non-flexible request header v1) and hands back response
// bodies in request order, after SASL/PLAIN authentication where credentials
// are set. It carries WireGroupMember, and with it the temporary member of the
// app's rebalance trigger, the demo's non-consumer group and the tests that
// need what librdkafka cannot do. Lives on the thread that created it.
class KafkaWireClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KafkaWireClient)

public:
    // The response body (after the correlation id), or a human-readable error
    // when the connection failed or closed first.
    using Callback = std::function<void(Result<QByteArray, QString> body)>;

    explicit KafkaWireClient(QObject *parent = nullptr);
    ~KafkaWireClient() override;

    void setClientId(const QString &clientId);
    QString clientId() const;
    // Authenticate with SASL PLAIN or SCRAM (SaslLogin: SaslHandshake v1 +
    // SaslAuthenticate v0) once connected, before any queued request; set
    // before connectToBroker. A refused authentication fails every queued
    // request with the broker's reason.
    void setSasl(const std::optional<SaslCredentials> &credentials);
    // TLS (SSL, SASL_SSL) with these settings, or none; set before
    // connectToBroker. A refused handshake fails every queued request with why.
    void setTls(const std::optional<TlsSettings> &tls);

    // Starts connecting; requests sent before the connection is up (and
    // authenticated) are queued.
    void connectToBroker(const QString &host, quint16 port);
    bool isConnected() const;   // connected and, with SASL, authenticated
    // Closes the connection; callbacks of unanswered requests get an error.
    void close();

    // Queues a request; returns its correlation id. The callback runs on this
    // object's thread, from the event loop (never inside send()). A callback may
    // drop the client only with deleteLater(), never delete it directly.
    qint32 send(qint16 apiKey, qint16 apiVersion, const QByteArray &body, Callback callback);
    int pendingCount() const;

    // Test helper: sends and spins a local event loop until the answer, an error or
    // the timeout. Do not use from code that must not re-enter the event loop.
    Result<QByteArray, QString> request(qint16 apiKey, qint16 apiVersion, const QByteArray &body, int timeoutMs = 10000);

Q_SIGNALS:
    void connected();
    void disconnected(const QString &reason);

private:
    void attachSocket(QTcpSocket *socket);

    class Private;
    std::unique_ptr<Private> d;
};

}   // namespace cohort
