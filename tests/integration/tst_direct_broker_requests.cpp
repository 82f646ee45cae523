// SPDX-License-Identifier: GPL-3.0-or-later
// DirectBrokerRequests against the sandbox: each call returns what the brokers
// answered together with what they could not (Answered::failed), which is
// exactly what the cluster client then asks librdkafka for.

#include "SandboxFixture.h"

#include "core/wire/DirectBrokerRequests.h"

#include <QSet>
#include <QTest>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 3000;
const QString kTopic = u"orders"_s;
constexpr int kPartitions = 6;

// The metadata librdkafka would have handed over: every broker, every leader.
ClusterMetadata metadataOf(const sandbox::SandboxCluster &cluster)
{
    ClusterMetadata md;
    for (const int id : cluster.brokerIds())
        md.brokers.append(BrokerInfo{id, u"127.0.0.1"_s, cluster.brokerPort(id), {}});
    TopicInfo topic;
    topic.name = kTopic;
    for (int p = 0; p < cluster.partitionCount(kTopic); ++p) {
        PartitionInfo info;
        info.partition = p;
        info.leader = cluster.leaderOf(kTopic, p);
        topic.partitions.append(info);
    }
    md.topics.append(topic);
    return md;
}

QList<TopicPartition> allPartitions()
{
    QList<TopicPartition> out;
    for (int p = 0; p < kPartitions; ++p)
        out.append(TopicPartition{kTopic, p});
    return out;
}

GroupDescription coordinatedBy(const QString &groupId, int brokerId)
{
    GroupDescription g;
    g.groupId = groupId;
    g.coordinatorId = brokerId;
    return g;
}

}   // namespace

// A deadline for one call, as a refresh gives one.
RefreshProgress &progress()
{
    static RefreshProgress *p = nullptr;
    delete p;
    p = new RefreshProgress(QDeadlineTimer(kTimeoutMs));
    return *p;
}

class TestDirectBrokerRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void watermarksAnsweredAndFailedByLeader()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        QVERIFY(cluster->createTopic(kTopic, kPartitions));
        QCOMPARE(cluster->appendRecords(kTopic, 0, {{"k"_ba, "a"_ba}, {"k"_ba, "b"_ba}, {"k"_ba, "c"_ba}}), qint64(0));

        DirectBrokerRequests direct(kTimeoutMs, std::nullopt);
        direct.learnMetadata(metadataOf(*cluster));

        const auto all = direct.fetchWatermarks(allPartitions(), false, progress());
        QVERIFY(all.failed.isEmpty());
        QCOMPARE(all.answered.size(), qsizetype(kPartitions));
        // ListOffsets: earliest is the log start, latest the offset after the last record.
        QCOMPARE(all.answered.value(TopicPartition{kTopic, 0}).low, qint64(0));
        QCOMPARE(all.answered.value(TopicPartition{kTopic, 0}).high, qint64(3));
        QCOMPARE(all.answered.value(TopicPartition{kTopic, 1}).low, qint64(0));
        QCOMPARE(all.answered.value(TopicPartition{kTopic, 1}).high, qint64(0));

        // A leader that is down: its partitions, and only those, come back as failed.
        const int down = cluster->leaderOf(kTopic, 0);
        QSet<TopicPartition> ledByDown;
        for (const TopicPartition &tp : allPartitions())
            if (cluster->leaderOf(kTopic, tp.partition) == down)
                ledByDown.insert(tp);
        QVERIFY(ledByDown.size() < kPartitions);   // the sandbox spreads leaders over its brokers
        cluster->stopBroker(down);
        const auto some = direct.fetchWatermarks(allPartitions(), false, progress());
        QCOMPARE(QSet<TopicPartition>(some.failed.keyBegin(), some.failed.keyEnd()), ledByDown);
        for (const KafkaError &why : some.failed)
            QCOMPARE(why.name, QStringLiteral("_TRANSPORT"));   // with why: the broker could not be reached
        QCOMPARE(some.answered.size(), kPartitions - ledByDown.size());
        for (const TopicPartition &tp : ledByDown)
            QVERIFY(!some.answered.contains(tp));
    }

    void describeGroupsFailsWhatTheCoordinatorWouldNotAnswer()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        DirectBrokerRequests direct(kTimeoutMs, std::nullopt);
        direct.learnMetadata(metadataOf(*cluster));

        const QString group = u"nobody-here"_s;
        const int coordinator = cluster->coordinatorOf(group);
        QVERIFY(coordinator >= 0);
        int other = -1;
        for (const int id : cluster->brokerIds())
            if (id != coordinator)
                other = id;

        // Asked on its coordinator, a group nobody joined is described as Dead
        // (Kafka answers DescribeGroups for an unknown group without an error).
        direct.learnCoordinators({coordinatedBy(group, coordinator)});
        const auto described = direct.describeGroups({group}, progress());
        QVERIFY(described.failed.isEmpty());
        QCOMPARE(described.answered.size(), qsizetype(1));
        QCOMPARE(described.answered.first().groupId, group);
        QCOMPARE(described.answered.first().state, GroupState::Dead);
        QCOMPARE(described.answered.first().coordinatorId, coordinator);

        // Asked on another broker, Kafka says NOT_COORDINATOR: the group is
        // failed with that error (for the caller to retry after a
        // FindCoordinator), not described.
        direct.learnCoordinators({coordinatedBy(group, other)});
        const auto moved = direct.describeGroups({group}, progress());
        QVERIFY(moved.answered.isEmpty());
        QCOMPARE(moved.failed.keys(), QList<QString>{group});
        QCOMPARE(moved.failed.value(group).name, QStringLiteral("NOT_COORDINATOR"));
        QCOMPARE(direct.findCoordinators({group}, progress()), QStringList{group});
        QCOMPARE(direct.coordinatorOf(group), coordinator);
    }

    void committedOffsetsFailWhenTheCoordinatorIsDown()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster);
        DirectBrokerRequests direct(kTimeoutMs, std::nullopt);
        direct.learnMetadata(metadataOf(*cluster));
        const QString group = u"never-committed"_s;
        const int coordinator = cluster->coordinatorOf(group);
        direct.learnCoordinators({coordinatedBy(group, coordinator)});

        // OffsetFetch of every partition of a group that never committed: an
        // answer with no partitions.
        const auto fetched = direct.fetchCommittedOffsets({{group, {}}}, progress());
        QVERIFY(fetched.failed.isEmpty());
        QCOMPARE(fetched.answered.size(), qsizetype(1));
        QVERIFY(fetched.answered.value(group).offsets.isEmpty());

        cluster->stopBroker(coordinator);
        const auto unreachable = direct.fetchCommittedOffsets({{group, {}}}, progress());
        QVERIFY(unreachable.answered.isEmpty());
        QCOMPARE(unreachable.failed.keys(), QList<QString>{group});
        QCOMPARE(unreachable.failed.value(group).name, QStringLiteral("_TRANSPORT"));
    }
};

QTEST_GUILESS_MAIN(TestDirectBrokerRequests)
#include "tst_direct_broker_requests.moc"
