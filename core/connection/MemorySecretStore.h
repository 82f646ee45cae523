// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/SecretStore.h"

#include <QHash>

namespace cohort {

// Passwords in this process's memory only: for tests, for machines without a
// secret service, and as KeychainSecretStore's fallback. Answers at once.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    // `reason`, when given, says why nothing better is used (shown in description()).
    explicit MemorySecretStore(QObject *parent = nullptr, const QString &reason = {});
    ~MemorySecretStore() override;

    QFuture<SecretReply> readPassword(const QString &profileName) override;
    QFuture<SecretReply> writePassword(const QString &profileName, const QString &password) override;
    QFuture<SecretReply> removePassword(const QString &profileName) override;
    bool isPersistent() const override { return false; }
    QString description() const override;

    // The same operations without a future, for the keychain fallback.
    SecretReply read(const QString &profileName) const;
    SecretReply write(const QString &profileName, const QString &password);
    SecretReply remove(const QString &profileName);

    void setReason(const QString &reason) { m_reason = reason; }

private:
    QHash<QString, QString> m_passwords;
    QString m_reason;
};

}   // namespace cohort
