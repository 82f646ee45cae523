// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>

namespace cohort {

// The outcome of one SecretStore call.
struct SecretReply
{
    bool found = false;       // read: a password exists (for write/remove: the call did what was asked)
    QString password;         // read: the password when found
    bool persistent = true;   // false: the secret service was not usable, the memory fallback answered
    QString error;            // why the secret service was not usable, for people (empty when it was)
};

// Where connection passwords live, keyed by profile name, away from the
// settings file. Every call is asynchronous (a secret service may prompt the
// user or talk D-Bus) and completes on the thread that made it; callers chain
// with .then(context, ...) and never wait on the GUI thread.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~SecretStore() override = default;

    virtual QFuture<SecretReply> readPassword(const QString &profileName) = 0;
    virtual QFuture<SecretReply> writePassword(const QString &profileName, const QString &password) = 0;
    virtual QFuture<SecretReply> removePassword(const QString &profileName) = 0;

    // Whether passwords outlive the process. False for the memory store and
    // after a keychain store fell back to memory: the user will be asked again.
    virtual bool isPersistent() const = 0;

    // One line for people: "System keychain", "Memory only (...)".
    virtual QString description() const = 0;

    // The system keychain if Cohort was built with QtKeychain, else memory.
    static std::unique_ptr<SecretStore> createDefault(QObject *parent = nullptr);

Q_SIGNALS:
    // The secret service failed; passwords are now kept in memory only.
    void fellBackToMemory(const QString &reason);
};

}   // namespace cohort
