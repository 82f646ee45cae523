// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/SaslCredentials.h"
#include "core/wire/TlsSettings.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

class QTcpSocket;

namespace cohort {

// A blocking Kafka protocol connection to one broker, for the requests
// librdkafka 2.0.2 cannot make for us or makes slowly (DescribeGroups v4,
// OffsetFetch for every partition of a group, ListOffsets, ApiVersions for the
// connection report, an admin LeaveGroup). Blocking by design: it only
// ever runs on the cluster client's pool threads, never on the GUI thread.
// PLAINTEXT, SSL (TlsSettings), and SASL with PLAIN or SCRAM (SaslLogin) over
// either.
class KafkaWireConnection
{
public:
    using Sasl = SaslCredentials;

    // With TLS settings open() makes a TLS connection (SSL, SASL_SSL).
    explicit KafkaWireConnection(int timeoutMs, const std::optional<TlsSettings> &tls = std::nullopt);
    // Over a socket its owner already connected, e.g. a QSslSocket after its
    // handshake (the listener diagnosis); open() is not for this one.
    KafkaWireConnection(std::unique_ptr<QTcpSocket> connected, int timeoutMs);
    // How long open() and each receive() wait from now on: a caller with one
    // deadline for many requests gives each what is left of it.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    ~KafkaWireConnection();
    KafkaWireConnection(const KafkaWireConnection &) = delete;
    KafkaWireConnection &operator=(const KafkaWireConnection &) = delete;

    // Connects (with TLS, until the handshake is done) and, when credentials
    // are given, authenticates (SaslLogin: SaslHandshake v1 + SaslAuthenticate
    // v0, PLAIN or SCRAM). The error says why not, for people;
    // tlsRefused() tells a failed TLS handshake from the rest.
    Result<Done, QString> open(const QString &host, quint16 port, const std::optional<Sasl> &sasl);
    // The last open() reached the broker but the TLS handshake failed (a
    // refused certificate, a listener without TLS): not worth retrying.
    bool tlsRefused() const { return m_tlsRefused; }

    // Writes one request (client id "cohort"; header v1, or v2 for a flexible
    // version of the API, ApiKey::firstFlexibleVersion) and returns its
    // correlation id. Requests may be pipelined: Kafka answers them in order.
    qint32 send(qint16 apiKey, qint16 apiVersion, const QByteArray &body);

    // The response body (after the response header: the correlation id, and
    // for a flexible version its tagged fields) of the oldest request not yet
    // received, which must carry this correlation id; otherwise why not.
    Result<QByteArray, QString> receive(qint32 correlationId);

    // Whether an answer has started to arrive, waiting at most waitMs for it:
    // a caller reading many connections reads the one that is ready first.
    bool hasIncoming(int waitMs);

    // send() then receive(); fails at once when the connection is not open.
    Result<QByteArray, QString> roundTrip(qint16 apiKey, qint16 apiVersion, const QByteArray &body);

    // Where to connect: a broker's host (IPv6 without brackets) and port.
    struct Address
    {
        QString host;
        quint16 port = 0;
    };
    // One "[scheme://]host:port" entry of a bootstrap list; nullopt when it
    // has no usable port.
    static std::optional<Address> splitHostPort(const QString &entry);

    // Called with the API key of every request any connection of this process
    // sends, on the sending thread: how benchmarks count Cohort's own requests
    // on any cluster (librdkafka's they read from its protocol log). Set it
    // before connections send; nullptr (the default) turns it off.
    using SentRequestObserver = void (*)(qint16 apiKey);
    static void setSentRequestObserver(SentRequestObserver observer);

private:
    Result<Done, QString> authenticate(const Sasl &sasl);

    std::unique_ptr<QTcpSocket> m_socket;   // a QSslSocket with TLS settings
    bool m_tls = false;
    bool m_tlsRefused = false;
    int m_timeoutMs;
    qint32 m_nextCorrelationId = 1;
    QSet<qint32> m_flexibleResponses;   // requests in flight whose response header is v1
    // Upper bound for one response: OffsetFetch of a group with 100,000
    // partitions is well under this; anything larger is a broken peer.
    static constexpr qint32 kMaxResponseBytes = 256 * 1024 * 1024;
};

}   // namespace cohort
