// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/SaslPlainAuth.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/SaslHandshakeCodec.h"

#include <QCoreApplication>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SaslPlainAuth)
};

}   // namespace

QByteArray SaslPlainAuth::handshakeRequest()
{
    return SaslHandshakeCodec::request(QStringLiteral("PLAIN"));
}

Result<Done, QString> SaslPlainAuth::readHandshakeResponse(const QByteArray &body)
{
    const std::optional<SaslHandshakeCodec::Response> response = SaslHandshakeCodec::readResponse(body);
    if (!response)
        return Text::tr("the broker sent a malformed SaslHandshake response");
    if (response->errorCode != ErrorCode::None)
        return Text::tr("the broker does not offer SASL mechanism PLAIN (%1)").arg(QString::fromLatin1(ErrorCode::name(response->errorCode)));
    return Done{};
}

QByteArray SaslPlainAuth::authenticateRequest(const Credentials &credentials)
{
    // RFC 4616: authorization id (empty), user, password, NUL-separated.
    QByteArray token;
    token.append('\0').append(credentials.user.toUtf8()).append('\0').append(credentials.password.toUtf8());
    ByteWriter w;
    w.bytes(token);
    return w.take();
}

Result<Done, QString> SaslPlainAuth::readAuthenticateResponse(const QByteArray &body)
{
    ByteReader r(body);
    const qint16 error = r.int16();
    const std::optional<QString> message = r.nullableString();
    if (!r.ok())
        return Text::tr("the broker sent a malformed SaslAuthenticate response");
    if (error != ErrorCode::None)
        return Text::tr("SASL authentication failed: %1")
            .arg(message.value_or(QString()).isEmpty() ? QString::fromLatin1(ErrorCode::name(error)) : *message);
    return Done{};
}

}   // namespace cohort
