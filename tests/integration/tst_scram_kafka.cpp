// SPDX-License-Identifier: GPL-3.0-or-later
// SCRAM-SHA-512 against Apache Kafka 4.4 (the suite's cluster, tests/kafka,
// user "scram" on its SASL_PLAINTEXT listener). librdkafka before 2.6.1
// cannot log in with SCRAM to Kafka 4.x (docs/kafka-protocol.md §7): Cohort's
// own connections speak SCRAM themselves and librdkafka goes through the
// BrokerRelay. Everything a refresh and the writes need must work and be
// exact: metadata (with the brokers' own addresses), the listing, the
// description, committed and end offsets and lag, record timestamps,
// retention, an admin commit and a delete, and cohort-cli with a properties
// file; a wrong password fails at once, saying so.

#include "CliRun.h"
#include "FutureWait.h"
#include "KafkaTool.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SkipOrFail.h"

#include "core/kafka/RdKafkaClusterAdmin.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/wire/BrokerRelay.h"

#include <QDateTime>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <librdkafka/rdkafka.h>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;
using Own = RdKafkaClusterClient::OwnConnections;

namespace {

constexpr int kTimeoutMs = 15000;
constexpr int kPartitions = 3;
constexpr int kMessages[kPartitions] = {5, 0, 9};
constexpr qint64 kCommitted[kPartitions] = {2, 0, 4};
constexpr qint64 kRetentionMs = 3600000;

RdKafkaClusterClient::Properties scram(const QString &bootstrap, const QString &password)
{
    return {{u"bootstrap.servers"_s, bootstrap},
            {u"security.protocol"_s, u"SASL_PLAINTEXT"_s},
            {u"sasl.mechanism"_s, u"SCRAM-SHA-512"_s},
            {u"sasl.username"_s, u"scram"_s},
            {u"sasl.password"_s, password}};
}

}   // namespace

class TestScramKafka : public QObject
{
    Q_OBJECT

    RealKafkaCluster m_kafka;
    QString m_topic;
    QString m_group;
    QTemporaryDir m_dir;

    std::shared_ptr<RdKafkaClusterClient> client(Own own, const QString &password = u"scram-secret"_s)
    {
        auto made = RdKafkaClusterClient::create(scram(m_kafka.saslBootstrap, password), kTimeoutMs, own);
        if (!made)
            qFatal("cannot make a client: %s", qPrintable(made.error().toString()));
        return made.value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        if (kafka->saslBootstrap.isEmpty())
            COHORT_SKIP_OR_FAIL("the cluster in KAFKA_BOOTSTRAP_SERVERS has no SASL listener with a known SCRAM user");
        m_kafka = kafka.value();
        const QString suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
        m_topic = u"scram-t-"_s + suffix;
        m_group = u"scram-g-"_s + suffix;
        // Made over PLAINTEXT with librdkafka alone: independent of the code under test.
        QCOMPARE(makeTopicWithCommittedGroup(m_kafka.bootstrap, m_topic, m_group, QList<int>(std::begin(kMessages), std::end(kMessages)),
                                             QList<qint64>(std::begin(kCommitted), std::end(kCommitted))),
                 QString());
        const KafkaTool configs = KafkaTool::run(u"kafka-configs"_s, {u"--bootstrap-server"_s, m_kafka.bootstrap, u"--alter"_s,
                                                                      u"--entity-type"_s, u"topics"_s, u"--entity-name"_s, m_topic,
                                                                      u"--add-config"_s, u"retention.ms=%1"_s.arg(kRetentionMs)});
        QVERIFY2(configs.code == 0, qPrintable(configs.err));
    }

    void cleanupTestCase()
    {
        if (m_topic.isEmpty())
            return;
        RdKafkaTestAdmin admin(m_kafka.bootstrap);
        admin.deleteGroup(m_group);
        admin.deleteTopic(m_topic);
    }

    // This machine's librdkafka is the one whose SCRAM Kafka 4.4 refuses: the relay is in use.
    void theRelayIsNeededHere()
    {
        const SaslCredentials login{u"scram"_s, u"x"_s, SaslCredentials::Mechanism::ScramSha512};
        if (!BrokerRelay::neededFor(login, rd_kafka_version()))
            QSKIP(qPrintable(u"librdkafka %1 speaks SCRAM correctly itself"_s.arg(QString::fromLatin1(rd_kafka_version_str()))));
        QVERIFY(!BrokerRelay::neededFor(SaslCredentials{u"u"_s, u"p"_s}, rd_kafka_version()));
        QVERIFY(!BrokerRelay::neededFor(login, 0x020601ff));
        QVERIFY(BrokerRelay::neededFor(login, 0x020002ff));
    }

    void groupExactOverScram_data()
    {
        QTest::addColumn<int>("own");
        QTest::newRow("own connections") << int(Own::WhenPossible);
        QTest::newRow("librdkafka only, through the relay") << int(Own::Never);
    }

    void groupExactOverScram()
    {
        QFETCH(int, own);
        const auto c = client(Own(own));

        // The brokers' own addresses, as the PLAIN login on the same listener sees them.
        const Result<ClusterMetadata> md = waitPolling(c->fetchMetadata());
        QVERIFY2(md.ok(), qPrintable(md.error().toString()));
        auto plain = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, m_kafka.saslBootstrap},
                                                   {u"security.protocol"_s, u"SASL_PLAINTEXT"_s},
                                                   {u"sasl.mechanism"_s, u"PLAIN"_s},
                                                   {u"sasl.username"_s, u"admin"_s},
                                                   {u"sasl.password"_s, u"admin-secret"_s}},
                                                  kTimeoutMs);
        QVERIFY(plain.ok());
        const Result<ClusterMetadata> plainMd = waitPolling(plain.value()->fetchMetadata());
        QVERIFY2(plainMd.ok(), qPrintable(plainMd.error().toString()));
        QCOMPARE(md->brokers.size(), plainMd->brokers.size());
        for (int i = 0; i < md->brokers.size(); ++i) {
            QCOMPARE(md->brokers.at(i).id, plainMd->brokers.at(i).id);
            QCOMPARE(md->brokers.at(i).host, plainMd->brokers.at(i).host);
            QCOMPARE(md->brokers.at(i).port, plainMd->brokers.at(i).port);
        }
        QCOMPARE(md->clusterId, plainMd->clusterId);
        QVERIFY(std::any_of(md->topics.cbegin(), md->topics.cend(), [&](const TopicInfo &t) { return t.name == m_topic; }));

        const Result<GroupListingAnswer> listing = waitPolling(c->listGroups());
        QVERIFY2(listing.ok(), qPrintable(listing.error().toString()));
        QVERIFY2(listing->failedBrokers.isEmpty(),
                 qPrintable(listing->failedBrokers.isEmpty() ? QString() : listing->failedBrokers.first().error.toString()));
        const auto listed = std::find_if(listing->groups.cbegin(), listing->groups.cend(),
                                         [&](const GroupListing &g) { return g.groupId == m_group; });
        QVERIFY2(listed != listing->groups.cend(), "the group is not listed");
        QCOMPARE(listed->state, GroupState::Empty);
        if (Own(own) == Own::WhenPossible)
            QCOMPARE(listed->type, GroupType::Classic);   // ListGroups v5 on the own connections

        const Result<GroupSnapshot> g = waitPolling(SnapshotLoader::loadGroup(c, m_group));
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->description.state, GroupState::Empty);
        QVERIFY(g->description.members.isEmpty());
        QCOMPARE(g->partitions.size(), kPartitions);
        qint64 total = 0;
        for (int p = 0; p < kPartitions; ++p) {
            const PartitionLag &pl = g->partitions.at(p);
            QCOMPARE(pl.tp, (TopicPartition{m_topic, p}));
            QCOMPARE(pl.committedOffset, std::optional<qint64>(kCommitted[p]));
            QCOMPARE(pl.endOffset, std::optional<qint64>(kMessages[p]));
            QCOMPARE(pl.startOffset, std::optional<qint64>(0));
            QCOMPARE(pl.lag, std::optional<qint64>(kMessages[p] - kCommitted[p]));
            total += kMessages[p] - kCommitted[p];
        }
        QCOMPARE(g->totalLag, std::optional<qint64>(total));
    }

    // The record reader and DescribeConfigs are librdkafka's on every path.
    void timestampsAndRetentionThroughTheRelay()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto c = client(Own::WhenPossible);
        QVERIFY(waitPolling(c->fetchMetadata()).ok());
        const TopicPartition p0{m_topic, 0};
        const Result<RecordTimestampsAnswer> ts = waitPolling(c->fetchRecordTimestamps({{p0, 2}}));
        QVERIFY2(ts.ok(), qPrintable(ts.error().toString()));
        QVERIFY2(ts->failed.isEmpty(), qPrintable(ts->failed.value(p0).toString()));
        QCOMPARE(ts->timestamps.value(p0).offset, 2);
        // Produced in initTestCase, a little before this test began.
        QVERIFY(ts->timestamps.value(p0).timestampMs > before - 600000);
        QVERIFY(ts->timestamps.value(p0).timestampMs <= before);

        const Result<TopicRetentionAnswer> retention = waitPolling(c->fetchTopicRetention({m_topic}));
        QVERIFY2(retention.ok(), qPrintable(retention.error().toString()));
        QCOMPARE(retention->topics.value(m_topic).retentionMs, kRetentionMs);
    }

    // Writes are librdkafka's admin API: they go through the relay too.
    void adminCommitAndDeleteOverScram()
    {
        const auto c = client(Own::WhenPossible);
        const std::shared_ptr<ClusterAdmin> admin = RdKafkaClusterAdmin::create(c);
        const QString group = m_group + u"-written"_s;
        const auto commit = waitPolling(admin->commitOffsets(group, {{TopicPartition{m_topic, 0}, 3}, {TopicPartition{m_topic, 2}, 7}}));
        QVERIFY2(commit.ok(), qPrintable(commit.error().toString()));
        QCOMPARE(commit->size(), 2);
        for (const PartitionWriteOutcome &o : commit.value())
            QVERIFY2(!o.error.isError(), qPrintable(o.error.toString()));

        // Read back over PLAINTEXT by librdkafka alone.
        auto plain = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, m_kafka.bootstrap}}, kTimeoutMs, Own::Never);
        QVERIFY(plain.ok());
        const Result<GroupSnapshot> g = waitPolling(SnapshotLoader::loadGroup(plain.value(), group));
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->partitions.size(), 2);
        QCOMPARE(g->partitions.at(0).committedOffset, std::optional<qint64>(3));
        QCOMPARE(g->partitions.at(1).committedOffset, std::optional<qint64>(7));

        const auto deleted = waitPolling(admin->deleteGroup(group));
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        const Result<GroupListingAnswer> listing = waitPolling(plain.value()->listGroups());
        QVERIFY(listing.ok());
        for (const GroupListing &l : listing->groups)
            QVERIFY2(l.groupId != group, "the deleted group is still listed");
    }

    // Removing members and the rebalance trigger speak the group protocol on
    // Cohort's own connections: with SCRAM on SASL_PLAINTEXT they can.
    void groupProtocolIsOffered()
    {
        const std::shared_ptr<ClusterAdmin> admin = RdKafkaClusterAdmin::create(client(Own::WhenPossible));
        QVERIFY2(!admin->groupProtocolRefusal().isError(), qPrintable(admin->groupProtocolRefusal().toString()));
    }

    void wrongPasswordSaysSo_data()
    {
        QTest::addColumn<int>("own");
        QTest::newRow("own connections") << int(Own::WhenPossible);
        QTest::newRow("librdkafka only, through the relay") << int(Own::Never);
    }

    void wrongPasswordSaysSo()
    {
        QFETCH(int, own);
        const auto c = client(Own(own), u"not-the-secret"_s);
        const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(c));
        QVERIFY(!snap.ok());
        const QString said = snap.error().toString();
        QVERIFY2(said.contains(u"Authentication failed: wrong user or password for SCRAM-SHA-512 (user \"scram\""_s), qPrintable(said));
        QVERIFY2(said.contains(u"invalid credentials"_s), qPrintable(said));   // Kafka's own words
        QVERIFY2(!said.contains(u"not-the-secret"_s), qPrintable(said));
        // librdkafka names the broker, not the relay's listener on 127.0.0.1.
        QVERIFY2(!said.contains(u"127.0.0.1"_s) || said.contains(m_kafka.saslBootstrap.section(u',', 0, 0)), qPrintable(said));
    }

    // SASL_SSL: the own connections log in with SCRAM over TLS, librdkafka
    // goes through the relay, which verifies the broker's certificate with the
    // CA (tst_group_types_tls has the group types over the same listener).
    void scramOverTls()
    {
        if (m_kafka.saslSslBootstrap.isEmpty())
            COHORT_SKIP_OR_FAIL("the cluster has no SASL_SSL listener (scripts/kafka-cluster.sh --sasl --ssl makes one)");
        RdKafkaClusterClient::Properties props = scram(m_kafka.saslSslBootstrap, u"scram-secret"_s);
        props[1].second = u"SASL_SSL"_s;
        props.append({u"ssl.ca.location"_s, m_kafka.caLocation});
        auto c = RdKafkaClusterClient::create(props, kTimeoutMs);
        QVERIFY2(c.ok(), qPrintable(c.error().toString()));
        const Result<ClusterMetadata> md = waitPolling(c.value()->fetchMetadata());
        QVERIFY2(md.ok(), qPrintable(md.error().toString()));
        QVERIFY(!md->brokers.isEmpty());
        QCOMPARE(md->brokers.first().host + u':' + QString::number(md->brokers.first().port), m_kafka.saslSslBootstrap);
        const Result<GroupSnapshot> g = waitPolling(SnapshotLoader::loadGroup(c.value(), m_group));
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->partitions.size(), kPartitions);
        for (int p = 0; p < kPartitions; ++p)
            QCOMPARE(g->partitions.at(p).lag, std::optional<qint64>(kMessages[p] - kCommitted[p]));

        // Without the CA the relay refuses the broker's certificate, and says so.
        props.removeLast();
        auto untrusted = RdKafkaClusterClient::create(props, kTimeoutMs);
        QVERIFY(untrusted.ok());
        const Result<ClusterMetadata> refused = waitPolling(untrusted.value()->fetchMetadata());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().toString().contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(refused.error().toString()));
    }

    void cliWithAPropertiesFile()
    {
        const QString config = m_dir.filePath(u"scram.properties"_s);
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n"
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                "username=\"scram\" password=\"scram-secret\";\n");
        f.close();
        const CliRun ok = runCli({u"--bootstrap-server"_s, m_kafka.saslBootstrap, u"--command-config"_s, config, u"--timeout"_s,
                                  QString::number(kTimeoutMs), u"groups"_s, u"list"_s});
        QVERIFY2(completeOnSharedCluster(ok, m_group), qPrintable(ok.err));
        QVERIFY2(ok.out.split(u'\n').filter(m_group).size() == 1, qPrintable(ok.out));

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n"
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                "username=\"scram\" password=\"wrong\";\n");
        f.close();
        const CliRun refused = runCli({u"--bootstrap-server"_s, m_kafka.saslBootstrap, u"--command-config"_s, config, u"--timeout"_s,
                                       QString::number(kTimeoutMs), u"groups"_s, u"list"_s});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.out.isEmpty(), qPrintable(refused.out));
        QVERIFY2(refused.err.contains(u"wrong user or password for SCRAM-SHA-512"_s), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestScramKafka)
#include "tst_scram_kafka.moc"
