// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCluster.h"

#include "core/connection/BootstrapServer.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/JavaClientProperties.h"
#include "core/connection/JavaProperties.h"
#include "core/connection/SecretStore.h"
#include "core/util/EventLoopWait.h"

#include <QFile>

#include <optional>

namespace cohort::cli {

CliCluster::CliCluster(const GlobalOptions &options, const CliContext &context)
    : m_options(options)
    , m_context(context)
{ }

// Java properties syntax (key=value, # and ! comments), as --command-config takes.
Result<RdKafkaClusterClient::Properties, QString> CliCluster::readProperties(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return tr("cannot read %1: %2").arg(path, f.errorString());
    RdKafkaClusterClient::Properties props;
    int lineNo = 0;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        ++lineNo;
        const JavaProperties::Line line = JavaProperties::parseLine(QString::fromUtf8(raw));
        if (line.kind == JavaProperties::Line::Malformed)
            return tr("%1:%2: expected key=value").arg(path).arg(lineNo);
        if (line.kind == JavaProperties::Line::Entry)
            props.append({line.key, line.value});
    }
    return props;
}

// The librdkafka properties of the saved connection, with --bootstrap-server
// (when given) replacing its servers.
Result<RdKafkaClusterClient::Properties, CliFailure> CliCluster::profileProperties() const
{
    std::unique_ptr<ConnectionProfileStore> ownStore;
    ConnectionProfileStore *store = m_context.profiles;
    if (!store) {
        ownStore = std::make_unique<ConnectionProfileStore>();
        store = ownStore.get();
    }
    const QString &name = m_options.profile;
    const Result<ConnectionProfile, QString> profile = store->loadForConnecting(name, m_options.bootstrapServers);
    if (!profile)
        return CliFailure::usage(profile.error());

    // The environment first: it is what a script sets on purpose, and it keeps
    // a headless machine from talking to a secret service at all.
    QString password = qEnvironmentVariable("COHORT_PASSWORD");
    QString keychainNote;
    if (password.isEmpty() && (profile->usesSasl() || profile->usesSsl())) {
        std::unique_ptr<SecretStore> ownSecrets;
        SecretStore *secrets = m_context.secrets;
        if (!secrets) {
            ownSecrets = SecretStore::createDefault();
            secrets = ownSecrets.get();
        }
        const QFuture<SecretReply> read = secrets->readPassword(name);
        const SecretReply reply = waitWithEventLoop(read) ? read.result() : SecretReply{};
        if (reply.found)
            password = reply.password;
        keychainNote = reply.error;
    }
    if (password.isEmpty() && profile->usesSasl()) {
        QString why = tr("connection '%1' uses %2 and has no password: set the environment variable COHORT_PASSWORD, "
                         "or save the password with Cohort's connection dialog (Remember)")
                          .arg(name, ConnectionProfile::securityProtocolName(profile->securityProtocol));
        if (!keychainNote.isEmpty())
            why += QStringLiteral(" (") + tr("the keychain said: %1").arg(keychainNote) + QLatin1Char(')');
        return CliFailure::usage(why);
    }
    return profile->librdkafkaProperties(password);
}

Result<bool, CliFailure> CliCluster::readOnly() const
{
    if (m_options.profile.isEmpty())
        return false;
    std::unique_ptr<ConnectionProfileStore> ownStore;
    ConnectionProfileStore *store = m_context.profiles;
    if (!store) {
        ownStore = std::make_unique<ConnectionProfileStore>();
        store = ownStore.get();
    }
    const Result<ConnectionProfile, QString> profile = store->loadForConnecting(m_options.profile, m_options.bootstrapServers);
    if (!profile)
        return CliFailure::usage(profile.error());
    return profile->readOnly;
}

QString CliCluster::displayName() const
{
    return m_options.profile.isEmpty() ? m_options.bootstrapServers : m_options.profile;
}

Result<RdKafkaClusterClient::Properties, CliFailure> CliCluster::properties() const
{
    RdKafkaClusterClient::Properties props;
    if (!m_options.profile.isEmpty()) {
        auto fromProfile = profileProperties();
        if (!fromProfile)
            return fromProfile.error();
        props = fromProfile.value();
    }
    if (!m_options.commandConfig.isEmpty()) {
        const auto fromFile = readProperties(m_options.commandConfig);
        if (!fromFile)
            return CliFailure::usage(fromFile.error());
        // Written for Kafka's Java tools (sasl.jaas.config and friends).
        const auto translated = JavaClientProperties::toLibrdkafka(fromFile.value());
        if (!translated)
            return CliFailure::usage(tr("%1: %2").arg(m_options.commandConfig, translated.error()));
        props += translated.value();
    }
    if (!m_options.bootstrapServers.isEmpty() && m_options.profile.isEmpty())
        props.append({QStringLiteral("bootstrap.servers"), m_options.bootstrapServers});
    QString bootstrap;
    for (const auto &p : std::as_const(props))
        if (p.first == QLatin1String("bootstrap.servers"))
            bootstrap = p.second;   // the last one wins, as in librdkafka
    if (bootstrap.isEmpty())
        return CliFailure::usage(tr("no cluster given: use --bootstrap-server, --profile or bootstrap.servers in --command-config"));
    // Checked here, at once: librdkafka would wrap port 99999 to another port
    // or spend the whole timeout on "::::".
    if (const auto servers = BootstrapServer::parseList(bootstrap); !servers)
        return CliFailure::usage(tr("bad bootstrap servers: %1").arg(servers.error()));
    return props;
}

Result<std::shared_ptr<RdKafkaClusterClient>, CliFailure> CliCluster::connect() const
{
    const auto props = properties();
    if (!props)
        return props.error();
    return connect(props.value());
}

Result<std::shared_ptr<RdKafkaClusterClient>, CliFailure> CliCluster::connect(const RdKafkaClusterClient::Properties &properties) const
{
    auto made = RdKafkaClusterClient::create(properties, m_options.timeoutMs);
    if (!made)
        return CliFailure::kafka(made.error().toString());
    return made.value();
}

}   // namespace cohort::cli
