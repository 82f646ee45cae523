// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli --profile: saved connections (plain and SASL) against sandboxes,
// where the password comes from, --bootstrap-server overriding, exit codes.

#include "CliRun.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "app/cli/CliRunner.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/connection/MemorySecretStore.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

using Run = CliRun;

const QString kUser = QStringLiteral("alice");
const QString kPassword = QStringLiteral("s3cret");

// Unsets COHORT_PASSWORD however the test leaves.
struct EnvPassword
{
    explicit EnvPassword(const QString &value) { qputenv("COHORT_PASSWORD", value.toUtf8()); }
    ~EnvPassword() { qunsetenv("COHORT_PASSWORD"); }
};

}   // namespace

class TestCliProfile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ConnectionProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<sandbox::SandboxCluster> m_plain;
    std::unique_ptr<sandbox::SandboxCluster> m_sasl;

    Run run(const QStringList &args) { return runCli(args, cli::CliContext{m_store.get(), m_secrets.get()}); }

    static QStringList groupsList(const QString &profile, const QStringList &more = {})
    {
        return QStringList{QStringLiteral("--profile"), profile, QStringLiteral("--timeout"), QStringLiteral("3000")} + more
               + QStringList{QStringLiteral("groups"), QStringLiteral("list")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("COHORT_PASSWORD");
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<ConnectionProfileStore>(m_dir.filePath(QStringLiteral("cohort.ini")));
        m_secrets = std::make_unique<MemorySecretStore>();

        m_plain = startSandbox();
        QVERIFY(m_plain);
        auto config = testConfig();
        config.saslPlainUsers.insert(kUser, kPassword);
        m_sasl = startSandbox(config);
        QVERIFY(m_sasl);

        // A group on the SASL cluster, made by a client that authenticates.
        const Properties auth{{QStringLiteral("security.protocol"), QStringLiteral("SASL_PLAINTEXT")},
                              {QStringLiteral("sasl.mechanisms"), QStringLiteral("PLAIN")},
                              {QStringLiteral("sasl.username"), kUser},
                              {QStringLiteral("sasl.password"), kPassword}};
        QVERIFY(m_sasl->createTopic(QStringLiteral("payments"), 1));
        QCOMPARE(produceMessages(m_sasl->bootstrapServers(), QStringLiteral("payments"), 0, 12, QStringLiteral("m"), auth), QString());
        GroupConsumer c(m_sasl->bootstrapServers(), QStringLiteral("secured-readers"), {QStringLiteral("payments")}, auth);
        QVERIFY2(c.valid(), qPrintable(c.error()));
        QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 12), 30000);
        QCOMPARE(c.commitSync(), QString());
        c.close();

        ConnectionProfile local;
        local.name = QStringLiteral("local");
        local.bootstrapServers = m_plain->bootstrapServers();
        QVERIFY(m_store->save(local));

        ConnectionProfile stale = local;
        stale.name = QStringLiteral("stale");
        stale.bootstrapServers = QStringLiteral("127.0.0.1:1");
        QVERIFY(m_store->save(stale));

        ConnectionProfile secure;
        secure.name = QStringLiteral("secure");
        secure.bootstrapServers = m_sasl->bootstrapServers();
        secure.securityProtocol = ConnectionProfile::SecurityProtocol::SaslPlaintext;
        secure.userName = kUser;
        QVERIFY(m_store->save(secure));
    }

    void plainProfile()
    {
        const Run r = run(groupsList(QStringLiteral("local")));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("GROUP")), qPrintable(r.out));
    }

    void unknownProfileNamesTheSavedOnes()
    {
        const Run r = run(groupsList(QStringLiteral("prod")));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("'prod'")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("local, secure, stale")), qPrintable(r.err));

        QCOMPARE(run({QStringLiteral("--profile")}).code, 2);
    }

    void bootstrapServerOverridesTheProfile()
    {
        const Run down = run(groupsList(QStringLiteral("stale")));
        QCOMPARE(down.code, 1);
        const Run overridden
            = run(groupsList(QStringLiteral("stale"), {QStringLiteral("--bootstrap-server"), m_plain->bootstrapServers()}));
        QCOMPARE(overridden.code, 0);
        QVERIFY2(overridden.out.startsWith(QLatin1String("GROUP")), qPrintable(overridden.err));
        // A malformed override is caught before connecting.
        const Run bad = run(groupsList(QStringLiteral("local"), {QStringLiteral("--bootstrap-server"), QStringLiteral("no-port")}));
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QLatin1String("no-port")), qPrintable(bad.err));
    }

    void saslWithoutPasswordSaysHowToGiveIt()
    {
        QVERIFY(!m_secrets->read(QStringLiteral("secure")).found);
        const Run r = run(groupsList(QStringLiteral("secure")));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("COHORT_PASSWORD")), qPrintable(r.err));
    }

    void saslPasswordFromTheSecretStore()
    {
        m_secrets->write(QStringLiteral("secure"), kPassword);
        const Run r = run(groupsList(QStringLiteral("secure")));
        m_secrets->remove(QStringLiteral("secure"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("secured-readers")), qPrintable(r.out));
    }

    void saslPasswordFromTheEnvironment()
    {
        {
            EnvPassword env(kPassword);
            const Run r = run(groupsList(QStringLiteral("secure")));
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY(r.out.contains(QLatin1String("secured-readers")));
        }
        // The environment wins over the store: a wrong one fails to authenticate.
        m_secrets->write(QStringLiteral("secure"), kPassword);
        EnvPassword env(QStringLiteral("wrong"));
        const Run r = run(groupsList(QStringLiteral("secure")));
        m_secrets->remove(QStringLiteral("secure"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Authentication failed")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("wrong")));   // the password is not echoed
    }

    void usageMentionsProfile()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("--profile NAME")));
        QVERIFY(r.out.contains(QLatin1String("COHORT_PASSWORD")));
    }
};

QTEST_GUILESS_MAIN(TestCliProfile)
#include "tst_cli_profile.moc"
