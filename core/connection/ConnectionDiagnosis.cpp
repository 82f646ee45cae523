// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionDiagnosis.h"

#include "core/connection/BootstrapServer.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/KafkaWireConnection.h"
#include "core/wire/TlsSettings.h"

#include <QCoreApplication>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionDiagnosis)
};

using Plan = ListenerProbe::Plan;
using Facts = ListenerProbe::Facts;
using Finding = ConnectionDiagnosis::Finding;
using Kind = ResponseFrameSniffer::Kind;

QString property(const RdKafkaClusterClient::Properties &properties, std::initializer_list<const char *> keys, const QString &fallback = {})
{
    QString value = fallback;
    for (const auto &[key, v] : properties)   // the last one wins, as in librdkafka
        for (const char *k : keys)
            if (key == QLatin1String(k))
                value = v.trimmed();
    return value;
}

QString where(const Plan &plan)
{
    return BootstrapServer{{}, plan.host, plan.port}.toString();
}

// The protocol a listener needs, told the way security.protocol spells it.
QString protocolFor(bool tls, bool sasl)
{
    if (tls)
        return sasl ? QStringLiteral("SASL_SSL") : QStringLiteral("SSL");
    return sasl ? QStringLiteral("SASL_PLAINTEXT") : QStringLiteral("PLAINTEXT");
}

std::optional<Finding> unreachable(const Plan &plan, const Facts &f)
{
    const QString at = where(plan);
    switch (f.reach) {
    case ListenerProbe::Reach::Connected: return std::nullopt;
    case ListenerProbe::Reach::Refused:
        return Finding{Text::tr("%1 refused the connection: nothing listens on that port.").arg(at),
                       Text::tr("Check the port of the bootstrap address and that the broker is running.")};
    case ListenerProbe::Reach::HostNotFound:
        return Finding{Text::tr("The host name %1 could not be resolved (DNS): %2.").arg(plan.host, f.reachError),
                       Text::tr("Check the bootstrap address for typos, and your DNS or VPN.")};
    case ListenerProbe::Reach::Unreachable:
        return Finding{Text::tr("%1 is unreachable: the network has no route to it (%2).").arg(at, f.reachError),
                       Text::tr("Check the address, and any VPN or firewall in between.")};
    case ListenerProbe::Reach::TimedOut:
        return Finding{Text::tr("%1 did not accept a connection in time: the host is down or a firewall drops the packets.").arg(at),
                       Text::tr("Check the address and port, and any firewall or VPN in between.")};
    case ListenerProbe::Reach::Failed:
        return Finding{Text::tr("Cannot connect to %1: %2.").arg(at, f.reachError), Text::tr("Check the bootstrap address.")};
    }
    return std::nullopt;
}

Finding notKafka(const Plan &plan, const QString &looksLike)
{
    return Finding{Text::tr("%1 answered, but not as a Kafka broker (%2).").arg(where(plan), looksLike),
                   Text::tr("Use the port of a Kafka listener of the broker (listeners= in its server.properties), not another service's.")};
}

std::optional<Finding> saslFindings(const Plan &plan, const Facts &f)
{
    const QString at = where(plan);
    if (!f.saslHandshake)
        return std::nullopt;
    const qint16 error = f.saslHandshake->errorCode;
    const QString offered = f.saslHandshake->mechanisms.join(QLatin1String(", "));
    if (error == ErrorCode::IllegalSaslState)
        return Finding{
            Text::tr("The listener at %1 has no SASL: it answered SaslHandshake with ILLEGAL_SASL_STATE.").arg(at),
            Text::tr("Use security.protocol=%1 for this port, or the port of the broker's SASL listener.").arg(protocolFor(plan.tls, false))};
    if (error == ErrorCode::UnsupportedSaslMechanism)
        return Finding{Text::tr("The broker at %1 offers SASL %2; the connection uses %3.").arg(at, offered, plan.mechanism),
                       Text::tr("Set the SASL mechanism (sasl.mechanism) to one the broker offers: %1.").arg(offered)};
    if (error != ErrorCode::None)
        return Finding{Text::tr("The broker at %1 refused SASL %2: %3.").arg(at, plan.mechanism, QString::fromLatin1(ErrorCode::name(error))),
                       Text::tr("Check the SASL mechanism of this connection; the broker offers %1.").arg(offered)};
    if (f.authenticateFailure && !f.authenticateFailure->isEmpty())
        return Finding{Text::tr("%1 (user \"%2\", SASL %3, at %4).").arg(*f.authenticateFailure, plan.user, plan.mechanism, at),
                       Text::tr("Check the user name and password. A user created for SCRAM (kafka-configs --add-config SCRAM-SHA-…) "
                          "cannot log in with PLAIN; the broker offers %1.")
                           .arg(offered)};
    return std::nullopt;
}

}   // namespace

bool ConnectionDiagnosis::worthDiagnosing(const KafkaError &failure)
{
    static const QStringList names{
        QStringLiteral("_TRANSPORT"),
        QStringLiteral("_ALL_BROKERS_DOWN"),
        QStringLiteral("_TIMED_OUT"),
        QStringLiteral("REQUEST_TIMED_OUT"),
        QStringLiteral("_SSL"),
        QStringLiteral("_AUTHENTICATION"),
        QStringLiteral("_RESOLVE"),
        QStringLiteral("SASL_AUTHENTICATION_FAILED"),
        QStringLiteral("ILLEGAL_SASL_STATE"),
        QStringLiteral("UNSUPPORTED_SASL_MECHANISM"),
        QStringLiteral("_MSG_TIMED_OUT"),
        QStringLiteral("_BAD_MSG"),
        QStringLiteral("_UNKNOWN_PROTOCOL"),
        QStringLiteral("_TIMED_OUT_QUEUE"),
    };
    return names.contains(failure.name);
}

std::optional<ListenerProbe::Plan> ConnectionDiagnosis::planFor(const RdKafkaClusterClient::Properties &properties)
{
    const QString bootstrap = property(properties, {"bootstrap.servers", "metadata.broker.list"});
    std::optional<KafkaWireConnection::Address> first;
    for (const QString &entry : bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if ((first = KafkaWireConnection::splitHostPort(entry)))
            break;
    if (!first)
        return std::nullopt;
    Plan plan;
    plan.host = first->host;
    plan.port = first->port;
    const QString protocol = property(properties, {"security.protocol"}, QStringLiteral("plaintext")).toLower();
    plan.tls = protocol == QLatin1String("ssl") || protocol == QLatin1String("sasl_ssl");
    plan.sasl = protocol.startsWith(QLatin1String("sasl_"));
    // TLS as the client and Cohort's own connections make it.
    plan.tlsSettings = TlsSettings::fromProperties(properties);
    plan.mechanism = property(properties, {"sasl.mechanism", "sasl.mechanisms"}, QStringLiteral("GSSAPI")).toUpper();
    plan.user = property(properties, {"sasl.username"});
    plan.password = property(properties, {"sasl.password"});
    return plan;
}

std::optional<ConnectionDiagnosis::Finding> ConnectionDiagnosis::judge(const Plan &plan, const Facts &f, int budgetMs)
{
    if (auto finding = unreachable(plan, f))
        return finding;
    const QString at = where(plan);
    const bool plainKafka = f.plainAnswer == Kind::KafkaFrame;
    if (f.plainAnswer == Kind::Http)
        return notKafka(plan, Text::tr("it looks like HTTP"));
    if ((f.plainAnswer == Kind::TooLarge || f.plainAnswer == Kind::NotKafka) && f.tls != ListenerProbe::Tls::Encrypted)
        return notKafka(plan, Text::tr("its answer is not a Kafka response frame"));

    if (plan.tls) {
        switch (f.tls) {
        case ListenerProbe::Tls::NotTried:
        case ListenerProbe::Tls::Unsupported: return std::nullopt;
        case ListenerProbe::Tls::NotTls:
        case ListenerProbe::Tls::NoAnswer:
            if (plainKafka)
                return Finding{Text::tr("The listener at %1 is not TLS: it answers Kafka requests in plaintext.").arg(at),
                               Text::tr("Use security.protocol=%1 for this port, or the broker's TLS port.").arg(protocolFor(false, plan.sasl))};
            // It speaks TLS (it sent a TLS record to plaintext) but refused our
            // handshake: most often a broker with ssl.client.auth=required.
            if (f.plainAnswer == Kind::TlsRecord)
                return Finding{Text::tr("The listener at %1 speaks TLS, but the TLS handshake failed: %2.").arg(at, f.tlsError),
                               Text::tr("If the broker requires client certificates (ssl.client.auth=required), set ssl.certificate.location "
                                  "and ssl.key.location; otherwise check the TLS versions and ciphers both sides allow.")};
            return Finding{
                Text::tr("%1 does not complete a TLS handshake (%2) and does not answer Kafka in plaintext either.").arg(at, f.tlsError),
                Text::tr("Check that the address is a Kafka listener's.")};
        case ListenerProbe::Tls::CertificateRejected: {
            const QString why = f.certificateErrors.join(QLatin1String("; "));
            if (f.hostNameMismatch && f.certificateErrors.size() == 1)
                return Finding{Text::tr("The TLS certificate of %1 does not name \"%2\": %3.").arg(at, plan.host, why),
                               Text::tr("Connect by a host name the broker's certificate holds, or set "
                                  "ssl.endpoint.identification.algorithm=none to skip the host name check.")};
            return Finding{
                Text::tr("The TLS certificate of %1 was not accepted: %2.").arg(at, why),
                plan.tlsSettings.caFile.isEmpty()
                    ? Text::tr("Set the CA file (ssl.ca.location) to the CA that signed the broker's certificate: the system's "
                         "CAs do not trust it.")
                    : Text::tr("The CA file %1 did not sign the broker's certificate: set ssl.ca.location to the CA that did.").arg(plan.tlsSettings.caFile)};
        }
        case ListenerProbe::Tls::Encrypted: break;
        }
    } else if (!plainKafka) {
        if (f.tls == ListenerProbe::Tls::Encrypted)
            return Finding{(f.plainAnswer == Kind::TlsRecord ? Text::tr("The listener at %1 expects TLS: it answered a plaintext Kafka request "
                                                                  "with a TLS alert, and a TLS handshake succeeded.")
                                                             : Text::tr("The listener at %1 expects TLS: it closed the connection on a plaintext "
                                                                  "Kafka request, and a TLS handshake succeeded."))
                               .arg(at),
                           Text::tr("Use security.protocol=%1 (with ssl.ca.location for the broker's CA) for this port, or the broker's "
                              "plaintext port.")
                               .arg(protocolFor(true, plan.sasl))};
        if (f.plainAnswer == Kind::TlsRecord)
            return Finding{Text::tr("%1 answered a plaintext Kafka request with a TLS record: it expects TLS.").arg(at),
                           Text::tr("Use security.protocol=%1 for this port.").arg(protocolFor(true, plan.sasl))};
        if (f.plainClosed)
            return Finding{Text::tr("%1 closed the connection on a Kafka ApiVersions request without answering: it is not a Kafka listener "
                              "this connection can use.")
                               .arg(at),
                           Text::tr("Check the port of the bootstrap address.")};
        return Finding{Text::tr("%1 accepted the connection but did not answer a Kafka ApiVersions request within %2 ms.").arg(at).arg(budgetMs),
                       Text::tr("Check that the address is a Kafka listener's; a very busy broker may need a longer timeout.")};
    }

    if (!f.apiVersionsAnswered)
        return std::nullopt;
    if (plan.sasl) {
        if (f.saslHandshakeOutcome == ListenerProbe::NextRequest::Closed)
            return Finding{Text::tr("The listener at %1 closed the connection on SaslHandshake.").arg(at),
                           Text::tr("Check security.protocol: the listener may not use SASL.")};
        return saslFindings(plan, f);
    }
    if (f.metadata == ListenerProbe::NextRequest::Closed) {
        const QString offered = f.saslHandshake ? f.saslHandshake->mechanisms.join(QLatin1String(", ")) : QString();
        return Finding{offered.isEmpty()
                           ? Text::tr("The listener at %1 requires SASL: it answered ApiVersions, then closed the connection on the first "
                                "other request.")
                                 .arg(at)
                           : Text::tr("The listener at %1 requires SASL (it offers %2): it answered ApiVersions, then closed the connection on "
                                "the first other request.")
                                 .arg(at, offered),
                       Text::tr("Use security.protocol=%1 with a SASL mechanism, user name and password, or the broker's %2 port.")
                           .arg(protocolFor(plan.tls, true), protocolFor(plan.tls, false))};
    }
    return std::nullopt;
}

KafkaError ConnectionDiagnosis::explain(const KafkaError &failure, const RdKafkaClusterClient::Properties &properties, int budgetMs)
{
    if (!worthDiagnosing(failure))
        return failure;
    const std::optional<Plan> plan = planFor(properties);
    if (!plan)
        return failure;
    const Facts facts = ListenerProbe::probe(*plan, QDeadlineTimer(budgetMs));
    const std::optional<Finding> finding = judge(*plan, facts, budgetMs);
    if (!finding)
        return failure;
    return KafkaError::make(failure.code, failure.name, finding->message, finding->hint);
}

}   // namespace cohort
