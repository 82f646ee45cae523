// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/MemorySecretStore.h"

#include <QCoreApplication>
#include <QFuture>

namespace cohort {

MemorySecretStore::MemorySecretStore(QObject *parent, const QString &reason)
    : SecretStore(parent)
    , m_reason(reason)
{ }

MemorySecretStore::~MemorySecretStore()
{
    // Do not leave passwords in freed memory.
    for (QString &p : m_passwords)
        p.fill(QLatin1Char('\0'));
}

SecretReply MemorySecretStore::read(const QString &profileName) const
{
    SecretReply r;
    r.persistent = false;
    r.error = m_reason;
    const auto it = m_passwords.constFind(profileName);
    r.found = it != m_passwords.cend();
    if (r.found)
        r.password = *it;
    return r;
}

SecretReply MemorySecretStore::write(const QString &profileName, const QString &password)
{
    m_passwords.insert(profileName, password);
    return SecretReply{true, {}, false, m_reason};
}

SecretReply MemorySecretStore::remove(const QString &profileName)
{
    m_passwords.remove(profileName);
    return SecretReply{true, {}, false, m_reason};
}

QFuture<SecretReply> MemorySecretStore::readPassword(const QString &profileName)
{
    return QtFuture::makeReadyFuture(read(profileName));
}

QFuture<SecretReply> MemorySecretStore::writePassword(const QString &profileName, const QString &password)
{
    return QtFuture::makeReadyFuture(write(profileName, password));
}

QFuture<SecretReply> MemorySecretStore::removePassword(const QString &profileName)
{
    return QtFuture::makeReadyFuture(remove(profileName));
}

QString MemorySecretStore::description() const
{
    const QString base = QCoreApplication::translate("MemorySecretStore", "Passwords are kept in memory only, until Cohort exits");
    return m_reason.isEmpty() ? base : base + QStringLiteral(" (") + m_reason + QLatin1Char(')');
}

}   // namespace cohort
