// SPDX-License-Identifier: GPL-3.0-or-later
// What BrokerRelay changes in answers on their way to librdkafka, with
// crafted frames: ApiVersions capped (v0 and the flexible v3), Metadata's
// brokers and FindCoordinator's coordinator pointed at the relay's
// listeners, everything else byte for byte as the broker sent it.

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/RelayFrameRewriter.h"

#include <QTest>

using namespace cohort;
using namespace Qt::StringLiterals;
using Address = RelayFrameRewriter::Address;
using Treatment = RelayFrameRewriter::Treatment;

namespace {

struct Api
{
    qint16 key, min, max;
};

// Kafka 4.4's answer, in part: the APIs the rewriting cares about and two it does not.
const QList<Api> kBrokerApis{{ApiKey::Produce, 3, 13},     {ApiKey::Fetch, 4, 18},          {ApiKey::Metadata, 0, 13},
                             {ApiKey::FindCoordinator, 0, 6}, {ApiKey::ListGroups, 0, 5},   {ApiKey::SaslAuthenticate, 0, 2},
                             {ApiKey::DescribeCluster, 0, 2}, {ApiKey::ShareFetch, 1, 1},   {ApiKey::DescribeGroups, 0, 6}};

QByteArray apiVersionsV0(const QList<Api> &apis)
{
    ByteWriter w;
    w.int16(0);
    w.arrayLength(apis.size());
    for (const Api &a : apis) {
        w.int16(a.key);
        w.int16(a.min);
        w.int16(a.max);
    }
    return w.take();
}

// v3: compact array, tagged fields per entry, throttle time, then the
// response's tagged fields (here a made-up tag 0 with three bytes, as
// SupportedFeatures would be).
QByteArray apiVersionsV3(const QList<Api> &apis)
{
    ByteWriter w;
    w.int16(0);
    w.compactArrayLength(apis.size());
    for (const Api &a : apis) {
        w.int16(a.key);
        w.int16(a.min);
        w.int16(a.max);
        w.emptyTaggedFields();
    }
    w.int32(7);   // throttle_time_ms
    w.uvarint(1);
    w.uvarint(0);
    w.uvarint(3);
    w.raw(QByteArray("abc"));
    return w.take();
}

QMap<qint16, QPair<qint16, qint16>> readApis(const QByteArray &body, bool flexible, QByteArray *rest = nullptr)
{
    ByteReader r(body);
    r.int16();
    const qint32 n = flexible ? r.compactArrayLength() : r.arrayLength();
    QMap<qint16, QPair<qint16, qint16>> out;
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        const qint16 key = r.int16();
        const qint16 min = r.int16();
        out.insert(key, {min, r.int16()});
        if (flexible)
            r.skipTaggedFields();
    }
    if (rest)
        *rest = body.mid(r.position());
    return r.ok() ? out : QMap<qint16, QPair<qint16, qint16>>{};
}

Address toListener(const Address &broker)
{
    return Address{u"127.0.0.1"_s, 40000 + broker.port % 1000};
}

struct Broker
{
    qint32 id;
    QString host;
    qint32 port;
    std::optional<QString> rack;
};

// The brokers, then what follows them (cluster id, controller, one topic),
// as Metadata v`version` lays them out.
QByteArray metadata(qint16 version, const QList<Broker> &brokers, QByteArray *tail = nullptr)
{
    ByteWriter w;
    if (version >= 3)
        w.int32(0);
    w.arrayLength(brokers.size());
    for (const Broker &b : brokers) {
        w.int32(b.id);
        w.string(b.host);
        w.int32(b.port);
        if (version >= 1)
            w.nullableString(b.rack);
    }
    ByteWriter t;
    if (version >= 2)
        t.nullableString(u"cluster-x"_s);
    if (version >= 1)
        t.int32(2);
    t.arrayLength(1);
    t.int16(0);
    t.string(u"orders"_s);
    if (version >= 1)
        t.boolean(false);
    t.arrayLength(0);
    if (version >= 8)
        t.int32(-2147483648);
    if (version >= 8)
        t.int32(-2147483648);
    if (tail)
        *tail = t.data();
    w.raw(t.data());
    return w.take();
}

QList<Broker> readBrokers(const QByteArray &body, qint16 version, QByteArray *tail)
{
    ByteReader r(body);
    if (version >= 3)
        r.int32();
    QList<Broker> out;
    const qint32 n = r.arrayLength();
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        Broker b{r.int32(), r.string(), r.int32(), std::nullopt};
        if (version >= 1)
            b.rack = r.nullableString();
        out << b;
    }
    *tail = body.mid(r.position());
    return out;
}

QByteArray findCoordinator(qint16 version, qint16 error, const QString &host, qint32 port)
{
    ByteWriter w;
    if (version >= 1)
        w.int32(5);
    w.int16(error);
    if (version >= 1)
        w.nullableString(error ? std::optional<QString>(u"The coordinator is not available."_s) : std::nullopt);
    w.int32(error ? -1 : 3);
    w.string(host);
    w.int32(port);
    return w.take();
}

}   // namespace

class TestRelayFrameRewriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capsApiVersionsV0()
    {
        const auto capped = RelayFrameRewriter::capApiVersions(apiVersionsV0(kBrokerApis), 0);
        QVERIFY(capped);
        const auto apis = readApis(*capped, false);
        QCOMPARE(apis.value(ApiKey::Metadata), (QPair<qint16, qint16>{0, 8}));
        QCOMPARE(apis.value(ApiKey::FindCoordinator), (QPair<qint16, qint16>{0, 2}));
        QCOMPARE(apis.value(ApiKey::Produce), (QPair<qint16, qint16>{3, 9}));
        QCOMPARE(apis.value(ApiKey::Fetch), (QPair<qint16, qint16>{4, 15}));
        QCOMPARE(apis.value(ApiKey::SaslAuthenticate), (QPair<qint16, qint16>{0, 1}));
        QCOMPARE(apis.value(ApiKey::ListGroups), (QPair<qint16, qint16>{0, 5}));
        QCOMPARE(apis.value(ApiKey::DescribeGroups), (QPair<qint16, qint16>{0, 6}));
        QVERIFY(!apis.contains(ApiKey::DescribeCluster));
        QVERIFY(!apis.contains(ApiKey::ShareFetch));
        QCOMPARE(apis.size(), kBrokerApis.size() - 2);
    }

    void capsApiVersionsV3KeepingTheRest()
    {
        const auto capped = RelayFrameRewriter::capApiVersions(apiVersionsV3(kBrokerApis), 3);
        QVERIFY(capped);
        QByteArray rest;
        const auto apis = readApis(*capped, true, &rest);
        QCOMPARE(apis.value(ApiKey::Metadata), (QPair<qint16, qint16>{0, 8}));
        QCOMPARE(apis.value(ApiKey::FindCoordinator), (QPair<qint16, qint16>{0, 2}));
        QVERIFY(!apis.contains(ApiKey::DescribeCluster));
        QCOMPARE(apis.size(), kBrokerApis.size() - 2);
        // Throttle time and the features' tagged fields as they came.
        QCOMPARE(rest, QByteArray("\x00\x00\x00\x07\x01\x00\x03" "abc", 10));
    }

    // A v0-shaped UNSUPPORTED_VERSION answer: the client retries lower, the relay leaves it.
    void unsupportedVersionPassesAsItCame()
    {
        QByteArray body = apiVersionsV0(kBrokerApis);
        body[1] = char(ErrorCode::UnsupportedVersion);
        QCOMPARE(RelayFrameRewriter::capApiVersions(body, 3), std::optional<QByteArray>(body));
    }

    void malformedApiVersionsIsRefused()
    {
        const QByteArray body = apiVersionsV3(kBrokerApis);
        QVERIFY(!RelayFrameRewriter::capApiVersions(body.left(9), 3));
    }

    void rewritesMetadataBrokers_data()
    {
        QTest::addColumn<int>("version");
        for (int v : {0, 1, 4, 7, 8})
            QTest::addRow("v%d", v) << v;
    }

    void rewritesMetadataBrokers()
    {
        QFETCH(int, version);
        const QList<Broker> brokers{{1, u"kafka-1.example"_s, 9092, u"rack-a"_s}, {2, u"kafka-2.example"_s, 9193, std::nullopt}};
        QByteArray tail;
        const QByteArray body = metadata(qint16(version), brokers, &tail);
        QList<Address> asked;
        const auto rewritten = RelayFrameRewriter::rewriteMetadata(body, qint16(version), [&](const Address &a) {
            asked << a;
            return toListener(a);
        });
        QVERIFY(rewritten);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(0).host, u"kafka-1.example"_s);
        QCOMPARE(asked.at(1).port, 9193);
        QByteArray outTail;
        const QList<Broker> out = readBrokers(*rewritten, qint16(version), &outTail);
        QCOMPARE(out.size(), 2);
        QCOMPARE(out.at(0).id, 1);
        QCOMPARE(out.at(0).host, u"127.0.0.1"_s);
        QCOMPARE(out.at(0).port, 40092);
        QCOMPARE(out.at(1).id, 2);
        QCOMPARE(out.at(1).port, 40193);
        if (version >= 1) {
            QCOMPARE(out.at(0).rack, std::optional<QString>(u"rack-a"_s));
            QCOMPARE(out.at(1).rack, std::optional<QString>());
        }
        QCOMPARE(outTail, tail);
    }

    void refusesMetadataItCannotRead()
    {
        const auto identity = [](const Address &a) { return a; };
        QVERIFY(!RelayFrameRewriter::rewriteMetadata(metadata(8, {{1, u"h"_s, 1, std::nullopt}}), 9, identity));
        QVERIFY(!RelayFrameRewriter::rewriteMetadata(metadata(1, {{1, u"h"_s, 1, std::nullopt}}).left(12), 1, identity));
    }

    void rewritesTheCoordinator_data()
    {
        QTest::addColumn<int>("version");
        for (int v : {0, 1, 2})
            QTest::addRow("v%d", v) << v;
    }

    void rewritesTheCoordinator()
    {
        QFETCH(int, version);
        const auto rewritten
            = RelayFrameRewriter::rewriteFindCoordinator(findCoordinator(qint16(version), 0, u"kafka-3"_s, 9094), qint16(version), toListener);
        QVERIFY(rewritten);
        QCOMPARE(*rewritten, findCoordinator(qint16(version), 0, u"127.0.0.1"_s, 40094));
    }

    void coordinatorErrorIsLeftAlone()
    {
        const QByteArray body = findCoordinator(2, ErrorCode::CoordinatorNotAvailable, QString(), -1);
        bool asked = false;
        const auto out = RelayFrameRewriter::rewriteFindCoordinator(body, 2, [&](const Address &a) {
            asked = true;
            return a;
        });
        QCOMPARE(out, std::optional<QByteArray>(body));
        QVERIFY(!asked);
    }

    void treatments()
    {
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::ApiVersions, 3), Treatment::CapVersions);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::Metadata, 4), Treatment::RewriteMetadata);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::Metadata, 9), Treatment::Refuse);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::FindCoordinator, 2), Treatment::RewriteCoordinator);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::FindCoordinator, 3), Treatment::Refuse);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::DescribeCluster, 0), Treatment::Refuse);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::ListGroups, 5), Treatment::PassThrough);
        QCOMPARE(RelayFrameRewriter::treatmentOf(ApiKey::OffsetCommit, 7), Treatment::PassThrough);
    }
};

QTEST_GUILESS_MAIN(TestRelayFrameRewriter)
#include "tst_relay_frame_rewriter.moc"
