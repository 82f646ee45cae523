// SPDX-License-Identifier: GPL-3.0-or-later
// RdKafkaClusterAdmin against the sandbox with real librdkafka consumers: every
// write answered as Kafka answers it (admin commits only while Empty,
// NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND, GROUP_SUBSCRIBED_TO_TOPIC, LeaveGroup v3
// by group.instance.id), read back through RdKafkaClusterClient and the
// coordinator's own view, and a triggered rebalance seen from the real members.

#include "FutureWait.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/connection/ConnectionProfile.h"
#include "core/kafka/RdKafkaClusterAdmin.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/session/ClusterSession.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/KafkaWireClient.h"
#include "core/wire/WireGroupMember.h"

#include <QSet>
#include <QTest>

#include <functional>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

// Waits for a future while every consumer given keeps polling (heartbeats and
// rebalance callbacks are served from poll()).
template<typename T>
T waitPollingAll(QFuture<T> f, const QList<GroupConsumer *> &consumers)
{
    while (!f.isFinished()) {
        for (GroupConsumer *c : consumers)
            c->poll(10);
        if (consumers.isEmpty())
            QTest::qWait(10);
    }
    return f.result();
}

// Polls the consumers until done() holds or timeoutMs passed.
bool pollUntil(const QList<GroupConsumer *> &consumers, const std::function<bool()> &done, int timeoutMs = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        for (GroupConsumer *c : consumers)
            c->poll(20);
    }
    return true;
}

QHash<TopicPartition, qint64> asMap(const GroupOffsets &offsets)
{
    QHash<TopicPartition, qint64> out;
    for (const CommittedOffset &c : offsets.offsets)
        out.insert(c.tp, c.offset);
    return out;
}

QStringList memberIds(const sandbox::SandboxGroupInfo &info)
{
    QStringList out;
    for (const auto &m : info.members)
        out << m.memberId;
    out.sort();
    return out;
}

}   // namespace

class TestClusterAdmin : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxCluster> cluster;
    std::shared_ptr<RdKafkaClusterClient> client;
    std::shared_ptr<ClusterAdmin> admin;
    QString bootstrap;

    Result<QHash<TopicPartition, qint64>> committed(const QString &group, const QList<GroupConsumer *> &keepAlive = {})
    {
        const auto got = waitPollingAll(client->fetchCommittedOffsets({{group, {}}}), keepAlive);
        if (!got)
            return got.error();
        if (got->failed.contains(group))
            return got->failed.value(group);
        return asMap(got->offsets.value(group));
    }

private Q_SLOTS:
    void initTestCase()
    {
        cluster = startSandbox();
        QVERIFY(cluster);
        bootstrap = cluster->bootstrapServers();
        QVERIFY(cluster->createTopic(u"orders"_s, 3));
        QVERIFY(cluster->createTopic(u"payments"_s, 2));
        QCOMPARE(produceMessages(bootstrap, u"orders"_s, 0, 100), QString());
        QCOMPARE(produceMessages(bootstrap, u"orders"_s, 1, 50), QString());
        QCOMPARE(produceMessages(bootstrap, u"payments"_s, 0, 10), QString());
        auto made = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, bootstrap}}, 10000);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        client = made.value();
        QVERIFY(waitPolling(client->fetchMetadata()).ok());
        admin = RdKafkaClusterAdmin::create(client);
        QVERIFY(admin);
    }

    void cleanupTestCase()
    {
        admin.reset();
        client.reset();
        cluster.reset();
    }

    void commitOnAnEmptyGroupReadsBackExactly()
    {
        {   // A consumer reads, commits and leaves: the group is Empty with offsets.
            GroupConsumer c(bootstrap, u"reset-me"_s, {u"orders"_s});
            QVERIFY(pollUntil({&c}, [&] { return c.assignment().size() == 3; }));
            QCOMPARE(c.commit(u"orders"_s, {{0, 10}, {1, 20}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        }
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(u"reset-me"_s).state, u"Empty"_s, 10000);

        const QHash<TopicPartition, qint64> plan{{{u"orders"_s, 0}, 42}, {{u"orders"_s, 1}, 0}, {{u"orders"_s, 2}, 7}};
        const auto result = waitPolling(admin->commitOffsets(u"reset-me"_s, plan));
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result->size(), 3);
        for (const PartitionWriteOutcome &o : result.value()) {
            QVERIFY2(!o.error, qPrintable(o.error.toString()));
            QCOMPARE(o.offset, plan.value(o.tp));
        }
        const auto back = committed(u"reset-me"_s);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), plan);
        QCOMPARE(cluster->committedOffset(u"reset-me"_s, u"orders"_s, 0), 42);
        QCOMPARE(cluster->committedOffset(u"reset-me"_s, u"orders"_s, 1), 0);
    }

    // What the window does: a session opened from a saved connection. A
    // writable one gets the real write side (an admin commit lands on the
    // broker); a read-only one refuses in core and nothing reaches the broker.
    void sessionFromAProfileWritesOnlyWhenWritable()
    {
        ConnectionProfile profile;
        profile.name = u"sandbox"_s;
        profile.bootstrapServers = bootstrap;
        QObject context;

        profile.readOnly = true;
        const qint64 commitsBefore = cluster->requestCount(ApiKey::OffsetCommit);
        auto readOnly = waitPolling(ClusterSession::open(profile, {}, &context));
        QVERIFY2(readOnly.ok(), qPrintable(readOnly.error().toString()));
        const Result<ClusterAdmin *> refused = readOnly.value()->admin();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().name, u"_READ_ONLY"_s);
        QCOMPARE(cluster->requestCount(ApiKey::OffsetCommit), commitsBefore);

        profile.readOnly = false;
        auto writable = waitPolling(ClusterSession::open(profile, {}, &context));
        QVERIFY2(writable.ok(), qPrintable(writable.error().toString()));
        const Result<ClusterAdmin *> granted = writable.value()->admin();
        QVERIFY2(granted.ok(), qPrintable(granted.error().toString()));
        const auto written = waitPolling(granted.value()->commitOffsets(u"session-written"_s, {{{u"payments"_s, 1}, 3}}));
        QVERIFY2(written.ok(), qPrintable(written.error().toString()));
        QCOMPARE(cluster->committedOffset(u"session-written"_s, u"payments"_s, 1), 3);
        QCOMPARE(cluster->requestCount(ApiKey::OffsetCommit), commitsBefore + 1);
    }

    void commitWhileAConsumerIsActiveIsRefused()
    {
        GroupConsumer c(bootstrap, u"busy"_s, {u"orders"_s});
        QVERIFY(pollUntil({&c}, [&] { return c.assignment().size() == 3 && cluster->groupInfo(u"busy"_s).state == u"Stable"_s; }));
        QCOMPARE(c.commit(u"orders"_s, {{0, 5}}), RD_KAFKA_RESP_ERR_NO_ERROR);

        const auto result = waitPolling(admin->commitOffsets(u"busy"_s, {{{u"orders"_s, 0}, 99}, {{u"orders"_s, 1}, 99}}), &c);
        // Kafka refuses an admin commit (generation -1, no member id) to a
        // group with members with UNKNOWN_MEMBER_ID, partition by partition.
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result->size(), 2);
        for (const PartitionWriteOutcome &o : result.value()) {
            QCOMPARE(o.error.name, u"UNKNOWN_MEMBER_ID"_s);
            QCOMPARE(o.error.code, 25);
            QVERIFY2(o.error.hint.contains(u"stop its consumers"_s), qPrintable(o.error.hint));
        }
        QCOMPARE(cluster->committedOffset(u"busy"_s, u"orders"_s, 0), 5);
        QCOMPARE(cluster->committedOffset(u"busy"_s, u"orders"_s, 1), -1);
    }

    void deleteGroupOnlyWhenEmpty()
    {
        GroupConsumer live(bootstrap, u"doomed"_s, {u"orders"_s});
        QVERIFY(pollUntil({&live}, [&] { return live.assignment().size() == 3; }));
        QCOMPARE(live.commit(u"orders"_s, {{0, 3}}), RD_KAFKA_RESP_ERR_NO_ERROR);

        const auto nonEmpty = waitPolling(admin->deleteGroup(u"doomed"_s), &live);
        QVERIFY(!nonEmpty.ok());
        QCOMPARE(nonEmpty.error().name, u"NON_EMPTY_GROUP"_s);
        QCOMPARE(nonEmpty.error().code, 68);
        QVERIFY(!nonEmpty.error().hint.isEmpty());

        const auto unknown = waitPolling(admin->deleteGroup(u"never-existed"_s));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().name, u"GROUP_ID_NOT_FOUND"_s);
        QCOMPARE(unknown.error().code, 69);
        QVERIFY(unknown.error().hint.contains(u"refresh"_s));

        live.close();
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(u"doomed"_s).state, u"Empty"_s, 10000);
        const auto deleted = waitPolling(admin->deleteGroup(u"doomed"_s));
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        const auto groups = waitPolling(client->listGroups());
        QVERIFY(groups.ok());
        QVERIFY(groups->failedBrokers.isEmpty());
        for (const GroupListing &g : groups->groups)
            QVERIFY(g.groupId != u"doomed"_s);
        QCOMPARE(cluster->committedOffset(u"doomed"_s, u"orders"_s, 0), -1);
    }

    void deleteOffsetsOfSubscribedAndUnsubscribedTopics()
    {
        {   // Offsets on both topics, then the group moves on to orders alone.
            GroupConsumer both(bootstrap, u"moved-on"_s, {u"orders"_s, u"payments"_s});
            QVERIFY(pollUntil({&both}, [&] { return both.assignment().size() == 5; }));
            QCOMPARE(both.commit(u"orders"_s, {{0, 11}, {2, 12}}), RD_KAFKA_RESP_ERR_NO_ERROR);
            QCOMPARE(both.commit(u"payments"_s, {{0, 4}, {1, 0}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        }
        GroupConsumer ordersOnly(bootstrap, u"moved-on"_s, {u"orders"_s});
        QVERIFY(pollUntil({&ordersOnly},
                          [&] { return ordersOnly.assignment().size() == 3 && cluster->groupInfo(u"moved-on"_s).state == u"Stable"_s; }));

        const auto subscribed = waitPolling(admin->deleteOffsets(u"moved-on"_s, {u"orders"_s}), &ordersOnly);
        QVERIFY2(subscribed.ok(), qPrintable(subscribed.error().toString()));
        // Only the partitions with offsets are asked about: orders-0 and orders-2.
        QCOMPARE(subscribed->size(), 2);
        QCOMPARE(subscribed->at(0).tp, (TopicPartition{u"orders"_s, 0}));
        QCOMPARE(subscribed->at(1).tp, (TopicPartition{u"orders"_s, 2}));
        for (const PartitionWriteOutcome &o : subscribed.value()) {
            QCOMPARE(o.error.name, u"GROUP_SUBSCRIBED_TO_TOPIC"_s);
            QCOMPARE(o.error.code, 86);
            QVERIFY(o.error.hint.contains(u"subscribe"_s));
        }

        const auto unsubscribed = waitPolling(admin->deleteOffsets(u"moved-on"_s, {u"payments"_s}), &ordersOnly);
        QVERIFY2(unsubscribed.ok(), qPrintable(unsubscribed.error().toString()));
        QCOMPARE(unsubscribed->size(), 2);
        for (const PartitionWriteOutcome &o : unsubscribed.value())
            QVERIFY2(!o.error, qPrintable(o.error.toString()));

        const auto back = committed(u"moved-on"_s, {&ordersOnly});
        QVERIFY(back.ok());
        QCOMPARE(back.value(), (QHash<TopicPartition, qint64>{{{u"orders"_s, 0}, 11}, {{u"orders"_s, 2}, 12}}));
    }

    void removeAStaticMemberAndAnUnknownOne()
    {
        GroupConsumer fixed(bootstrap, u"statics"_s, {u"orders"_s}, {{u"group.instance.id"_s, u"inventory-1"_s}});
        GroupConsumer dynamic(bootstrap, u"statics"_s, {u"orders"_s});
        QVERIFY(pollUntil({&fixed, &dynamic}, [&] {
            const auto info = cluster->groupInfo(u"statics"_s);
            return info.state == u"Stable"_s && info.members.size() == 2 && fixed.assignment().size() + dynamic.assignment().size() == 3;
        }));
        const auto before = cluster->groupInfo(u"statics"_s);
        QString staticMemberId;
        for (const auto &m : before.members)
            if (m.groupInstanceId == u"inventory-1"_s)
                staticMemberId = m.memberId;
        QVERIFY(!staticMemberId.isEmpty());

        const QList<MemberRef> targets{{QString(), u"inventory-1"_s}, {u"nobody-1234"_s, QString()}};
        const auto result = waitPollingAll(admin->removeMembers(u"statics"_s, targets), {&dynamic});
        QVERIFY2(result.ok(), qPrintable(result.error().toString()));
        QCOMPARE(result->size(), 2);
        QCOMPARE(result->at(0).member.groupInstanceId, u"inventory-1"_s);
        QVERIFY2(!result->at(0).error, qPrintable(result->at(0).error.toString()));
        QCOMPARE(result->at(1).member.memberId, u"nobody-1234"_s);
        QCOMPARE(result->at(1).error.name, u"UNKNOWN_MEMBER_ID"_s);
        QVERIFY2(result->at(1).error.hint.contains(u"not in the group"_s), qPrintable(result->at(1).error.hint));

        // Gone at once, and the group rebalances (the static member may come back, under a new member id).
        const auto after = cluster->groupInfo(u"statics"_s);
        QVERIFY(!memberIds(after).contains(staticMemberId));
        QVERIFY(after.generationId > before.generationId || after.state == u"PreparingRebalance"_s);
        QVERIFY(pollUntil({&dynamic}, [&] { return cluster->groupInfo(u"statics"_s).generationId > before.generationId; }));
    }

    void removeMembersNeedsOwnConnections()
    {
        auto librdkafkaOnly
            = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, bootstrap}}, 10000, RdKafkaClusterClient::OwnConnections::Never)
                  .value();
        auto restricted = RdKafkaClusterAdmin::create(librdkafkaOnly);
        // Said before anything is sent (the Group menu asks this), in the words the calls refuse with.
        const KafkaError refusal = restricted->groupProtocolRefusal();
        QCOMPARE(refusal.name, u"_NOT_IMPLEMENTED"_s);
        QVERIFY(refusal.message.contains(u"needs Cohort's own connections"_s));
        QVERIFY(!admin->groupProtocolRefusal().isError());   // the PLAINTEXT one
        const auto removed = waitPolling(restricted->removeMembers(u"statics"_s, {{u"m-1"_s, QString()}}));
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().name, u"_NOT_IMPLEMENTED"_s);
        QVERIFY(removed.error().message.contains(u"needs Cohort's own connections"_s));
        const auto triggered = waitPolling(restricted->triggerRebalance(u"statics"_s, u"consumer"_s, u"range"_s));
        QVERIFY(!triggered.ok());
        QCOMPARE(triggered.error().name, u"_NOT_IMPLEMENTED"_s);
    }

    void triggerRebalanceKeepsEveryRealMember()
    {
        const QString group = u"rebalance-me"_s;
        GroupConsumer a(bootstrap, group, {u"orders"_s}, {{u"client.id"_s, u"worker-a"_s}});
        GroupConsumer b(bootstrap, group, {u"orders"_s}, {{u"client.id"_s, u"worker-b"_s}});
        QVERIFY(pollUntil({&a, &b}, [&] {
            const auto info = cluster->groupInfo(group);
            return info.state == u"Stable"_s && info.members.size() == 2 && a.assignment().size() + b.assignment().size() == 3;
        }));
        QVERIFY(pollUntil({&a, &b}, [&] { return a.received() + b.received() == 150; }));
        QCOMPARE(a.commit(u"orders"_s, {{0, 1}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        const auto before = cluster->groupInfo(group);
        const qint64 commitsBefore = cluster->requestCount(ApiKey::OffsetCommit);
        const auto offsetsBefore = committed(group, {&a, &b});
        QVERIFY(offsetsBefore.ok());

        const auto report = waitPollingAll(admin->triggerRebalance(group, u"consumer"_s, u"range"_s), {&a, &b});
        QVERIFY2(report.ok(), qPrintable(report.error().toString()));
        QCOMPARE(report->stateBefore, GroupState::Stable);
        QCOMPARE(report->membersBefore, 2);
        // The join round added one generation; the leave another.
        QCOMPARE(report->generationJoined, before.generationId + 1);
        QCOMPARE(report->generationBefore, before.generationId);
        QVERIFY(report->joinedAfterMs >= 0);
        QVERIFY(report->totalMs >= report->joinedAfterMs);

        QVERIFY(pollUntil({&a, &b}, [&] {
            const auto info = cluster->groupInfo(group);
            return info.state == u"Stable"_s && info.generationId >= before.generationId + 2
                   && a.assignment().size() + b.assignment().size() == 3;
        }));
        const auto after = cluster->groupInfo(group);
        QCOMPARE(memberIds(after), memberIds(before));   // the same two real members, nobody else
        for (const auto &m : after.members)
            QVERIFY(m.clientId != u"cohort-rebalance-trigger"_s);
        QCOMPARE(cluster->requestCount(ApiKey::OffsetCommit), commitsBefore);   // the temporary member never commits
        QCOMPARE(committed(group, {&a, &b}).value(), offsetsBefore.value());

        // Both members go on consuming every partition (after a rebalance a
        // partition is read again from its committed offset, so count by value).
        QCOMPARE(produceMessages(bootstrap, u"orders"_s, -1, 30, u"after"_s), QString());
        auto afterTrigger = [&] {
            QSet<QByteArray> seen;
            for (const GroupConsumer *c : {&a, &b})
                for (const QByteArray &m : c->messages())
                    if (m.startsWith("after-"))
                        seen.insert(m);
            return seen.size();
        };
        QVERIFY(pollUntil({&a, &b}, [&] { return afterTrigger() == 30; }));
        QVERIFY(!a.assignment().isEmpty());
        QVERIFY(!b.assignment().isEmpty());
    }

    void triggerRebalanceOfAnotherProtocolType()
    {
        const QString group = u"connect-cluster"_s;
        auto options = [&](const QString &clientId) {
            WireGroupMember::Options o;
            o.groupId = group;
            o.clientId = clientId;
            o.protocolType = u"connect"_s;
            o.protocols = {{u"sessioned"_s, clientId.toUtf8()}};
            o.sessionTimeoutMs = 6000;
            o.heartbeatIntervalMs = 200;
            return o;
        };
        WireGroupMember a(options(u"connect-a"_s));
        WireGroupMember b(options(u"connect-b"_s));
        const quint16 port = cluster->brokerPort(cluster->brokerIds().first());
        a.start(u"127.0.0.1"_s, port);
        b.start(u"127.0.0.1"_s, port);
        QTRY_VERIFY_WITH_TIMEOUT(cluster->groupInfo(group).state == u"Stable"_s && cluster->groupInfo(group).members.size() == 2, 30000);
        const auto before = cluster->groupInfo(group);

        const auto report = waitPolling(admin->triggerRebalance(group, u"connect"_s, u"sessioned"_s));
        QVERIFY2(report.ok(), qPrintable(report.error().toString()));
        QCOMPARE(report->membersBefore, 2);
        QCOMPARE(report->generationJoined, before.generationId + 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            cluster->groupInfo(group).state == u"Stable"_s && cluster->groupInfo(group).generationId >= before.generationId + 2, 30000);
        QCOMPARE(memberIds(cluster->groupInfo(group)), memberIds(before));
        a.leave();
        b.leave();
    }

    void triggerRebalanceWithAForeignAssignorIsRefused()
    {
        const QString group = u"picky"_s;
        GroupConsumer c(bootstrap, group, {u"orders"_s});
        QVERIFY(pollUntil({&c}, [&] { return c.assignment().size() == 3 && cluster->groupInfo(group).state == u"Stable"_s; }));
        const auto before = cluster->groupInfo(group);
        // No member offers "sticky-deluxe": Kafka refuses the join with INCONSISTENT_GROUP_PROTOCOL.
        const auto report = waitPollingAll(admin->triggerRebalance(group, u"consumer"_s, u"sticky-deluxe"_s), {&c});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().name, u"INCONSISTENT_GROUP_PROTOCOL"_s);
        QCOMPARE(report.error().code, 23);
        QVERIFY(report.error().hint.contains(u"assignor"_s));
        QVERIFY(pollUntil({&c}, [&] { return cluster->groupInfo(group).state == u"Stable"_s; }));
        QCOMPARE(memberIds(cluster->groupInfo(group)), memberIds(before));
        QCOMPARE(cluster->groupInfo(group).generationId, before.generationId);
    }

    void triggerRebalanceGivesUpWhenAMemberNeverRejoins()
    {
        // A member that joined by hand and then went silent (no heartbeats, a
        // long session and rebalance timeout): the round the trigger starts
        // waits for it far longer than the client's timeout.
        const QString group = u"stuck"_s;
        KafkaWireClient wire;
        wire.setClientId(u"silent-member"_s);
        wire.connectToBroker(u"127.0.0.1"_s, cluster->brokerPort(cluster->coordinatorOf(group)));
        JoinGroupRequest join;
        join.groupId = group;
        join.sessionTimeoutMs = 60000;
        join.rebalanceTimeoutMs = 60000;
        join.protocolType = u"connect"_s;
        join.protocols = {{u"sessioned"_s, {}}};
        for (int attempt = 0; attempt < 2; ++attempt) {   // the second time with the id MEMBER_ID_REQUIRED gave
            const auto body = wire.request(ApiKey::JoinGroup, 5, GroupApiCodec::encode(join, 5), 10000);
            QVERIFY2(body, qPrintable(body.error()));
            ByteReader r(*body);
            const auto joined = GroupApiCodec::decodeJoinGroupResponse(r, 5);
            QVERIFY(joined);
            join.memberId = joined->memberId;
            if (attempt == 1) {
                QCOMPARE(joined->errorCode, qint16(ErrorCode::None));
                const SyncGroupRequest sync{group, joined->generationId, join.memberId, std::nullopt, {{join.memberId, {}}}};
                QVERIFY(wire.request(ApiKey::SyncGroup, 3, GroupApiCodec::encode(sync, 3), 10000));
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(group).state, u"Stable"_s, 10000);

        auto quick = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, bootstrap}}, 1500).value();
        auto quickAdmin = RdKafkaClusterAdmin::create(quick);
        const auto report = waitPolling(quickAdmin->triggerRebalance(group, u"connect"_s, u"sessioned"_s));
        QVERIFY(!report.ok());
        QCOMPARE(report.error().name, u"_TIMED_OUT"_s);
        QVERIFY(!report.error().hint.isEmpty());
        // The rebalance goes on without it: the temporary member left over a
        // connection of its own, its JoinGroup still unanswered.
        const auto info = cluster->groupInfo(group);
        QCOMPARE(info.state, u"PreparingRebalance"_s);
        QCOMPARE(info.members.size(), 1);
        QCOMPARE(info.members.first().memberId, join.memberId);
    }

    void ownConnectionsAuthenticateWithSaslPlain()
    {
        auto config = testConfig();
        config.saslPlainUsers.insert(u"alice"_s, u"secret"_s);
        auto secured = startSandbox(config);
        QVERIFY(secured);
        const Properties auth{{u"security.protocol"_s, u"SASL_PLAINTEXT"_s},
                              {u"sasl.mechanisms"_s, u"PLAIN"_s},
                              {u"sasl.username"_s, u"alice"_s},
                              {u"sasl.password"_s, u"secret"_s}};
        QVERIFY(secured->createTopic(u"ledger"_s, 2));
        GroupConsumer c(secured->bootstrapServers(), u"auditors"_s, {u"ledger"_s}, auth);
        QVERIFY(pollUntil({&c}, [&] { return c.assignment().size() == 2 && secured->groupInfo(u"auditors"_s).state == u"Stable"_s; }));
        const int generation = secured->groupInfo(u"auditors"_s).generationId;

        auto securedClient = RdKafkaClusterClient::create(Properties{{u"bootstrap.servers"_s, secured->bootstrapServers()}} + auth).value();
        auto securedAdmin = RdKafkaClusterAdmin::create(securedClient);
        QVERIFY(!securedAdmin->groupProtocolRefusal().isError());   // SASL_PLAINTEXT with PLAIN: Cohort speaks it
        const auto report = waitPollingAll(securedAdmin->triggerRebalance(u"auditors"_s, u"consumer"_s, u"range"_s), {&c});
        QVERIFY2(report.ok(), qPrintable(report.error().toString()));
        QCOMPARE(report->generationJoined, generation + 1);
        const auto removed = waitPollingAll(securedAdmin->removeMembers(u"auditors"_s, {{u"ghost"_s, QString()}}), {&c});
        QVERIFY2(removed.ok(), qPrintable(removed.error().toString()));
        QCOMPARE(removed->first().error.name, u"UNKNOWN_MEMBER_ID"_s);
        QVERIFY(pollUntil({&c}, [&] { return secured->groupInfo(u"auditors"_s).state == u"Stable"_s; }));
        QCOMPARE(secured->groupInfo(u"auditors"_s).members.size(), 1);
    }

    void triggerRebalanceOfAGroupWithoutMembersIsRefused()
    {
        const auto report = waitPolling(admin->triggerRebalance(u"reset-me"_s, u"consumer"_s, u"range"_s));
        QVERIFY(!report.ok());
        QVERIFY(report.error().message.contains(u"no active members"_s));
        QCOMPARE(cluster->groupInfo(u"reset-me"_s).state, u"Empty"_s);
    }
};

QTEST_GUILESS_MAIN(TestClusterAdmin)
#include "tst_cluster_admin.moc"
