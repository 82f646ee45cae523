// SPDX-License-Identifier: GPL-3.0-or-later
// The secret stores behind connection passwords: the memory store answers at
// once; the keychain store keeps a password in the system keychain when a
// secret service is on the session bus and otherwise (CI, containers, a test
// that removes the bus) falls back to memory and says so, exactly once. Which
// of the two must happen is decided before the store is asked.

#include "FutureWait.h"
#include "ScopedEnvironmentVariable.h"
#include "SkipOrFail.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/MemorySecretStore.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace cohort;
using cohort::test::waitPolling;

namespace {

// Whether a secret service (freedesktop Secret Service or KWallet) owns its
// name on the session bus, asked with dbus-send, independently of QtKeychain.
bool secretServiceOnTheBus()
{
    const QString dbusSend = QStandardPaths::findExecutable(QStringLiteral("dbus-send"));
    if (dbusSend.isEmpty() || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    for (const char *name : {"org.freedesktop.secrets", "org.kde.kwalletd6", "org.kde.kwalletd5"}) {
        QProcess p;
        p.start(dbusSend, {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
                           QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                           QStringLiteral("string:") + QLatin1String(name)});
        if (p.waitForFinished(5000) && p.exitCode() == 0 && p.readAllStandardOutput().contains("boolean true"))
            return true;
    }
    return false;
}

}   // namespace

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

    // With no session bus at all there can be no secret service: the store
    // must fall back to memory on its first call, say so once with the reason,
    // and still give back what was written.
    void keychainStoreFallsBackWithoutASecretService()
    {
#ifndef COHORT_HAVE_KEYCHAIN
        COHORT_SKIP_OR_FAIL("built without QtKeychain (install qtkeychain-qt6-dev and reconfigure)");
#else
        const cohort::test::ScopedEnvironmentVariable noBus("DBUS_SESSION_BUS_ADDRESS", cohort::test::unreachableSessionBus());
        KeychainSecretStore store(nullptr, QStringLiteral("cohort-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QSignalSpy fellBack(&store, &SecretStore::fellBackToMemory);
        const QString password = QStringLiteral("pw-%1").arg(QUuid::createUuid().toString());

        const SecretReply written = waitPolling(store.writePassword(QStringLiteral("profile"), password));
        QVERIFY(written.found);
        QVERIFY(!written.persistent);
        QVERIFY(!store.isPersistent());
        QCOMPARE(fellBack.size(), 1);
        const QString reason = fellBack.first().first().toString();
        QVERIFY(!reason.isEmpty());
        QVERIFY2(store.description().contains(reason), qPrintable(store.description()));
        QCOMPARE(waitPolling(store.readPassword(QStringLiteral("profile"))).password, password);
        QVERIFY(waitPolling(store.removePassword(QStringLiteral("profile"))).found);
        QVERIFY(!waitPolling(store.readPassword(QStringLiteral("profile"))).found);
        QCOMPARE(fellBack.size(), 1);   // said once, not per call
#endif
    }

    // In the test's own environment the outcome is decided beforehand by
    // asking the session bus whether a secret service owns its name: then the
    // password must be kept persistently, otherwise the store must fall back.
    void keychainStoreKeepsOrFallsBackAsTheBusSays()
    {
#ifndef COHORT_HAVE_KEYCHAIN
        COHORT_SKIP_OR_FAIL("built without QtKeychain (install qtkeychain-qt6-dev and reconfigure)");
#else
        const bool expectPersistent = secretServiceOnTheBus();
        // A service of its own, so a developer's real keychain is not touched
        // beyond one entry that is removed again.
        KeychainSecretStore store(nullptr, QStringLiteral("cohort-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QSignalSpy fellBack(&store, &SecretStore::fellBackToMemory);
        const QString key = QStringLiteral("profile");
        const QString password = QStringLiteral("pw-%1").arg(QUuid::createUuid().toString());

        const SecretReply written = waitPolling(store.writePassword(key, password));
        QVERIFY(written.found);
        QCOMPARE(store.isPersistent(), expectPersistent);
        QCOMPARE(written.persistent, expectPersistent);
        QCOMPARE(fellBack.size(), expectPersistent ? 0 : 1);
        if (!expectPersistent) {
            QVERIFY(!written.error.isEmpty());
            QVERIFY(store.description().contains(written.error));
        }
        const SecretReply read = waitPolling(store.readPassword(key));
        QVERIFY(read.found);
        QCOMPARE(read.password, password);
        QVERIFY(waitPolling(store.removePassword(key)).found);
        QVERIFY(!waitPolling(store.readPassword(key)).found);
        QCOMPARE(fellBack.size(), expectPersistent ? 0 : 1);   // said once, not per call
        qInfo("keychain store: %s", qPrintable(store.description()));
#endif
    }
};

QTEST_GUILESS_MAIN(TestConnectionSecrets)
#include "tst_connection_secrets.moc"
