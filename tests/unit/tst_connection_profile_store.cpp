// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionProfileStore over a settings file of its own, and the memory
// SecretStore: profiles round-trip, rename/remove keep last-used right, and a
// password never reaches the settings file.

#include "FutureWait.h"
#include "ScopedEnvironmentVariable.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/connection/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cohort;
using cohort::test::waitPolling;

namespace {

ConnectionProfile fullProfile(const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.bootstrapServers = QStringLiteral("b1.example.com:9093,b2.example.com:9093");
    p.securityProtocol = ConnectionProfile::SecurityProtocol::SaslSsl;
    p.saslMechanism = ConnectionProfile::SaslMechanism::ScramSha512;
    p.userName = QStringLiteral("svc-cohort");
    p.sslCaFile = QStringLiteral("/etc/kafka/ca.pem");
    p.sslCertificateFile = QStringLiteral("/etc/kafka/client.pem");
    p.sslKeyFile = QStringLiteral("/etc/kafka/client.key");
    p.extraProperties = {QStringLiteral("# comment"), QStringLiteral("socket.timeout.ms=30000"), QStringLiteral("client.id=cohort, desk")};
    p.readOnly = true;
    p.production = true;
    return p;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}   // namespace

class TestConnectionProfileStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString freshFile(const char *name) const { return m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".ini")); }

private Q_SLOTS:
    void initTestCase()
    {
        // Whatever a test forgets to redirect stays out of the user's settings.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void roundTrip()
    {
        const QString file = freshFile("roundtrip");
        const ConnectionProfile prod = fullProfile(QStringLiteral("prod (eu-west)"));
        ConnectionProfile dev;
        dev.name = QStringLiteral("dev");
        dev.bootstrapServers = QStringLiteral("localhost:9092");
        {
            ConnectionProfileStore store(file);
            QSignalSpy changed(&store, &ConnectionProfileStore::changed);
            QVERIFY(store.names().isEmpty());
            QVERIFY(store.save(prod));
            QVERIFY(store.save(dev));
            QCOMPARE(changed.size(), 2);
            store.setLastUsed(QStringLiteral("dev"));
        }
        // A second store on the same file sees everything, exactly.
        ConnectionProfileStore again(file);
        QCOMPARE(again.names(), (QStringList{QStringLiteral("dev"), QStringLiteral("prod (eu-west)")}));
        QVERIFY(again.contains(QStringLiteral("dev")));
        QVERIFY(!again.contains(QStringLiteral("Dev")));
        const auto loaded = again.load(QStringLiteral("prod (eu-west)"));
        QVERIFY(loaded);
        QCOMPARE(*loaded, prod);
        QCOMPARE(*again.load(QStringLiteral("dev")), dev);
        QCOMPARE(again.lastUsed(), QStringLiteral("dev"));
        QVERIFY(!again.load(QStringLiteral("nope")));
        QCOMPARE(again.fileName(), file);

        // Saving again replaces.
        ConnectionProfile changedDev = dev;
        changedDev.bootstrapServers = QStringLiteral("localhost:19092");
        QVERIFY(again.save(changedDev));
        QCOMPARE(again.load(QStringLiteral("dev"))->bootstrapServers, QStringLiteral("localhost:19092"));
        QCOMPARE(again.names().size(), 2);
    }

    void refusesBadNames()
    {
        ConnectionProfileStore store(freshFile("badnames"));
        ConnectionProfile p = fullProfile(QString());
        const auto unnamed = store.save(p);
        QVERIFY(!unnamed);
        QVERIFY(!unnamed.error().isEmpty());
        p.name = QStringLiteral("a/b");
        const auto slashed = store.save(p);
        QVERIFY(!slashed);
        QVERIFY(slashed.error().contains(QLatin1Char('/')));
        QVERIFY(store.names().isEmpty());
    }

    void renameAndRemove()
    {
        ConnectionProfileStore store(freshFile("rename"));
        QVERIFY(store.save(fullProfile(QStringLiteral("staging"))));
        QVERIFY(store.save(fullProfile(QStringLiteral("prod"))));
        store.setLastUsed(QStringLiteral("staging"));

        const auto taken = store.rename(QStringLiteral("staging"), QStringLiteral("prod"));
        QVERIFY(!taken);
        QVERIFY(taken.error().contains(QLatin1String("prod")));
        QVERIFY(!store.rename(QStringLiteral("missing"), QStringLiteral("x")));
        QVERIFY(!store.rename(QStringLiteral("staging"), QStringLiteral("x/y")));

        QSignalSpy changed(&store, &ConnectionProfileStore::changed);
        const auto renamed = store.rename(QStringLiteral("staging"), QStringLiteral("stage-2"));
        QVERIFY2(renamed, qPrintable(renamed.error()));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.names(), (QStringList{QStringLiteral("prod"), QStringLiteral("stage-2")}));
        ConnectionProfile expected = fullProfile(QStringLiteral("stage-2"));
        QCOMPARE(*store.load(QStringLiteral("stage-2")), expected);
        QCOMPARE(store.lastUsed(), QStringLiteral("stage-2"));   // follows the rename

        QVERIFY(store.remove(QStringLiteral("stage-2")));
        QVERIFY(!store.remove(QStringLiteral("stage-2")));
        QCOMPARE(store.names(), QStringList{QStringLiteral("prod")});
        QCOMPARE(store.lastUsed(), QString());
    }

    // The password goes where the app sends it: the default SecretStore (the
    // keychain one), here with no session bus so that it must fall back; that
    // is where QtKeychain's insecure fallback would write it into a QSettings
    // file ("Cohort.conf" next to Cohort's own folder). Neither the profile
    // store's file nor that one may hold it afterwards.
    void passwordNeverInTheSettingsFile()
    {
        const cohort::test::ScopedEnvironmentVariable noBus("DBUS_SESSION_BUS_ADDRESS", cohort::test::unreachableSessionBus());
        const QString password = QStringLiteral("Tr0ub4dor&3-unique-marker");
        ConnectionProfileStore store;   // the user's settings (test mode: a test location)
        QVERIFY2(store.fileName().contains(QLatin1String(".qttest")), qPrintable(store.fileName()));
        const auto secrets = SecretStore::createDefault();
        const ConnectionProfile p = fullProfile(QStringLiteral("leak-check"));
        QVERIFY(store.save(p));
        auto cleanup = qScopeGuard([&] {
            store.remove(p.name);
            store.sync();
        });
        const SecretReply written = waitPolling(secrets->writePassword(p.name, password));
        QVERIFY(written.found);
        QVERIFY(!written.persistent);   // no bus, so no secret service
        QVERIFY(!secrets->isPersistent());
        store.setLastUsed(p.name);
        // The properties built for librdkafka carry it, the files do not.
        QVERIFY(p.librdkafkaProperties(password).contains(qMakePair(QStringLiteral("sasl.password"), password)));
        store.sync();
        QSettings(QStringLiteral("Cohort")).sync();   // QtKeychain's plain-text store, had it been used

        const QFileInfo own(store.fileName());
        const QStringList files{own.absoluteFilePath(), own.absoluteDir().absolutePath() + QStringLiteral(".conf")};
        const QByteArray bytes = fileBytes(files.at(0));
        QVERIFY(bytes.contains("svc-cohort"));   // the file is the one written to
        for (const QString &file : files) {
            const QByteArray content = fileBytes(file);
            QVERIFY2(!content.contains(password.toUtf8()), qPrintable(file));
            QVERIFY2(!content.contains(password.toLatin1().toBase64()), qPrintable(file));
        }
        QVERIFY(!bytes.toLower().contains("password"));

        const SecretReply read = waitPolling(secrets->readPassword(p.name));
        QVERIFY(read.found);
        QCOMPARE(read.password, password);
        QVERIFY(waitPolling(secrets->removePassword(p.name)).found);
        QVERIFY(!waitPolling(secrets->readPassword(p.name)).found);
        QVERIFY(!secrets->description().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfileStore)
#include "tst_connection_profile_store.moc"
