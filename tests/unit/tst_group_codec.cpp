// SPDX-License-Identifier: GPL-3.0-or-later
// Round trips of every group API request and response in every version the
// sandbox serves, version-dependent fields, and truncated or hostile input.

#include "core/wire/ApiKey.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ConsumerProtocolDecoder.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"

#include <QTest>

#include <functional>
#include <vector>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

// One message of one version: its encoding and a decode-then-re-encode function.
struct Case
{
    QString name;
    QByteArray bytes;
    std::function<std::optional<QByteArray>(const QByteArray &)> reencode;
};

template<typename Msg, typename Decode>
Case makeCase(const QString &name, const Msg &msg, qint16 version, Decode decode)
{
    Case c;
    c.name = name % u" v"_s % QString::number(version);
    c.bytes = GroupApiCodec::encode(msg, version);
    c.reencode = [version, decode](const QByteArray &bytes) -> std::optional<QByteArray> {
        ByteReader r(bytes);
        const auto decoded = decode(r, version);
        if (!decoded)
            return std::nullopt;
        return GroupApiCodec::encode(*decoded, version);
    };
    return c;
}

QByteArray subscription()
{
    ConsumerSubscription s;
    s.version = 1;
    s.topics = {u"orders"_s, u"payments"_s};
    s.ownedPartitions = {{u"orders"_s, 0}, {u"orders"_s, 2}};
    return ConsumerProtocolDecoder::encodeSubscription(s);
}

std::vector<Case> allCases()
{
    std::vector<Case> cases;
    const QString instance = u"instance-1"_s;

    for (qint16 v = 0; v <= 5; ++v) {
        JoinGroupRequest req;
        req.groupId = u"g"_s;
        req.sessionTimeoutMs = 10000;
        req.rebalanceTimeoutMs = v >= 1 ? 30000 : 10000;
        req.memberId = u"m-1"_s;
        if (v >= 5)
            req.groupInstanceId = instance;
        req.protocolType = u"consumer"_s;
        req.protocols = {{u"range"_s, subscription()}, {u"roundrobin"_s, subscription()}};
        cases.push_back(makeCase(u"JoinGroupRequest"_s, req, v, &GroupApiCodec::decodeJoinGroupRequest));

        JoinGroupResponse resp;
        resp.throttleTimeMs = v >= 2 ? 5 : 0;
        resp.generationId = 7;
        resp.protocolName = u"range"_s;
        resp.leader = u"m-1"_s;
        resp.memberId = u"m-2"_s;
        resp.members = {{u"m-1"_s, v >= 5 ? std::optional<QString>(instance) : std::nullopt, subscription()},
                        {u"m-2"_s, std::nullopt, QByteArray()}};
        cases.push_back(makeCase(u"JoinGroupResponse"_s, resp, v, &GroupApiCodec::decodeJoinGroupResponse));
    }
    for (qint16 v = 0; v <= 3; ++v) {
        SyncGroupRequest req;
        req.groupId = u"g"_s;
        req.generationId = 3;
        req.memberId = u"m-1"_s;
        if (v >= 3)
            req.groupInstanceId = instance;
        req.assignments = {{u"m-1"_s, "\x00\x01"_ba}, {u"m-2"_s, QByteArray()}};
        cases.push_back(makeCase(u"SyncGroupRequest"_s, req, v, &GroupApiCodec::decodeSyncGroupRequest));
        SyncGroupResponse resp;
        resp.throttleTimeMs = v >= 1 ? 1 : 0;
        resp.errorCode = RebalanceInProgress;
        resp.assignment = "abc"_ba;
        cases.push_back(makeCase(u"SyncGroupResponse"_s, resp, v, &GroupApiCodec::decodeSyncGroupResponse));

        HeartbeatRequest hb;
        hb.groupId = u"g"_s;
        hb.generationId = 9;
        hb.memberId = u"m"_s;
        if (v >= 3)
            hb.groupInstanceId = instance;
        cases.push_back(makeCase(u"HeartbeatRequest"_s, hb, v, &GroupApiCodec::decodeHeartbeatRequest));
        HeartbeatResponse hbr;
        hbr.throttleTimeMs = v >= 1 ? 2 : 0;
        hbr.errorCode = IllegalGeneration;
        cases.push_back(makeCase(u"HeartbeatResponse"_s, hbr, v, &GroupApiCodec::decodeHeartbeatResponse));

        LeaveGroupRequest lg;
        lg.groupId = u"g"_s;
        if (v < 3)
            lg.memberId = u"m"_s;
        else
            lg.members = {{u"m"_s, std::nullopt}, {QString(), instance}};
        cases.push_back(makeCase(u"LeaveGroupRequest"_s, lg, v, &GroupApiCodec::decodeLeaveGroupRequest));
        LeaveGroupResponse lgr;
        lgr.throttleTimeMs = v >= 1 ? 3 : 0;
        lgr.errorCode = v < 3 ? qint16(UnknownMemberId) : qint16(None);
        if (v >= 3)
            lgr.members = {{u"m"_s, std::nullopt, None}, {QString(), instance, UnknownMemberId}};
        cases.push_back(makeCase(u"LeaveGroupResponse"_s, lgr, v, &GroupApiCodec::decodeLeaveGroupResponse));
    }
    for (qint16 v = 2; v <= 7; ++v) {
        OffsetCommitRequest req;
        req.groupId = u"g"_s;
        req.generationId = -1;
        req.memberId = QString();
        if (v >= 7)
            req.groupInstanceId = instance;
        if (v <= 4)
            req.retentionTimeMs = 86400000;
        OffsetCommitRequest::Partition p0{0, 42, v >= 6 ? 5 : -1, u"meta"_s};
        OffsetCommitRequest::Partition p1{3, 7, -1, std::nullopt};
        req.topics = {{u"orders"_s, {p0, p1}}, {u"payments"_s, {}}};
        cases.push_back(makeCase(u"OffsetCommitRequest"_s, req, v, &GroupApiCodec::decodeOffsetCommitRequest));
        OffsetCommitResponse resp;
        resp.throttleTimeMs = v >= 3 ? 4 : 0;
        resp.topics = {{u"orders"_s, {{0, None}, {3, UnknownTopicOrPartition}}}};
        cases.push_back(makeCase(u"OffsetCommitResponse"_s, resp, v, &GroupApiCodec::decodeOffsetCommitResponse));
    }
    for (qint16 v = 1; v <= 5; ++v) {
        OffsetFetchRequest req;
        req.groupId = u"g"_s;
        req.topics = QList<OffsetFetchRequest::Topic>{{u"orders"_s, {0, 1, 2}}};
        cases.push_back(makeCase(u"OffsetFetchRequest"_s, req, v, &GroupApiCodec::decodeOffsetFetchRequest));
        if (v >= 2) {
            OffsetFetchRequest all;
            all.groupId = u"g"_s;
            cases.push_back(makeCase(u"OffsetFetchRequest(all)"_s, all, v, &GroupApiCodec::decodeOffsetFetchRequest));
        }
        OffsetFetchResponse resp;
        resp.throttleTimeMs = v >= 3 ? 6 : 0;
        OffsetFetchResponse::Partition p;
        p.partitionIndex = 1;
        p.committedOffset = 99;
        p.committedLeaderEpoch = v >= 5 ? 2 : -1;
        p.metadata = u"x"_s;
        OffsetFetchResponse::Partition none;
        none.partitionIndex = 2;
        resp.topics = {{u"orders"_s, {p, none}}};
        resp.errorCode = v >= 2 ? qint16(NotCoordinator) : qint16(0);
        cases.push_back(makeCase(u"OffsetFetchResponse"_s, resp, v, &GroupApiCodec::decodeOffsetFetchResponse));
    }
    for (qint16 v = 0; v <= 4; ++v) {
        DescribeGroupsRequest req;
        req.groups = {u"a"_s, u"b"_s};
        req.includeAuthorizedOperations = v >= 3;
        cases.push_back(makeCase(u"DescribeGroupsRequest"_s, req, v, &GroupApiCodec::decodeDescribeGroupsRequest));
        DescribeGroupsResponse resp;
        resp.throttleTimeMs = v >= 1 ? 7 : 0;
        DescribeGroupsResponse::Group g;
        g.groupId = u"a"_s;
        g.groupState = u"Stable"_s;
        g.protocolType = u"consumer"_s;
        g.protocolData = u"range"_s;
        g.members = {{u"m-1"_s, v >= 4 ? std::optional<QString>(instance) : std::nullopt, u"client"_s, u"/127.0.0.1"_s, subscription(),
                      "assign"_ba}};
        g.authorizedOperations = v >= 3 ? 328 : INT_MIN;
        DescribeGroupsResponse::Group dead;
        dead.groupId = u"b"_s;
        dead.groupState = u"Dead"_s;
        dead.authorizedOperations = INT_MIN;
        resp.groups = {g, dead};
        cases.push_back(makeCase(u"DescribeGroupsResponse"_s, resp, v, &GroupApiCodec::decodeDescribeGroupsResponse));
    }
    for (qint16 v = 3; v <= 5; ++v) {   // v0-2 have no request fields
        const ListGroupsRequest req{{u"Stable"_s, u"Empty"_s}, {u"classic"_s}};
        cases.push_back(makeCase(u"ListGroupsRequest"_s, req, v, &GroupApiCodec::decodeListGroupsRequest));
    }
    for (qint16 v = 0; v <= 5; ++v) {
        ListGroupsResponse resp;
        resp.throttleTimeMs = v >= 1 ? 8 : 0;
        resp.groups = {{u"a"_s, u"consumer"_s, v >= 4 ? u"Stable"_s : QString(), v >= 5 ? u"classic"_s : QString()},
                       {u"b"_s, QString(), v >= 4 ? u"Empty"_s : QString(), v >= 5 ? u"classic"_s : QString()}};
        cases.push_back(makeCase(u"ListGroupsResponse"_s, resp, v, &GroupApiCodec::decodeListGroupsResponse));
    }
    for (qint16 v = 0; v <= 1; ++v) {
        DeleteGroupsRequest req;
        req.groupsNames = {u"a"_s, u"b"_s};
        cases.push_back(makeCase(u"DeleteGroupsRequest"_s, req, v, &GroupApiCodec::decodeDeleteGroupsRequest));
        DeleteGroupsResponse resp;
        resp.throttleTimeMs = 9;
        resp.results = {{u"a"_s, NonEmptyGroup}, {u"b"_s, GroupIdNotFound}};
        cases.push_back(makeCase(u"DeleteGroupsResponse"_s, resp, v, &GroupApiCodec::decodeDeleteGroupsResponse));
    }
    {
        OffsetDeleteRequest req;
        req.groupId = u"g"_s;
        req.topics = {{u"orders"_s, {0, 1}}};
        cases.push_back(makeCase(u"OffsetDeleteRequest"_s, req, 0, &GroupApiCodec::decodeOffsetDeleteRequest));
        OffsetDeleteResponse resp;
        resp.errorCode = None;
        resp.throttleTimeMs = 10;
        resp.topics = {{u"orders"_s, {{0, GroupSubscribedToTopic}, {1, None}}}};
        cases.push_back(makeCase(u"OffsetDeleteResponse"_s, resp, 0, &GroupApiCodec::decodeOffsetDeleteResponse));
    }
    for (qint16 v = 0; v <= 2; ++v) {
        FindCoordinatorRequest req;
        req.key = u"g"_s;
        req.keyType = 0;
        cases.push_back(makeCase(u"FindCoordinatorRequest"_s, req, v, &GroupApiCodec::decodeFindCoordinatorRequest));
        FindCoordinatorResponse resp;
        resp.throttleTimeMs = v >= 1 ? 11 : 0;
        if (v >= 1)
            resp.errorMessage = u"ok"_s;
        resp.nodeId = 2;
        resp.host = u"127.0.0.1"_s;
        resp.port = 9092;
        cases.push_back(makeCase(u"FindCoordinatorResponse"_s, resp, v, &GroupApiCodec::decodeFindCoordinatorResponse));
    }
    return cases;
}

}   // namespace

class tst_GroupCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("index");
        const auto cases = allCases();
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(cases[i].name)) << int(i);
    }

    void roundTrip()
    {
        QFETCH(int, index);
        const auto c = allCases().at(size_t(index));
        const auto again = c.reencode(c.bytes);
        QVERIFY2(again.has_value(), "decoding a freshly encoded message failed");
        QCOMPARE(*again, c.bytes);
    }

    // Every strict prefix of a message lacks a required field: decoding must fail
    // cleanly (the reader never reads past the end).
    void truncatedFails_data() { roundTrip_data(); }
    void truncatedFails()
    {
        QFETCH(int, index);
        const auto c = allCases().at(size_t(index));
        for (qsizetype n = 0; n < c.bytes.size(); ++n) {
            const QByteArray prefix = c.bytes.left(n);
            QVERIFY2(!c.reencode(prefix).has_value(), qPrintable(u"prefix of %1 bytes decoded"_s.arg(n)));
        }
    }

    void versionDependentFields()
    {
        JoinGroupRequest req;
        req.groupId = u"g"_s;
        req.sessionTimeoutMs = 6000;
        req.rebalanceTimeoutMs = 60000;
        req.groupInstanceId = u"i"_s;
        req.protocolType = u"consumer"_s;
        req.protocols = {{u"range"_s, "x"_ba}};
        {
            const QByteArray bytes = GroupApiCodec::encode(req, 0);
            ByteReader r(bytes);
            const auto d = GroupApiCodec::decodeJoinGroupRequest(r, 0);
            QVERIFY(d);
            QCOMPARE(d->rebalanceTimeoutMs, 6000);   // v0: the session timeout
            QVERIFY(!d->groupInstanceId);
        }
        {
            const QByteArray bytes = GroupApiCodec::encode(req, 4);
            ByteReader r(bytes);
            const auto d = GroupApiCodec::decodeJoinGroupRequest(r, 4);
            QVERIFY(d);
            QCOMPARE(d->rebalanceTimeoutMs, 60000);
            QVERIFY(!d->groupInstanceId);
        }
        {
            const QByteArray bytes = GroupApiCodec::encode(req, 5);
            ByteReader r(bytes);
            const auto d = GroupApiCodec::decodeJoinGroupRequest(r, 5);
            QVERIFY(d);
            QCOMPARE(d->groupInstanceId.value_or(QString()), u"i"_s);
            QCOMPARE(d->protocols.size(), 1);
            QCOMPARE(d->protocols[0].metadata, "x"_ba);
        }
        // OffsetFetch v1 cannot express "all topics": a null array is malformed there.
        OffsetFetchRequest all;
        all.groupId = u"g"_s;
        {
            const QByteArray bytes = GroupApiCodec::encode(all, 2);
            ByteReader r(bytes);
            const auto d = GroupApiCodec::decodeOffsetFetchRequest(r, 2);
            QVERIFY(d);
            QVERIFY(!d->topics.has_value());
        }
        {
            ByteWriter w;
            w.string(u"g"_s);
            w.arrayLength(-1);
            ByteReader r(w.data());
            QVERIFY(!GroupApiCodec::decodeOffsetFetchRequest(r, 1));
        }
        // OffsetCommit v6 carries the leader epoch, v5 does not.
        OffsetCommitRequest oc;
        oc.groupId = u"g"_s;
        oc.topics = {{u"t"_s, {{1, 10, 4, std::nullopt}}}};
        {
            const QByteArray bytes = GroupApiCodec::encode(oc, 6);
            ByteReader r(bytes);
            const auto d = GroupApiCodec::decodeOffsetCommitRequest(r, 6);
            QVERIFY(d);
            QCOMPARE(d->topics[0].partitions[0].committedLeaderEpoch, 4);
            QCOMPARE(d->topics[0].partitions[0].committedOffset, 10);
        }
        {
            const QByteArray bytes = GroupApiCodec::encode(oc, 5);
            ByteReader r(bytes);
            const auto d = GroupApiCodec::decodeOffsetCommitRequest(r, 5);
            QVERIFY(d);
            QCOMPARE(d->topics[0].partitions[0].committedLeaderEpoch, -1);
        }
    }

    void unsupportedVersionsAreRejected()
    {
        const QByteArray zeros(64, '\0');
        ByteReader r(zeros);
        QVERIFY(!GroupApiCodec::decodeJoinGroupRequest(r, 6));
        QVERIFY(!GroupApiCodec::decodeOffsetCommitRequest(r, 1));
        QVERIFY(!GroupApiCodec::decodeOffsetCommitRequest(r, 8));
        QVERIFY(!GroupApiCodec::decodeOffsetFetchRequest(r, 0));
        QVERIFY(!GroupApiCodec::decodeOffsetDeleteRequest(r, 1));
        QVERIFY(!GroupApiCodec::decodeListGroupsRequest(r, 6));
        QVERIFY(!GroupApiCodec::decodeDescribeGroupsRequest(r, -1));
        QVERIFY(GroupApiCodec::supports(ApiKey::OffsetFetch, 5));
        QVERIFY(!GroupApiCodec::supports(ApiKey::Produce, 3));
    }

    // A count that cannot fit in the bytes left fails at once instead of looping or
    // allocating (an int32 max count followed by nothing).
    void hostileArrayCountFails()
    {
        ByteWriter w;
        w.arrayLength(0x7fffffff);
        {
            ByteReader r(w.data());
            QVERIFY(!GroupApiCodec::decodeDescribeGroupsRequest(r, 0));
        }
        ByteWriter w2;
        w2.string(u"g"_s);
        w2.int32(1);
        w2.string(u"m"_s);
        w2.arrayLength(0x7fffffff);
        {
            ByteReader r(w2.data());
            QVERIFY(!GroupApiCodec::decodeSyncGroupRequest(r, 0));
        }
        ByteWriter w3;
        w3.arrayLength(-5);
        {
            ByteReader r(w3.data());
            QVERIFY(!GroupApiCodec::decodeDeleteGroupsRequest(r, 0));
        }
    }
};

QTEST_GUILESS_MAIN(tst_GroupCodec)
#include "tst_group_codec.moc"
