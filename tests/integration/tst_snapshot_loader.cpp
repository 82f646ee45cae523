// SPDX-License-Identifier: GPL-3.0-or-later
// RdKafkaClusterClient + SnapshotLoader against the sandbox with real librdkafka
// consumers: exact states, members, assignment and lag per partition.

#include "FutureWait.h"
#include "OwnConnectionsRows.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"
#include "SnapshotLookup.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"

#include <QSet>
#include <QTest>

using namespace cohort::ApiKey;

using namespace cohort;
using namespace cohort::test;

class TestSnapshotLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactLagOfAnActiveAndAStoppedGroup_data() { addOwnConnectionsRows(); }

    void exactLagOfAnActiveAndAStoppedGroup()
    {
        QFETCH(RdKafkaClusterClient::OwnConnections, own);
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("orders"), 3));
        const QString bootstrap = cluster->bootstrapServers();
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 100), QString());
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 1, 50), QString());

        {   // Reads everything, commits, leaves: Empty with commits.
            GroupConsumer stopped(bootstrap, QStringLiteral("billing-stopped"), {QStringLiteral("orders")},
                                  {{QStringLiteral("client.id"), QStringLiteral("billing")}});
            QTRY_VERIFY_WITH_TIMEOUT((stopped.poll(50), stopped.received() >= 150), 30000);
            QCOMPARE(stopped.commitSync(), QString());
        }
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 20), QString());

        GroupConsumer active(bootstrap, QStringLiteral("shipping-active"), {QStringLiteral("orders")},
                             {{QStringLiteral("client.id"), QStringLiteral("shipper-1")}});
        QTRY_VERIFY_WITH_TIMEOUT((active.poll(50), active.assignment().size() == 3), 30000);
        QCOMPARE(active.commit(QStringLiteral("orders"), {{0, 60}, {1, 50}}), RD_KAFKA_RESP_ERR_NO_ERROR);   // part way on p0, none on p2
        QCOMPARE(cluster->committedOffset(QStringLiteral("shipping-active"), QStringLiteral("orders"), 0), 60);

        auto made = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 10000, own);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        std::shared_ptr<ClusterClient> client = made.value();
        const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(client), &active);
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        QCOMPARE(snap->metadata.brokers.size(), 3);
        QCOMPARE(snap->metadata.controllerId, cluster->controllerId());

        const GroupSnapshot *a = snap->group(QStringLiteral("shipping-active"));
        QVERIFY(a);
        QCOMPARE(a->description.state, GroupState::Stable);
        QCOMPARE(a->description.protocolType, QStringLiteral("consumer"));
        QCOMPARE(a->description.protocol, QStringLiteral("range"));
        QCOMPARE(a->description.members.size(), 1);
        QCOMPARE(a->description.members.first().clientId, QStringLiteral("shipper-1"));
        QCOMPARE(a->description.members.first().assignment->partitions.size(), 3);
        QCOMPARE(a->description.coordinatorId, cluster->coordinatorOf(QStringLiteral("shipping-active")));
        QCOMPARE(a->partitions.size(), 3);
        QCOMPARE(partition(*a, QStringLiteral("orders"), 0)->committedOffset, std::optional<qint64>(60));
        QCOMPARE(partition(*a, QStringLiteral("orders"), 0)->endOffset, std::optional<qint64>(120));
        QCOMPARE(partition(*a, QStringLiteral("orders"), 0)->lag, std::optional<qint64>(60));
        QCOMPARE(partition(*a, QStringLiteral("orders"), 1)->lag, std::optional<qint64>(0));
        QCOMPARE(partition(*a, QStringLiteral("orders"), 2)->lag, std::nullopt);   // no commit: unknown
        QCOMPARE(a->ownerOf(*partition(*a, QStringLiteral("orders"), 0))->clientId, QStringLiteral("shipper-1"));
        QCOMPARE(a->totalLag, std::optional<qint64>(60));
        QCOMPARE(a->unknownLagPartitions, 1);

        const GroupSnapshot *s = snap->group(QStringLiteral("billing-stopped"));
        QVERIFY(s);
        QCOMPARE(s->description.state, GroupState::Empty);
        QCOMPARE(s->description.members.size(), 0);
        QCOMPARE(partition(*s, QStringLiteral("orders"), 0)->lag, std::optional<qint64>(20));
        QCOMPARE(partition(*s, QStringLiteral("orders"), 1)->lag, std::optional<qint64>(0));
        QCOMPARE(s->totalLag, std::optional<qint64>(20));
    }

    void staticMembersShowTheirInstanceId_data() { addOwnConnectionsRows(); }

    void staticMembersShowTheirInstanceId()
    {
        QFETCH(RdKafkaClusterClient::OwnConnections, own);
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("inv"), 2));
        GroupConsumer member(cluster->bootstrapServers(), QStringLiteral("static-group"), {QStringLiteral("inv")},
                             {{QStringLiteral("group.instance.id"), QStringLiteral("inventory-1")}});
        QTRY_VERIFY_WITH_TIMEOUT((member.poll(50), member.assignment().size() == 2), 30000);
        auto client
            = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), cluster->bootstrapServers()}}, 10000, own).value();
        QVERIFY(waitPolling(client->fetchMetadata(), &member).ok());
        QVERIFY(waitPolling(client->listGroups(), &member).ok());
        const qint64 before = cluster->requestCount(ApiKey::FindCoordinator);
        const auto groups = waitPolling(client->describeGroups({QStringLiteral("static-group")}), &member);
        QVERIFY(groups.ok());
        QVERIFY(groups->failed.isEmpty());
        QCOMPARE(groups->groups.size(), 1);
        const GroupDescription &g = groups->groups.first();
        QCOMPARE(g.state, GroupState::Stable);
        QCOMPARE(g.coordinatorId, cluster->coordinatorOf(QStringLiteral("static-group")));
        QCOMPARE(g.members.size(), 1);
        QCOMPARE(g.members.first().groupInstanceId, QStringLiteral("inventory-1"));
        QVERIFY(!g.members.first().rawAssignment.isEmpty());
        if (own == RdKafkaClusterClient::OwnConnections::WhenPossible)   // straight to the known coordinator
            QCOMPARE(cluster->requestCount(ApiKey::FindCoordinator), before);
    }

    void watermarkRequestsDoNotGrowWithPartitions_data() { addOwnConnectionsRows(); }

    void watermarkRequestsDoNotGrowWithPartitions()
    {
        QFETCH(RdKafkaClusterClient::OwnConnections, own);
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("small"), 3));
        QVERIFY(cluster->createTopic(QStringLiteral("large"), 90));
        QCOMPARE(produceMessages(cluster->bootstrapServers(), QStringLiteral("large"), 7, 5), QString());
        auto client
            = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), cluster->bootstrapServers()}}, 10000, own).value();
        QVERIFY(waitPolling(client->fetchMetadata()).ok());
        auto count = [&](const QString &topic, int n) {
            QList<TopicPartition> tps;
            for (int p = 0; p < n; ++p)
                tps.append({topic, p});
            const qint64 before = cluster->requestCount(ApiKey::ListOffsets);
            const auto w = waitPolling(client->fetchWatermarks(tps));
            [&] {
                QVERIFY(w.ok());
                QVERIFY(w->failed.isEmpty());
                QCOMPARE(w->watermarks.size(), n);
                if (topic == QLatin1String("large")) {
                    QCOMPARE(w->watermarks.value({topic, 7}).high, 5);
                    QCOMPARE(w->watermarks.value({topic, 7}).low, 0);
                    QCOMPARE(w->watermarks.value({topic, 8}).high, 0);
                }
            }();
            return cluster->requestCount(ApiKey::ListOffsets) - before;
        };
        // Earliest + latest: one request per partition leader each, so twice
        // the number of distinct leaders, whatever the partition count.
        auto leaders = [&](const QString &topic, int n) { return qint64(leadersOf(*cluster, topic, n).size()); };
        const qint64 small = count(QStringLiteral("small"), 3);
        const qint64 large = count(QStringLiteral("large"), 90);
        QCOMPARE(small, 2 * leaders(QStringLiteral("small"), 3));
        QCOMPARE(large, 2 * leaders(QStringLiteral("large"), 90));
        QCOMPARE(large, small);
    }

    // An Empty group does not say which topics it read: its offsets are asked
    // for "every partition" (one OffsetFetch with null topics) on connections
    // Cohort can open itself, and in slices of the cluster's partitions otherwise.
    void emptyGroupOffsetsWhateverTheTopics_data()
    {
        QTest::addColumn<RdKafkaClusterClient::OwnConnections>("own");
        QTest::addColumn<bool>("sasl");
        QTest::addColumn<bool>("sliced");   // librdkafka: one request per 1,000 of the cluster's partitions
        QTest::newRow("plaintext, own connections") << RdKafkaClusterClient::OwnConnections::WhenPossible << false << false;
        QTest::newRow("SASL/PLAIN, own connections") << RdKafkaClusterClient::OwnConnections::WhenPossible << true << false;
        QTest::newRow("librdkafka only") << RdKafkaClusterClient::OwnConnections::Never << false << true;
    }

    void emptyGroupOffsetsWhateverTheTopics()
    {
        QFETCH(RdKafkaClusterClient::OwnConnections, own);
        QFETCH(bool, sasl);
        QFETCH(bool, sliced);
        auto config = testConfig();
        Properties auth;
        if (sasl) {
            config.saslPlainUsers.insert(QStringLiteral("alice"), QStringLiteral("s3cret"));
            auth = {{QStringLiteral("security.protocol"), QStringLiteral("SASL_PLAINTEXT")},
                    {QStringLiteral("sasl.mechanisms"), QStringLiteral("PLAIN")},
                    {QStringLiteral("sasl.username"), QStringLiteral("alice")},
                    {QStringLiteral("sasl.password"), QStringLiteral("s3cret")}};
        }
        auto cluster = startSandbox(config);
        QVERIFY(cluster->createTopic(QStringLiteral("wide"), 1200));
        QVERIFY(cluster->createTopic(QStringLiteral("other"), 10));
        for (int i = 0; i < 7; ++i)
            QVERIFY(cluster->appendRecords(QStringLiteral("wide"), 1100, {{QByteArray("k"), QByteArray("v")}}) >= 0);
        {
            GroupConsumer c(cluster->bootstrapServers(), QStringLiteral("idle"), {QStringLiteral("wide")}, auth);
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.assignment().size() == 1200), 30000);
            QCOMPARE(c.commit(QStringLiteral("wide"), {{1100, 4}, {3, 0}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        }
        QTRY_COMPARE(cluster->groupInfo(QStringLiteral("idle")).state, QStringLiteral("Empty"));

        RdKafkaClusterClient::Properties props{{QStringLiteral("bootstrap.servers"), cluster->bootstrapServers()}};
        props += auth;
        auto client = RdKafkaClusterClient::create(props, 10000, own).value();
        QVERIFY(waitPolling(client->fetchMetadata()).ok());
        QVERIFY(waitPolling(client->listGroups()).ok());
        const qint64 before = cluster->requestCount(ApiKey::OffsetFetch);
        const auto offsets = waitPolling(client->fetchCommittedOffsets({{QStringLiteral("idle"), {}}}));
        QVERIFY2(offsets.ok(), qPrintable(offsets.error().toString()));
        const qint64 fetches = cluster->requestCount(ApiKey::OffsetFetch) - before;
        // Own connections: one OffsetFetch with topics = null. librdkafka: every
        // partition of the cluster (1,200 + 10) in slices of 1,000.
        int clusterPartitions = 0;
        for (const QString &t : cluster->topics())
            clusterPartitions += cluster->partitionCount(t);
        QCOMPARE(clusterPartitions, 1210);
        constexpr int kSlice = 1000;
        const qint64 expectedFetches = sliced ? (clusterPartitions + kSlice - 1) / kSlice : 1;
        QCOMPARE(fetches, expectedFetches);
        QVERIFY(offsets->failed.isEmpty());
        QList<CommittedOffset> got = offsets->offsets.value(QStringLiteral("idle")).offsets;
        std::sort(got.begin(), got.end(), [](const auto &a, const auto &b) { return a.tp < b.tp; });
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).tp, (TopicPartition{QStringLiteral("wide"), 3}));
        QCOMPARE(got.at(0).offset, 0);
        QCOMPARE(got.at(1).tp, (TopicPartition{QStringLiteral("wide"), 1100}));
        QCOMPARE(got.at(1).offset, 4);

        const auto snap = waitPolling(SnapshotLoader::load(client));
        QVERIFY(snap.ok());
        const GroupSnapshot *g = snap->group(QStringLiteral("idle"));
        QVERIFY(g);
        QCOMPARE(g->totalLag, std::optional<qint64>(3));
    }

    // A group the coordinator will not describe (as Kafka 4 answers classic
    // DescribeGroups for a KIP-848 consumer group) is still listed, with a
    // note saying why, and still gets its committed offsets and lag.
    void undescribableGroupIsListedWithOffsetsAndLag()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("t"), 2));
        const QString bootstrap = cluster->bootstrapServers();
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("t"), 0, 10), QString());
        {
            GroupConsumer c(bootstrap, QStringLiteral("new-protocol"), {QStringLiteral("t")});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 10), 30000);
            QCOMPARE(c.commitSync(), QString());
        }
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("t"), 0, 4), QString());
        cluster->injectError(ApiKey::DescribeGroups, ErrorCode::GroupIdNotFound, 100);

        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 10000).value();
        const auto snap = waitPolling(SnapshotLoader::load(client));
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        const GroupSnapshot *g = snap->group(QStringLiteral("new-protocol"));
        QVERIFY(g);
        QVERIFY(!g->description.describable);
        QCOMPARE(g->description.errorName, QStringLiteral("GROUP_ID_NOT_FOUND"));
        QVERIFY2(g->description.note.contains(QLatin1String("GROUP_ID_NOT_FOUND")), qPrintable(g->description.note));
        QCOMPARE(partition(*g, QStringLiteral("t"), 0)->lag, std::optional<qint64>(4));
        QCOMPARE(g->totalLag, std::optional<qint64>(4));
        cluster->clearFaults();
    }

    void unreachableClusterFailsWithAHint()
    {
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), QStringLiteral("127.0.0.1:1")}}, 3000).value();
        QElapsedTimer timer;
        timer.start();
        const auto md = waitPolling(client->fetchMetadata());
        QVERIFY(!md.ok());
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY2(md.error().name == QLatin1String("_TRANSPORT") || md.error().name == QLatin1String("_TIMED_OUT"),
                 qPrintable(md.error().name));
        QVERIFY(!md.error().hint.isEmpty());
        const auto snap = waitPolling(SnapshotLoader::load(client));
        QVERIFY(!snap.ok());
    }

    void badPropertyIsRejectedWithLibrdkafkasText()
    {
        const auto made = RdKafkaClusterClient::create(
            {{QStringLiteral("bootstrap.servers"), QStringLiteral("x:1")}, {QStringLiteral("no.such.property"), QStringLiteral("1")}});
        QVERIFY(!made.ok());
        QVERIFY2(made.error().message.contains(QLatin1String("no.such.property")), qPrintable(made.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotLoader)
#include "tst_snapshot_loader.moc"
