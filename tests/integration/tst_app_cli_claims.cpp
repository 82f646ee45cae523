// SPDX-License-Identifier: GPL-3.0-or-later
// README's claims about the cohort and cohort-cli binaries, checked on the
// built binaries (COHORT_BINARY_DIR), each in a settings home of its own
// (XDG_CONFIG_HOME pointing at a temporary directory):
//   - cohort --demo --screenshot FILE --page groups|topics|group:<id> starts on
//     the demo cluster and writes a PNG of the window once the groups formed;
//   - --page group:nosuchgroup exits 1 with its message when the group does not
//     appear (COHORT_SCREENSHOT_TIMEOUT_MS shortens README's 60 s to a few s);
//   - with no flag cohort opens the profile used last (here one whose cluster
//     alone has the group asked for, so the demo cannot stand in for it), and
//     an unknown --profile exits 2 with the saved names;
//   - cohort-cli groups list --output csv quotes a group id holding a comma and
//     a quote as RFC 4180 does;
//   - --command-config properties override a profile's (SASL settings over a
//     PLAINTEXT profile, against cohort-sandbox --sasl-user: the right password
//     lists the groups, a wrong one exits 1);
//   - the demo's payments-reconciler lags.
// Not covered: the --profile password prompt is a modal dialog that nothing
// can answer offscreen from outside the process.

#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"
#include "SandboxProcess.h"

#include "core/connection/ConnectionProfileStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <memory>
#include <vector>

using namespace cohort;
using namespace cohort::test;

namespace {

// One run of a built binary: exit code and what it printed.
struct BinaryRun
{
    int code = -1;
    QString out;
    QString err;
};

}   // namespace

class TestAppCliClaims : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;   // XDG_CONFIG_HOME of the processes started here

    QString settingsFile() const { return m_home.filePath(QStringLiteral("Cohort/Cohort.conf")); }

    std::unique_ptr<QProcess> startBinary(const QString &binary, const QStringList &args, const QStringList &extraEnv = {})
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("COHORT_PASSWORD"));
        for (const QString &kv : extraEnv)
            env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        p->setProcessEnvironment(env);
        p->start(builtBinary(binary), args);
        return p;
    }

    // Waits with the event loop running (an in-process sandbox may be serving it).
    BinaryRun finish(QProcess &p, int timeoutMs)
    {
        BinaryRun r;
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = QStringLiteral("(killed after %1 ms) ").arg(timeoutMs);
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err += QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    BinaryRun run(const QString &binary, const QStringList &args, int timeoutMs = 60000, const QStringList &extraEnv = {})
    {
        auto p = startBinary(binary, args, extraEnv);
        return finish(*p, timeoutMs);
    }

    // A PNG of the main window: the signature, then the IHDR chunk with the
    // width and height (PNG spec, 5.2 and 11.2.2) that main.cpp gives the window.
    static void verifyWindowPng(const QString &file)
    {
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray head = f.read(24);
        QCOMPARE(head.left(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        QCOMPARE(head.mid(12, 4), QByteArray("IHDR"));
        auto be32 = [&head](int at) {
            return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16) | (quint32(quint8(head[at + 2])) << 8)
                   | quint8(head[at + 3]);
        };
        QCOMPARE(be32(16), 1400u);
        QCOMPARE(be32(20), 900u);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("Cohort"))));
    }

    void demoScreenshotsOfEveryPage()
    {
        // Three demo apps at once: each starts its own demo cluster.
        const QStringList pages{QStringLiteral("groups"), QStringLiteral("topics"), QStringLiteral("group:orders-processor")};
        std::vector<std::unique_ptr<QProcess>> apps;
        for (const QString &page : pages)
            apps.push_back(startBinary(QStringLiteral("app/cohort"),
                                       {QStringLiteral("--demo"), QStringLiteral("--screenshot"),
                                        m_home.filePath(QString(page).replace(QLatin1Char(':'), QLatin1Char('-')) + QStringLiteral(".png")),
                                        QStringLiteral("--page"), page}));
        for (size_t i = 0; i < apps.size(); ++i) {
            const BinaryRun r = finish(*apps[i], 90000);
            QVERIFY2(r.code == 0, qPrintable(pages.at(int(i)) + QStringLiteral(": ") + r.err));
            verifyWindowPng(
                m_home.filePath(QString(pages.at(int(i))).replace(QLatin1Char(':'), QLatin1Char('-')) + QStringLiteral(".png")));
        }
    }

    void screenshotOfAMissingGroupExitsOne()
    {
        const QString file = m_home.filePath(QStringLiteral("missing.png"));
        const BinaryRun r = run(
            QStringLiteral("app/cohort"),
            {QStringLiteral("--demo"), QStringLiteral("--screenshot"), file, QStringLiteral("--page"), QStringLiteral("group:nosuchgroup")},
            60000, {QStringLiteral("COHORT_SCREENSHOT_TIMEOUT_MS=6000")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("cohort: group \"nosuchgroup\" did not appear on the cluster within 6 s; nothing was saved")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(file));
    }

    void withoutFlagsTheLastUsedProfileOpens()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        sandbox::SyntheticGroupSpec spec;
        spec.groups = 1;
        spec.groupPrefix = QStringLiteral("only-on-laptop-");
        spec.topics = 1;
        spec.partitionsPerTopic = 2;
        cluster->addSyntheticGroups(spec);
        {
            ConnectionProfileStore store(settingsFile());
            ConnectionProfile laptop;
            laptop.name = QStringLiteral("laptop");
            laptop.bootstrapServers = cluster->bootstrapServers();
            QVERIFY(store.save(laptop));
            ConnectionProfile other = laptop;
            other.name = QStringLiteral("other");
            other.bootstrapServers = QStringLiteral("127.0.0.1:1");
            QVERIFY(store.save(other));
            store.setLastUsed(QStringLiteral("laptop"));
            store.sync();
        }
        const QString file = m_home.filePath(QStringLiteral("laptop.png"));
        const BinaryRun r = run(QStringLiteral("app/cohort"),
                                {QStringLiteral("--screenshot"), file, QStringLiteral("--page"), QStringLiteral("group:only-on-laptop-0")},
                                60000, {QStringLiteral("COHORT_SCREENSHOT_TIMEOUT_MS=30000")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        verifyWindowPng(file);
        QCOMPARE(ConnectionProfileStore(settingsFile()).lastUsed(), QStringLiteral("laptop"));

        // An unknown --profile exits 2 naming the saved ones, as cohort-cli does
        // (its last stderr line: Qt may warn about the environment before it).
        const BinaryRun unknown = run(QStringLiteral("app/cohort"), {QStringLiteral("--profile"), QStringLiteral("desk")});
        QCOMPARE(unknown.code, 2);
        QCOMPARE(unknown.err.trimmed().section(QLatin1Char('\n'), -1),
                 QStringLiteral("cohort: no saved connection called 'desk'; saved connections: laptop, other"));
    }

    void csvQuotesACommaAndAQuote()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        QVERIFY(cluster->createTopic(QStringLiteral("q"), 1));
        const QString bootstrap = cluster->bootstrapServers();
        const QString group = QStringLiteral("a,\"b");
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("q"), 0, 3), QString());
        {
            GroupConsumer c(bootstrap, group, {QStringLiteral("q")});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 3), 30000);
            QCOMPARE(c.commitSync(), QString());
        }
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("q"), 0, 2), QString());   // lag 2
        QTRY_COMPARE(cluster->groupInfo(group).state, QStringLiteral("Empty"));

        const BinaryRun r
            = run(QStringLiteral("app/cohort-cli"), {QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("groups"),
                                                     QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // RFC 4180: the field is quoted and its quote doubled; an Empty group
        // has no assignor (an empty field) and no members; type Classic from
        // ListGroups v5, as on Kafka 4.4.
        QCOMPARE(r.out, QStringLiteral("group_id,state,type,protocol_type,assignor,members,lag\n"
                                       "\"a,\"\"b\",Empty,Classic,consumer,,0,2\n"));
    }

    void commandConfigOverridesTheProfile()
    {
        SandboxProcess sasl;
        QString error;
        QVERIFY2(sasl.start({QStringLiteral("--brokers"), QStringLiteral("1"), QStringLiteral("--quiet"),
                             QStringLiteral("--initial-rebalance-delay-ms"), QStringLiteral("0"), QStringLiteral("--sasl-user"),
                             QStringLiteral("alice:secret")},
                            &error),
                 qPrintable(error));
        {
            ConnectionProfileStore store(settingsFile());
            ConnectionProfile plain;   // PLAINTEXT: it cannot talk to this cluster on its own
            plain.name = QStringLiteral("plain-profile");
            plain.bootstrapServers = sasl.bootstrapServers();
            QVERIFY(store.save(plain));
            store.sync();
        }
        auto configFile = [this](const QString &password) {
            auto f = std::make_unique<QTemporaryFile>(m_home.filePath(QStringLiteral("client-XXXXXX.properties")));
            if (f->open()) {
                f->write("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.username=alice\nsasl.password=" + password.toUtf8()
                         + '\n');
                f->flush();
            }
            return f;
        };
        const auto right = configFile(QStringLiteral("secret"));
        const BinaryRun ok
            = run(QStringLiteral("app/cohort-cli"),
                  {QStringLiteral("--profile"), QStringLiteral("plain-profile"), QStringLiteral("--command-config"), right->fileName(),
                   QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("csv")});
        QVERIFY2(ok.code == 0, qPrintable(ok.err));
        QCOMPARE(ok.out, QStringLiteral("group_id,state,type,protocol_type,assignor,members,lag\n"));   // authenticated; no groups yet

        // The same credentials as every kafka-consumer-groups.sh --command-config
        // file writes them, for Java's login module.
        QTemporaryFile jaas(m_home.filePath(QStringLiteral("jaas-XXXXXX.properties")));
        QVERIFY(jaas.open());
        jaas.write("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain."
                   "PlainLoginModule required username=\"alice\" password=\"secret\";\n");
        jaas.flush();
        const BinaryRun viaJaas = run(QStringLiteral("app/cohort-cli"),
                                      {QStringLiteral("--bootstrap-server"), sasl.bootstrapServers(), QStringLiteral("--command-config"),
                                       jaas.fileName(), QStringLiteral("groups"), QStringLiteral("list")});
        QVERIFY2(viaJaas.code == 0, qPrintable(viaJaas.err));

        // A wrong password, and the profile alone (PLAINTEXT against a SASL
        // listener), both end in a connection error: exit 1. Both wait for the
        // client's timeout, so they run side by side.
        const auto wrong = configFile(QStringLiteral("guess"));
        auto refusedProcess = startBinary(QStringLiteral("app/cohort-cli"),
                                          {QStringLiteral("--profile"), QStringLiteral("plain-profile"), QStringLiteral("--command-config"),
                                           wrong->fileName(), QStringLiteral("groups"), QStringLiteral("list")});
        auto profileOnlyProcess
            = startBinary(QStringLiteral("app/cohort-cli"),
                          {QStringLiteral("--profile"), QStringLiteral("plain-profile"), QStringLiteral("groups"), QStringLiteral("list")});
        const BinaryRun refused = finish(*refusedProcess, 60000);
        const BinaryRun profileOnly = finish(*profileOnlyProcess, 60000);
        QCOMPARE(refused.code, 1);   // a Kafka or connection error
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(profileOnly.code, 1);
        QVERIFY(profileOnly.out.isEmpty());
    }

    // A bootstrap list that is not one is refused at once with exit 2 (it
    // used to wrap port 99999 to another port, or time out on "::::").
    void badBootstrapServersAreUsageErrors_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::addColumn<QString>("servers");
        for (const char *binary : {"app/cohort-cli", "app/cohort"})
            for (const char *servers : {"127.0.0.1:99999", "127.0.0.1:-31073", "host:notaport", "::::", ","})
                QTest::addRow("%s %s", binary, servers) << QString::fromLatin1(binary) << QString::fromLatin1(servers);
    }

    void badBootstrapServersAreUsageErrors()
    {
        QFETCH(QString, binary);
        QFETCH(QString, servers);
        QStringList args{QStringLiteral("--bootstrap-server"), servers};
        if (binary.endsWith(QLatin1String("cli")))
            args << QStringLiteral("groups") << QStringLiteral("list");
        QElapsedTimer timer;
        timer.start();
        const BinaryRun r = run(binary, args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("bootstrap")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY2(timer.elapsed() < 8000, "refused up front, not after the 10 s connection timeout");
    }

    void demoPaymentsReconcilerLags()
    {
        SandboxProcess demo;
        QString error;
        QVERIFY2(demo.start({QStringLiteral("--demo"), QStringLiteral("--quiet")}, &error), qPrintable(error));
        qint64 lag = 0;
        QString state;
        QString last;
        QTRY_VERIFY2_WITH_TIMEOUT(([&] {
                                      const BinaryRun r
                                          = run(QStringLiteral("app/cohort-cli"),
                                                {QStringLiteral("--bootstrap-server"), demo.bootstrapServers(), QStringLiteral("groups"),
                                                 QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json")});
                                      last = r.out + r.err;
                                      for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
                                          const QJsonObject g = v.toObject();
                                          if (g.value(QStringLiteral("group_id")).toString() == QLatin1String("payments-reconciler")) {
                                              state = g.value(QStringLiteral("state")).toString();
                                              lag = g.value(QStringLiteral("lag")).toInteger();
                                          }
                                      }
                                      return state == QLatin1String("Stable") && lag > 0;
                                  }()),
                                  qPrintable(last), 60000);
    }
};

QTEST_GUILESS_MAIN(TestAppCliClaims)
#include "tst_app_cli_claims.moc"
