// SPDX-License-Identifier: GPL-3.0-or-later
// The secret stores behind connection passwords: the memory store answers at
// once; the keychain store either keeps a password in the system keychain or,
// where there is no secret service (CI, containers), falls back to memory and
// says so. Either way the password written is the password read.

#include "core/connection/KeychainSecretStore.h"
#include "core/connection/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace cohort;

namespace {

// Waits with the event loop running: keychain jobs finish through it.
SecretReply settle(const QFuture<SecretReply> &f)
{
    if (!QTest::qWaitFor([&f] { return f.isFinished(); }, 20000))
        qFatal("a secret store call never finished");
    return f.result();
}

} // namespace

class TestConnectionSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryStore()
    {
        MemorySecretStore store(nullptr, QStringLiteral("testing"));
        QVERIFY(!store.isPersistent());
        QVERIFY(store.description().contains(QLatin1String("testing")));
        const QFuture<SecretReply> missing = store.readPassword(QStringLiteral("a"));
        QVERIFY(missing.isFinished());   // never waits
        QVERIFY(!missing.result().found);
        QVERIFY(store.writePassword(QStringLiteral("a"), QStringLiteral("pw")).result().found);
        QCOMPARE(store.readPassword(QStringLiteral("a")).result().password, QStringLiteral("pw"));
        QVERIFY(!store.readPassword(QStringLiteral("b")).result().found);
        QVERIFY(store.removePassword(QStringLiteral("a")).result().found);
        QVERIFY(!store.readPassword(QStringLiteral("a")).result().found);
    }

    void defaultStoreExists()
    {
        const auto store = SecretStore::createDefault();
        QVERIFY(store);
        QVERIFY(!store->description().isEmpty());
    }

    void keychainStoreKeepsOrFallsBack()
    {
#ifndef COHORT_HAVE_KEYCHAIN
        QSKIP("built without QtKeychain");
#else
        // A service of its own, so a developer's real keychain is not touched
        // beyond one entry that is removed again.
        KeychainSecretStore store(nullptr, QStringLiteral("cohort-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QSignalSpy fellBack(&store, &SecretStore::fellBackToMemory);
        const QString key = QStringLiteral("profile");
        const QString password = QStringLiteral("pw-%1").arg(QUuid::createUuid().toString());

        const SecretReply written = settle(store.writePassword(key, password));
        QVERIFY(written.found);
        QCOMPARE(written.persistent, store.isPersistent());
        if (!store.isPersistent()) {
            QCOMPARE(fellBack.size(), 1);
            QVERIFY(!written.error.isEmpty());
            QVERIFY(store.description().contains(written.error));
        }
        const SecretReply read = settle(store.readPassword(key));
        QVERIFY(read.found);
        QCOMPARE(read.password, password);
        QVERIFY(settle(store.removePassword(key)).found);
        QVERIFY(!settle(store.readPassword(key)).found);
        QVERIFY(fellBack.size() <= 1);   // said once, not per call
        qInfo("keychain store: %s", qPrintable(store.description()));
#endif
    }
};

QTEST_GUILESS_MAIN(TestConnectionSecrets)
#include "tst_connection_secrets.moc"
