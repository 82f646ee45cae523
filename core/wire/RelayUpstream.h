// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/SaslCredentials.h"

#include <QString>

class QSslSocket;

namespace cohort {

// How BrokerRelay reaches the real brokers: the SCRAM login it makes on every
// upstream connection and, for SASL_SSL, TLS as librdkafka would make it from
// the same properties (verification on unless the connection turns it off).
struct RelayUpstream
{
    SaslCredentials login;
    bool tls = false;
    QString caFile;            // ssl.ca.location; empty = the system's CAs
    QString certificateFile;   // ssl.certificate.location (mutual TLS)
    QString keyFile;           // ssl.key.location
    QString keyPassword;       // ssl.key.password
    bool verifyCertificate = true;   // enable.ssl.certificate.verification
    bool verifyHostName = true;      // ssl.endpoint.identification.algorithm=https

    // Sets up a socket for connectToHostEncrypted with these settings.
    void configure(QSslSocket &socket) const;
};

}   // namespace cohort
