// SPDX-License-Identifier: GPL-3.0-or-later
// Drives GroupCoordinator directly with encoded requests and a fake cluster:
// the classic group protocol's states, errors and timers as Apache Kafka has them.

#include "core/wire/ApiKey.h"
#include "core/wire/ConsumerProtocolDecoder.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "sandbox/coordinator/ClusterView.h"
#include "sandbox/coordinator/GroupCoordinator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

using namespace cohort;
using namespace cohort::sandbox;
using namespace Qt::StringLiterals;

namespace {

class FakeCluster : public ClusterView
{
public:
    int coordinatorFor(const QString &groupId) const override { return coordinators.value(groupId, 1); }
    bool partitionExists(const QString &topic, int partition) const override { return partition >= 0 && partition < partitionCount(topic); }
    int partitionCount(const QString &topic) const override { return topics.value(topic, 0); }
    bool createTopic(const QString &topic, int partitions) override
    {
        if (topics.contains(topic))
            return false;
        topics.insert(topic, partitions);
        return true;
    }
    qint64 logEndOffset(const QString &topic, int partition) const override
    {
        return logEnd.value(topic % u'/' % QString::number(partition), 0);
    }

    QHash<QString, int> coordinators;
    QHash<QString, int> topics{{u"orders"_s, 4}, {u"payments"_s, 2}};
    QHash<QString, qint64> logEnd;
};

// A response that may arrive later.
struct Call
{
    std::shared_ptr<std::optional<QByteArray>> body = std::make_shared<std::optional<QByteArray>>();
    qint16 version = 0;
    bool handled = false;
    bool answered() const { return body->has_value(); }
};

QByteArray subscriptionFor(const QStringList &topics)
{
    ConsumerSubscription s;
    s.version = 1;
    s.topics = topics;
    return ConsumerProtocolDecoder::encodeSubscription(s);
}

QList<JoinGroupRequest::Protocol> protocols(const QStringList &names, const QStringList &topics = {u"orders"_s})
{
    QList<JoinGroupRequest::Protocol> out;
    for (const auto &n : names)
        out.append({n, subscriptionFor(topics)});
    return out;
}

}   // namespace

class tst_GroupCoordinator : public QObject
{
    Q_OBJECT

    FakeCluster cluster;
    SandboxConfig config;
    std::unique_ptr<GroupCoordinator> coord;

    Call send(qint16 apiKey, qint16 version, const QByteArray &body, const QString &clientId = u"client"_s, quint64 connection = 1,
              int broker = 1)
    {
        RequestContext ctx;
        ctx.brokerId = broker;
        ctx.apiKey = apiKey;
        ctx.apiVersion = version;
        ctx.clientId = clientId;
        ctx.clientHost = u"/127.0.0.1"_s;
        ctx.connectionId = connection;
        Call call;
        call.version = version;
        auto out = call.body;
        ByteReader r(body);
        call.handled = coord->handle(ctx, r, [out](QByteArray b) { *out = std::move(b); });
        return call;
    }

    template<typename Resp, typename Decode>
    static Resp decoded(const Call &c, Decode decode)
    {
        Resp r;
        if (!c.answered()) {
            qWarning("no response yet");
            return r;
        }
        ByteReader reader(**c.body);
        const auto d = decode(reader, c.version);
        if (!d) {
            qWarning("response did not decode");
            return r;
        }
        return *d;
    }
    static JoinGroupResponse joinResp(const Call &c) { return decoded<JoinGroupResponse>(c, &GroupApiCodec::decodeJoinGroupResponse); }
    static SyncGroupResponse syncResp(const Call &c) { return decoded<SyncGroupResponse>(c, &GroupApiCodec::decodeSyncGroupResponse); }
    static HeartbeatResponse hbResp(const Call &c) { return decoded<HeartbeatResponse>(c, &GroupApiCodec::decodeHeartbeatResponse); }
    static LeaveGroupResponse leaveResp(const Call &c) { return decoded<LeaveGroupResponse>(c, &GroupApiCodec::decodeLeaveGroupResponse); }
    static OffsetCommitResponse commitResp(const Call &c)
    {
        return decoded<OffsetCommitResponse>(c, &GroupApiCodec::decodeOffsetCommitResponse);
    }
    static OffsetFetchResponse fetchResp(const Call &c)
    {
        return decoded<OffsetFetchResponse>(c, &GroupApiCodec::decodeOffsetFetchResponse);
    }
    static DescribeGroupsResponse describeResp(const Call &c)
    {
        return decoded<DescribeGroupsResponse>(c, &GroupApiCodec::decodeDescribeGroupsResponse);
    }
    static ListGroupsResponse listResp(const Call &c) { return decoded<ListGroupsResponse>(c, &GroupApiCodec::decodeListGroupsResponse); }
    static DeleteGroupsResponse deleteResp(const Call &c)
    {
        return decoded<DeleteGroupsResponse>(c, &GroupApiCodec::decodeDeleteGroupsResponse);
    }
    static OffsetDeleteResponse offsetDeleteResp(const Call &c)
    {
        return decoded<OffsetDeleteResponse>(c, &GroupApiCodec::decodeOffsetDeleteResponse);
    }

    Call join(const QString &group, const QString &memberId, qint16 version = 5, std::optional<QString> instance = std::nullopt,
              QList<JoinGroupRequest::Protocol> protos = protocols({u"range"_s}), int sessionMs = 10000, int rebalanceMs = 10000,
              const QString &protocolType = u"consumer"_s, quint64 connection = 1, int broker = 1)
    {
        JoinGroupRequest req;
        req.groupId = group;
        req.sessionTimeoutMs = sessionMs;
        req.rebalanceTimeoutMs = rebalanceMs;
        req.memberId = memberId;
        req.groupInstanceId = instance;
        req.protocolType = protocolType;
        req.protocols = protos;
        return send(ApiKey::JoinGroup, version, GroupApiCodec::encode(req, version), u"client"_s, connection, broker);
    }
    // JoinGroup v5 the way a dynamic Java/librdkafka member does it: empty id, then
    // again with the id from MEMBER_ID_REQUIRED. Returns the pending second call.
    Call joinNew(const QString &group, QString *memberId, QList<JoinGroupRequest::Protocol> protos = protocols({u"range"_s}),
                 int sessionMs = 10000, int rebalanceMs = 10000)
    {
        const Call first = join(group, QString(), 5, std::nullopt, protos, sessionMs, rebalanceMs);
        const auto r = joinResp(first);
        if (r.errorCode != MemberIdRequired)
            qWarning("expected MEMBER_ID_REQUIRED, got %d", r.errorCode);
        *memberId = r.memberId;
        return join(group, r.memberId, 5, std::nullopt, protos, sessionMs, rebalanceMs);
    }
    Call sync(const QString &group, int generation, const QString &memberId, const QList<SyncGroupRequest::Assignment> &assignments = {},
              std::optional<QString> instance = std::nullopt, int broker = 1)
    {
        SyncGroupRequest req{group, generation, memberId, instance, assignments};
        return send(ApiKey::SyncGroup, 3, GroupApiCodec::encode(req, 3), u"client"_s, 1, broker);
    }
    qint16 heartbeat(const QString &group, int generation, const QString &memberId, std::optional<QString> instance = std::nullopt,
                     int broker = 1)
    {
        HeartbeatRequest req{group, generation, memberId, instance};
        return hbResp(send(ApiKey::Heartbeat, 3, GroupApiCodec::encode(req, 3), u"client"_s, 1, broker)).errorCode;
    }
    Call commit(const QString &group, int generation, const QString &memberId, const QList<OffsetCommitRequest::Topic> &topics,
                qint16 version = 7, int broker = 1)
    {
        OffsetCommitRequest req;
        req.groupId = group;
        req.generationId = generation;
        req.memberId = memberId;
        req.topics = topics;
        return send(ApiKey::OffsetCommit, version, GroupApiCodec::encode(req, version), u"client"_s, 1, broker);
    }
    static QList<OffsetCommitRequest::Topic> offsets(const QString &topic, QList<QPair<int, qint64>> parts)
    {
        OffsetCommitRequest::Topic t{topic, {}};
        for (const auto &[p, o] : parts)
            t.partitions.append({p, o, 3, u"m"_s});
        return {t};
    }
    QString state(const QString &group) const { return coord->groupInfo(group).state; }

    // One member, one round, synced: returns its member id and generation.
    void stableSingle(const QString &group, QString *memberId, int *generation)
    {
        const Call j = joinNew(group, memberId);
        QTRY_VERIFY_WITH_TIMEOUT(j.answered(), 5000);
        const auto jr = joinResp(j);
        QCOMPARE(jr.errorCode, qint16(None));
        *generation = jr.generationId;
        const Call s = sync(group, jr.generationId, *memberId, {{*memberId, "A"_ba}});
        QVERIFY(s.answered());
        QCOMPARE(syncResp(s).errorCode, qint16(None));
        QCOMPARE(state(group), u"Stable"_s);
    }

private Q_SLOTS:
    void init()
    {
        cluster = FakeCluster();
        config = SandboxConfig();
        config.initialRebalanceDelayMs = 0;
        config.minSessionTimeoutMs = 100;
        config.maxSessionTimeoutMs = 60000;
        coord = std::make_unique<GroupCoordinator>(cluster, config);
    }
    void cleanup() { coord.reset(); }

    void handlesOnlyGroupApis()
    {
        QVERIFY(GroupCoordinator::handles(ApiKey::JoinGroup));
        QVERIFY(GroupCoordinator::handles(ApiKey::OffsetDelete));
        QVERIFY(!GroupCoordinator::handles(ApiKey::FindCoordinator));
        QVERIFY(!GroupCoordinator::handles(ApiKey::Fetch));
    }

    void malformedBodyIsRejected()
    {
        const Call c = send(ApiKey::JoinGroup, 5, "\x00\x05gr"_ba);
        QVERIFY(!c.handled);
        QVERIFY(!c.answered());
        const Call v = send(ApiKey::JoinGroup, 9, QByteArray(40, '\0'));
        QVERIFY(!v.handled);
    }

    void memberIdRequiredThenJoin()
    {
        const Call first = join(u"g"_s, QString(), 4);
        QVERIFY(first.answered());
        const auto r = joinResp(first);
        QCOMPARE(r.errorCode, qint16(MemberIdRequired));
        QVERIFY2(r.memberId.startsWith(u"client-"_s), qPrintable(r.memberId));
        QCOMPARE(r.memberId.size(), int(u"client-"_s.size() + 36));
        QCOMPARE(state(u"g"_s), u"Empty"_s);

        const Call second = join(u"g"_s, r.memberId, 4);
        QTRY_VERIFY_WITH_TIMEOUT(second.answered(), 5000);
        const auto j = joinResp(second);
        QCOMPARE(j.errorCode, qint16(None));
        QCOMPARE(j.generationId, 1);
        QCOMPARE(j.leader, r.memberId);
        QCOMPARE(j.memberId, r.memberId);
        QCOMPARE(j.protocolName, u"range"_s);
        QCOMPARE(j.members.size(), 1);
        QCOMPARE(state(u"g"_s), u"CompletingRebalance"_s);

        const Call s = sync(u"g"_s, 1, r.memberId, {{r.memberId, "assignment"_ba}});
        QVERIFY(s.answered());
        QCOMPARE(syncResp(s).errorCode, qint16(None));
        QCOMPARE(syncResp(s).assignment, "assignment"_ba);
        QCOMPARE(state(u"g"_s), u"Stable"_s);
        QCOMPARE(heartbeat(u"g"_s, 1, r.memberId), qint16(None));
    }

    void oldVersionsJoinDirectly()
    {
        const Call c = join(u"g"_s, QString(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(c.answered(), 5000);
        const auto r = joinResp(c);
        QCOMPARE(r.errorCode, qint16(None));
        QVERIFY(!r.memberId.isEmpty());
        QCOMPARE(r.generationId, 1);
        const Call v0 = join(u"h"_s, QString(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(v0.answered(), 5000);
        QCOMPARE(joinResp(v0).errorCode, qint16(None));
    }

    void unknownMemberAndSessionTimeoutValidation()
    {
        QCOMPARE(joinResp(join(u"g"_s, u"nobody"_s)).errorCode, qint16(UnknownMemberId));
        QCOMPARE(joinResp(join(u"g"_s, QString(), 5, std::nullopt, protocols({u"range"_s}), 50)).errorCode, qint16(InvalidSessionTimeout));
        QCOMPARE(joinResp(join(u"g"_s, QString(), 5, std::nullopt, protocols({u"range"_s}), 70000)).errorCode,
                 qint16(InvalidSessionTimeout));
        QCOMPARE(joinResp(join(QString(), QString())).errorCode, qint16(InvalidGroupId));
        QCOMPARE(joinResp(join(u"g"_s, QString(), 5, std::nullopt, {}, 10000)).errorCode, qint16(InconsistentGroupProtocol));
        QCOMPARE(state(u"g"_s), u"Dead"_s);   // nothing was created by failed joins
    }

    void leaderElectionAndProtocolSelection()
    {
        // Joins arrive in one go (no event loop in between): one round for all three.
        QString a, b, c;
        const Call ja = joinNew(u"g"_s, &a, protocols({u"range"_s, u"roundrobin"_s}));
        const Call jb = joinNew(u"g"_s, &b, protocols({u"range"_s, u"roundrobin"_s}));
        const Call jc = joinNew(u"g"_s, &c, protocols({u"roundrobin"_s, u"range"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered() && jb.answered() && jc.answered(), 5000);
        const auto ra = joinResp(ja), rb = joinResp(jb), rc = joinResp(jc);
        QCOMPARE(ra.protocolName, u"range"_s);   // two votes against one
        QCOMPARE(rb.protocolName, u"range"_s);
        QCOMPARE(ra.leader, a);
        QCOMPARE(rc.leader, a);
        QCOMPARE(ra.members.size(), 3);
        QCOMPARE(rb.members.size(), 0);
        QCOMPARE(rc.members.size(), 0);
        QCOMPARE(ra.generationId, rc.generationId);
        QCOMPARE(ra.members[2].memberId, c);
        QCOMPARE(ra.members[2].metadata, subscriptionFor({u"orders"_s}));

        // Only protocols every member supports are candidates.
        QString x, y;
        const Call jx = joinNew(u"h"_s, &x, protocols({u"range"_s, u"roundrobin"_s}));
        const Call jy = joinNew(u"h"_s, &y, protocols({u"roundrobin"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(jx.answered() && jy.answered(), 5000);
        QCOMPARE(joinResp(jx).protocolName, u"roundrobin"_s);
        QCOMPARE(coord->groupInfo(u"h"_s).protocol, u"roundrobin"_s);
    }

    void inconsistentGroupProtocol()
    {
        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);
        QCOMPARE(joinResp(join(u"g"_s, QString(), 5, std::nullopt, protocols({u"sticky"_s}))).errorCode, qint16(InconsistentGroupProtocol));
        QCOMPARE(joinResp(join(u"g"_s, QString(), 5, std::nullopt, protocols({u"range"_s}), 10000, 10000, u"connect"_s)).errorCode,
                 qint16(InconsistentGroupProtocol));
        QCOMPARE(state(u"g"_s), u"Stable"_s);
    }

    void generationsAndIllegalGeneration()
    {
        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);
        QCOMPARE(gen, 1);
        // A second member: the group rebalances, the first one learns it from its heartbeat.
        const Call first = join(u"g"_s, QString(), 5);
        const QString b = joinResp(first).memberId;
        const Call jb = join(u"g"_s, b, 5);
        QCOMPARE(state(u"g"_s), u"PreparingRebalance"_s);
        QCOMPARE(heartbeat(u"g"_s, 1, a), qint16(RebalanceInProgress));
        QCOMPARE(syncResp(sync(u"g"_s, 1, a)).errorCode, qint16(RebalanceInProgress));
        const Call ja = join(u"g"_s, a, 5);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered() && jb.answered(), 5000);
        QCOMPARE(joinResp(ja).generationId, 2);
        QCOMPARE(joinResp(ja).leader, a);   // the leader is kept across rounds
        QCOMPARE(joinResp(jb).generationId, 2);
        QCOMPARE(heartbeat(u"g"_s, 1, a), qint16(IllegalGeneration));
        QCOMPARE(syncResp(sync(u"g"_s, 1, b)).errorCode, qint16(IllegalGeneration));
        QCOMPARE(heartbeat(u"g"_s, 2, u"stranger"_s), qint16(UnknownMemberId));
        QCOMPARE(heartbeat(u"unknown"_s, 2, a), qint16(UnknownMemberId));
        // CompletingRebalance: heartbeats are fine, the follower's sync waits for the leader.
        QCOMPARE(heartbeat(u"g"_s, 2, b), qint16(None));
        const Call sb = sync(u"g"_s, 2, b);
        QVERIFY(!sb.answered());
        const Call sa = sync(u"g"_s, 2, a, {{a, "pa"_ba}, {b, "pb"_ba}});
        QVERIFY(sa.answered());
        QVERIFY(sb.answered());
        QCOMPARE(syncResp(sb).assignment, "pb"_ba);
        QCOMPARE(syncResp(sa).assignment, "pa"_ba);
        QCOMPARE(state(u"g"_s), u"Stable"_s);
        QCOMPARE(coord->groupInfo(u"g"_s).generationId, 2);
    }

    void sessionTimeoutRemovesMember()
    {
        QString a, b;
        const Call ja = joinNew(u"g"_s, &a, protocols({u"range"_s}), 10000);
        const Call jb = joinNew(u"g"_s, &b, protocols({u"range"_s}), 300);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered() && jb.answered(), 5000);
        const int gen = joinResp(ja).generationId;
        sync(u"g"_s, gen, a, {{a, "pa"_ba}, {b, "pb"_ba}});
        sync(u"g"_s, gen, b);
        QCOMPARE(state(u"g"_s), u"Stable"_s);
        // b stops heartbeating: after 300 ms it is removed and a round starts.
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(coord->groupInfo(u"g"_s).members.size(), 1, 5000);
        QVERIFY(t.elapsed() >= 250);
        QCOMPARE(state(u"g"_s), u"PreparingRebalance"_s);
        QCOMPARE(heartbeat(u"g"_s, gen, a), qint16(RebalanceInProgress));
        const Call again = join(u"g"_s, a, 5);
        QTRY_VERIFY_WITH_TIMEOUT(again.answered(), 5000);
        QCOMPARE(joinResp(again).generationId, gen + 1);
        QCOMPARE(joinResp(again).members.size(), 1);
        QCOMPARE(heartbeat(u"g"_s, gen + 1, b), qint16(UnknownMemberId));
    }

    void lastMemberTimeoutLeavesGroupEmpty()
    {
        QString a;
        const Call ja = joinNew(u"g"_s, &a, protocols({u"range"_s}), 200);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered(), 5000);
        sync(u"g"_s, 1, a, {{a, "x"_ba}});
        QTRY_COMPARE_WITH_TIMEOUT(state(u"g"_s), u"Empty"_s, 5000);
        QCOMPARE(coord->groupInfo(u"g"_s).generationId, 2);
        QCOMPARE(coord->groupInfo(u"g"_s).members.size(), 0);
    }

    void rebalanceTimeoutRemovesMembersThatDoNotRejoin()
    {
        QString a, b;
        const Call ja = joinNew(u"g"_s, &a, protocols({u"range"_s}), 10000, 300);
        const Call jb = joinNew(u"g"_s, &b, protocols({u"range"_s}), 10000, 300);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered() && jb.answered(), 5000);
        sync(u"g"_s, 1, a, {});
        sync(u"g"_s, 1, b, {});
        // a rejoins (e.g. a subscription change); b never does.
        QElapsedTimer t;
        t.start();
        const Call again = join(u"g"_s, a, 5, std::nullopt, protocols({u"range"_s}, {u"payments"_s}), 10000, 300);
        QVERIFY(!again.answered());
        QTRY_VERIFY_WITH_TIMEOUT(again.answered(), 5000);
        QVERIFY(t.elapsed() >= 250);
        const auto r = joinResp(again);
        QCOMPARE(r.generationId, 2);
        QCOMPARE(r.members.size(), 1);
        QCOMPARE(coord->groupInfo(u"g"_s).members.size(), 1);
        QCOMPARE(heartbeat(u"g"_s, 2, b), qint16(UnknownMemberId));
    }

    void initialRebalanceDelayWaitsAndExtends()
    {
        // Generous numbers: the machine running the tests may be busy.
        config.initialRebalanceDelayMs = 1000;
        coord = std::make_unique<GroupCoordinator>(cluster, config);
        QElapsedTimer t;
        t.start();
        QString a, b;
        const Call ja = joinNew(u"g"_s, &a, protocols({u"range"_s}), 10000, 10000);
        QVERIFY(!ja.answered());
        QTest::qWait(300);   // a second member arrives inside the delay window
        QVERIFY(!ja.answered());
        const qint64 secondJoinAt = t.elapsed();
        QVERIFY2(secondJoinAt < 1000, "the machine is too slow for this test's timing");
        const Call jb = joinNew(u"g"_s, &b, protocols({u"range"_s}), 10000, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered() && jb.answered(), 10000);
        // The new joiner extended the delay by another 1000 ms (Kafka's InitialDelayedJoin).
        QVERIFY2(t.elapsed() >= 1900, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(joinResp(ja).generationId, 1);
        QCOMPARE(joinResp(ja).members.size(), 2);
    }

    void pendingMemberExpires()
    {
        const Call first = join(u"g"_s, QString(), 5, std::nullopt, protocols({u"range"_s}), 200);
        const QString pending = joinResp(first).memberId;
        QVERIFY(!pending.isEmpty());
        QVERIFY(coord->groupIds().contains(u"g"_s));
        // It never comes back: after its session timeout the id is forgotten.
        QTRY_VERIFY_WITH_TIMEOUT(!coord->groupIds().contains(u"g"_s), 5000);
        QCOMPARE(joinResp(join(u"g"_s, pending)).errorCode, qint16(UnknownMemberId));
    }

    void leaveGroupBatchV3()
    {
        QString a;
        const Call ja = joinNew(u"g"_s, &a);
        const Call jb = join(u"g"_s, QString(), 5, u"inst-b"_s);
        const Call jc = join(u"g"_s, QString(), 5, u"inst-c"_s);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered() && jb.answered() && jc.answered(), 5000);
        const QString b = joinResp(jb).memberId;
        const QString c = joinResp(jc).memberId;
        QCOMPARE(coord->groupInfo(u"g"_s).members.size(), 3);
        sync(u"g"_s, 1, a, {});

        LeaveGroupRequest req;
        req.groupId = u"g"_s;
        req.members = {{b, std::nullopt}, {QString(), u"inst-c"_s}, {u"ghost"_s, std::nullopt}, {u"wrong-id"_s, u"inst-b"_s}};
        const auto r = leaveResp(send(ApiKey::LeaveGroup, 3, GroupApiCodec::encode(req, 3)));
        QCOMPARE(r.errorCode, qint16(None));
        QCOMPARE(r.members.size(), 4);
        QCOMPARE(r.members[0].errorCode, qint16(None));
        QCOMPARE(r.members[1].errorCode, qint16(None));
        QCOMPARE(r.members[2].errorCode, qint16(UnknownMemberId));
        QCOMPARE(r.members[3].errorCode, qint16(UnknownMemberId));   // inst-b already gone
        QCOMPARE(coord->groupInfo(u"g"_s).members.size(), 1);
        QCOMPARE(state(u"g"_s), u"PreparingRebalance"_s);
        Q_UNUSED(c);

        // v0-2: one member, its error is the top-level error.
        LeaveGroupRequest old;
        old.groupId = u"g"_s;
        old.memberId = u"ghost"_s;
        QCOMPARE(leaveResp(send(ApiKey::LeaveGroup, 1, GroupApiCodec::encode(old, 1))).errorCode, qint16(UnknownMemberId));
        old.memberId = a;
        QCOMPARE(leaveResp(send(ApiKey::LeaveGroup, 2, GroupApiCodec::encode(old, 2))).errorCode, qint16(None));
        QCOMPARE(state(u"g"_s), u"Empty"_s);
    }

    void staticMemberRejoinFencesOldIdWithoutRebalance()
    {
        const Call j1 = join(u"g"_s, QString(), 5, u"i1"_s);
        const Call j2 = join(u"g"_s, QString(), 5, u"i2"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j1.answered() && j2.answered(), 5000);
        const auto r1 = joinResp(j1);
        QCOMPARE(r1.errorCode, qint16(None));   // static members skip MEMBER_ID_REQUIRED
        const QString old1 = r1.memberId;
        // Kafka 4.4 (ClassicGroup.generateMemberId): a static member's id is "<instance id>-<uuid>".
        QVERIFY2(old1.startsWith(u"i1-"_s) && old1.size() == 3 + 36, qPrintable(old1));
        const QString m2 = joinResp(j2).memberId;
        QCOMPARE(r1.leader, old1);
        QCOMPARE(r1.members.size(), 2);
        QCOMPARE(r1.members[0].groupInstanceId.value_or(QString()), u"i1"_s);
        sync(u"g"_s, 1, old1, {{old1, "p1"_ba}, {m2, "p2"_ba}}, u"i1"_s);
        QCOMPARE(state(u"g"_s), u"Stable"_s);

        // i1 restarts: empty member id, same instance id.
        const Call again = join(u"g"_s, QString(), 5, u"i1"_s);
        QVERIFY(again.answered());
        const auto ra = joinResp(again);
        QCOMPARE(ra.errorCode, qint16(None));
        QVERIFY(ra.memberId != old1);
        QCOMPARE(ra.generationId, 1);   // no rebalance
        QCOMPARE(ra.leader, old1);      // Kafka returns the old leader id
        QCOMPARE(ra.members.size(), 0);
        QCOMPARE(state(u"g"_s), u"Stable"_s);
        QCOMPARE(coord->groupInfo(u"g"_s).generationId, 1);
        QCOMPARE(coord->groupInfo(u"g"_s).leaderId, ra.memberId);

        // The new id takes over the old assignment; the old id is fenced.
        const Call s = sync(u"g"_s, 1, ra.memberId, {}, u"i1"_s);
        QCOMPARE(syncResp(s).assignment, "p1"_ba);
        QCOMPARE(heartbeat(u"g"_s, 1, old1, u"i1"_s), qint16(FencedInstanceId));
        QCOMPARE(heartbeat(u"g"_s, 1, ra.memberId, u"i1"_s), qint16(None));
        QCOMPARE(heartbeat(u"g"_s, 1, m2, u"i2"_s), qint16(None));
        QCOMPARE(joinResp(join(u"g"_s, old1, 5, u"i1"_s)).errorCode, qint16(FencedInstanceId));
        QCOMPARE(commitResp(commit(u"g"_s, 1, old1, offsets(u"orders"_s, {{0, 1}}))).topics[0].partitions[0].errorCode,
                 qint16(UnknownMemberId));   // v7 request without instance id: plain unknown member
    }

    void staticMemberLeavesByInstanceId()
    {
        const Call j1 = join(u"g"_s, QString(), 5, u"i1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j1.answered(), 5000);
        LeaveGroupRequest req;
        req.groupId = u"g"_s;
        req.members = {{QString(), u"i1"_s}};
        const auto r = leaveResp(send(ApiKey::LeaveGroup, 3, GroupApiCodec::encode(req, 3)));
        QCOMPARE(r.members.value(0).errorCode, qint16(None));
        QCOMPARE(state(u"g"_s), u"Empty"_s);
    }

    // As Kafka 4.4.0 answers an admin LeaveGroup v3 for a group nobody has
    // (captured for "kip848remove-nobody"): no top-level error, every member
    // UNKNOWN_MEMBER_ID, echoed as asked.
    void leaveGroupOfAGroupThatDoesNotExist()
    {
        LeaveGroupRequest req;
        req.groupId = u"nobody"_s;
        req.members = {{u"x"_s, std::nullopt}, {QString(), u"inst"_s}};
        const auto r = leaveResp(send(ApiKey::LeaveGroup, 3, GroupApiCodec::encode(req, 3)));
        QCOMPARE(r.errorCode, qint16(None));
        QCOMPARE(r.members.size(), 2);
        QCOMPARE(r.members[0].memberId, u"x"_s);
        QVERIFY(!r.members[0].groupInstanceId);
        QCOMPARE(r.members[0].errorCode, qint16(UnknownMemberId));
        QCOMPARE(r.members[1].memberId, QString());
        QCOMPARE(r.members[1].groupInstanceId, std::optional<QString>(u"inst"_s));
        QCOMPARE(r.members[1].errorCode, qint16(UnknownMemberId));
    }

    void adminCommitOnlyWhileEmpty()
    {
        // Unknown group: an admin commit creates an Empty group that only stores offsets.
        auto r = commitResp(commit(u"fresh"_s, -1, QString(), offsets(u"orders"_s, {{0, 10}, {9, 1}})));
        QCOMPARE(r.topics[0].partitions[0].errorCode, qint16(None));
        QCOMPARE(r.topics[0].partitions[1].errorCode, qint16(UnknownTopicOrPartition));
        QCOMPARE(state(u"fresh"_s), u"Empty"_s);
        QCOMPARE(coord->groupInfo(u"fresh"_s).protocolType, QString());
        QCOMPARE(coord->committedOffset(u"fresh"_s, u"orders"_s, 0), 10);
        // A member commit to an unknown group is from a lost generation.
        QCOMPARE(commitResp(commit(u"other"_s, 3, u"m"_s, offsets(u"orders"_s, {{0, 1}}))).topics[0].partitions[0].errorCode,
                 qint16(IllegalGeneration));

        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);
        r = commitResp(commit(u"g"_s, -1, QString(), offsets(u"orders"_s, {{1, 5}})));
        QCOMPARE(r.topics[0].partitions[0].errorCode, qint16(UnknownMemberId));
        QCOMPARE(coord->committedOffset(u"g"_s, u"orders"_s, 1), -1);
        // The member itself may commit; a wrong generation may not.
        QCOMPARE(commitResp(commit(u"g"_s, gen, a, offsets(u"orders"_s, {{1, 7}}))).topics[0].partitions[0].errorCode, qint16(None));
        QCOMPARE(commitResp(commit(u"g"_s, gen + 1, a, offsets(u"orders"_s, {{1, 8}}))).topics[0].partitions[0].errorCode,
                 qint16(IllegalGeneration));
        QCOMPARE(coord->committedOffset(u"g"_s, u"orders"_s, 1), 7);

        LeaveGroupRequest leave;
        leave.groupId = u"g"_s;
        leave.memberId = a;
        send(ApiKey::LeaveGroup, 2, GroupApiCodec::encode(leave, 2));
        QCOMPARE(state(u"g"_s), u"Empty"_s);
        r = commitResp(commit(u"g"_s, -1, QString(), offsets(u"orders"_s, {{1, 2}}), 2));
        QCOMPARE(r.topics[0].partitions[0].errorCode, qint16(None));
        QCOMPARE(coord->committedOffset(u"g"_s, u"orders"_s, 1), 2);
    }

    void commitDuringCompletingRebalance()
    {
        QString a;
        const Call ja = joinNew(u"g"_s, &a);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered(), 5000);
        QCOMPARE(state(u"g"_s), u"CompletingRebalance"_s);
        QCOMPARE(commitResp(commit(u"g"_s, 1, a, offsets(u"orders"_s, {{0, 1}}))).topics[0].partitions[0].errorCode,
                 qint16(RebalanceInProgress));
    }

    void offsetFetch()
    {
        commit(u"g"_s, -1, QString(), offsets(u"orders"_s, {{0, 10}, {2, 30}}));
        commit(u"g"_s, -1, QString(), offsets(u"payments"_s, {{1, 5}}));
        // v5: explicit partitions, one without a commit.
        OffsetFetchRequest req;
        req.groupId = u"g"_s;
        req.topics = QList<OffsetFetchRequest::Topic>{{u"orders"_s, {0, 1}}};
        auto r = fetchResp(send(ApiKey::OffsetFetch, 5, GroupApiCodec::encode(req, 5)));
        QCOMPARE(r.errorCode, qint16(None));
        QCOMPARE(r.topics.size(), 1);
        QCOMPARE(r.topics[0].partitions[0].committedOffset, 10);
        QCOMPARE(r.topics[0].partitions[0].committedLeaderEpoch, 3);
        QCOMPARE(r.topics[0].partitions[0].metadata.value_or(QString()), u"m"_s);
        QCOMPARE(r.topics[0].partitions[1].committedOffset, -1);
        QCOMPARE(r.topics[0].partitions[1].errorCode, qint16(None));
        // v2+: null topics = everything the group has.
        OffsetFetchRequest all;
        all.groupId = u"g"_s;
        r = fetchResp(send(ApiKey::OffsetFetch, 3, GroupApiCodec::encode(all, 3)));
        QCOMPARE(r.topics.size(), 2);
        QCOMPARE(r.topics[0].name, u"orders"_s);
        QCOMPARE(r.topics[0].partitions.size(), 2);
        QCOMPARE(r.topics[0].partitions[1].committedOffset, 30);
        QCOMPARE(r.topics[1].name, u"payments"_s);
        // An unknown group: -1 for what was asked, nothing for "all".
        req.groupId = u"nobody"_s;
        r = fetchResp(send(ApiKey::OffsetFetch, 1, GroupApiCodec::encode(req, 1)));
        QCOMPARE(r.topics[0].partitions[0].committedOffset, -1);
        all.groupId = u"nobody"_s;
        QCOMPARE(fetchResp(send(ApiKey::OffsetFetch, 5, GroupApiCodec::encode(all, 5))).topics.size(), 0);
    }

    void describeGroups()
    {
        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);
        DescribeGroupsRequest req{{u"g"_s, u"unknown"_s}, true};
        const DescribeGroupsRequest onlyG{{u"g"_s}, false};
        const auto r = describeResp(send(ApiKey::DescribeGroups, 4, GroupApiCodec::encode(req, 4)));
        QCOMPARE(r.groups.size(), 2);
        const auto &g = r.groups[0];
        QCOMPARE(g.errorCode, qint16(None));
        QCOMPARE(g.groupState, u"Stable"_s);
        QCOMPARE(g.protocolType, u"consumer"_s);
        QCOMPARE(g.protocolData, u"range"_s);
        QCOMPARE(g.members.size(), 1);
        QCOMPARE(g.members[0].memberId, a);
        QCOMPARE(g.members[0].clientId, u"client"_s);
        QCOMPARE(g.members[0].clientHost, u"/127.0.0.1"_s);
        QCOMPARE(g.members[0].memberMetadata, subscriptionFor({u"orders"_s}));
        QCOMPARE(g.members[0].memberAssignment, "A"_ba);
        QCOMPARE(g.authorizedOperations, (1 << 3) | (1 << 6) | (1 << 8));
        const auto &dead = r.groups[1];
        QCOMPARE(dead.errorCode, qint16(None));
        QCOMPARE(dead.groupState, u"Dead"_s);
        QCOMPARE(dead.protocolType, QString());
        QCOMPARE(dead.members.size(), 0);
        // A second member's join starts a round: as Kafka 4.4, neither the
        // protocol nor the metadata while the group is not Stable, but each
        // member's current assignment still.
        QString b;
        const Call pending = joinNew(u"g"_s, &b);
        QVERIFY(!pending.answered());
        const auto preparing = describeResp(send(ApiKey::DescribeGroups, 4, GroupApiCodec::encode(onlyG, 4))).groups[0];
        QCOMPARE(preparing.groupState, u"PreparingRebalance"_s);
        QCOMPARE(preparing.protocolData, QString());
        QCOMPARE(preparing.members.size(), 2);
        for (const auto &m : preparing.members) {
            QCOMPARE(m.memberMetadata, QByteArray());
            QCOMPARE(m.memberAssignment, m.memberId == a ? "A"_ba : QByteArray());
        }
        // Without the flag, v3+ reports INT_MIN.
        DescribeGroupsRequest plain{{u"g"_s}, false};
        QCOMPARE(describeResp(send(ApiKey::DescribeGroups, 3, GroupApiCodec::encode(plain, 3))).groups[0].authorizedOperations, INT_MIN);
    }

    void listGroupsPerCoordinator()
    {
        cluster.coordinators.insert(u"on-two"_s, 2);
        commit(u"on-one"_s, -1, QString(), offsets(u"orders"_s, {{0, 1}}));
        commit(u"on-two"_s, -1, QString(), offsets(u"orders"_s, {{0, 1}}), 7, 2);
        QString a;
        int gen = 0;
        stableSingle(u"live"_s, &a, &gen);
        auto r = listResp(send(ApiKey::ListGroups, 2, {}));
        QCOMPARE(r.errorCode, qint16(None));
        QCOMPARE(r.groups.size(), 2);
        QCOMPARE(r.groups[0].groupId, u"live"_s);
        QCOMPARE(r.groups[0].protocolType, u"consumer"_s);
        QCOMPARE(r.groups[1].groupId, u"on-one"_s);
        QCOMPARE(r.groups[1].protocolType, QString());
        r = listResp(send(ApiKey::ListGroups, 0, {}, u"c"_s, 1, 2));
        QCOMPARE(r.groups.size(), 1);
        QCOMPARE(r.groups[0].groupId, u"on-two"_s);

        // v5 says each group's state as Kafka spells it and its type, classic
        // for every sandbox group; the filters match as Kafka 4.4's
        // GroupMetadataManager.listGroups does (case-insensitive).
        r = listResp(send(ApiKey::ListGroups, 5, GroupApiCodec::encode(ListGroupsRequest{}, 5)));
        QCOMPARE(r.groups.size(), 2);
        QCOMPARE(r.groups[0].groupState, u"Stable"_s);
        QCOMPARE(r.groups[0].groupType, u"classic"_s);
        QCOMPARE(r.groups[1].groupState, u"Empty"_s);
        QCOMPARE(r.groups[1].groupType, u"classic"_s);
        r = listResp(send(ApiKey::ListGroups, 4, GroupApiCodec::encode(ListGroupsRequest{{u"stable"_s}, {}}, 4)));
        QCOMPARE(r.groups.size(), 1);
        QCOMPARE(r.groups[0].groupId, u"live"_s);
        QCOMPARE(r.groups[0].groupType, QString());   // not in v4
        r = listResp(send(ApiKey::ListGroups, 5, GroupApiCodec::encode(ListGroupsRequest{{u"Empty"_s, u"Stable"_s}, {u"consumer"_s}}, 5)));
        QCOMPARE(r.groups.size(), 0);
        r = listResp(send(ApiKey::ListGroups, 5, GroupApiCodec::encode(ListGroupsRequest{{u"Empty"_s}, {u"CLASSIC"_s}}, 5)));
        QCOMPARE(r.groups.size(), 1);
        QCOMPARE(r.groups[0].groupId, u"on-one"_s);
    }

    void deleteGroups()
    {
        QString a;
        int gen = 0;
        stableSingle(u"busy"_s, &a, &gen);
        commit(u"idle"_s, -1, QString(), offsets(u"orders"_s, {{0, 4}}));
        DeleteGroupsRequest req{{u"busy"_s, u"idle"_s, u"nobody"_s}};
        const auto r = deleteResp(send(ApiKey::DeleteGroups, 1, GroupApiCodec::encode(req, 1)));
        QCOMPARE(r.results.size(), 3);
        QCOMPARE(r.results[0].errorCode, qint16(NonEmptyGroup));
        QCOMPARE(r.results[1].errorCode, qint16(None));
        QCOMPARE(r.results[2].errorCode, qint16(GroupIdNotFound));
        QCOMPARE(state(u"idle"_s), u"Dead"_s);
        QCOMPARE(coord->committedOffset(u"idle"_s, u"orders"_s, 0), -1);
        QCOMPARE(state(u"busy"_s), u"Stable"_s);
    }

    void offsetDelete()
    {
        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);   // subscribed to "orders"
        commit(u"g"_s, gen, a, offsets(u"orders"_s, {{0, 1}}));
        commit(u"g"_s, gen, a, offsets(u"payments"_s, {{0, 2}}));
        OffsetDeleteRequest req{u"g"_s, {{u"orders"_s, {0}}, {u"payments"_s, {0}}, {u"missing"_s, {0}}}};
        auto r = offsetDeleteResp(send(ApiKey::OffsetDelete, 0, GroupApiCodec::encode(req, 0)));
        QCOMPARE(r.errorCode, qint16(None));
        QCOMPARE(r.topics.size(), 3);
        QCOMPARE(r.topics[0].partitions[0].errorCode, qint16(GroupSubscribedToTopic));
        QCOMPARE(r.topics[1].partitions[0].errorCode, qint16(None));
        QCOMPARE(r.topics[2].partitions[0].errorCode, qint16(UnknownTopicOrPartition));
        QCOMPARE(coord->committedOffset(u"g"_s, u"orders"_s, 0), 1);
        QCOMPARE(coord->committedOffset(u"g"_s, u"payments"_s, 0), -1);

        req.groupId = u"nobody"_s;
        r = offsetDeleteResp(send(ApiKey::OffsetDelete, 0, GroupApiCodec::encode(req, 0)));
        QCOMPARE(r.errorCode, qint16(GroupIdNotFound));

        // Once Empty, any offset may go.
        LeaveGroupRequest leave{u"g"_s, a, {}};
        send(ApiKey::LeaveGroup, 0, GroupApiCodec::encode(leave, 0));
        req.groupId = u"g"_s;
        req.topics = {{u"orders"_s, {0}}};
        r = offsetDeleteResp(send(ApiKey::OffsetDelete, 0, GroupApiCodec::encode(req, 0)));
        QCOMPARE(r.topics[0].partitions[0].errorCode, qint16(None));
        QCOMPARE(coord->committedOffset(u"g"_s, u"orders"_s, 0), -1);

        // A live group of another protocol type: NON_EMPTY_GROUP.
        const Call j = join(u"connect-group"_s, QString(), 3, std::nullopt, protocols({u"default"_s}), 10000, 10000, u"connect"_s);
        QTRY_VERIFY_WITH_TIMEOUT(j.answered(), 5000);
        req.groupId = u"connect-group"_s;
        QCOMPARE(offsetDeleteResp(send(ApiKey::OffsetDelete, 0, GroupApiCodec::encode(req, 0))).errorCode, qint16(NonEmptyGroup));
    }

    void notCoordinatorFromTheWrongBroker()
    {
        cluster.coordinators.insert(u"g"_s, 2);
        QCOMPARE(joinResp(join(u"g"_s, QString(), 5, std::nullopt, protocols({u"range"_s}), 10000, 10000, u"consumer"_s, 1, 1)).errorCode,
                 qint16(NotCoordinator));
        QCOMPARE(heartbeat(u"g"_s, 1, u"m"_s), qint16(NotCoordinator));
        QCOMPARE(syncResp(sync(u"g"_s, 1, u"m"_s)).errorCode, qint16(NotCoordinator));
        QCOMPARE(commitResp(commit(u"g"_s, -1, QString(), offsets(u"orders"_s, {{0, 1}}))).topics[0].partitions[0].errorCode,
                 qint16(NotCoordinator));
        OffsetFetchRequest f;
        f.groupId = u"g"_s;
        f.topics = QList<OffsetFetchRequest::Topic>{{u"orders"_s, {0}}};
        QCOMPARE(fetchResp(send(ApiKey::OffsetFetch, 5, GroupApiCodec::encode(f, 5))).errorCode, qint16(NotCoordinator));
        QCOMPARE(fetchResp(send(ApiKey::OffsetFetch, 1, GroupApiCodec::encode(f, 1))).topics[0].partitions[0].errorCode,
                 qint16(NotCoordinator));
        LeaveGroupRequest leave{u"g"_s, QString(), {{u"m"_s, std::nullopt}}};
        QCOMPARE(leaveResp(send(ApiKey::LeaveGroup, 3, GroupApiCodec::encode(leave, 3))).errorCode, qint16(NotCoordinator));
        DescribeGroupsRequest d{{u"g"_s}, false};
        QCOMPARE(describeResp(send(ApiKey::DescribeGroups, 0, GroupApiCodec::encode(d, 0))).groups[0].errorCode, qint16(NotCoordinator));
        DeleteGroupsRequest del{{u"g"_s}};
        QCOMPARE(deleteResp(send(ApiKey::DeleteGroups, 0, GroupApiCodec::encode(del, 0))).results[0].errorCode, qint16(NotCoordinator));
        OffsetDeleteRequest od{u"g"_s, {}};
        QCOMPARE(offsetDeleteResp(send(ApiKey::OffsetDelete, 0, GroupApiCodec::encode(od, 0))).errorCode, qint16(NotCoordinator));

        // The right broker works; moving the coordinator keeps the group and its offsets.
        QCOMPARE(commitResp(commit(u"g"_s, -1, QString(), offsets(u"orders"_s, {{0, 9}}), 7, 2)).topics[0].partitions[0].errorCode,
                 qint16(None));
        cluster.coordinators.insert(u"g"_s, 3);
        QCOMPARE(coord->committedOffset(u"g"_s, u"orders"_s, 0), 9);
        QCOMPARE(coord->groupInfo(u"g"_s).coordinatorId, 3);
        QCOMPARE(fetchResp(send(ApiKey::OffsetFetch, 5, GroupApiCodec::encode(f, 5), u"c"_s, 1, 3)).topics[0].partitions[0].committedOffset,
                 9);
    }

    void closedConnectionDropsPendingResponse()
    {
        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);
        const Call first = join(u"g"_s, QString(), 5, std::nullopt, protocols({u"range"_s}), 10000, 10000, u"consumer"_s, 7);
        const QString b = joinResp(first).memberId;
        const Call jb = join(u"g"_s, b, 5, std::nullopt, protocols({u"range"_s}), 10000, 10000, u"consumer"_s, 7);
        QVERIFY(!jb.answered());
        coord->connectionClosed(7);
        const Call ja = join(u"g"_s, a, 5);
        QTRY_VERIFY_WITH_TIMEOUT(ja.answered(), 5000);
        QCOMPARE(joinResp(ja).members.size(), 2);   // b still counts as a member
        QVERIFY(!jb.answered());                    // but its response went nowhere
    }

    void errorResponseShapes()
    {
        RequestContext ctx;
        ctx.apiKey = ApiKey::OffsetCommit;
        ctx.apiVersion = 7;
        OffsetCommitRequest oc;
        oc.groupId = u"g"_s;
        oc.topics = offsets(u"orders"_s, {{0, 1}, {1, 2}});
        {
            const QByteArray body = GroupApiCodec::encode(oc, 7);
            ByteReader r(body);
            const auto resp = GroupCoordinator::errorResponse(ctx, r, CoordinatorLoadInProgress);
            QVERIFY(resp);
            ByteReader rr(*resp);
            const auto d = GroupApiCodec::decodeOffsetCommitResponse(rr, 7);
            QVERIFY(d);
            QCOMPARE(d->topics[0].partitions.size(), 2);
            QCOMPARE(d->topics[0].partitions[1].errorCode, qint16(CoordinatorLoadInProgress));
        }
        ctx.apiKey = ApiKey::Heartbeat;
        ctx.apiVersion = 2;
        {
            const QByteArray body = GroupApiCodec::encode(HeartbeatRequest{u"g"_s, 1, u"m"_s, std::nullopt}, 2);
            ByteReader r(body);
            const auto resp = GroupCoordinator::errorResponse(ctx, r, RebalanceInProgress);
            QVERIFY(resp);
            ByteReader rr(*resp);
            QCOMPARE(GroupApiCodec::decodeHeartbeatResponse(rr, 2)->errorCode, qint16(RebalanceInProgress));
        }
        ctx.apiKey = ApiKey::DescribeGroups;
        ctx.apiVersion = 4;
        {
            const QByteArray body = GroupApiCodec::encode(DescribeGroupsRequest{{u"a"_s, u"b"_s}, false}, 4);
            ByteReader r(body);
            const auto resp = GroupCoordinator::errorResponse(ctx, r, NotCoordinator);
            ByteReader rr(*resp);
            const auto d = GroupApiCodec::decodeDescribeGroupsResponse(rr, 4);
            QCOMPARE(d->groups.size(), 2);
            QCOMPARE(d->groups[1].errorCode, qint16(NotCoordinator));
        }
        ctx.apiKey = ApiKey::Fetch;
        {
            const QByteArray zeros(8, '\0');
            ByteReader r(zeros);
            QVERIFY(!GroupCoordinator::errorResponse(ctx, r, NotCoordinator));
        }
    }

    // Mutated and truncated bodies of every group API and version: the coordinator
    // either rejects them (handle() == false) or answers with a response that
    // decodes; it never crashes or reads out of bounds (run under ASan to be sure).
    void fuzzedRequestsNeverCrash()
    {
        QString a;
        int gen = 0;
        stableSingle(u"g"_s, &a, &gen);
        commit(u"g"_s, gen, a, offsets(u"orders"_s, {{0, 1}}));

        struct Seed
        {
            qint16 key;
            qint16 version;
            QByteArray body;
        };
        QList<Seed> seeds;
        for (qint16 v = 0; v <= 5; ++v) {
            JoinGroupRequest j{
                u"g"_s, 10000, 10000, a, v >= 5 ? std::optional<QString>(u"i"_s) : std::nullopt, u"consumer"_s, protocols({u"range"_s})};
            seeds.append({ApiKey::JoinGroup, v, GroupApiCodec::encode(j, v)});
        }
        for (qint16 v = 0; v <= 3; ++v) {
            seeds.append({ApiKey::SyncGroup, v, GroupApiCodec::encode(SyncGroupRequest{u"g"_s, gen, a, std::nullopt, {{a, "x"_ba}}}, v)});
            seeds.append({ApiKey::Heartbeat, v, GroupApiCodec::encode(HeartbeatRequest{u"g"_s, gen, a, std::nullopt}, v)});
            seeds.append({ApiKey::LeaveGroup, v, GroupApiCodec::encode(LeaveGroupRequest{u"h"_s, u"m"_s, {{u"m"_s, std::nullopt}}}, v)});
        }
        for (qint16 v = 2; v <= 7; ++v) {
            OffsetCommitRequest oc;
            oc.groupId = u"g"_s;
            oc.generationId = gen;
            oc.memberId = a;
            oc.topics = offsets(u"orders"_s, {{0, 5}, {1, 6}});
            seeds.append({ApiKey::OffsetCommit, v, GroupApiCodec::encode(oc, v)});
        }
        for (qint16 v = 1; v <= 5; ++v) {
            OffsetFetchRequest of;
            of.groupId = u"g"_s;
            of.topics = QList<OffsetFetchRequest::Topic>{{u"orders"_s, {0, 1}}};
            seeds.append({ApiKey::OffsetFetch, v, GroupApiCodec::encode(of, v)});
        }
        for (qint16 v = 0; v <= 4; ++v)
            seeds.append({ApiKey::DescribeGroups, v, GroupApiCodec::encode(DescribeGroupsRequest{{u"g"_s, u"x"_s}, true}, v)});
        for (qint16 v = 0; v <= 5; ++v)
            seeds.append({ApiKey::ListGroups, v, GroupApiCodec::encode(ListGroupsRequest{{u"Stable"_s}, {u"classic"_s}}, v)});
        for (qint16 v = 0; v <= 1; ++v)
            seeds.append({ApiKey::DeleteGroups, v, GroupApiCodec::encode(DeleteGroupsRequest{{u"zz"_s}}, v)});
        seeds.append({ApiKey::OffsetDelete, 0, GroupApiCodec::encode(OffsetDeleteRequest{u"g"_s, {{u"payments"_s, {0}}}}, 0)});

        QRandomGenerator rng(20261124);
        int handled = 0;
        for (int i = 0; i < 20000; ++i) {
            const Seed &seed = seeds[int(rng.bounded(quint32(seeds.size())))];
            QByteArray body = seed.body;
            switch (rng.bounded(4)) {
            case 0:   // flip a few bytes
                for (int k = 0, n = 1 + int(rng.bounded(4)); k < n && !body.isEmpty(); ++k)
                    body[int(rng.bounded(quint32(body.size())))] = char(rng.bounded(256));
                break;
            case 1:   // truncate
                body.truncate(int(rng.bounded(quint32(body.size() + 1))));
                break;
            case 2:   // random garbage of a random length
                body = QByteArray(int(rng.bounded(64)), '\0');
                for (auto &c : body)
                    c = char(rng.bounded(256));
                break;
            default:   // append junk (trailing bytes are ignored)
                body.append(QByteArray(int(rng.bounded(8)), char(rng.bounded(256))));
                break;
            }
            const Call c = send(seed.key, seed.version, body, u"fuzz"_s, 100 + quint64(i % 7));
            if (c.handled) {
                ++handled;
                if (c.answered()) {
                    ByteReader r(**c.body);
                    bool decodes = true;
                    switch (seed.key) {
                    case ApiKey::JoinGroup: decodes = GroupApiCodec::decodeJoinGroupResponse(r, seed.version).has_value(); break;
                    case ApiKey::SyncGroup: decodes = GroupApiCodec::decodeSyncGroupResponse(r, seed.version).has_value(); break;
                    case ApiKey::Heartbeat: decodes = GroupApiCodec::decodeHeartbeatResponse(r, seed.version).has_value(); break;
                    case ApiKey::LeaveGroup: decodes = GroupApiCodec::decodeLeaveGroupResponse(r, seed.version).has_value(); break;
                    case ApiKey::OffsetCommit: decodes = GroupApiCodec::decodeOffsetCommitResponse(r, seed.version).has_value(); break;
                    case ApiKey::OffsetFetch: decodes = GroupApiCodec::decodeOffsetFetchResponse(r, seed.version).has_value(); break;
                    case ApiKey::DescribeGroups: decodes = GroupApiCodec::decodeDescribeGroupsResponse(r, seed.version).has_value(); break;
                    case ApiKey::ListGroups: decodes = GroupApiCodec::decodeListGroupsResponse(r, seed.version).has_value(); break;
                    case ApiKey::DeleteGroups: decodes = GroupApiCodec::decodeDeleteGroupsResponse(r, seed.version).has_value(); break;
                    case ApiKey::OffsetDelete: decodes = GroupApiCodec::decodeOffsetDeleteResponse(r, seed.version).has_value(); break;
                    }
                    QVERIFY2(decodes, qPrintable(u"api %1 v%2: undecodable response"_s.arg(seed.key).arg(seed.version)));
                }
            }
            if (i % 1000 == 0) {
                coord->connectionClosed(100 + quint64(i % 7));
                QCoreApplication::processEvents();   // let timers run now and then
            }
        }
        QVERIFY(handled > 1000);   // the mutations left plenty of valid requests
        // The group the fuzzing hammered is still coherent.
        const auto info = coord->groupInfo(u"g"_s);
        QVERIFY(!info.state.isEmpty());
        QVERIFY(info.members.size() <= 64);
    }

    void syntheticGroups()
    {
        SyntheticGroupSpec spec;
        spec.groups = 20;
        spec.topics = 4;
        spec.partitionsPerTopic = 10;
        spec.topicsPerGroup = 2;
        spec.sessionTimeoutMs = 100;   // shorter than the witness below: see there
        spec.membersPerGroup = 3;
        spec.emptyGroupsEvery = 5;
        cluster.logEnd.insert(u"synthetic-topic-1/4"_s, 500);
        coord->addSyntheticGroups(spec);
        QCOMPARE(cluster.partitionCount(u"synthetic-topic-3"_s), 10);
        QCOMPARE(coord->groupIds().size(), 20);

        const auto info = coord->groupInfo(u"synthetic-0"_s);
        QCOMPARE(info.state, u"Stable"_s);
        QCOMPARE(info.protocolType, u"consumer"_s);
        QCOMPARE(info.protocol, u"range"_s);
        QCOMPARE(info.members.size(), 3);
        QVERIFY(info.members[0].clientHost.startsWith(u"/10.0."_s));
        QCOMPARE(coord->groupInfo(u"synthetic-4"_s).state, u"Empty"_s);   // every 5th
        QCOMPARE(coord->groupInfo(u"synthetic-4"_s).members.size(), 0);

        // Assignments decode and cover each partition of both topics exactly once.
        DescribeGroupsRequest req{{u"synthetic-0"_s}, false};
        const auto d = describeResp(send(ApiKey::DescribeGroups, 0, GroupApiCodec::encode(req, 0)));
        QCOMPARE(d.groups[0].members.size(), 3);
        QHash<QString, QList<qint32>> seen;
        for (const auto &m : d.groups[0].members) {
            const auto sub = ConsumerProtocolDecoder::decodeSubscription(m.memberMetadata);
            QVERIFY(sub.ok());
            QCOMPARE(sub->topics, QStringList({u"synthetic-topic-0"_s, u"synthetic-topic-1"_s}));
            const auto a = ConsumerProtocolDecoder::decodeAssignment(m.memberAssignment);
            QVERIFY(a.ok());
            for (const TopicPartition &tp : a->partitions)
                seen[tp.topic] += tp.partition;
        }
        QCOMPARE(seen.size(), 2);
        for (auto &list : seen) {
            std::sort(list.begin(), list.end());
            QCOMPARE(list, QList<qint32>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        }
        // Commits: 0 on empty logs, a little behind the end elsewhere.
        QCOMPARE(coord->committedOffset(u"synthetic-0"_s, u"synthetic-topic-0"_s, 3), 0);
        const qint64 c = coord->committedOffset(u"synthetic-0"_s, u"synthetic-topic-1"_s, 4);
        QVERIFY(c >= 0 && c < 500);
        // Empty groups keep their commits (group 4 reads topics 0 and 1, not 2).
        QCOMPARE(coord->committedOffset(u"synthetic-4"_s, u"synthetic-topic-0"_s, 0), 0);
        QCOMPARE(coord->committedOffset(u"synthetic-4"_s, u"synthetic-topic-2"_s, 0), -1);

        // A real member joining a synthetic group gets a normal round with them.
        QString a;
        const Call j = joinNew(u"synthetic-0"_s, &a, protocols({u"range"_s}, {u"synthetic-topic-0"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(j.answered(), 5000);
        const auto jr = joinResp(j);
        QCOMPARE(jr.errorCode, qint16(None));
        QCOMPARE(jr.leader, a);
        QCOMPARE(jr.members.size(), 4);
        sync(u"synthetic-0"_s, jr.generationId, a, {{a, "x"_ba}});
        QCOMPARE(coord->groupInfo(u"synthetic-0"_s).state, u"Stable"_s);

        // Synthetic members never expire, though they never heartbeat: their
        // session is 100 ms here, the group now has a real member (10 s
        // session), so its sessions are swept; a real member of another group
        // with a 300 ms session that stops heartbeating is removed first, so
        // the sweep has run well past the synthetic members' sessions.
        QString witness;
        const Call w = joinNew(u"session-witness"_s, &witness, protocols({u"range"_s}), 300);
        QTRY_VERIFY_WITH_TIMEOUT(w.answered(), 5000);
        sync(u"session-witness"_s, joinResp(w).generationId, witness, {{witness, "x"_ba}});
        QTRY_COMPARE_WITH_TIMEOUT(coord->groupInfo(u"session-witness"_s).members.size(), 0, 5000);
        QCOMPARE(coord->groupInfo(u"synthetic-0"_s).state, u"Stable"_s);
        QCOMPARE(coord->groupInfo(u"synthetic-0"_s).members.size(), 4);
        QCOMPARE(coord->groupInfo(u"synthetic-0"_s).generationId, jr.generationId);
    }
};

QTEST_GUILESS_MAIN(tst_GroupCoordinator)
#include "tst_group_coordinator.moc"
