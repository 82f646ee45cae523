// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ResponseFrameSniffer.h"
#include "core/wire/SaslHandshakeCodec.h"
#include "core/wire/TlsSettings.h"

#include <QDeadlineTimer>
#include <QString>
#include <QStringList>

#include <optional>

namespace cohort {

// Looks at one listener directly, after a connection through librdkafka
// failed, to find out what it speaks: a plaintext Kafka ApiVersions on a
// fresh TCP connection, a TLS handshake on another, and the first SASL step
// or the first request after ApiVersions in the way the profile connects.
// Blocking, a few short connections within one deadline: run it off the GUI
// thread. It records what it saw; ConnectionDiagnosis judges.
class ListenerProbe
{
public:
    // How the profile connects, as far as the probe needs it.
    struct Plan
    {
        QString host;
        quint16 port = 0;
        bool tls = false;
        // The profile's ssl.* settings (CA, client certificate, verification),
        // used when tls is set; without it the probe only asks whether the
        // listener speaks TLS, and verifies nothing.
        TlsSettings tlsSettings;
        bool sasl = false;
        QString mechanism;   // sasl.mechanism as librdkafka spells it
        QString user;
        QString password;
    };

    enum class Reach { Connected, Refused, HostNotFound, Unreachable, TimedOut, Failed };
    enum class Tls { NotTried, Encrypted, CertificateRejected, NotTls, NoAnswer, Unsupported };
    // What came of the request the profile would send next (the first after
    // ApiVersions): Kafka answered it, or closed the connection on it.
    enum class NextRequest { NotTried, Answered, Closed, NoAnswer };

    struct Facts
    {
        Reach reach = Reach::Failed;
        QString reachError;   // the socket's words
        int connectTimeoutMs = 0;

        // A plaintext ApiVersions v0 on a fresh connection.
        ResponseFrameSniffer::Kind plainAnswer = ResponseFrameSniffer::Kind::Incomplete;
        bool plainClosed = false;   // the peer closed without a Kafka answer

        Tls tls = Tls::NotTried;
        QStringList certificateErrors;   // why the certificate was refused, Qt's words
        bool hostNameMismatch = false;   // one of them: the name is not in the certificate
        QString tlsError;

        // Over the profile's own transport (TLS when it uses TLS).
        bool apiVersionsAnswered = false;
        NextRequest metadata = NextRequest::NotTried;                // profile without SASL
        std::optional<SaslHandshakeCodec::Response> saslHandshake;   // profile with SASL, or offered on a SASL listener
        NextRequest saslHandshakeOutcome = NextRequest::NotTried;
        // PLAIN only: empty when SaslAuthenticate accepted the user, else why not.
        std::optional<QString> authenticateFailure;
    };

    static Facts probe(const Plan &plan, QDeadlineTimer deadline);
};

}   // namespace cohort
