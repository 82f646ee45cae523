// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/SaslCredentials.h"

#include <QByteArray>
#include <QString>

namespace cohort {

// The client side of one SCRAM-SHA-256 or SCRAM-SHA-512 exchange (RFC 5802,
// RFC 7677), as Kafka runs it inside SaslAuthenticate after SaslHandshake v1:
// client-first, server-first, client-final, server-final. Pure computation,
// no I/O: the blocking KafkaWireConnection, the asynchronous KafkaWireClient
// and the BrokerRelay drive it alike. No channel binding ("n,,"), no
// authorization id; user names are escaped (',' and '=') but not SASLprep'd,
// as Kafka's own ScramFormatter does not either.
//
// Written because librdkafka before 2.6.1 gets the client-final nonce wrong
// and Kafka 4.x refuses it (docs/kafka-protocol.md §7).
class SaslScramAuth
{
public:
    // The client nonce defaults to 24 random bytes, base64; a test gives its own.
    explicit SaslScramAuth(const SaslCredentials &credentials, const QByteArray &clientNonce = {});

    // "n,,n=<user>,r=<nonce>": the first SaslAuthenticate token.
    QByteArray clientFirstMessage() const;

    // The second token, with the proof, from the broker's server-first
    // message; or why the broker's message cannot be answered (it does not
    // extend our nonce, has no salt, or too few iterations).
    Result<QByteArray, QString> clientFinalMessage(const QByteArray &serverFirst);

    // Done when the server-final message carries the signature only a broker
    // that knows the password can compute; otherwise why not.
    Result<Done, QString> verifyServerFinal(const QByteArray &serverFinal) const;

    // RFC 7677 asks for at least 4096 iterations, and Kafka refuses fewer.
    static constexpr int kMinIterations = 4096;
    // More than any sane broker asks; a bound against a peer that would make
    // the client spin on PBKDF2.
    static constexpr int kMaxIterations = 1000000;

private:
    QByteArray clientFirstBare() const;

    SaslCredentials m_credentials;
    QByteArray m_clientNonce;
    QByteArray m_expectedServerSignature;   // set by clientFinalMessage
};

}   // namespace cohort
