// SPDX-License-Identifier: GPL-3.0-or-later
// Lag maths and snapshot assembly with exact numbers.

#include "core/snapshot/SnapshotBuilder.h"
#include "core/wire/ConsumerProtocolDecoder.h"

#include <QTest>

using namespace cohort;

class TestSnapshotBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lagOfAPartition()
    {
        QCOMPARE(SnapshotBuilder::lagOf(10, 25), std::optional<qint64>(15));
        QCOMPARE(SnapshotBuilder::lagOf(std::nullopt, 25), std::nullopt);   // no commit: unknown, not 0 or 25
        QCOMPARE(SnapshotBuilder::lagOf(10, std::nullopt), std::nullopt);
        QCOMPARE(SnapshotBuilder::lagOf(30, 25), std::optional<qint64>(-5));   // after a truncation: kafka-consumer-groups.sh shows -5
        QCOMPARE(SnapshotBuilder::lagOf(-1, 25), std::nullopt);
    }

    void groupsOwnersTopicsAndTotals()
    {
        SnapshotBuilder::Input in;
        in.metadata.brokers = {BrokerInfo{1, QStringLiteral("h"), 1, {}}};
        in.listings = {GroupListing{QStringLiteral("g1"), QStringLiteral("consumer"), GroupState::Unknown, 1},
                       GroupListing{QStringLiteral("g0-empty"), QStringLiteral("consumer"), GroupState::Unknown, 1},
                       GroupListing{QStringLiteral("connect"), QStringLiteral("connect"), GroupState::Unknown, 1}};
        GroupDescription g1;
        g1.groupId = QStringLiteral("g1");
        g1.state = GroupState::Stable;
        g1.protocolType = QStringLiteral("consumer");
        g1.protocol = QStringLiteral("range");
        GroupMember m;
        m.memberId = QStringLiteral("m1");
        m.clientId = QStringLiteral("c1");
        ConsumerSubscription sub;
        sub.version = 2;
        sub.topics = {QStringLiteral("t")};
        sub.generationId = 7;
        m.rawMetadata = ConsumerProtocolDecoder::encodeSubscription(sub);
        m.rawAssignment
            = ConsumerProtocolDecoder::encodeAssignment(ConsumerAssignment{0, {{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}}, {}});
        g1.members = {m};
        GroupDescription connect;
        connect.groupId = QStringLiteral("connect");
        connect.protocolType = QStringLiteral("connect");
        connect.members = {GroupMember{QStringLiteral("w1"), QStringLiteral("worker"), {}, {}, QByteArrayLiteral("{json}"), {}}};
        in.descriptions = {g1, connect};
        in.offsets.insert(QStringLiteral("g1"), GroupOffsets{QStringLiteral("g1"),
                                                             {CommittedOffset{{QStringLiteral("t"), 0}, 40, -1, QStringLiteral("meta")},
                                                              CommittedOffset{{QStringLiteral("u"), 0}, 5, -1, {}}}});
        in.offsets.insert(QStringLiteral("g0-empty"),
                          GroupOffsets{QStringLiteral("g0-empty"), {CommittedOffset{{QStringLiteral("t"), 1}, 90, -1, {}}}});
        in.watermarks.insert({QStringLiteral("t"), 0}, Watermarks{0, 100});
        in.watermarks.insert({QStringLiteral("t"), 1}, Watermarks{0, 100});
        in.watermarks.insert({QStringLiteral("u"), 0}, Watermarks{0, 5});

        const auto needed = SnapshotBuilder::partitionsNeedingWatermarks(in.metadata, in.descriptions, in.offsets);
        QCOMPARE(needed, (QList<TopicPartition>{{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}, {QStringLiteral("u"), 0}}));
        {   // every partition of every topic, read or not; internal topics only when read
            ClusterMetadata md;
            md.topics = {TopicInfo{QStringLiteral("idle"), false, {PartitionInfo{0, 1, {}, 0}, PartitionInfo{1, 2, {}, 0}}, 0},
                         TopicInfo{QStringLiteral("__consumer_offsets"), true, {PartitionInfo{0, 1, {}, 0}}, 0}};
            const auto all = SnapshotBuilder::partitionsNeedingWatermarks(md, in.descriptions, in.offsets);
            QCOMPARE(all, (QList<TopicPartition>{{QStringLiteral("idle"), 0},
                                                 {QStringLiteral("idle"), 1},
                                                 {QStringLiteral("t"), 0},
                                                 {QStringLiteral("t"), 1},
                                                 {QStringLiteral("u"), 0}}));
        }

        const ClusterSnapshot s = SnapshotBuilder::build(in);
        QCOMPARE(s.groups.size(), 3);
        QCOMPARE(s.groups.at(0).groupId(), QStringLiteral("connect"));   // sorted by id
        const GroupSnapshot *g = s.group(QStringLiteral("g1"));
        QVERIFY(g);
        QCOMPARE(g->generationId, 7);
        QCOMPARE(g->partitions.size(), 3);   // two assigned + one committed elsewhere
        QCOMPARE(g->ownerOf(g->partitions.at(0))->clientId, QStringLiteral("c1"));
        QCOMPARE(g->partitions.at(0).lag, std::optional<qint64>(60));
        QCOMPARE(g->commitMetadataOf(g->partitions.at(0).tp), QStringLiteral("meta"));
        QCOMPARE(g->partitions.at(1).lag, std::nullopt);   // assigned, never committed
        QCOMPARE(g->partitions.at(2).tp.topic, QStringLiteral("u"));
        QCOMPARE(g->partitions.at(2).lag, std::optional<qint64>(0));
        QCOMPARE(g->ownerOf(g->partitions.at(2)), nullptr);   // committed, unassigned
        QCOMPARE(g->totalLag, std::optional<qint64>(60));
        QCOMPARE(g->unknownLagPartitions, 1);
        QCOMPARE(g->topics.size(), 2);
        QCOMPARE(g->topics.at(0).lag, std::optional<qint64>(60));
        QCOMPARE(g->topics.at(0).unknownLagPartitions, 1);

        const GroupSnapshot *empty = s.group(QStringLiteral("g0-empty"));
        QCOMPARE(empty->totalLag, std::optional<qint64>(10));
        QCOMPARE(empty->description.members.size(), 0);

        const GroupSnapshot *c = s.group(QStringLiteral("connect"));
        QVERIFY(!c->description.members.first().subscription);   // not decoded: other protocol type
        QCOMPARE(c->description.members.first().rawMetadata, QByteArrayLiteral("{json}"));
        QCOMPARE(c->totalLag, std::nullopt);
    }

    // The loader sums each metadata topic's end offsets once (the Topics
    // page and the produce rate read the sums, not a hundred thousand
    // watermarks on the GUI thread); a partition without a watermark is
    // counted apart, and a snapshot made without the sums computes the same.
    void topicEndOffsetsAreSummedPerTopic()
    {
        SnapshotBuilder::Input in;
        in.metadata.topics = {TopicInfo{QStringLiteral("t"), false, {PartitionInfo{0, 1, {}, 0}, PartitionInfo{1, 1, {}, 0}}, 0},
                              TopicInfo{QStringLiteral("half"), false, {PartitionInfo{0, 1, {}, 0}, PartitionInfo{1, -1, {}, 0}}, 0},
                              TopicInfo{QStringLiteral("dark"), false, {PartitionInfo{0, -1, {}, 0}}, 0}};
        in.watermarks.insert({QStringLiteral("t"), 0}, Watermarks{3, 100});
        in.watermarks.insert({QStringLiteral("t"), 1}, Watermarks{0, 42});
        in.watermarks.insert({QStringLiteral("half"), 0}, Watermarks{0, 9});
        in.watermarks.insert({QStringLiteral("half"), 1}, Watermarks{-1, -1});   // leader down
        const ClusterSnapshot s = SnapshotBuilder::build(in);
        QCOMPARE(s.topicEnds.size(), 3);
        const TopicEnds t = s.topicEnds.value(QStringLiteral("t"));
        QCOMPARE(t.knownSum, 142);
        QCOMPARE(t.knownPartitions, 2);
        QCOMPARE(t.unknownPartitions, 0);
        QVERIFY(t.allKnown());
        const TopicEnds half = s.topicEnds.value(QStringLiteral("half"));
        QCOMPARE(half.knownSum, 9);
        QCOMPARE(half.unknownPartitions, 1);
        QVERIFY(!half.allKnown());
        const TopicEnds dark = s.topicEnds.value(QStringLiteral("dark"));
        QCOMPARE(dark.knownPartitions, 0);
        QCOMPARE(dark.unknownPartitions, 1);
        QVERIFY(!dark.allKnown());

        ClusterSnapshot handMade = s;
        handMade.topicEnds.clear();
        for (const TopicInfo &topic : std::as_const(s.metadata.topics)) {
            QCOMPARE(handMade.endsOf(topic).knownSum, s.endsOf(topic).knownSum);
            QCOMPARE(handMade.endsOf(topic).unknownPartitions, s.endsOf(topic).unknownPartitions);
        }
    }

    // A committed offset past the log end (the topic was truncated or
    // recreated) shows its negative lag per partition, as
    // kafka-consumer-groups.sh does, and is counted apart: it neither hides
    // the real lag of the other partitions in the total nor reads as 0.
    void commitAheadOfTheLogEndIsCountedApart()
    {
        SnapshotBuilder::Input in;
        in.listings = {GroupListing{QStringLiteral("g"), QStringLiteral("consumer"), GroupState::Empty, 1}};
        in.offsets.insert(QStringLiteral("g"), GroupOffsets{QStringLiteral("g"),
                                                            {CommittedOffset{{QStringLiteral("t"), 0}, 90, -1, {}},
                                                             CommittedOffset{{QStringLiteral("t"), 1}, 500, -1, {}},
                                                             CommittedOffset{{QStringLiteral("v"), 0}, 7, -1, {}}}});
        in.watermarks.insert({QStringLiteral("t"), 0}, Watermarks{0, 100});
        in.watermarks.insert({QStringLiteral("t"), 1}, Watermarks{0, 20});   // recreated: the log starts over
        in.watermarks.insert({QStringLiteral("v"), 0}, Watermarks{0, 7});
        const ClusterSnapshot s = SnapshotBuilder::build(in);
        const GroupSnapshot *g = s.group(QStringLiteral("g"));
        QVERIFY(g);
        QCOMPARE(g->partitions.size(), 3);
        QCOMPARE(g->partitions.at(0).lag, std::optional<qint64>(10));
        QCOMPARE(g->partitions.at(1).lag, std::optional<qint64>(-480));
        QVERIFY(g->partitions.at(1).committedAheadOfEnd());
        QVERIFY(!g->partitions.at(0).committedAheadOfEnd());
        QVERIFY(!g->partitions.at(2).committedAheadOfEnd());   // caught up exactly: lag 0
        QCOMPARE(g->totalLag, std::optional<qint64>(10));
        QCOMPARE(g->aheadOfEndPartitions, 1);
        QCOMPARE(g->unknownLagPartitions, 0);
        QCOMPARE(g->topics.at(0).topic, QStringLiteral("t"));
        QCOMPARE(g->topics.at(0).lag, std::optional<qint64>(10));
        QCOMPARE(g->topics.at(0).aheadOfEndPartitions, 1);
        QCOMPARE(g->topics.at(1).aheadOfEndPartitions, 0);
    }

    void aGroupThatIsNotClassicTakesItsListing()
    {
        // Kafka 4.4 answers DescribeGroups v4 for a KIP-848 consumer group
        // with state Dead, no members and no error (kafka-protocol.md §8);
        // ListGroups v5 says what it is.
        SnapshotBuilder::Input in;
        in.listings = {GroupListing{QStringLiteral("kip848"), QStringLiteral("consumer"), GroupState::Reconciling, 2, GroupType::Consumer},
                       GroupListing{QStringLiteral("classic"), QStringLiteral("consumer"), GroupState::Empty, 1, GroupType::Classic}};
        GroupDescription dead;
        dead.groupId = QStringLiteral("kip848");
        dead.state = GroupState::Dead;
        GroupDescription classic;
        classic.groupId = QStringLiteral("classic");
        classic.state = GroupState::Empty;
        classic.protocolType = QStringLiteral("consumer");
        in.descriptions = {dead, classic};
        // No member says what it reads, so every committed partition is asked for.
        const auto requests = SnapshotBuilder::offsetRequests({QStringLiteral("kip848")}, in.descriptions, in.metadata);
        QVERIFY(requests.contains(QStringLiteral("kip848")));
        QVERIFY(requests.value(QStringLiteral("kip848")).isEmpty());
        in.offsets.insert(QStringLiteral("kip848"),
                          GroupOffsets{QStringLiteral("kip848"), {CommittedOffset{{QStringLiteral("t"), 0}, 4, -1, {}}}});
        in.watermarks.insert({QStringLiteral("t"), 0}, Watermarks{0, 5});
        const ClusterSnapshot s = SnapshotBuilder::build(in);
        const GroupSnapshot *g = s.group(QStringLiteral("kip848"));
        QVERIFY(g);
        QCOMPARE(g->description.state, GroupState::Reconciling);
        QCOMPARE(g->description.type, GroupType::Consumer);
        QCOMPARE(g->description.protocolType, QStringLiteral("consumer"));
        QCOMPARE(g->description.coordinatorId, 2);
        QVERIFY(!g->description.describable);
        QVERIFY2(g->description.note.contains(QLatin1String("ConsumerGroupDescribe")), qPrintable(g->description.note));
        QCOMPARE(g->totalLag, std::optional<qint64>(1));
        const GroupSnapshot *c = s.group(QStringLiteral("classic"));
        QVERIFY(c);
        QCOMPARE(c->description.type, GroupType::Classic);
        QVERIFY(c->description.describable);
        QVERIFY(c->description.note.isEmpty());
    }

    void kip848GroupDescribedByConsumerGroupDescribe()
    {
        // ConsumerGroupDescribe's answer (members decoded already, no
        // consumer-protocol bytes) stays as it is against the listing: members,
        // epochs, the broker's assignor, owners per partition and lag per member.
        SnapshotBuilder::Input in;
        in.listings = {GroupListing{QStringLiteral("kip848"), QStringLiteral("consumer"), GroupState::Stable, 2, GroupType::Consumer}};
        GroupDescription d;
        d.groupId = QStringLiteral("kip848");
        d.state = GroupState::Stable;
        d.type = GroupType::Consumer;
        d.protocolType = QStringLiteral("consumer");
        d.protocol = QStringLiteral("uniform");
        d.describedAsConsumerGroup = true;
        d.groupEpoch = 4;
        d.assignmentEpoch = 4;
        d.coordinatorId = 2;
        for (int i = 0; i < 2; ++i) {
            GroupMember m;
            m.memberId = QStringLiteral("m-%1").arg(i);
            m.memberEpoch = 4;
            m.subscription = ConsumerSubscription{0, {QStringLiteral("t")}, {}, {}, -1, {}};
            m.assignment = ConsumerAssignment{0, {{QStringLiteral("t"), i}}, {}};
            m.targetAssignment = QList<TopicPartition>{{QStringLiteral("t"), i}};
            d.members.append(m);
        }
        in.descriptions = {d};
        in.metadata.topics = {TopicInfo{QStringLiteral("t"), false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 1, {1}, 0}}, 0}};
        // The members name their topics: only those partitions are asked for.
        const auto requests = SnapshotBuilder::offsetRequests({QStringLiteral("kip848")}, in.descriptions, in.metadata);
        QCOMPARE(requests.value(QStringLiteral("kip848")).size(), 2);
        in.offsets.insert(QStringLiteral("kip848"),
                          GroupOffsets{QStringLiteral("kip848"), {CommittedOffset{{QStringLiteral("t"), 0}, 4, -1, {}}}});
        in.watermarks.insert({QStringLiteral("t"), 0}, Watermarks{0, 5});
        in.watermarks.insert({QStringLiteral("t"), 1}, Watermarks{0, 7});
        const ClusterSnapshot s = SnapshotBuilder::build(in);
        const GroupSnapshot *g = s.group(QStringLiteral("kip848"));
        QVERIFY(g);
        QVERIFY(g->description.describable);
        QVERIFY(g->description.membersKnown());
        QVERIFY(g->description.note.isEmpty());
        QCOMPARE(g->description.members.size(), 2);
        QCOMPARE(g->description.protocol, QStringLiteral("uniform"));
        QCOMPARE(g->generationId, 4);
        QCOMPARE(g->partitions.size(), 2);   // t-1 is owned but never committed: shown, lag unknown
        QCOMPARE(g->ownerOf(g->partitions.at(0))->memberId, QStringLiteral("m-0"));
        QCOMPARE(g->ownerOf(g->partitions.at(1))->memberId, QStringLiteral("m-1"));
        QCOMPARE(g->partitions.at(0).lag, std::optional<qint64>(1));
        QCOMPARE(g->partitions.at(1).lag, std::nullopt);
        QCOMPARE(g->totalLag, std::optional<qint64>(1));
        QCOMPARE(g->unknownLagPartitions, 1);
    }

    void groupTypesAndStatesAsKafkaSpellsThem()
    {
        // ListGroups v5 sends "consumer"; Kafka's tools print "Consumer" (GroupType.toString).
        QCOMPARE(groupTypeFromString(QStringLiteral("consumer")), GroupType::Consumer);
        QCOMPARE(groupTypeFromString(QStringLiteral("CLASSIC")), GroupType::Classic);
        QCOMPARE(groupTypeFromString(QStringLiteral("streams")), GroupType::Streams);
        QCOMPARE(groupTypeFromString(QStringLiteral("share")), GroupType::Share);
        QCOMPARE(groupTypeFromString(QStringLiteral("")), GroupType::Unknown);
        QCOMPARE(groupTypeToString(GroupType::Consumer), QStringLiteral("Consumer"));
        for (const char *state :
             {"Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead", "Assigning", "Reconciling", "NotReady"})
            QCOMPARE(groupStateToString(groupStateFromString(QString::fromLatin1(state))), QString::fromLatin1(state));
        QCOMPARE(groupStateFromString(QStringLiteral("Rebalancing")), GroupState::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotBuilder)
#include "tst_snapshot_builder.moc"
