// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Only built with QtKeychain (COHORT_HAVE_KEYCHAIN, see the top-level CMakeLists.txt);
// SecretStore::createDefault() picks it when it exists.
#ifdef COHORT_HAVE_KEYCHAIN

#include "core/connection/MemorySecretStore.h"
#include "core/connection/SecretStore.h"

namespace QKeychain {
class Job;
}

namespace cohort {

// Passwords in the system's secret service (Secret Service/KWallet, macOS
// Keychain, Windows Credential Store) through QtKeychain's asynchronous jobs.
// When a job fails for any reason other than "no such entry", it says so once
// (fellBackToMemory) and keeps passwords in memory for the rest of the session:
// never in a plain-text file (QtKeychain's insecure fallback stays off).
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    explicit KeychainSecretStore(QObject *parent = nullptr, const QString &service = QStringLiteral("Cohort"));
    ~KeychainSecretStore() override;

    QFuture<SecretReply> readPassword(const QString &profileName) override;
    QFuture<SecretReply> writePassword(const QString &profileName, const QString &password) override;
    QFuture<SecretReply> removePassword(const QString &profileName) override;
    bool isPersistent() const override { return !m_fellBack; }
    QString description() const override;

private:
    enum class Op { Read, Write, Remove };
    QFuture<SecretReply> run(Op op, const QString &profileName, const QString &password);
    void fallBack(const QString &reason);

    QString m_service;
    MemorySecretStore m_memory;
    bool m_fellBack = false;
};

}   // namespace cohort

#endif   // COHORT_HAVE_KEYCHAIN
