// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ListenerProbe.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/KafkaWireConnection.h"
#include "core/wire/SaslPlainAuth.h"
#include "core/wire/TlsSettings.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

namespace cohort {

namespace {

using Facts = ListenerProbe::Facts;
using Plan = ListenerProbe::Plan;
using Kind = ResponseFrameSniffer::Kind;

// An ApiVersions v0 answer is about 500 bytes; a peer announcing more than a
// megabyte is not a Kafka broker answering it.
constexpr qint32 kMaxApiVersionsAnswer = 1024 * 1024;

int remainingMs(const QDeadlineTimer &deadline)
{
    return int(qMax<qint64>(1, deadline.remainingTime()));
}

ListenerProbe::Reach reachOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError: return ListenerProbe::Reach::Refused;
    case QAbstractSocket::HostNotFoundError: return ListenerProbe::Reach::HostNotFound;
    case QAbstractSocket::NetworkError: return ListenerProbe::Reach::Unreachable;
    case QAbstractSocket::SocketTimeoutError: return ListenerProbe::Reach::TimedOut;
    default: return ListenerProbe::Reach::Failed;
    }
}

// A Kafka connection over TCP, or over TLS after its handshake; `raw` stays
// usable for peeking and for the connection's state.
struct Transport
{
    std::unique_ptr<KafkaWireConnection> kafka;
    QTcpSocket *raw = nullptr;
    explicit operator bool() const { return bool(kafka); }
};

Transport connectPlain(const Plan &plan, const QDeadlineTimer &deadline, Facts &facts)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(plan.host, plan.port);
    if (!socket->waitForConnected(remainingMs(deadline))) {
        facts.reach = reachOf(socket->error());
        facts.reachError = socket->errorString();
        return {};
    }
    facts.reach = ListenerProbe::Reach::Connected;
    QTcpSocket *raw = socket.get();
    return {std::make_unique<KafkaWireConnection>(std::move(socket), remainingMs(deadline)), raw};
}

// A TLS handshake as the profile would make it (for a profile without TLS,
// without verification: the question is only whether the listener speaks TLS).
Transport connectTls(const Plan &plan, const QDeadlineTimer &deadline, Facts &facts)
{
    if (!QSslSocket::supportsSsl()) {
        facts.tls = ListenerProbe::Tls::Unsupported;
        return {};
    }
    auto socket = std::make_unique<QSslSocket>();
    TlsSettings settings = plan.tls ? plan.tlsSettings : TlsSettings{};
    if (!plan.tls)
        settings.verifyCertificate = false;
    settings.configure(*socket);
    socket->connectToHostEncrypted(plan.host, plan.port);
    if (socket->waitForEncrypted(remainingMs(deadline))) {
        facts.tls = ListenerProbe::Tls::Encrypted;
        QTcpSocket *raw = socket.get();
        return {std::make_unique<KafkaWireConnection>(std::move(socket), remainingMs(deadline)), raw};
    }
    facts.tlsError = socket->errorString();
    const QList<QSslError> errors = socket->sslHandshakeErrors();
    if (!errors.isEmpty()) {
        facts.tls = ListenerProbe::Tls::CertificateRejected;
        for (const QSslError &e : errors) {
            facts.certificateErrors << e.errorString();
            facts.hostNameMismatch = facts.hostNameMismatch || e.error() == QSslError::HostNameMismatch;
        }
    } else if (socket->error() == QAbstractSocket::SocketTimeoutError) {
        facts.tls = ListenerProbe::Tls::NoAnswer;
    } else {
        facts.tls = ListenerProbe::Tls::NotTls;
    }
    return {};
}

// Waits for enough of the answer to request `id` to tell what it is.
Kind sniff(QTcpSocket &socket, qint32 id, const QDeadlineTimer &deadline, bool &closed)
{
    for (;;) {
        const Kind kind = ResponseFrameSniffer::classify(socket.peek(16), id, kMaxApiVersionsAnswer);
        if (kind != Kind::Incomplete)
            return kind;
        if (socket.state() != QAbstractSocket::ConnectedState) {
            closed = true;
            return kind;
        }
        if (deadline.hasExpired())
            return kind;
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(remainingMs(deadline));
        if (!socket.waitForReadyRead(remainingMs(deadline)) && socket.bytesAvailable() == 0) {
            closed = socket.state() != QAbstractSocket::ConnectedState;
            return ResponseFrameSniffer::classify(socket.peek(16), id, kMaxApiVersionsAnswer);
        }
    }
}

ListenerProbe::NextRequest outcomeOfFailure(const Transport &t)
{
    return t.raw->state() == QAbstractSocket::ConnectedState ? ListenerProbe::NextRequest::NoAnswer : ListenerProbe::NextRequest::Closed;
}

void saslHandshake(const Transport &t, const QString &mechanism, Facts &facts)
{
    const auto answer = t.kafka->roundTrip(ApiKey::SaslHandshake, SaslHandshakeCodec::kVersion, SaslHandshakeCodec::request(mechanism));
    if (!answer) {
        facts.saslHandshakeOutcome = outcomeOfFailure(t);
        return;
    }
    facts.saslHandshakeOutcome = ListenerProbe::NextRequest::Answered;
    facts.saslHandshake = SaslHandshakeCodec::readResponse(*answer);
}

// After ApiVersions was answered: what the profile would do next.
void nextRequest(const Transport &t, const Plan &plan, Facts &facts)
{
    if (plan.sasl) {
        saslHandshake(t, plan.mechanism, facts);
        // SCRAM takes a real exchange; PLAIN's one token says whether the
        // user and password are right.
        if (!facts.saslHandshake || facts.saslHandshake->errorCode != 0 || plan.mechanism != QLatin1String("PLAIN"))
            return;
        const auto answer = t.kafka->roundTrip(ApiKey::SaslAuthenticate, SaslPlainAuth::kAuthenticateVersion,
                                               SaslPlainAuth::authenticateRequest({plan.user, plan.password}));
        if (!answer)
            return;
        const Result<Done, QString> accepted = SaslPlainAuth::readAuthenticateResponse(*answer);
        facts.authenticateFailure = accepted ? QString() : accepted.error();
        return;
    }
    // Metadata v1 for no topics: what any client asks first. A SASL listener
    // closes the connection on it (only ApiVersions and SaslHandshake may come
    // before authentication).
    ByteWriter noTopics;
    noTopics.arrayLength(0);
    const auto answer = t.kafka->roundTrip(ApiKey::Metadata, 1, noTopics.data());
    facts.metadata = answer ? ListenerProbe::NextRequest::Answered : outcomeOfFailure(t);
}

}   // namespace

ListenerProbe::Facts ListenerProbe::probe(const Plan &plan, QDeadlineTimer deadline)
{
    Facts facts;
    const Transport plain = connectPlain(plan, deadline, facts);
    if (!plain)
        return facts;
    const qint32 id = plain.kafka->send(ApiKey::ApiVersions, 0, {});
    facts.plainAnswer = sniff(*plain.raw, id, deadline, facts.plainClosed);
    const bool plainKafka = facts.plainAnswer == Kind::KafkaFrame && plain.kafka->receive(id).ok();

    if (!plan.tls && plainKafka) {
        facts.apiVersionsAnswered = true;
        nextRequest(plain, plan, facts);
        if (!plan.sasl && facts.metadata == NextRequest::Closed) {
            // Which mechanisms the SASL listener offers, for the advice.
            if (const Transport again = connectPlain(plan, deadline, facts))
                saslHandshake(again, QStringLiteral("PLAIN"), facts);
        }
        return facts;
    }
    if (plan.tls || facts.plainAnswer != Kind::Http) {
        const Transport tls = connectTls(plan, deadline, facts);
        if (tls && plan.tls) {
            if (tls.kafka->roundTrip(ApiKey::ApiVersions, 0, {})) {
                facts.apiVersionsAnswered = true;
                nextRequest(tls, plan, facts);
            }
        }
    }
    return facts;
}

}   // namespace cohort
