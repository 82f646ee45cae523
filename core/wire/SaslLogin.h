// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/SaslCredentials.h"
#include "core/wire/SaslScramAuth.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cohort {

// One SASL login as Kafka frames it, whatever the mechanism: SaslHandshake v1
// with the mechanism, then SaslAuthenticate v0 tokens (one for PLAIN, two for
// SCRAM, whose server-final message is checked). A state machine without I/O:
// a connection sends first(), hands each answer's body to next(), and sends
// what it returns until it returns no request (logged in) or an error.
class SaslLogin
{
public:
    struct Request
    {
        qint16 apiKey = 0;
        qint16 apiVersion = 0;
        QByteArray body;
    };

    explicit SaslLogin(const SaslCredentials &credentials);

    Request first() const;
    // The next request after this answer; nullopt when the login succeeded;
    // otherwise why it failed, for people (Kafka's own message included).
    Result<std::optional<Request>, QString> next(const QByteArray &responseBody);

    // SaslAuthenticate v0, as Cohort always sent for PLAIN: v1 only adds the
    // session lifetime to the answer, which nothing here acts on.
    static constexpr qint16 kAuthenticateVersion = 0;

    // The SaslAuthenticate answer's fields (v0 and v1); nullopt when malformed.
    struct AuthenticateResponse
    {
        qint16 errorCode = 0;
        QString errorMessage;
        QByteArray authBytes;
        qint64 sessionLifetimeMs = 0;
    };
    static std::optional<AuthenticateResponse> readAuthenticateResponse(const QByteArray &body, qint16 version);
    static QByteArray authenticateRequest(const QByteArray &authBytes);

private:
    enum class Step { Handshake, PlainToken, ScramFirst, ScramFinal, Done };
    Request authenticate(const QByteArray &authBytes) const;
    QString refused(const AuthenticateResponse &response) const;

    SaslCredentials m_credentials;
    SaslScramAuth m_scram;
    Step m_step = Step::Handshake;
};

}   // namespace cohort
