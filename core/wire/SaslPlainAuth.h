// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/SaslCredentials.h"
#include "core/wire/SaslHandshakeCodec.h"

#include <QByteArray>
#include <QString>

namespace cohort {

// SASL/PLAIN authentication as Kafka frames it (SaslHandshake v1, then the
// token in SaslAuthenticate v0): the request bodies and the reading of their
// answers, shared by the blocking KafkaWireConnection and the asynchronous
// KafkaWireClient so that both authenticate exactly alike.
class SaslPlainAuth
{
public:
    // The mechanism field is not read here: PLAIN is this class's only one.
    using Credentials = SaslCredentials;

    static constexpr qint16 kHandshakeVersion = SaslHandshakeCodec::kVersion;
    static constexpr qint16 kAuthenticateVersion = 0;

    static QByteArray handshakeRequest();
    // Done when the broker offers PLAIN; otherwise why not, for people.
    static Result<Done, QString> readHandshakeResponse(const QByteArray &body);

    static QByteArray authenticateRequest(const Credentials &credentials);
    // Done when the broker accepted the user and password; otherwise its message.
    static Result<Done, QString> readAuthenticateResponse(const QByteArray &body);
};

}   // namespace cohort
