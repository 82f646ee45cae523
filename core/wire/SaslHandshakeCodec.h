// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace cohort {

// SaslHandshake v1 (API key 17) as Kafka frames it: the mechanism the client
// asks for, and the broker's error code with the mechanisms it has enabled.
// Kafka lists them whatever the error (UNSUPPORTED_SASL_MECHANISM included),
// which is how a diagnosis can say what the broker offers instead.
class SaslHandshakeCodec
{
public:
    static constexpr qint16 kVersion = 1;

    struct Response
    {
        qint16 errorCode = 0;
        QStringList mechanisms;   // as the broker spells them: "PLAIN", "SCRAM-SHA-512"
    };

    static QByteArray request(const QString &mechanism);
    // nullopt when the body is not a SaslHandshake response.
    static std::optional<Response> readResponse(const QByteArray &body);
};

}   // namespace cohort
