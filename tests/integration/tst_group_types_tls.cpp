// SPDX-License-Identifier: GPL-3.0-or-later
// Cohort's own connections over TLS, against the suite's Kafka 4.4 (its SSL
// and SASL_SSL listeners, with the CA made for the run): a KIP-848 consumer
// group (confluent-kafka consumers with group.protocol=consumer, made over
// PLAINTEXT, independently of the code under test) is listed over SSL and over
// SASL_SSL with SCRAM-SHA-512 as type Consumer in its real state, never Dead,
// described with ConsumerGroupDescribe (its two members and their
// assignments), with exactly the offsets its consumers committed and its lag;
// Kafka's own kafka-consumer-groups says the same state. The requests are
// counted as Cohort sends them: ListGroups, ConsumerGroupDescribe, OffsetFetch
// and ListOffsets go over the own TLS connections (librdkafka 2.0.2 sends
// neither ListGroups v5 nor ConsumerGroupDescribe). A CA that did not sign the
// broker's certificate is refused, in the words of the connection diagnosis.
//
// Needs the suite's fixture (a user's KAFKA_BOOTSTRAP_SERVERS has no known
// TLS listener) and the Python venv; without them it skips, on CI it fails.

#include "CliRun.h"
#include "FutureWait.h"
#include "HelperProcess.h"
#include "KafkaTool.h"
#include "RealKafkaCluster.h"
#include "SkipOrFail.h"
#include "SnapshotLookup.h"
#include "TestPython.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/wire/ApiKey.h"
#include "core/wire/DirectBrokerRequests.h"
#include "core/wire/KafkaWireConnection.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 15000;

// Requests Cohort's own connections sent, per API key.
std::array<std::atomic<int>, 128> g_sent{};

void countSent(qint16 apiKey)
{
    if (apiKey >= 0 && apiKey < qint16(g_sent.size()))
        g_sent[size_t(apiKey)].fetch_add(1, std::memory_order_relaxed);
}

int sent(qint16 apiKey)
{
    return g_sent[size_t(apiKey)].load(std::memory_order_relaxed);
}

void resetSent()
{
    for (auto &n : g_sent)
        n.store(0, std::memory_order_relaxed);
}

QJsonObject jsonLine(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

}   // namespace

class TestGroupTypesTls : public QObject
{
    Q_OBJECT

    RealKafkaCluster m_kafka;
    QTemporaryDir m_dir;
    QString m_topic;
    QString m_group;
    QJsonObject m_committed;
    std::unique_ptr<HelperProcess> m_consumers;

    RdKafkaClusterClient::Properties tlsProperties(const QString &protocol, const QString &ca) const
    {
        RdKafkaClusterClient::Properties props{{u"security.protocol"_s, protocol}, {u"ssl.ca.location"_s, ca}};
        if (protocol == u"SASL_SSL"_s) {
            props.prepend({u"bootstrap.servers"_s, m_kafka.saslSslBootstrap});
            props += {{u"sasl.mechanism"_s, u"SCRAM-SHA-512"_s}, {u"sasl.username"_s, u"scram"_s}, {u"sasl.password"_s, u"scram-secret"_s}};
        } else {
            props.prepend({u"bootstrap.servers"_s, m_kafka.sslBootstrap});
        }
        return props;
    }

    // A CA of its own, which signed nothing the broker holds.
    QString otherCa()
    {
        const QString path = m_dir.filePath(u"other-ca.pem"_s);
        if (QFile::exists(path))
            return path;
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            return {};
        QProcess make;
        make.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                             u"/CN=Not the broker's CA"_s, u"-keyout"_s, m_dir.filePath(u"other-ca.key"_s), u"-out"_s, path});
        if (!make.waitForFinished(30000) || make.exitCode() != 0)
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        if (kafka->sslBootstrap.isEmpty() || kafka->saslSslBootstrap.isEmpty())
            COHORT_SKIP_OR_FAIL("the cluster has no SSL and SASL_SSL listeners with a known CA (the suite's fixture has them)");
        m_kafka = kafka.value();
        const TestPython python = TestPython::find({u"confluent_kafka"_s});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
        KafkaWireConnection::setSentRequestObserver(countSent);

        const QString suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
        m_topic = u"cohort-tls-848-"_s + suffix;
        m_group = u"cohort-tls-848-g-"_s + suffix;
        // 4 partitions, 20 records, 2 consumers; each partition committed one short of its end.
        m_consumers = std::make_unique<HelperProcess>(
            python.interpreter, QStringList{TestPython::script(u"consumer_group.py"_s), m_kafka.bootstrap, m_topic, m_group, u"4"_s,
                                            u"20"_s, u"2"_s, u"consumer"_s});
        const QJsonObject ready = jsonLine(m_consumers->readLine());
        QVERIFY2(ready.contains(u"committed"_s), qPrintable(m_consumers->errors()));
        m_committed = ready.value(u"committed"_s).toObject();
        QCOMPARE(m_committed.size(), 4);
    }

    void cleanupTestCase()
    {
        KafkaWireConnection::setSentRequestObserver(nullptr);
        if (!m_consumers)
            return;
        m_consumers->writeLine("close");
        m_consumers->readLine();
        const QStringList server{u"--bootstrap-server"_s, m_kafka.bootstrap};
        KafkaTool::run(u"kafka-consumer-groups"_s, server + QStringList{u"--delete"_s, u"--group"_s, m_group});
        KafkaTool::run(u"kafka-topics"_s, server + QStringList{u"--delete"_s, u"--topic"_s, m_topic});
    }

    void kip848GroupOverTls_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::newRow("SSL") << u"SSL"_s;
        QTest::newRow("SASL_SSL, SCRAM-SHA-512") << u"SASL_SSL"_s;
    }

    void kip848GroupOverTls()
    {
        QFETCH(QString, protocol);
        auto made = RdKafkaClusterClient::create(tlsProperties(protocol, m_kafka.caLocation), kTimeoutMs);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const std::shared_ptr<RdKafkaClusterClient> client = made.value();
        resetSent();

        // Until the new topic's end offsets are known to this client too and
        // the group is at rest.
        Result<ClusterSnapshot> snap = KafkaError{};
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                snap = waitPolling(SnapshotLoader::load(client));
                const GroupSnapshot *g = snap ? snap->group(m_group) : nullptr;
                if (!g || g->description.state != GroupState::Stable || g->partitions.size() != 4)
                    return false;
                return std::all_of(g->partitions.cbegin(), g->partitions.cend(), [](const PartitionLag &p) { return p.endOffset.has_value(); });
            }(),
            60000);
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        // The brokers as the TLS listener advertises them: the own connections went there.
        const QString tlsBootstrap = protocol == u"SSL"_s ? m_kafka.sslBootstrap : m_kafka.saslSslBootstrap;
        QVERIFY(std::any_of(snap->metadata.brokers.cbegin(), snap->metadata.brokers.cend(), [&](const BrokerInfo &b) {
            return u"%1:%2"_s.arg(b.host).arg(b.port) == tlsBootstrap.section(u',', 0, 0);
        }));
        QVERIFY(sent(ApiKey::ListGroups) >= 1);
        QVERIFY(sent(ApiKey::ConsumerGroupDescribe) >= 1);
        QVERIFY(sent(ApiKey::OffsetFetch) >= 1);
        QVERIFY(sent(ApiKey::ListOffsets) >= 1);

        const GroupSnapshot *g = snap->group(m_group);
        QVERIFY(g);
        const GroupDescription &d = g->description;
        QCOMPARE(d.type, GroupType::Consumer);
        QCOMPARE(d.state, GroupState::Stable);
        QCOMPARE(d.protocolType, u"consumer"_s);
        QVERIFY(d.describedAsConsumerGroup);
        QVERIFY(d.describable);
        QVERIFY2(d.note.isEmpty(), qPrintable(d.note));
        QVERIFY(d.groupEpoch > 0);
        QCOMPARE(d.members.size(), 2);
        QSet<TopicPartition> owned;
        QStringList clientIds;
        for (const GroupMember &m : d.members) {
            clientIds << m.clientId;
            QCOMPARE(m.memberEpoch, d.groupEpoch);
            QVERIFY(m.assignment);
            QCOMPARE(m.assignment->partitions.size(), 2);   // 4 partitions over 2 members
            for (const TopicPartition &tp : m.assignment->partitions)
                owned.insert(tp);
        }
        clientIds.sort();
        QCOMPARE(clientIds, (QStringList{u"kip848-0"_s, u"kip848-1"_s}));
        QCOMPARE(owned.size(), 4);
        for (int p = 0; p < 4; ++p) {
            const PartitionLag *pl = partition(*g, m_topic, p);
            QVERIFY(pl);
            QCOMPARE(pl->committedOffset, std::optional<qint64>(m_committed.value(u"%1:%2"_s.arg(m_topic).arg(p)).toInteger(-100)));
            QCOMPARE(pl->endOffset, std::optional<qint64>(5));   // 20 records over 4 partitions
            QCOMPARE(pl->lag, std::optional<qint64>(1));
        }
        QCOMPARE(g->totalLag, std::optional<qint64>(4));

        // The listing itself (ListGroups v5): type and true state, as
        // kafka-consumer-groups --list --type --state prints them.
        const Result<GroupListingAnswer> listing = waitPolling(client->listGroups());
        QVERIFY2(listing.ok(), qPrintable(listing.error().toString()));
        QVERIFY(listing->failedBrokers.isEmpty());
        const auto listed = std::find_if(listing->groups.cbegin(), listing->groups.cend(),
                                         [&](const GroupListing &l) { return l.groupId == m_group; });
        QVERIFY2(listed != listing->groups.cend(), "the group is not listed");
        QCOMPARE(listed->type, GroupType::Consumer);
        QCOMPARE(listed->state, GroupState::Stable);
        const KafkaTool kcg = KafkaTool::run(u"kafka-consumer-groups"_s, {u"--bootstrap-server"_s, m_kafka.bootstrap, u"--list"_s,
                                                                         u"--type"_s, u"--state"_s});
        QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
        QCOMPARE(tableColumns(kcg.out, {u"GROUP"_s, u"TYPE"_s, u"STATE"_s}, {m_group}),
                 (QList<QStringList>{{m_group, u"Consumer"_s, u"Stable"_s}}));

        // Test connection: ApiVersions over the own TLS connection.
        const Result<ConnectionReport> report = waitPolling(client->testConnection());
        QVERIFY2(report.ok(), qPrintable(report.error().toString()));
        QVERIFY(std::any_of(report->apiVersions.cbegin(), report->apiVersions.cend(),
                            [](const QPair<int, QString> &v) { return v.first == ApiKey::ConsumerGroupDescribe; }));
    }

    // cohort-cli with a properties file for SSL lists the group as Kafka does.
    void cliListsOverSsl()
    {
        const QString config = m_dir.filePath(u"ssl.properties"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("security.protocol=SSL\nssl.ca.location=%1\n").arg(m_kafka.caLocation).toUtf8());
        f.close();
        const CliRun cli = runCli({u"--bootstrap-server"_s, m_kafka.sslBootstrap, u"--command-config"_s, config, u"--timeout"_s,
                                   QString::number(kTimeoutMs), u"groups"_s, u"list"_s, u"--type"_s, u"consumer"_s});
        QVERIFY2(completeOnSharedCluster(cli, m_group), qPrintable(u"exit %1: %2"_s.arg(cli.code).arg(cli.err)));
        QCOMPARE(tableColumns(cli.out, {u"GROUP"_s, u"TYPE"_s, u"STATE"_s}, {m_group}),
                 (QList<QStringList>{{m_group, u"Consumer"_s, u"Stable"_s}}));
    }

    // A CA that did not sign the broker's certificate: the own connections
    // refuse the handshake (not retried, said as TLS), and cohort-cli says why.
    void wrongCaIsRefused_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::newRow("SSL") << u"SSL"_s;
        QTest::newRow("SASL_SSL, SCRAM-SHA-512") << u"SASL_SSL"_s;
    }

    void wrongCaIsRefused()
    {
        QFETCH(QString, protocol);
        const QString ca = otherCa();
        if (ca.isEmpty())
            COHORT_SKIP_OR_FAIL("openssl is not installed: no second CA can be made");
        const QString at = (protocol == u"SSL"_s ? m_kafka.sslBootstrap : m_kafka.saslSslBootstrap).section(u',', 0, 0);

        // Every broker as the listener advertises them (read with the right CA):
        // each lists only the groups it coordinates.
        auto reader = RdKafkaClusterClient::create(tlsProperties(protocol, m_kafka.caLocation), kTimeoutMs);
        QVERIFY(reader.ok());
        const Result<ClusterMetadata> md = waitPolling(reader.value()->fetchMetadata());
        QVERIFY2(md.ok(), qPrintable(md.error().toString()));
        QVERIFY(!md->brokers.isEmpty());

        TlsSettings tls;
        tls.caFile = ca;
        std::optional<SaslCredentials> sasl;
        if (protocol == u"SASL_SSL"_s)
            sasl = SaslCredentials{u"scram"_s, u"scram-secret"_s, SaslCredentials::Mechanism::ScramSha512};
        DirectBrokerRequests direct(kTimeoutMs, sasl, tls);
        direct.learnMetadata(*md);
        const RefreshProgress progress{QDeadlineTimer(kTimeoutMs)};
        const auto listing = direct.listGroups(progress);
        QVERIFY(listing.answered.isEmpty());
        QCOMPARE(listing.failed.size(), md->brokers.size());
        const KafkaError why = listing.failed.value(md->brokers.first().id);
        QCOMPARE(why.name, u"_SSL"_s);
        const QString first = u"%1:%2"_s.arg(md->brokers.first().host).arg(md->brokers.first().port);
        QVERIFY2(why.message.contains(u"The TLS certificate of %1 was not accepted"_s.arg(first)), qPrintable(why.toString()));
        QVERIFY(!progress.expired());   // refused at once, not waited out

        // The right CA on the same listeners: the check is real.
        tls.caFile = m_kafka.caLocation;
        DirectBrokerRequests trusted(kTimeoutMs, sasl, tls);
        trusted.learnMetadata(*md);
        const auto ok = trusted.listGroups(RefreshProgress{QDeadlineTimer(kTimeoutMs)});
        QVERIFY2(ok.failed.isEmpty(), qPrintable(ok.failed.isEmpty() ? QString() : ok.failed.cbegin().value().toString()));
        QVERIFY(std::any_of(ok.answered.cbegin(), ok.answered.cend(), [&](const GroupListing &l) {
            return l.groupId == m_group && l.type == GroupType::Consumer && l.state == GroupState::Stable;
        }));

        // cohort-cli with the wrong CA: the diagnosis's words.
        const QString config = m_dir.filePath(u"wrong-ca.properties"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QString lines = u"security.protocol=%1\nssl.ca.location=%2\n"_s.arg(protocol, ca);
        if (sasl)
            lines += u"sasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule "
                     u"required username=\"scram\" password=\"scram-secret\";\n"_s;
        f.write(lines.toUtf8());
        f.close();
        const CliRun refused = runCli({u"--bootstrap-server"_s, at, u"--command-config"_s, config, u"--timeout"_s,
                                       QString::number(kTimeoutMs), u"groups"_s, u"list"_s});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.out.isEmpty(), qPrintable(refused.out));
        QVERIFY2(refused.err.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestGroupTypesTls)
#include "tst_group_types_tls.moc"
