// SPDX-License-Identifier: GPL-3.0-or-later
// Core's group-protocol client (WireGroupMember over KafkaWireClient) in a full
// sandbox cluster: it joins with a given protocol type and assignor next to
// real librdkafka consumers and in a group of its own type, DescribeGroups
// (through RdKafkaClusterClient) shows it with that protocol, and after
// leave() it is gone; over SASL/PLAIN it authenticates like librdkafka does.

#include "FutureWait.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/wire/ConsumerProtocolDecoder.h"
#include "core/wire/WireGroupMember.h"

#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

WireGroupMember::Options options(const QString &group, const QString &clientId, const QString &protocolType, const QString &protocol,
                                 const QByteArray &metadata)
{
    WireGroupMember::Options o;
    o.groupId = group;
    o.clientId = clientId;
    o.protocolType = protocolType;
    o.protocols = {{protocol, metadata}};
    o.sessionTimeoutMs = 6000;
    o.rebalanceTimeoutMs = 10000;
    o.heartbeatIntervalMs = 200;
    o.retryBackoffMs = 100;
    return o;
}

quint16 firstPort(const sandbox::SandboxCluster &cluster)
{
    return cluster.brokerPort(cluster.brokerIds().first());
}

const GroupMember *memberById(const GroupDescription &d, const QString &memberId)
{
    for (const GroupMember &m : d.members)
        if (m.memberId == memberId)
            return &m;
    return nullptr;
}

}   // namespace

class TestWireGroupMemberCore : public QObject
{
    Q_OBJECT

    Result<GroupDescription> describe(RdKafkaClusterClient &client, const QString &group, GroupConsumer *keepAlive = nullptr)
    {
        const auto got = waitPolling(client.describeGroups({group}), keepAlive);
        if (!got)
            return got.error();
        if (got->failed.contains(group))
            return got->failed.value(group);
        if (got->groups.size() != 1)
            return KafkaError::make(-1, u"TEST"_s, u"expected one group, got %1"_s.arg(got->groups.size()));
        return got->groups.first();
    }

private Q_SLOTS:
    void joinsAConsumerGroupNextToLibrdkafkaConsumers()
    {
        auto cluster = startSandbox();
        QVERIFY(cluster->createTopic(u"orders"_s, 3));
        const QString group = u"mixed-members"_s;
        // librdkafka's default assignors are range and roundrobin: the group
        // settles on range, which the wire member offers too.
        GroupConsumer real(cluster->bootstrapServers(), group, {u"orders"_s}, {{u"client.id"_s, u"real-consumer"_s}});
        QTRY_VERIFY_WITH_TIMEOUT((real.poll(20), real.assignment().size() == 3), 30000);

        WireGroupMember wire(options(group, u"wire-consumer"_s, u"consumer"_s, u"range"_s,
                                     ConsumerProtocolDecoder::encodeSubscription(ConsumerSubscription{})));
        QSignalSpy joined(&wire, &WireGroupMember::joined);
        QSignalSpy assigned(&wire, &WireGroupMember::assigned);
        wire.start(u"127.0.0.1"_s, firstPort(*cluster));
        QTRY_VERIFY_WITH_TIMEOUT(
            (real.poll(20), !assigned.isEmpty() && wire.generationId() > 0 && cluster->groupInfo(group).state == u"Stable"_s), 30000);
        QVERIFY(!joined.isEmpty());
        QVERIFY(!wire.isLeader());   // the first joiner stays leader

        auto client = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, cluster->bootstrapServers()}}).value();
        QVERIFY(waitPolling(client->fetchMetadata(), &real).ok());
        QVERIFY(waitPolling(client->listGroups(), &real).ok());
        const auto d = describe(*client, group, &real);
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d->protocolType, u"consumer"_s);
        QCOMPARE(d->protocol, u"range"_s);
        QCOMPARE(d->members.size(), 2);
        const GroupMember *me = memberById(d.value(), wire.memberId());
        QVERIFY(me);
        QCOMPARE(me->clientId, u"wire-consumer"_s);
        // Its subscription names no topics, and range gave it no partitions.
        const auto subscription = ConsumerProtocolDecoder::decodeSubscription(me->rawMetadata);
        QVERIFY(subscription.ok());
        QVERIFY(subscription->topics.isEmpty());
        const auto assignment = ConsumerProtocolDecoder::decodeAssignment(me->rawAssignment);
        QVERIFY(assignment.ok());
        QVERIFY(assignment->partitions.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT((real.poll(20), real.assignment().size() == 3), 30000);

        QSignalSpy left(&wire, &WireGroupMember::left);
        wire.leave();
        QTRY_COMPARE_WITH_TIMEOUT((real.poll(20), left.count()), 1, 10000);
        QCOMPARE(left.first().first().toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT((real.poll(20), cluster->groupInfo(group).state == u"Stable"_s), 30000);
        const auto after = describe(*client, group, &real);
        QVERIFY(after.ok());
        QCOMPARE(after->members.size(), 1);
        QVERIFY(!memberById(after.value(), wire.memberId()));
        QCOMPARE(after->members.first().clientId, u"real-consumer"_s);
    }

    void formsAGroupOfAnotherProtocolType()
    {
        auto cluster = startSandbox();
        const QString group = u"connect-workers"_s;
        WireGroupMember a(options(group, u"worker-a"_s, u"connect"_s, u"sessioned"_s, "config-a"_ba));
        WireGroupMember b(options(group, u"worker-b"_s, u"connect"_s, u"sessioned"_s, "config-b"_ba));
        a.start(u"127.0.0.1"_s, firstPort(*cluster));
        b.start(u"127.0.0.1"_s, firstPort(*cluster));
        QTRY_VERIFY_WITH_TIMEOUT(cluster->groupInfo(group).state == u"Stable"_s && cluster->groupInfo(group).members.size() == 2
                                     && a.generationId() == cluster->groupInfo(group).generationId
                                     && b.generationId() == cluster->groupInfo(group).generationId,
                                 30000);

        auto client = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, cluster->bootstrapServers()}}).value();
        QVERIFY(waitPolling(client->fetchMetadata()).ok());
        QVERIFY(waitPolling(client->listGroups()).ok());
        const auto d = describe(*client, group);
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d->state, GroupState::Stable);
        QCOMPARE(d->protocolType, u"connect"_s);
        QCOMPARE(d->protocol, u"sessioned"_s);
        QCOMPARE(d->members.size(), 2);
        QVERIFY(memberById(d.value(), a.memberId()));
        QCOMPARE(memberById(d.value(), b.memberId())->rawMetadata, "config-b"_ba);

        QSignalSpy aLeft(&a, &WireGroupMember::left);
        QSignalSpy bLeft(&b, &WireGroupMember::left);
        a.leave();
        b.leave();
        QTRY_VERIFY_WITH_TIMEOUT(aLeft.count() == 1 && bLeft.count() == 1, 10000);
        QCOMPARE(cluster->groupInfo(group).state, u"Empty"_s);
        const auto after = describe(*client, group);
        QVERIFY(after.ok());
        QCOMPARE(after->state, GroupState::Empty);
        QVERIFY(after->members.isEmpty());
    }

    void authenticatesWithSaslPlain()
    {
        auto config = testConfig();
        config.saslPlainUsers.insert(u"alice"_s, u"secret"_s);
        auto cluster = startSandbox(config);
        QVERIFY(cluster);
        WireGroupMember::Options o = options(u"secured"_s, u"sasl-member"_s, u"connect"_s, u"sessioned"_s, {});
        o.sasl = SaslCredentials{u"alice"_s, u"secret"_s};
        WireGroupMember member(o);
        member.start(u"127.0.0.1"_s, firstPort(*cluster));
        QTRY_VERIFY_WITH_TIMEOUT(member.generationId() > 0 && cluster->groupInfo(u"secured"_s).state == u"Stable"_s, 30000);
        QCOMPARE(cluster->groupInfo(u"secured"_s).members.first().clientId, u"sasl-member"_s);
        member.stop();

        o.groupId = u"refused"_s;
        o.sasl = SaslCredentials{u"alice"_s, u"wrong"_s};
        WireGroupMember intruder(o);
        QSignalSpy problems(&intruder, &WireGroupMember::problem);
        intruder.start(u"127.0.0.1"_s, firstPort(*cluster));
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 10000);
        QVERIFY2(problems.first().first().toString().contains(u"SASL authentication failed"_s),
                 qPrintable(problems.first().first().toString()));
        intruder.stop();
        QCOMPARE(cluster->groupInfo(u"refused"_s).state, u"Dead"_s);
    }
};

QTEST_GUILESS_MAIN(TestWireGroupMemberCore)
#include "tst_wire_group_member_core.moc"
