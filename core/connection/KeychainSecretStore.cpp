// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/KeychainSecretStore.h"

#ifdef COHORT_HAVE_KEYCHAIN

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QPromise>

#include <qt6keychain/keychain.h>

#include <memory>

namespace cohort {

namespace {

// QtKeychain's own text is often just "Unknown error": say what it means.
QString reasonFor(QKeychain::Error error, const QString &detail)
{
    QString reason;
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        reason = QCoreApplication::translate("KeychainSecretStore", "no secret service (GNOME Keyring, KWallet, ...) is available");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        reason = QCoreApplication::translate("KeychainSecretStore", "access to the keychain was denied");
        break;
    default: reason = QCoreApplication::translate("KeychainSecretStore", "the secret service could not be used"); break;
    }
    return detail.isEmpty() ? reason : reason + QStringLiteral(": ") + detail;
}

}   // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent, const QString &service)
    : SecretStore(parent)
    , m_service(service)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

QFuture<SecretReply> KeychainSecretStore::readPassword(const QString &profileName)
{
    return run(Op::Read, profileName, {});
}

QFuture<SecretReply> KeychainSecretStore::writePassword(const QString &profileName, const QString &password)
{
    return run(Op::Write, profileName, password);
}

QFuture<SecretReply> KeychainSecretStore::removePassword(const QString &profileName)
{
    return run(Op::Remove, profileName, {});
}

QString KeychainSecretStore::description() const
{
    return m_fellBack ? m_memory.description()
                      : QCoreApplication::translate("KeychainSecretStore", "Passwords are kept in the system keychain");
}

void KeychainSecretStore::fallBack(const QString &reason)
{
    if (m_fellBack)
        return;
    m_fellBack = true;
    m_memory.setReason(reason);
    qCWarning(lcConnection, "The system keychain is not usable (%s); passwords are kept in memory only", qUtf8Printable(reason));
    Q_EMIT fellBackToMemory(reason);
}

QFuture<SecretReply> KeychainSecretStore::run(Op op, const QString &profileName, const QString &password)
{
    auto memoryAnswer = [this, op, profileName, password] {
        switch (op) {
        case Op::Read: return m_memory.read(profileName);
        case Op::Write: return m_memory.write(profileName, password);
        case Op::Remove: return m_memory.remove(profileName);
        }
        return SecretReply{};
    };
    if (m_fellBack)
        return QtFuture::makeReadyFuture(memoryAnswer());

    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read: job = new QKeychain::ReadPasswordJob(m_service, this); break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_service, this);
        w->setTextData(password);
        job = w;
        break;
    }
    case Op::Remove: job = new QKeychain::DeletePasswordJob(m_service, this); break;
    }
    // QtKeychain's insecure fallback writes secrets into a QSettings file: never.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(profileName);

    // Shared: the lambda is copied into the connection, and a store destroyed
    // with jobs in flight cancels their futures (QPromise's destructor).
    auto promise = std::make_shared<QPromise<SecretReply>>();
    promise->start();
    QFuture<SecretReply> future = promise->future();
    connect(job, &QKeychain::Job::finished, this, [this, op, promise, memoryAnswer](QKeychain::Job *done) {
        SecretReply reply;
        const QKeychain::Error error = done->error();
        if (error == QKeychain::NoError) {
            reply.found = true;
            if (op == Op::Read)
                reply.password = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
        } else if (error == QKeychain::EntryNotFound) {
            reply.found = op == Op::Remove;   // removing what is not there succeeded
        } else {
            fallBack(reasonFor(error, done->errorString()));
            reply = memoryAnswer();
        }
        promise->addResult(reply);
        promise->finish();
    });
    job->start();
    return future;
}

}   // namespace cohort

#endif   // COHORT_HAVE_KEYCHAIN
