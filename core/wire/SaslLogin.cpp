// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/SaslLogin.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/SaslHandshakeCodec.h"
#include "core/wire/SaslPlainAuth.h"

#include <QCoreApplication>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SaslLogin)
};

}   // namespace

SaslLogin::SaslLogin(const SaslCredentials &credentials)
    : m_credentials(credentials)
    , m_scram(credentials)
{ }

SaslLogin::Request SaslLogin::first() const
{
    return Request{ApiKey::SaslHandshake, SaslHandshakeCodec::kVersion, SaslHandshakeCodec::request(m_credentials.mechanismName())};
}

QByteArray SaslLogin::authenticateRequest(const QByteArray &authBytes)
{
    ByteWriter w;
    w.bytes(authBytes);
    return w.take();
}

SaslLogin::Request SaslLogin::authenticate(const QByteArray &authBytes) const
{
    return Request{ApiKey::SaslAuthenticate, kAuthenticateVersion, authenticateRequest(authBytes)};
}

std::optional<SaslLogin::AuthenticateResponse> SaslLogin::readAuthenticateResponse(const QByteArray &body, qint16 version)
{
    ByteReader r(body);
    AuthenticateResponse out;
    out.errorCode = r.int16();
    out.errorMessage = r.nullableString().value_or(QString());
    out.authBytes = r.bytes();
    if (version >= 1)
        out.sessionLifetimeMs = r.int64();
    if (!r.ok())
        return std::nullopt;
    return out;
}

QString SaslLogin::refused(const AuthenticateResponse &response) const
{
    const QString kafkaSays = response.errorMessage.isEmpty() ? QString::fromLatin1(ErrorCode::name(response.errorCode)) : response.errorMessage;
    if (m_credentials.isScram() && response.errorCode == ErrorCode::SaslAuthenticationFailed)
        return Text::tr("Authentication failed: wrong user or password for %1 (user \"%2\"; Kafka says: %3)")
            .arg(m_credentials.mechanismName(), m_credentials.user, kafkaSays);
    return Text::tr("SASL authentication failed: %1").arg(kafkaSays);
}

Result<std::optional<SaslLogin::Request>, QString> SaslLogin::next(const QByteArray &responseBody)
{
    switch (m_step) {
    case Step::Handshake: {
        const std::optional<SaslHandshakeCodec::Response> handshake = SaslHandshakeCodec::readResponse(responseBody);
        if (!handshake)
            return Text::tr("the broker sent a malformed SaslHandshake response");
        if (handshake->errorCode != ErrorCode::None)
            return Text::tr("the broker does not offer SASL mechanism %1 (%2; it offers %3)")
                .arg(m_credentials.mechanismName(), QString::fromLatin1(ErrorCode::name(handshake->errorCode)),
                     handshake->mechanisms.isEmpty() ? Text::tr("none") : handshake->mechanisms.join(QStringLiteral(", ")));
        if (!m_credentials.isScram()) {
            m_step = Step::PlainToken;
            return std::optional<Request>(Request{ApiKey::SaslAuthenticate, kAuthenticateVersion, SaslPlainAuth::authenticateRequest(m_credentials)});
        }
        m_step = Step::ScramFirst;
        return std::optional<Request>(authenticate(m_scram.clientFirstMessage()));
    }
    case Step::PlainToken:
    case Step::ScramFirst:
    case Step::ScramFinal: {
        const std::optional<AuthenticateResponse> answer = readAuthenticateResponse(responseBody, kAuthenticateVersion);
        if (!answer)
            return Text::tr("the broker sent a malformed SaslAuthenticate response");
        if (answer->errorCode != ErrorCode::None)
            return refused(*answer);
        if (m_step == Step::ScramFirst) {
            auto final = m_scram.clientFinalMessage(answer->authBytes);
            if (!final)
                return final.error();
            m_step = Step::ScramFinal;
            return std::optional<Request>(authenticate(*final));
        }
        if (m_step == Step::ScramFinal) {
            if (auto verified = m_scram.verifyServerFinal(answer->authBytes); !verified)
                return verified.error();
        }
        m_step = Step::Done;
        return std::optional<Request>();
    }
    case Step::Done: break;
    }
    return Text::tr("the SASL login has already ended");
}

}   // namespace cohort
