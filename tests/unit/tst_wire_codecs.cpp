// SPDX-License-Identifier: GPL-3.0-or-later
// Core's OffsetFetch and DescribeGroups in core's terms (GroupOffsets,
// GroupDescription: thin adapters over GroupApiCodec, whose bytes the sandbox
// answers with) and the ListOffsets codec (checked byte by byte), with
// truncated and garbage input that must come back as errors, never as a crash
// or a read out of bounds.

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/DescribeGroupsCodec.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/ListOffsetsCodec.h"
#include "core/wire/OffsetFetchCodec.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cohort;

namespace {

QByteArray offsetFetchResponse(qint16 topLevelError = 0)
{
    OffsetFetchResponse r;
    r.throttleTimeMs = 0;
    r.errorCode = topLevelError;
    OffsetFetchResponse::Topic t{QStringLiteral("orders"), {}};
    t.partitions.append({0, 42, -1, QStringLiteral("meta"), 0});
    t.partitions.append({1, -1, -1, QString(), 0});   // never committed
    t.partitions.append({2, 7, -1, std::nullopt, 0});
    r.topics.append(t);
    r.topics.append({QStringLiteral("payments"), {{5, 1000, -1, QString(), 0}}});
    return GroupApiCodec::encode(r, OffsetFetchCodec::kVersion);
}

QByteArray listOffsetsResponse()
{
    ByteWriter w;
    w.int32(0);   // throttle
    w.arrayLength(1);
    w.string(QStringLiteral("orders"));
    w.arrayLength(3);
    for (const auto &[p, err, off] : {std::tuple{0, 0, 120}, std::tuple{1, 6, -1}, std::tuple{2, 0, 0}}) {
        w.int32(p);
        w.int16(qint16(err));
        w.int64(-1);
        w.int64(off);
    }
    return w.take();
}

}   // namespace

class TestWireCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offsetFetchAllPartitionsRequestHasNullTopics()
    {
        const QByteArray bytes = OffsetFetchCodec::encodeRequest(QStringLiteral("billing"), {});
        ByteReader r(bytes);
        const auto req = GroupApiCodec::decodeOffsetFetchRequest(r, OffsetFetchCodec::kVersion);
        QVERIFY(req);
        QCOMPARE(req->groupId, QStringLiteral("billing"));
        QVERIFY(!req->topics.has_value());
    }

    void offsetFetchRequestGroupsPartitionsByTopic()
    {
        const QByteArray bytes = OffsetFetchCodec::encodeRequest(
            QStringLiteral("billing"), {{QStringLiteral("b"), 2}, {QStringLiteral("a"), 0}, {QStringLiteral("b"), 1}});
        ByteReader r(bytes);
        const auto req = GroupApiCodec::decodeOffsetFetchRequest(r, OffsetFetchCodec::kVersion);
        QVERIFY(req);
        QVERIFY(req->topics.has_value());
        QCOMPARE(req->topics->size(), 2);
        QCOMPARE(req->topics->at(0).name, QStringLiteral("a"));
        QCOMPARE(req->topics->at(0).partitionIndexes, (QList<qint32>{0}));
        QCOMPARE(req->topics->at(1).name, QStringLiteral("b"));
        QCOMPARE(req->topics->at(1).partitionIndexes, (QList<qint32>{2, 1}));
    }

    void offsetFetchResponseKeepsCommittedPartitionsOnly()
    {
        const Result<GroupOffsets> got = OffsetFetchCodec::decodeResponse(QStringLiteral("billing"), offsetFetchResponse());
        QVERIFY2(got.ok(), qPrintable(got.error().toString()));
        QCOMPARE(got->groupId, QStringLiteral("billing"));
        QCOMPARE(got->offsets.size(), 3);
        QCOMPARE(got->offsets.at(0).tp, (TopicPartition{QStringLiteral("orders"), 0}));
        QCOMPARE(got->offsets.at(0).offset, 42);
        QCOMPARE(got->offsets.at(0).metadata, QStringLiteral("meta"));
        QCOMPARE(got->offsets.at(1).tp, (TopicPartition{QStringLiteral("orders"), 2}));
        QCOMPARE(got->offsets.at(2).tp, (TopicPartition{QStringLiteral("payments"), 5}));
        QCOMPARE(got->offsets.at(2).offset, 1000);
    }

    void offsetFetchTopLevelErrorIsAnError()
    {
        const Result<GroupOffsets> got = OffsetFetchCodec::decodeResponse(QStringLiteral("billing"), offsetFetchResponse(16));
        QVERIFY(!got.ok());
        QCOMPARE(got.error().name, QStringLiteral("NOT_COORDINATOR"));
    }

    void describeGroupsRequestIsV4WithoutAuthorizedOperations()
    {
        const QByteArray bytes = DescribeGroupsCodec::encodeRequest({QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(DescribeGroupsCodec::kVersion, 4);
        ByteReader r(bytes);
        const auto req = GroupApiCodec::decodeDescribeGroupsRequest(r, DescribeGroupsCodec::kVersion);
        QVERIFY(req);
        QCOMPARE(req->groups, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(!req->includeAuthorizedOperations);
        QVERIFY(r.atEnd());
    }

    void describeGroupsResponseBecomesGroupDescriptions()
    {
        DescribeGroupsResponse resp;
        DescribeGroupsResponse::Group stable;
        stable.groupId = QStringLiteral("inventory");
        stable.groupState = QStringLiteral("Stable");
        stable.protocolType = QStringLiteral("consumer");
        stable.protocolData = QStringLiteral("range");
        stable.members.append(
            {QStringLiteral("m-1"), QStringLiteral("inventory-1"), QStringLiteral("inv"), QStringLiteral("/10.0.0.1"), "meta", "assign"});
        stable.members.append({QStringLiteral("m-2"), std::nullopt, QStringLiteral("inv"), QStringLiteral("/10.0.0.2"), {}, {}});
        stable.authorizedOperations = 0;
        DescribeGroupsResponse::Group moved;
        moved.errorCode = ErrorCode::NotCoordinator;
        moved.groupId = QStringLiteral("elsewhere");
        moved.groupState = QStringLiteral("Dead");
        resp.groups = {stable, moved};
        const auto got = DescribeGroupsCodec::decodeResponse(GroupApiCodec::encode(resp, DescribeGroupsCodec::kVersion));
        QVERIFY(got);
        QCOMPARE(got->size(), 2);
        const GroupDescription &g = got->at(0);
        QCOMPARE(g.groupId, QStringLiteral("inventory"));
        QCOMPARE(g.state, GroupState::Stable);
        QCOMPARE(g.protocolType, QStringLiteral("consumer"));
        QCOMPARE(g.protocol, QStringLiteral("range"));
        QCOMPARE(g.errorCode, 0);
        QVERIFY(g.errorName.isEmpty());
        QCOMPARE(g.members.size(), 2);
        QCOMPARE(g.members.at(0).memberId, QStringLiteral("m-1"));
        QCOMPARE(g.members.at(0).groupInstanceId, QStringLiteral("inventory-1"));
        QCOMPARE(g.members.at(0).clientId, QStringLiteral("inv"));
        QCOMPARE(g.members.at(0).host, QStringLiteral("/10.0.0.1"));
        QCOMPARE(g.members.at(0).rawMetadata, QByteArray("meta"));
        QCOMPARE(g.members.at(0).rawAssignment, QByteArray("assign"));
        QVERIFY(g.members.at(1).groupInstanceId.isEmpty());
        QCOMPARE(got->at(1).errorCode, 16);
        QCOMPARE(got->at(1).errorName, QStringLiteral("NOT_COORDINATOR"));
        QCOMPARE(got->at(1).state, GroupState::Dead);

        const QByteArray bytes = GroupApiCodec::encode(resp, DescribeGroupsCodec::kVersion);
        for (qsizetype n = 0; n < bytes.size(); ++n)
            QVERIFY2(!DescribeGroupsCodec::decodeResponse(bytes.left(n)), qPrintable(QString::number(n)));
    }

    void listOffsetsRequestDecodesAsTheSandboxReadsIt()
    {
        const QByteArray bytes = ListOffsetsCodec::encodeRequest(
            {{QStringLiteral("b"), 1}, {QStringLiteral("a"), 0}, {QStringLiteral("b"), 0}}, ListOffsetsCodec::kEarliest, true);
        ByteReader r(bytes);
        QCOMPARE(r.int32(), -1);        // replica id
        QCOMPARE(r.int8(), qint8(1));   // read_committed
        QCOMPARE(r.arrayLength(), 2);
        QCOMPARE(r.string(), QStringLiteral("a"));
        QCOMPARE(r.arrayLength(), 1);
        QCOMPARE(r.int32(), 0);
        QCOMPARE(r.int64(), ListOffsetsCodec::kEarliest);
        QCOMPARE(r.string(), QStringLiteral("b"));
        QCOMPARE(r.arrayLength(), 2);
        QCOMPARE(r.int32(), 1);
        QCOMPARE(r.int64(), ListOffsetsCodec::kEarliest);
        QCOMPARE(r.int32(), 0);
        QCOMPARE(r.int64(), ListOffsetsCodec::kEarliest);
        QVERIFY(r.ok());
        QVERIFY(r.atEnd());
    }

    void listOffsetsResponseSeparatesFailedPartitions()
    {
        const auto got = ListOffsetsCodec::decodeResponse(listOffsetsResponse());
        QVERIFY(got);
        QCOMPARE(got->offsets.size(), 2);
        QCOMPARE(got->offsets.value({QStringLiteral("orders"), 0}), 120);
        QCOMPARE(got->offsets.value({QStringLiteral("orders"), 2}), 0);
        QCOMPARE(got->failed, (QList<TopicPartition>{{QStringLiteral("orders"), 1}}));
    }

    void truncatedResponsesAreErrors()
    {
        const QByteArray fetch = offsetFetchResponse();
        for (qsizetype n = 0; n < fetch.size(); ++n)
            QVERIFY2(!OffsetFetchCodec::decodeResponse(QStringLiteral("g"), fetch.left(n)).ok(), qPrintable(QString::number(n)));
        const QByteArray list = listOffsetsResponse();
        for (qsizetype n = 0; n < list.size(); ++n)
            QVERIFY2(!ListOffsetsCodec::decodeResponse(list.left(n)), qPrintable(QString::number(n)));
    }

    // Mutated bytes: never a crash, and whatever decodes cannot claim more
    // entries than the bytes could hold (an array count is never trusted), while
    // every unmutated whole response still decodes to its known values.
    void garbageNeverCrashes()
    {
        // The smallest v3 partition entry: partition_index int32, committed_offset
        // int64, metadata (empty string: int16 length), error_code int16.
        constexpr qsizetype kMinOffsetFetchPartition = 4 + 8 + 2 + 2;
        // The smallest v2 partition answer: partition_index int32, error_code
        // int16, timestamp int64, offset int64.
        constexpr qsizetype kMinListOffsetsPartition = 4 + 2 + 8 + 8;
        QRandomGenerator rng(20261127);
        const QByteArray fetch = offsetFetchResponse();
        const QByteArray list = listOffsetsResponse();
        const QByteArray seed = fetch + list;
        int wholeFetches = 0, wholeLists = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray b = seed.left(rng.bounded(seed.size() + 1));
            for (int k = rng.bounded(6); k > 0 && !b.isEmpty(); --k)
                b[rng.bounded(b.size())] = char(rng.bounded(256));
            if (rng.bounded(8) == 0)
                b = rng.bounded(2) ? fetch : list;   // now and then an intact one
            const Result<GroupOffsets> f = OffsetFetchCodec::decodeResponse(QStringLiteral("g"), b);
            if (f.ok())
                QVERIFY2(f->offsets.size() * kMinOffsetFetchPartition <= b.size(), qPrintable(QString::number(i)));
            const auto l = ListOffsetsCodec::decodeResponse(b);
            if (l)
                QVERIFY2((l->offsets.size() + l->failed.size()) * kMinListOffsetsPartition <= b.size(), qPrintable(QString::number(i)));
            if (b == fetch) {
                ++wholeFetches;
                QVERIFY(f.ok());
                QCOMPARE(f->offsets.size(), 3);   // orders-0, orders-2, payments-5 were committed
                QCOMPARE(f->offsets.at(2).offset, 1000);
            }
            if (b == list) {
                ++wholeLists;
                QVERIFY(l);
                QCOMPARE(l->offsets.value({QStringLiteral("orders"), 0}), 120);
                QCOMPARE(l->failed.size(), 1);
            }
        }
        QVERIFY(wholeFetches > 0);
        QVERIFY(wholeLists > 0);
    }
};

QTEST_GUILESS_MAIN(TestWireCodecs)
#include "tst_wire_codecs.moc"
