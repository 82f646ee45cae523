// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/KafkaWireConnection.h"
#include "core/wire/RelayUpstream.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace cohort {

// A loopback relay between librdkafka and a cluster that wants SCRAM, for
// librdkafka before 2.6.1, whose SCRAM Kafka 4.x refuses (docs/kafka-protocol.md
// §7). One listener on 127.0.0.1 per broker address; librdkafka connects to
// them with SASL_PLAINTEXT and PLAIN, as a user and one-time password made for
// this relay alone (no other local process can use it, and it is never
// written anywhere); each connection (RelayedConnection) logs in to its broker
// with SCRAM, over TLS for SASL_SSL, and relays frames. Metadata and
// FindCoordinator answers name the relay's listeners instead of the brokers,
// so every connection librdkafka opens comes through it. Runs on a thread of
// its own; its methods may be called from any thread.
class BrokerRelay
{
public:
    // Whether librdkafka at this version (rd_kafka_version()) needs the relay
    // to log in with this mechanism: SCRAM before 2.6.1.
    static bool neededFor(const SaslCredentials &login, int librdkafkaVersion);

    // Listens for each bootstrap address; or why it cannot.
    static Result<std::unique_ptr<BrokerRelay>, QString> start(const RelayUpstream &upstream,
                                                               const QList<KafkaWireConnection::Address> &bootstrap);
    ~BrokerRelay();
    BrokerRelay(const BrokerRelay &) = delete;
    BrokerRelay &operator=(const BrokerRelay &) = delete;

    // bootstrap.servers for librdkafka: the listeners of the bootstrap addresses.
    QString bootstrapServers() const;
    // The PLAIN login librdkafka gives the relay.
    QString localUser() const;
    QString localPassword() const;

    // The broker a listener stands for; nullopt for an address that is not one.
    std::optional<KafkaWireConnection::Address> upstreamOf(const QString &host, int port) const;
    // The text with every listener's address ("127.0.0.1:41234") replaced by
    // its broker's: librdkafka's error texts name the listeners.
    QString withBrokerAddresses(QString text) const;
    // Why the last upstream connection or login failed (empty when none has,
    // or a login succeeded since); librdkafka itself sees only a closed local
    // connection when the broker cannot be reached.
    QString lastProblem() const;

private:
    BrokerRelay();
    class Hub;
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    Hub *m_hub = nullptr;   // lives on m_thread
    std::unique_ptr<QThread> m_thread;
};

}   // namespace cohort
