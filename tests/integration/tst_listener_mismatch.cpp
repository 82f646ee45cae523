// SPDX-License-Identifier: GPL-3.0-or-later
// A connection that does not fit the listener it reaches, against real Kafka
// 4.4 (the suite's fixture: PLAINTEXT, SASL_PLAINTEXT with PLAIN and
// SCRAM-SHA-512 users, and SSL listeners): what the listener does on the wire
// (ListenerProbe's facts, as Kafka 4.4 behaves), and the cause named through
// the core (a failed SnapshotLoader::load explained by ConnectionDiagnosis)
// and through cohort-cli groups list --command-config (exit code 1, stderr).
// Plus a closed port and an HTTP server, which need no Kafka.

#include "CliRun.h"
#include "FutureWait.h"
#include "RealKafkaCluster.h"
#include "SkipOrFail.h"

#include "core/connection/ConnectionDiagnosis.h"
#include "core/connection/JavaClientProperties.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/wire/ErrorCode.h"

#include <QProcess>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 3000;
constexpr int kBudgetMs = 5000;

// Answers whatever it is sent with an HTTP 400, as web servers do to bytes
// that are not HTTP; on its own thread, because the diagnosis blocks the
// test's thread while it reads.
class HttpLookalike : public QThread
{
public:
    ~HttpLookalike() override
    {
        quit();
        wait();
    }
    quint16 startListening()
    {
        start();
        m_ready.acquire();
        return m_port;
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    s->disconnectFromHost();
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_port = server.serverPort();
        m_ready.release();
        exec();
    }

private:
    QSemaphore m_ready;
    quint16 m_port = 0;
};

// A loopback port nothing listens on: one the system just handed out and took back.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

}   // namespace

class TestListenerMismatch : public QObject
{
    Q_OBJECT

    RealKafkaCluster m_kafka;
    bool m_haveKafka = false;
    QString m_whyNoKafka;
    QTemporaryDir m_dir;

    // Only the suite's own cluster has the SASL and SSL listeners.
    bool needListeners()
    {
        if (!m_haveKafka) {
            m_whyNoKafka = m_whyNoKafka.isEmpty() ? u"no Kafka"_s : m_whyNoKafka;
            return false;
        }
        if (m_kafka.saslBootstrap.isEmpty() || m_kafka.sslBootstrap.isEmpty()) {
            m_whyNoKafka = u"the cluster in KAFKA_BOOTSTRAP_SERVERS has no SASL_PLAINTEXT and SSL listeners of known users and CA"_s;
            return false;
        }
        return true;
    }

    static QString first(const QString &bootstrap) { return bootstrap.section(QLatin1Char(','), 0, 0); }

    QString writeConfig(const QString &name, const QStringList &lines)
    {
        const QString path = m_dir.filePath(name + u".properties"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        return path;
    }

    static RdKafkaClusterClient::Properties librdkafka(const QString &bootstrap, const QStringList &javaLines)
    {
        JavaClientProperties::Properties java;
        for (const QString &line : javaLines)
            java.append({line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1)});
        const auto translated = JavaClientProperties::toLibrdkafka(java);
        if (!translated)
            qFatal("bad test properties: %s", qPrintable(translated.error()));
        RdKafkaClusterClient::Properties props = translated.value();
        props.append({u"bootstrap.servers"_s, bootstrap});
        return props;
    }

    static ListenerProbe::Facts probe(const QString &bootstrap, const QStringList &javaLines)
    {
        const auto plan = ConnectionDiagnosis::planFor(librdkafka(bootstrap, javaLines));
        if (!plan)
            qFatal("no plan for %s", qPrintable(bootstrap));
        return ListenerProbe::probe(*plan, QDeadlineTimer(kBudgetMs));
    }

    // The same connection through the core and through cohort-cli: both fail,
    // and both name the cause with every one of `words`.
    void expectDiagnosis(const QString &bootstrap, const QStringList &javaLines, const QStringList &words)
    {
        const RdKafkaClusterClient::Properties props = librdkafka(bootstrap, javaLines);
        auto client = RdKafkaClusterClient::create(props, kTimeoutMs);
        QVERIFY2(client, qPrintable(client ? QString() : client.error().toString()));
        const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(client.value()));
        QVERIFY2(!snap, "the mismatched connection loaded a snapshot");
        const KafkaError explained = ConnectionDiagnosis::explain(snap.error(), props, kBudgetMs);
        const QString core = explained.toString();
        for (const QString &w : words)
            QVERIFY2(core.contains(w),
                     qPrintable(u"core: \"%1\" lacks \"%2\" (librdkafka said: %3)"_s.arg(core, w, snap.error().toString())));

        const QString config = writeConfig(QString::fromLatin1(QTest::currentTestFunction()), javaLines);
        const CliRun cli = runCli({u"--bootstrap-server"_s, bootstrap, u"--command-config"_s, config, u"--timeout"_s,
                                   QString::number(kTimeoutMs), u"groups"_s, u"list"_s});
        QCOMPARE(cli.code, 1);
        QVERIFY2(cli.out.isEmpty(), qPrintable(cli.out));
        for (const QString &w : words)
            QVERIFY2(cli.err.contains(w), qPrintable(u"cohort-cli stderr \"%1\" lacks \"%2\""_s.arg(cli.err, w)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto kafka = RealKafkaCluster::find();
        m_haveKafka = kafka.ok();
        if (kafka)
            m_kafka = kafka.value();
        else
            m_whyNoKafka = kafka.error();
    }

    void sslProfileOnPlaintextListener()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.bootstrap);
        const QStringList lines{u"security.protocol=SSL"_s, u"ssl.ca.location="_s + m_kafka.caLocation};
        // Kafka 4.4's PLAINTEXT listener reads a ClientHello as a frame size
        // and closes the connection without a byte; it answers ApiVersions.
        const ListenerProbe::Facts f = probe(at, lines);
        QCOMPARE(f.plainAnswer, ResponseFrameSniffer::Kind::KafkaFrame);
        QCOMPARE(f.tls, ListenerProbe::Tls::NotTls);
        expectDiagnosis(at, lines, {u"The listener at %1 is not TLS"_s.arg(at), u"security.protocol=PLAINTEXT"_s});
    }

    void plaintextProfileOnSslListener()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.sslBootstrap);
        // Kafka 4.4's SSL listener answers a plaintext ApiVersions with a TLS
        // alert record (15 03 03 00 02 02 50: fatal, internal_error) and closes.
        const ListenerProbe::Facts f = probe(at, {});
        QCOMPARE(f.plainAnswer, ResponseFrameSniffer::Kind::TlsRecord);
        QCOMPARE(f.tls, ListenerProbe::Tls::Encrypted);
        expectDiagnosis(at, {}, {u"The listener at %1 expects TLS"_s.arg(at), u"security.protocol=SSL"_s});
    }

    void noSaslOnSaslListener()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.saslBootstrap);
        // Kafka 4.4's SASL listener answers ApiVersions before authentication
        // and closes the connection on Metadata; SaslHandshake lists what it offers.
        const ListenerProbe::Facts f = probe(at, {});
        QVERIFY(f.apiVersionsAnswered);
        QCOMPARE(f.metadata, ListenerProbe::NextRequest::Closed);
        QVERIFY(f.saslHandshake);
        QCOMPARE(f.saslHandshake->errorCode, qint16(ErrorCode::None));
        QCOMPARE(f.saslHandshake->mechanisms, QStringList({u"PLAIN"_s, u"SCRAM-SHA-512"_s}));
        expectDiagnosis(
            at, {},
            {u"The listener at %1 requires SASL (it offers PLAIN, SCRAM-SHA-512)"_s.arg(at), u"security.protocol=SASL_PLAINTEXT"_s});
    }

    void saslProfileOnPlaintextListener()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.bootstrap);
        const QStringList lines{
            u"security.protocol=SASL_PLAINTEXT"_s, u"sasl.mechanism=PLAIN"_s,
            uR"(sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";)"_s};
        // Kafka 4.4's PLAINTEXT listener answers SaslHandshake with
        // ILLEGAL_SASL_STATE and an empty mechanism list.
        const ListenerProbe::Facts f = probe(at, lines);
        QVERIFY(f.saslHandshake);
        QCOMPARE(f.saslHandshake->errorCode, qint16(ErrorCode::IllegalSaslState));
        QVERIFY(f.saslHandshake->mechanisms.isEmpty());
        expectDiagnosis(at, lines, {u"The listener at %1 has no SASL"_s.arg(at), u"security.protocol=PLAINTEXT"_s});
    }

    void wrongPassword()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.saslBootstrap);
        const QStringList lines{
            u"security.protocol=SASL_PLAINTEXT"_s, u"sasl.mechanism=PLAIN"_s,
            uR"(sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="not-alice-secret";)"_s};
        const ListenerProbe::Facts f = probe(at, lines);
        QVERIFY(f.authenticateFailure);
        QVERIFY2(f.authenticateFailure->contains(u"Authentication failed: Invalid username or password"_s),
                 qPrintable(*f.authenticateFailure));
        expectDiagnosis(at, lines, {u"Invalid username or password (user \"alice\", SASL PLAIN, at %1)"_s.arg(at)});
    }

    void scramUserWithPlain()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.saslBootstrap);
        // "scram" exists only as a SCRAM-SHA-512 credential: PLAIN does not know it.
        const QStringList lines{
            u"security.protocol=SASL_PLAINTEXT"_s, u"sasl.mechanism=PLAIN"_s,
            uR"(sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="scram" password="scram-secret";)"_s};
        expectDiagnosis(at, lines,
                        {u"Invalid username or password (user \"scram\", SASL PLAIN, at %1)"_s.arg(at), u"cannot log in with PLAIN"_s});
    }

    void mechanismNotOffered()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString at = first(m_kafka.saslBootstrap);
        const QStringList lines{
            u"security.protocol=SASL_PLAINTEXT"_s, u"sasl.mechanism=SCRAM-SHA-256"_s,
            uR"(sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="scram" password="scram-secret";)"_s};
        // Kafka 4.4 answers UNSUPPORTED_SASL_MECHANISM with the mechanisms it has.
        const ListenerProbe::Facts f = probe(at, lines);
        QVERIFY(f.saslHandshake);
        QCOMPARE(f.saslHandshake->errorCode, qint16(ErrorCode::UnsupportedSaslMechanism));
        QCOMPARE(f.saslHandshake->mechanisms, QStringList({u"PLAIN"_s, u"SCRAM-SHA-512"_s}));
        expectDiagnosis(at, lines, {u"offers SASL PLAIN, SCRAM-SHA-512; the connection uses SCRAM-SHA-256"_s});
    }

    void tlsWithAnotherCa()
    {
        if (!needListeners())
            COHORT_SKIP_OR_FAIL(qPrintable(m_whyNoKafka));
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            COHORT_SKIP_OR_FAIL("openssl is not installed: no second CA can be made");
        const QString otherCa = m_dir.filePath(u"other-ca.pem"_s);
        QProcess make;
        make.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                             u"/CN=Not the broker's CA"_s, u"-keyout"_s, m_dir.filePath(u"other-ca.key"_s), u"-out"_s, otherCa});
        QVERIFY(make.waitForFinished(30000));
        QCOMPARE(make.exitCode(), 0);
        const QString at = first(m_kafka.sslBootstrap);
        const QStringList lines{u"security.protocol=SSL"_s, u"ssl.ca.location="_s + otherCa};
        const ListenerProbe::Facts f = probe(at, lines);
        QCOMPARE(f.tls, ListenerProbe::Tls::CertificateRejected);
        expectDiagnosis(at, lines, {u"The TLS certificate of %1 was not accepted"_s.arg(at), otherCa + u" did not sign"_s});
        // The right CA passes the same probe: the certificate check is real.
        const ListenerProbe::Facts good = probe(at, {u"security.protocol=SSL"_s, u"ssl.ca.location="_s + m_kafka.caLocation});
        QCOMPARE(good.tls, ListenerProbe::Tls::Encrypted);
        QVERIFY(good.apiVersionsAnswered);
        QCOMPARE(good.metadata, ListenerProbe::NextRequest::Answered);
    }

    void closedPortIsRefused()
    {
        const QString at = u"127.0.0.1:%1"_s.arg(closedPort());
        const QStringList lines{
            u"security.protocol=SASL_PLAINTEXT"_s, u"sasl.mechanism=PLAIN"_s,
            uR"(sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";)"_s};
        QCOMPARE(probe(at, lines).reach, ListenerProbe::Reach::Refused);
        expectDiagnosis(at, lines, {u"%1 refused the connection: nothing listens on that port"_s.arg(at)});
        QVERIFY(!runCli({u"--bootstrap-server"_s, at, u"--timeout"_s, QString::number(kTimeoutMs), u"groups"_s, u"list"_s})
                     .err.contains(u"Authentication"_s));
    }

    // The GUI's path: a session whose refresh fails tells the cause, not
    // librdkafka's bare transport failure (MainWindow shows refreshFailed's error).
    void sessionRefreshTellsTheCause()
    {
        const QString at = u"127.0.0.1:%1"_s.arg(closedPort());
        ClusterSession::OpenRequest request;
        request.properties = {{u"bootstrap.servers"_s, at}};
        request.displayName = u"nowhere"_s;
        request.access = ClusterSession::Access::ReadOnly;
        request.timeoutMs = kTimeoutMs;
        QObject context;
        const auto opened = waitPolling(ClusterSession::open(request, &context));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        const std::shared_ptr<ClusterSession> session = opened.value();
        QSignalSpy failed(session.get(), &ClusterSession::refreshFailed);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        const auto error = failed.first().first().value<KafkaError>();
        QVERIFY2(error.message.contains(u"%1 refused the connection: nothing listens on that port"_s.arg(at)),
                 qPrintable(error.toString()));
    }

    void httpServerIsNotKafka()
    {
        HttpLookalike http;
        const QString at = u"127.0.0.1:%1"_s.arg(http.startListening());
        QCOMPARE(probe(at, {}).plainAnswer, ResponseFrameSniffer::Kind::Http);
        expectDiagnosis(at, {}, {u"%1 answered, but not as a Kafka broker (it looks like HTTP)"_s.arg(at)});
    }
};

QTEST_GUILESS_MAIN(TestListenerMismatch)
#include "tst_listener_mismatch.moc"
