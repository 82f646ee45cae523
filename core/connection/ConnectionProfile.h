// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/RdKafkaClusterClient.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace cohort {

// A saved way to reach one cluster: addresses, security settings and extra
// librdkafka properties. Never holds the password: that lives in a SecretStore
// and is handed to librdkafkaProperties() only when connecting.
struct ConnectionProfile
{
    enum class SecurityProtocol { Plaintext, Ssl, SaslPlaintext, SaslSsl };
    enum class SaslMechanism { Plain, ScramSha256, ScramSha512 };

    QString name;
    QString bootstrapServers;   // "host:port,host:port"
    SecurityProtocol securityProtocol = SecurityProtocol::Plaintext;
    SaslMechanism saslMechanism = SaslMechanism::Plain;
    QString userName;   // SASL user
    QString sslCaFile;
    QString sslCertificateFile;
    QString sslKeyFile;
    QStringList extraProperties;   // "key=value" lines; blank and #/! comment lines allowed
    bool readOnly = false;         // the UI offers no write actions (offset resets) on it
    // A cluster whose mistakes hurt: a destructive action (deleting a group
    // or its offsets) asks to type the group's name instead of a Yes.
    bool production = false;

    bool usesSasl() const;
    bool usesSsl() const;

    // The bootstrap entries, trimmed, empty ones dropped.
    QStringList bootstrapList() const;

    // What is wrong with this profile, one sentence per problem, for people;
    // empty when it can be tried. Does not contact the cluster and does not
    // judge extra properties' keys or values: librdkafka does that on connect.
    QStringList validate() const;

    // Properties for RdKafkaClusterClient::create. `password` is the SASL
    // password, or the private key's passphrase for SSL without SASL; it is
    // left out when empty. Extra properties come last so that they override.
    RdKafkaClusterClient::Properties librdkafkaProperties(const QString &password) const;

    // The extra properties that parsed, and what is wrong with the lines that
    // did not (not key=value, or a secret): validate() reports the problems,
    // librdkafkaProperties() uses what parsed.
    struct ExtraProperties
    {
        RdKafkaClusterClient::Properties parsed;
        QStringList problems;   // one sentence per skipped line, for people
    };
    ExtraProperties parsedExtraProperties() const;

    // Names as librdkafka and Kafka tools spell them ("SASL_SSL", "SCRAM-SHA-256").
    static QString securityProtocolName(SecurityProtocol protocol);
    static std::optional<SecurityProtocol> securityProtocolFromName(const QString &name);
    static QString saslMechanismName(SaslMechanism mechanism);
    static std::optional<SaslMechanism> saslMechanismFromName(const QString &name);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

}   // namespace cohort
