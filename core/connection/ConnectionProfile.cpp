// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionProfile.h"

#include "core/connection/BootstrapServer.h"
#include "core/connection/JavaProperties.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)
};

// Extra properties are saved in clear text with the profile: a secret there
// would end up in the settings file.
bool looksSecret(const QString &key)
{
    return key.contains(QLatin1String("password"), Qt::CaseInsensitive) || key.contains(QLatin1String("secret"), Qt::CaseInsensitive);
}

}   // namespace

bool ConnectionProfile::usesSasl() const
{
    return securityProtocol == SecurityProtocol::SaslPlaintext || securityProtocol == SecurityProtocol::SaslSsl;
}

bool ConnectionProfile::usesSsl() const
{
    return securityProtocol == SecurityProtocol::Ssl || securityProtocol == SecurityProtocol::SaslSsl;
}

QStringList ConnectionProfile::bootstrapList() const
{
    QStringList out;
    for (const QString &part : bootstrapServers.split(QLatin1Char(','))) {
        const QString entry = part.trimmed();
        if (!entry.isEmpty())
            out << entry;
    }
    return out;
}

QStringList ConnectionProfile::validate() const
{
    QStringList problems;
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        problems << Text::tr("Give the connection a name.");
    else if (trimmedName != name)
        problems << Text::tr("The name must not start or end with spaces.");
    // Profiles are settings groups "connections/<name>": a slash would nest them.
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        problems << Text::tr("The name must not contain / or \\.");

    const QStringList servers = bootstrapList();
    if (servers.isEmpty())
        problems << Text::tr("Give at least one bootstrap server as HOST:PORT.");
    for (const QString &entry : servers)
        if (const Result<BootstrapServer, QString> server = BootstrapServer::parse(entry); !server)
            problems << server.error();

    if (usesSasl() && userName.trimmed().isEmpty())
        problems << Text::tr("%1 needs a user name.").arg(securityProtocolName(securityProtocol));

    if (usesSsl()) {
        const QList<QPair<QString, QString>> files{
            {Text::tr("CA file"), sslCaFile}, {Text::tr("Certificate file"), sslCertificateFile}, {Text::tr("Key file"), sslKeyFile}};
        for (const auto &[what, path] : files)
            if (!path.isEmpty() && !QFileInfo(path).isFile())
                problems << Text::tr("%1 \"%2\" does not exist.").arg(what, path);
        if (sslCertificateFile.isEmpty() != sslKeyFile.isEmpty())
            problems << Text::tr("A client certificate needs its key file, and a key file its certificate.");
    }

    problems += parsedExtraProperties().problems;
    return problems;
}

ConnectionProfile::ExtraProperties ConnectionProfile::parsedExtraProperties() const
{
    ExtraProperties out;
    int lineNo = 0;
    for (const QString &raw : extraProperties) {
        ++lineNo;
        const JavaProperties::Line line = JavaProperties::parseLine(raw);
        if (line.kind == JavaProperties::Line::Skip)
            continue;
        if (line.kind == JavaProperties::Line::Malformed) {
            out.problems << Text::tr("Extra property line %1 (\"%2\") is not key=value.").arg(QString::number(lineNo), raw.trimmed());
            continue;
        }
        if (looksSecret(line.key)) {
            out.problems << Text::tr("Extra property %1 looks like a secret: extra properties are saved in plain text; "
                               "use the password field instead.")
                                .arg(line.key);
            continue;
        }
        out.parsed.append({line.key, line.value});
    }
    return out;
}

RdKafkaClusterClient::Properties ConnectionProfile::librdkafkaProperties(const QString &password) const
{
    RdKafkaClusterClient::Properties props;
    props.append({QStringLiteral("bootstrap.servers"), bootstrapList().join(QLatin1Char(','))});
    props.append({QStringLiteral("security.protocol"), securityProtocolName(securityProtocol)});
    if (usesSasl()) {
        props.append({QStringLiteral("sasl.mechanisms"), saslMechanismName(saslMechanism)});
        props.append({QStringLiteral("sasl.username"), userName.trimmed()});
        if (!password.isEmpty())
            props.append({QStringLiteral("sasl.password"), password});
    }
    if (usesSsl()) {
        if (!sslCaFile.isEmpty())
            props.append({QStringLiteral("ssl.ca.location"), sslCaFile});
        if (!sslCertificateFile.isEmpty())
            props.append({QStringLiteral("ssl.certificate.location"), sslCertificateFile});
        if (!sslKeyFile.isEmpty())
            props.append({QStringLiteral("ssl.key.location"), sslKeyFile});
        if (!usesSasl() && !password.isEmpty())
            props.append({QStringLiteral("ssl.key.password"), password});
    }
    props += parsedExtraProperties().parsed;
    return props;
}

QString ConnectionProfile::securityProtocolName(SecurityProtocol protocol)
{
    switch (protocol) {
    case SecurityProtocol::Plaintext: return QStringLiteral("PLAINTEXT");
    case SecurityProtocol::Ssl: return QStringLiteral("SSL");
    case SecurityProtocol::SaslPlaintext: return QStringLiteral("SASL_PLAINTEXT");
    case SecurityProtocol::SaslSsl: return QStringLiteral("SASL_SSL");
    }
    return {};
}

std::optional<ConnectionProfile::SecurityProtocol> ConnectionProfile::securityProtocolFromName(const QString &name)
{
    for (const auto p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl, SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl})
        if (securityProtocolName(p).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

QString ConnectionProfile::saslMechanismName(SaslMechanism mechanism)
{
    switch (mechanism) {
    case SaslMechanism::Plain: return QStringLiteral("PLAIN");
    case SaslMechanism::ScramSha256: return QStringLiteral("SCRAM-SHA-256");
    case SaslMechanism::ScramSha512: return QStringLiteral("SCRAM-SHA-512");
    }
    return {};
}

std::optional<ConnectionProfile::SaslMechanism> ConnectionProfile::saslMechanismFromName(const QString &name)
{
    for (const auto m : {SaslMechanism::Plain, SaslMechanism::ScramSha256, SaslMechanism::ScramSha512})
        if (saslMechanismName(m).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return m;
    return std::nullopt;
}

}   // namespace cohort
