// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QSslSocket;

namespace cohort {

// TLS to a broker as librdkafka makes it from the same properties: the CA
// file (else the system's CAs), a client certificate and key for brokers that
// want one, the chain verified and the host name checked unless the
// connection turns them off. One place for Cohort's own connections
// (KafkaWireConnection, KafkaWireClient), the SCRAM relay's upstream
// connections and the listener probe, so that each trusts exactly what
// librdkafka trusts on the same connection.
struct TlsSettings
{
    QString caFile;            // ssl.ca.location; empty = the system's CAs
    QString certificateFile;   // ssl.certificate.location (mutual TLS), PEM
    QString keyFile;           // ssl.key.location, PEM
    QString keyPassword;       // ssl.key.password
    bool verifyCertificate = true;   // enable.ssl.certificate.verification
    // ssl.endpoint.identification.algorithm: librdkafka 2.x checks the name
    // (https) unless told none.
    bool verifyHostName = true;

    // From librdkafka properties (the last of a key wins, as in librdkafka;
    // booleans spelt as librdkafka reads them).
    static TlsSettings fromProperties(const QList<QPair<QString, QString>> &properties);

    // Sets up a socket for connectToHostEncrypted (which sends the host name
    // as SNI unless it is an IP address, as librdkafka does).
    void configure(QSslSocket &socket) const;

    // Why the handshake of `socket` to `where` ("host:port") failed, for
    // people: the certificate's problems in the words of the connection
    // diagnosis, or the socket's own error.
    static QString handshakeFailure(const QSslSocket &socket, const QString &where);
};

}   // namespace cohort
