// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterSession::refreshGroup against a 3-broker sandbox with real
// librdkafka consumers: the one-group refresh shows exactly what the
// whole-cluster snapshot shows for that group, and the sandbox's request
// counters show it asked about that group only.

#include "FutureWait.h"
#include "OwnConnectionsRows.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"
#include "SnapshotLookup.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/session/ClusterSession.h"
#include "core/wire/ApiKey.h"

#include <QMutex>
#include <QSet>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

// The real client, with a record of which groups were asked about.
class Recording final : public ClusterClient
{
public:
    explicit Recording(std::shared_ptr<ClusterClient> inner)
        : m_inner(std::move(inner))
    { }

    QFuture<Result<ClusterMetadata>> fetchMetadata(Progress p) override { return m_inner->fetchMetadata(p); }
    QFuture<Result<GroupListingAnswer>> listGroups(Progress p) override { return m_inner->listGroups(p); }
    QFuture<Result<GroupDescriptionAnswer>> describeGroups(const QStringList &ids, Progress p) override
    {
        QMutexLocker lock(&m_mutex);
        m_described.append(ids);
        return m_inner->describeGroups(ids, p);
    }
    QFuture<Result<CommittedOffsetsAnswer>> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &byGroup, Progress p) override
    {
        QMutexLocker lock(&m_mutex);
        m_offsetsOf.append(byGroup.keys());
        return m_inner->fetchCommittedOffsets(byGroup, p);
    }
    QFuture<Result<WatermarksAnswer>> fetchWatermarks(const QList<TopicPartition> &tps, Progress p) override
    {
        return m_inner->fetchWatermarks(tps, p);
    }
    QFuture<Result<RecordTimestampsAnswer>> fetchRecordTimestamps(const QHash<TopicPartition, qint64> &offsets, Progress p) override
    {
        return m_inner->fetchRecordTimestamps(offsets, p);
    }
    QFuture<Result<TopicRetentionAnswer>> fetchTopicRetention(const QStringList &topics, Progress p) override
    {
        return m_inner->fetchTopicRetention(topics, p);
    }
    QFuture<Result<OffsetsForTimesAnswer>> offsetsForTimes(const QList<TopicPartition> &tps, qint64 timestampMs, Progress p) override
    {
        return m_inner->offsetsForTimes(tps, timestampMs, p);
    }
    QFuture<Result<ConnectionReport>> testConnection() override { return m_inner->testConnection(); }
    bool readCommitted() const override { return m_inner->readCommitted(); }

    QList<QStringList> takeDescribed()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_described, {});
    }
    QList<QStringList> takeOffsetsOf()
    {
        QMutexLocker lock(&m_mutex);
        return std::exchange(m_offsetsOf, {});
    }

private:
    std::shared_ptr<ClusterClient> m_inner;
    QMutex m_mutex;
    QList<QStringList> m_described;
    QList<QStringList> m_offsetsOf;
};

// Requests per API since construction.
class Counters
{
public:
    explicit Counters(const sandbox::SandboxCluster &cluster)
        : m_cluster(cluster)
    {
        for (const qint16 api : kApis)
            m_before.insert(api, cluster.requestCount(api));
    }
    qint64 operator()(qint16 api) const { return m_cluster.requestCount(api) - m_before.value(api); }

    static constexpr qint16 kApis[]
        = {ApiKey::ListGroups, ApiKey::DescribeGroups, ApiKey::OffsetFetch, ApiKey::ListOffsets, ApiKey::FindCoordinator, ApiKey::Metadata};

private:
    const sandbox::SandboxCluster &m_cluster;
    QHash<qint16, qint64> m_before;
};

// Every value a group page shows, compared one by one (GroupSnapshot has no ==).
void compareGroups(const GroupSnapshot &fast, const GroupSnapshot &whole)
{
    QCOMPARE(fast.groupId(), whole.groupId());
    QCOMPARE(fast.description.state, whole.description.state);
    QCOMPARE(fast.description.protocolType, whole.description.protocolType);
    QCOMPARE(fast.description.protocol, whole.description.protocol);
    QCOMPARE(fast.description.coordinatorId, whole.description.coordinatorId);
    QCOMPARE(fast.description.describable, whole.description.describable);
    QCOMPARE(fast.generationId, whole.generationId);
    QCOMPARE(fast.description.members.size(), whole.description.members.size());
    for (qsizetype i = 0; i < fast.description.members.size(); ++i) {
        const GroupMember &a = fast.description.members.at(i);
        const GroupMember &b = whole.description.members.at(i);
        QCOMPARE(a.memberId, b.memberId);
        QCOMPARE(a.clientId, b.clientId);
        QCOMPARE(a.host, b.host);
        QCOMPARE(a.groupInstanceId, b.groupInstanceId);
        QCOMPARE(a.rawMetadata, b.rawMetadata);
        QCOMPARE(a.rawAssignment, b.rawAssignment);
        QVERIFY(a.subscription && b.subscription);
        QCOMPARE(a.subscription->topics, b.subscription->topics);
        QVERIFY(a.assignment && b.assignment);
        QCOMPARE(a.assignment->partitions, b.assignment->partitions);
    }
    QCOMPARE(fast.partitions.size(), whole.partitions.size());
    for (qsizetype i = 0; i < fast.partitions.size(); ++i) {
        const PartitionLag &a = fast.partitions.at(i);
        const PartitionLag &b = whole.partitions.at(i);
        QCOMPARE(a.tp, b.tp);
        QCOMPARE(a.committedOffset, b.committedOffset);
        QCOMPARE(a.endOffset, b.endOffset);
        QCOMPARE(a.startOffset, b.startOffset);
        QCOMPARE(a.lag, b.lag);
        QCOMPARE(a.ownerIndex, b.ownerIndex);
    }
    QCOMPARE(fast.topics.size(), whole.topics.size());
    QCOMPARE(fast.totalLag, whole.totalLag);
    QCOMPARE(fast.unknownLagPartitions, whole.unknownLagPartitions);
    QCOMPARE(fast.offsetsFreshness.isFresh(), whole.offsetsFreshness.isFresh());
}

// A session's future completes on the session's thread, through the event
// loop: keep it turning while the consumer polls to stay in its group.
template<typename T>
T awaitPolling(const QFuture<T> &f, GroupConsumer &keepAlive)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT((keepAlive.poll(20), f.isFinished()), 30000); }();
    return f.isFinished() ? f.result() : T(KafkaError::make(-1, QStringLiteral("_TEST_TIMEOUT"), QStringLiteral("no answer within 30 s")));
}

}   // namespace

class TestClusterSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneGroupIsTheSnapshotsEntryFromItsOwnRequests_data() { addOwnConnectionsRows(); }

    void oneGroupIsTheSnapshotsEntryFromItsOwnRequests()
    {
        QFETCH(RdKafkaClusterClient::OwnConnections, own);
        auto cluster = startSandbox();
        QCOMPARE(cluster->brokerIds().size(), 3);
        QVERIFY(cluster->createTopic(QStringLiteral("orders"), 2));
        QVERIFY(cluster->createTopic(QStringLiteral("payments"), 3));
        QVERIFY(cluster->createTopic(QStringLiteral("audit"), 3));
        const QString bootstrap = cluster->bootstrapServers();
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 30), QString());
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 1, 20), QString());
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("payments"), 2, 9), QString());
        // Two more groups on other topics, Empty with commits.
        for (const auto &[groupId, topic] : {std::pair{QStringLiteral("payments-stopped"), QStringLiteral("payments")},
                                             std::pair{QStringLiteral("audit-stopped"), QStringLiteral("audit")}}) {
            GroupConsumer c(bootstrap, groupId, {topic});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.assignment().size() == 3), 30000);
            QCOMPARE(c.commit(topic, {{0, 0}, {1, 0}, {2, 0}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        }
        GroupConsumer g(bootstrap, QStringLiteral("g"), {QStringLiteral("orders")}, {{QStringLiteral("client.id"), QStringLiteral("g-1")}});
        QTRY_VERIFY_WITH_TIMEOUT((g.poll(50), g.assignment().size() == 2 && g.received() >= 50), 30000);
        QCOMPARE(g.commit(QStringLiteral("orders"), {{0, 25}, {1, 20}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 1, 4), QString());
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("g")).state, QStringLiteral("Stable"), 20000);

        auto made = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 10000, own);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        auto client = std::make_shared<Recording>(made.value());
        ClusterSession session(client, QStringLiteral("sandbox"));
        session.setPaused(true);   // one whole-cluster refresh, then only what the test asks
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT((g.poll(20), session.hasSnapshot()), 30000);
        QCOMPARE(session.snapshot().groups.size(), 3);
        const GroupSnapshot *whole = session.snapshot().group(QStringLiteral("g"));
        QVERIFY(whole);
        // What Kafka says, not what the code said: lag = end - committed.
        QCOMPARE(whole->description.state, GroupState::Stable);
        QCOMPARE(whole->description.members.size(), 1);
        QCOMPARE(whole->description.members.first().clientId, QStringLiteral("g-1"));
        QCOMPARE(whole->description.coordinatorId, cluster->coordinatorOf(QStringLiteral("g")));
        QCOMPARE(partition(*whole, QStringLiteral("orders"), 0)->lag, std::optional<qint64>(5));
        QCOMPARE(partition(*whole, QStringLiteral("orders"), 1)->lag, std::optional<qint64>(4));
        QCOMPARE(whole->totalLag, std::optional<qint64>(9));
        client->takeDescribed();
        client->takeOffsetsOf();

        const QSet<int> leaders = leadersOf(*cluster, QStringLiteral("orders"), 2);
        const Counters requests(*cluster);
        const Result<GroupSnapshot> fast = awaitPolling(session.refreshGroup(QStringLiteral("g")), g);
        QVERIFY2(fast.ok(), qPrintable(fast.error().toString()));
        compareGroups(*fast, *whole);
        if (QTest::currentTestFailed())
            return;
        // The type is the listing's (ListGroups v5; librdkafka 2.0's listing
        // has none), which this refresh did not read: the whole refresh's,
        // not "unknown" on the group's page.
        if (own == RdKafkaClusterClient::OwnConnections::WhenPossible)
            QCOMPARE(whole->description.type, GroupType::Classic);
        QCOMPARE(fast->description.type, whole->description.type);

        QCOMPARE(client->takeDescribed(), (QList<QStringList>{{QStringLiteral("g")}}));
        QCOMPARE(client->takeOffsetsOf(), (QList<QStringList>{{QStringLiteral("g")}}));
        QCOMPARE(requests(ApiKey::OffsetFetch), 1);
        // Latest and earliest, once per leader of g's partitions only (the
        // whole-cluster refresh asks all three brokers).
        QCOMPARE(requests(ApiKey::ListOffsets), 2 * leaders.size());
        QCOMPARE(requests(ApiKey::Metadata), 0);   // the snapshot's metadata is enough
        if (own == RdKafkaClusterClient::OwnConnections::WhenPossible) {
            QCOMPARE(requests(ApiKey::ListGroups), 0);
            QCOMPARE(requests(ApiKey::DescribeGroups), 1);   // straight to the coordinator the listing named
            QCOMPARE(requests(ApiKey::FindCoordinator), 0);
        } else {
            // librdkafka's legacy call restricted to g: a ListGroups per
            // broker, one DescribeGroups on g's coordinator, and
            // DescribeConsumerGroups of g for group.instance.id.
            QCOMPARE(requests(ApiKey::ListGroups), 3);
            QCOMPARE(requests(ApiKey::DescribeGroups), 2);
        }

        // An Empty group does not say what it read: its offsets are asked for
        // every partition, which the last snapshot's metadata names (no
        // Metadata request on either path).
        const GroupSnapshot *stopped = session.snapshot().group(QStringLiteral("payments-stopped"));
        QVERIFY(stopped);
        QCOMPARE(stopped->description.state, GroupState::Empty);
        QCOMPARE(partition(*stopped, QStringLiteral("payments"), 2)->lag, std::optional<qint64>(9));
        const QSet<int> paymentLeaders = leadersOf(*cluster, QStringLiteral("payments"), 3);
        const Counters emptyRequests(*cluster);
        const Result<GroupSnapshot> fastStopped = awaitPolling(session.refreshGroup(QStringLiteral("payments-stopped")), g);
        QVERIFY2(fastStopped.ok(), qPrintable(fastStopped.error().toString()));
        compareGroups(*fastStopped, *stopped);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(client->takeDescribed(), (QList<QStringList>{{QStringLiteral("payments-stopped")}}));
        QCOMPARE(emptyRequests(ApiKey::Metadata), 0);
        QCOMPARE(emptyRequests(ApiKey::OffsetFetch), 1);
        QCOMPARE(emptyRequests(ApiKey::ListOffsets), 2 * paymentLeaders.size());
        QCOMPARE(emptyRequests(ApiKey::DescribeGroups), 1);   // no members: no group.instance.id to ask for
        QCOMPARE(emptyRequests(ApiKey::ListGroups), own == RdKafkaClusterClient::OwnConnections::WhenPossible ? 0 : 3);
    }

    // A group the client has not seen listed (no snapshot yet), or whose
    // coordinator moved: FindCoordinator for it alone, never the listing of
    // every broker.
    void aGroupNotSeenListedIsFoundByItsCoordinator()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("orders"), 2));
        QVERIFY(cluster->createTopic(QStringLiteral("other"), 3));
        const QString bootstrap = cluster->bootstrapServers();
        // Made first, so that its own start-up requests (librdkafka's
        // metadata and coordinator queries) are over before counting.
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 10000).value();
        QVERIFY(waitPolling(client->fetchMetadata()).ok());
        QCOMPARE(produceMessages(bootstrap, QStringLiteral("orders"), 0, 12), QString());
        {
            GroupConsumer c(bootstrap, QStringLiteral("other-stopped"), {QStringLiteral("other")});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.assignment().size() == 3), 30000);
            QCOMPARE(c.commit(QStringLiteral("other"), {{0, 0}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        }
        GroupConsumer g(bootstrap, QStringLiteral("g"), {QStringLiteral("orders")});
        QTRY_VERIFY_WITH_TIMEOUT((g.poll(50), g.assignment().size() == 2 && g.received() >= 12), 30000);
        QCOMPARE(g.commit(QStringLiteral("orders"), {{0, 10}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("g")).state, QStringLiteral("Stable"), 20000);

        ClusterSession session(client, QStringLiteral("sandbox"));   // never started: no snapshot, no listing
        const QSet<int> leaders = leadersOf(*cluster, QStringLiteral("orders"), 2);
        const Counters requests(*cluster);
        const Result<GroupSnapshot> fast = awaitPolling(session.refreshGroup(QStringLiteral("g")), g);
        QVERIFY2(fast.ok(), qPrintable(fast.error().toString()));
        QCOMPARE(fast->description.state, GroupState::Stable);
        QCOMPARE(fast->description.coordinatorId, cluster->coordinatorOf(QStringLiteral("g")));
        QCOMPARE(fast->description.members.size(), 1);
        QCOMPARE(partition(*fast, QStringLiteral("orders"), 0)->lag, std::optional<qint64>(2));
        QCOMPARE(partition(*fast, QStringLiteral("orders"), 1)->lag, std::nullopt);   // no commit: unknown
        QCOMPARE(requests(ApiKey::ListGroups), 0);
        QCOMPARE(requests(ApiKey::FindCoordinator), 1);
        QCOMPARE(requests(ApiKey::DescribeGroups), 1);
        QCOMPARE(requests(ApiKey::OffsetFetch), 1);
        QCOMPARE(requests(ApiKey::ListOffsets), 2 * leaders.size());
        QCOMPARE(requests(ApiKey::Metadata), 1);   // no snapshot to take it from

        // Now the coordinator is known: no FindCoordinator the second time.
        const Counters again(*cluster);
        QVERIFY(awaitPolling(session.refreshGroup(QStringLiteral("g")), g).ok());
        QCOMPARE(again(ApiKey::FindCoordinator), 0);
        QCOMPARE(again(ApiKey::DescribeGroups), 1);

        // A coordinator that moved answers NOT_COORDINATOR: one FindCoordinator
        // and the DescribeGroups again at the new one (an Empty group, so
        // that no consumer of its own looks for the coordinator meanwhile).
        const QString idle = QStringLiteral("other-stopped");
        QVERIFY(awaitPolling(session.refreshGroup(idle), g).ok());
        const int from = cluster->coordinatorOf(idle);
        const int to = cluster->brokerIds().at((cluster->brokerIds().indexOf(from) + 1) % 3);
        cluster->moveCoordinator(idle, to);
        QCOMPARE(cluster->coordinatorOf(idle), to);
        const Counters moved(*cluster);
        const Result<GroupSnapshot> afterMove = awaitPolling(session.refreshGroup(idle), g);
        QVERIFY2(afterMove.ok(), qPrintable(afterMove.error().toString()));
        QCOMPARE(afterMove->description.state, GroupState::Empty);
        QCOMPARE(afterMove->description.coordinatorId, to);
        QCOMPARE(partition(*afterMove, QStringLiteral("other"), 0)->committedOffset, std::optional<qint64>(0));
        QCOMPARE(moved(ApiKey::ListGroups), 0);
        QCOMPARE(moved(ApiKey::FindCoordinator), 1);
        QCOMPARE(moved(ApiKey::DescribeGroups), 2);
        QCOMPARE(moved(ApiKey::OffsetFetch), 1);

        const Result<GroupSnapshot> none = awaitPolling(session.refreshGroup(QStringLiteral("no-such-group")), g);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().name, QStringLiteral("GROUP_ID_NOT_FOUND"));
    }
};

QTEST_MAIN(TestClusterSession)
#include "tst_cluster_session.moc"
