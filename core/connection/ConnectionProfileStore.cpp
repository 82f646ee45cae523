// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionProfileStore.h"

#include <QSettings>

namespace cohort {

namespace {

const QLatin1String kGroup("connections");
const QLatin1String kLastUsed("lastConnection");   // top level: a profile may be called anything

QString groupOf(const QString &name)
{
    return kGroup + QLatin1Char('/') + name;
}

// The name problems validate() reports, without the other fields' problems.
QString nameProblem(const QString &name)
{
    ConnectionProfile probe;
    probe.name = name;
    probe.bootstrapServers = QStringLiteral("probe:1");
    const QStringList problems = probe.validate();
    return problems.isEmpty() ? QString() : problems.first();
}

}   // namespace

ConnectionProfileStore::ConnectionProfileStore(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QSettings::UserScope, QStringLiteral("Cohort"), QStringLiteral("Cohort")))
{ }

ConnectionProfileStore::ConnectionProfileStore(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

ConnectionProfileStore::~ConnectionProfileStore() = default;

Result<ConnectionProfile, QString> ConnectionProfileStore::loadForConnecting(const QString &name, const QString &bootstrapOverride) const
{
    std::optional<ConnectionProfile> profile = load(name);
    if (!profile) {
        const QStringList saved = names();
        return saved.isEmpty()
                   ? tr("no saved connection called '%1'; there are none yet (save one in Cohort's connection dialog)").arg(name)
                   : tr("no saved connection called '%1'; saved connections: %2").arg(name, saved.join(QLatin1String(", ")));
    }
    if (!bootstrapOverride.isEmpty())
        profile->bootstrapServers = bootstrapOverride;
    if (const QStringList problems = profile->validate(); !problems.isEmpty())
        return tr("connection '%1' cannot be used: %2").arg(name, problems.join(QLatin1Char(' ')));
    return std::move(*profile);
}

QStringList ConnectionProfileStore::names() const
{
    m_settings->beginGroup(kGroup);
    QStringList out = m_settings->childGroups();
    m_settings->endGroup();
    out.sort(Qt::CaseInsensitive);
    return out;
}

bool ConnectionProfileStore::contains(const QString &name) const
{
    return !name.isEmpty() && names().contains(name);
}

std::optional<ConnectionProfile> ConnectionProfileStore::load(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    ConnectionProfile p;
    p.name = name;
    m_settings->beginGroup(groupOf(name));
    p.bootstrapServers = m_settings->value(QStringLiteral("bootstrapServers")).toString();
    // An unknown protocol (a newer Cohort's, or a hand edit) reads as the default
    // rather than dropping the profile; validate() and librdkafka take it from there.
    p.securityProtocol = ConnectionProfile::securityProtocolFromName(m_settings->value(QStringLiteral("securityProtocol")).toString())
                             .value_or(ConnectionProfile::SecurityProtocol::Plaintext);
    p.saslMechanism = ConnectionProfile::saslMechanismFromName(m_settings->value(QStringLiteral("saslMechanism")).toString())
                          .value_or(ConnectionProfile::SaslMechanism::Plain);
    p.userName = m_settings->value(QStringLiteral("userName")).toString();
    p.sslCaFile = m_settings->value(QStringLiteral("sslCaFile")).toString();
    p.sslCertificateFile = m_settings->value(QStringLiteral("sslCertificateFile")).toString();
    p.sslKeyFile = m_settings->value(QStringLiteral("sslKeyFile")).toString();
    p.extraProperties = m_settings->value(QStringLiteral("extraProperties")).toStringList();
    p.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
    p.production = m_settings->value(QStringLiteral("production"), false).toBool();
    m_settings->endGroup();
    return p;
}

void ConnectionProfileStore::write(const ConnectionProfile &p)
{
    m_settings->remove(groupOf(p.name));   // no stale keys from an older version
    m_settings->beginGroup(groupOf(p.name));
    m_settings->setValue(QStringLiteral("bootstrapServers"), p.bootstrapServers);
    m_settings->setValue(QStringLiteral("securityProtocol"), ConnectionProfile::securityProtocolName(p.securityProtocol));
    m_settings->setValue(QStringLiteral("saslMechanism"), ConnectionProfile::saslMechanismName(p.saslMechanism));
    m_settings->setValue(QStringLiteral("userName"), p.userName);
    m_settings->setValue(QStringLiteral("sslCaFile"), p.sslCaFile);
    m_settings->setValue(QStringLiteral("sslCertificateFile"), p.sslCertificateFile);
    m_settings->setValue(QStringLiteral("sslKeyFile"), p.sslKeyFile);
    m_settings->setValue(QStringLiteral("extraProperties"), p.extraProperties);
    m_settings->setValue(QStringLiteral("readOnly"), p.readOnly);
    m_settings->setValue(QStringLiteral("production"), p.production);
    m_settings->endGroup();
}

Result<Done, QString> ConnectionProfileStore::save(const ConnectionProfile &profile)
{
    if (const QString problem = nameProblem(profile.name); !problem.isEmpty())
        return problem;
    write(profile);
    m_settings->sync();
    Q_EMIT changed();
    return Done{};
}

bool ConnectionProfileStore::remove(const QString &name)
{
    if (!contains(name))
        return false;
    m_settings->remove(groupOf(name));
    if (lastUsed() == name)
        m_settings->remove(kLastUsed);
    m_settings->sync();
    Q_EMIT changed();
    return true;
}

Result<Done, QString> ConnectionProfileStore::rename(const QString &from, const QString &to)
{
    std::optional<ConnectionProfile> p = load(from);
    if (!p)
        return tr("There is no connection called \"%1\".").arg(from);
    if (from == to)
        return Done{};
    if (const QString problem = nameProblem(to); !problem.isEmpty())
        return problem;
    if (contains(to))
        return tr("A connection called \"%1\" exists already.").arg(to);
    const bool wasLast = lastUsed() == from;
    p->name = to;
    write(*p);
    m_settings->remove(groupOf(from));
    if (wasLast)
        m_settings->setValue(kLastUsed, to);
    m_settings->sync();
    Q_EMIT changed();
    return Done{};
}

QString ConnectionProfileStore::lastUsed() const
{
    const QString name = m_settings->value(kLastUsed).toString();
    return contains(name) ? name : QString();
}

void ConnectionProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(kLastUsed, name);
    m_settings->sync();
}

QString ConnectionProfileStore::fileName() const
{
    return m_settings->fileName();
}

void ConnectionProfileStore::sync()
{
    m_settings->sync();
}

}   // namespace cohort
