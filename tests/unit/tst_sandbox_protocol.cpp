// SPDX-License-Identifier: GPL-3.0-or-later
// Wire layouts of the sandbox's data APIs at every advertised version: each
// request is encoded as a client would, the response decoded field by field to
// its last byte. Truncated requests close the connection; the broker carries on.

#include "SandboxFixture.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "sandbox/protocol/Crc32c.h"
#include "sandbox/protocol/RecordBatch.h"
#include "sandbox/protocol/SupportedApis.h"

#include <QTcpSocket>
#include <QTest>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

using namespace cohort;
using namespace cohort::sandbox;

namespace {

class Wire
{
public:
    explicit Wire(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        m_socket.waitForConnected(5000);
    }
    // Sends a request with request header v1; returns the response body
    // (after the correlation id of response header v0), or a null array when
    // the broker closed the connection.
    QByteArray call(qint16 key, qint16 version, const QByteArray &body, qsizetype cut = 0)
    {
        return exchange(key, version, body, cut, false);
    }
    // The same over request header v2 (header v1 and its tagged fields), for a
    // flexible version; the response header v1 must end with empty tagged
    // fields, else the answer counts as missing. ApiVersions is answered
    // with header v0 in every version, as Kafka does.
    QByteArray callFlexible(qint16 key, qint16 version, const QByteArray &body) { return exchange(key, version, body, 0, true); }

private:
    QByteArray exchange(qint16 key, qint16 version, const QByteArray &body, qsizetype cut, bool flexibleRequest)
    {
        const bool flexible = flexibleRequest && key != ApiVersions;
        ByteWriter header;
        header.int16(key);
        header.int16(version);
        header.int32(++m_correlation);
        header.string(QStringLiteral("tst"));
        if (flexibleRequest)
            header.emptyTaggedFields();
        QByteArray payload = header.data() + body;
        payload.chop(cut);
        ByteWriter frame;
        frame.int32(qint32(payload.size()));
        frame.raw(payload);
        m_socket.write(frame.data());
        const int headerSize = flexible ? 5 : 4;
        QByteArray in;
        while (m_socket.state() == QAbstractSocket::ConnectedState) {
            if (in.size() >= 4) {
                ByteReader r(in.constData(), 4);
                const qint32 size = r.int32();
                if (size >= headerSize && in.size() >= 4 + size) {
                    ByteReader c(in.constData() + 4, 4);
                    if (c.int32() != m_correlation || (flexible && in.at(8) != 0))
                        return {};
                    return in.mid(4 + headerSize, size - headerSize);
                }
            }
            if (!m_socket.waitForReadyRead(5000))
                break;
            in += m_socket.readAll();
        }
        return {};
    }

    QTcpSocket m_socket;
    qint32 m_correlation = 0;
};

QByteArray topicsRequest(qint16 v)
{
    ByteWriter w;
    w.arrayLength(1);
    w.string(QStringLiteral("p"));
    if (v >= 4)
        w.boolean(false);
    if (v >= 8) {
        w.boolean(false);
        w.boolean(false);
    }
    return w.take();
}

}   // namespace

class TestSandboxProtocol : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxCluster> m_cluster;

    int leaderPort(int partition) { return m_cluster->brokerPort(m_cluster->leaderOf(QStringLiteral("p"), partition)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = cohort::test::startSandbox();
        QVERIFY(m_cluster);
        QVERIFY(m_cluster->createTopic(QStringLiteral("p"), 2));
    }

    void recordBatchRoundTrip()
    {
        QByteArray b = RecordBatch::build({{"k1", "v1"}, {QByteArray(), "v2"}}, 1234);
        RecordBatchHeader h;
        QCOMPARE(RecordBatch::parse(b.constData(), b.size(), &h), RecordBatch::Check::Ok);
        QCOMPARE(h.recordCount, 2);
        QCOMPARE(h.lastOffsetDelta, 1);
        QCOMPARE(h.maxTimestamp, 1234);
        RecordBatch::setBaseOffset(b, 77);
        QCOMPARE(RecordBatch::parse(b.constData(), b.size(), &h), RecordBatch::Check::Ok);   // CRC does not cover it
        QCOMPARE(h.baseOffset, 77);
        for (qsizetype cut = 0; cut < b.size(); ++cut)
            QCOMPARE(RecordBatch::parse(b.constData(), cut, &h), RecordBatch::Check::Truncated);
        QByteArray bad = b;
        bad[bad.size() - 1] = char(bad.at(bad.size() - 1) ^ 1);
        QCOMPARE(RecordBatch::parse(bad.constData(), bad.size(), &h), RecordBatch::Check::BadCrc);
        bad = b;
        bad[16] = 1;
        QCOMPARE(RecordBatch::parse(bad.constData(), bad.size(), &h), RecordBatch::Check::BadMagic);
        QCOMPARE(crc32c("123456789", 9), 0xE3069283u);   // the standard check value
    }

    void apiVersionsAtEveryVersionAndTheFallback()
    {
        Wire wire(m_cluster->brokerPort(1));
        for (qint16 v = 0; v <= 3; ++v) {
            // v3 is flexible: request header v2, client_software_name and
            // _version as compact strings, tagged fields.
            const QByteArray resp
                = v <= 2
                      ? wire.call(ApiVersions, v, {})
                      : wire.callFlexible(ApiVersions, v,
                                          QByteArray::fromHex("04") + "tst" + QByteArray::fromHex("02") + "1" + QByteArray::fromHex("00"));
            ByteReader r(resp);
            QCOMPARE(r.int16(), qint16(v <= 2 ? 0 : 35));
            const qint32 n = r.arrayLength(6);
            QCOMPARE(n, qint32(kSupportedApis.size()));
            for (qint32 i = 0; i < n; ++i) {
                r.int16();
                QVERIFY(r.int16() <= r.int16());
            }
            if (v >= 1 && v <= 2)
                r.int32();
            QVERIFY(r.ok());
            QVERIFY2(r.atEnd(), qPrintable(QStringLiteral("v%1").arg(v)));
        }
    }

    void listGroupsFlexibleVersionsAsKafka44()
    {
        // One group, Empty after an admin commit (no protocol type), as Kafka
        // 4.4 lists such a group. The expected bytes follow
        // ListGroupsRequest.json / ListGroupsResponse.json (flexible from v3:
        // compact strings and arrays, tagged fields after each struct).
        const QString group = QStringLiteral("lg");
        Wire wire(m_cluster->brokerPort(m_cluster->coordinatorOf(group)));
        OffsetCommitRequest commit;
        commit.groupId = group;
        commit.generationId = -1;
        commit.topics = {{QStringLiteral("p"), {{0, 1, -1, QString()}}}};
        QVERIFY(!wire.call(OffsetCommit, 2, GroupApiCodec::encode(commit, 2)).isNull());
        QCOMPARE(m_cluster->groupInfo(group).state, QStringLiteral("Empty"));

        const QByteArray head = QByteArray::fromHex("00000000"              // throttle_time_ms
                                                    "0000");                // error_code
        const QByteArray one = QByteArray::fromHex("02");                   // groups: compact array, 1
        const QByteArray none = QByteArray::fromHex("01");                  // groups: compact array, 0
        const QByteArray lg = QByteArray::fromHex("03") + "lg"              // group_id
                              + QByteArray::fromHex("01");                  // protocol_type ""
        const QByteArray empty = QByteArray::fromHex("06") + "Empty";       // group_state (v4+)
        const QByteArray classic = QByteArray::fromHex("08") + "classic";   // group_type (v5+)
        const QByteArray tags = QByteArray::fromHex("00");

        // v3: flexible, no filters and no state yet.
        QCOMPARE(wire.callFlexible(ListGroups, 3, tags), head + one + lg + tags + tags);
        // v4: states_filter; empty lists every state, "EMPTY " matches as Kafka trims and lowercases.
        QCOMPARE(wire.callFlexible(ListGroups, 4, none + tags), head + one + lg + empty + tags + tags);
        QCOMPARE(wire.callFlexible(ListGroups, 4, one + QByteArray::fromHex("07") + "EMPTY " + tags),
                 head + one + lg + empty + tags + tags);
        QCOMPARE(wire.callFlexible(ListGroups, 4, one + QByteArray::fromHex("07") + "Stable" + tags), head + none + tags);
        // v5: types_filter; every sandbox group is classic.
        QCOMPARE(wire.callFlexible(ListGroups, 5, none + none + tags), head + one + lg + empty + classic + tags + tags);
        QCOMPARE(wire.callFlexible(ListGroups, 5, none + one + QByteArray::fromHex("08") + "Classic" + tags),
                 head + one + lg + empty + classic + tags + tags);
        QCOMPARE(wire.callFlexible(ListGroups, 5, none + one + QByteArray::fromHex("09") + "consumer" + tags), head + none + tags);
        // The non-flexible versions keep header v1 and response header v0.
        QCOMPARE(wire.call(ListGroups, 2, {}),
                 head + QByteArray::fromHex("00000001") + QByteArray::fromHex("0002") + "lg" + QByteArray::fromHex("0000"));
        // A flexible request cut inside its tagged fields closes the connection.
        QVERIFY(wire.callFlexible(ListGroups, 5, none + none).isNull());
    }

    void metadataAtEveryVersion()
    {
        Wire wire(m_cluster->brokerPort(1));
        for (qint16 v = 0; v <= 8; ++v) {
            const QByteArray resp = wire.call(Metadata, v, topicsRequest(v));
            ByteReader r(resp);
            if (v >= 3)
                r.int32();
            QCOMPARE(r.arrayLength(), 3);
            for (int b = 0; b < 3; ++b) {
                r.int32();
                r.string();
                QVERIFY(r.int32() > 0);
                if (v >= 1)
                    r.nullableString();
            }
            if (v >= 2)
                QCOMPARE(r.nullableString().value_or(QString()), QStringLiteral("cohort-sandbox"));
            if (v >= 1)
                QCOMPARE(r.int32(), m_cluster->controllerId());
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.int16(), qint16(0));
            QCOMPARE(r.string(), QStringLiteral("p"));
            if (v >= 1)
                r.boolean();
            QCOMPARE(r.arrayLength(), 2);
            for (int p = 0; p < 2; ++p) {
                QCOMPARE(r.int16(), qint16(0));
                QCOMPARE(r.int32(), p);
                QCOMPARE(r.int32(), m_cluster->leaderOf(QStringLiteral("p"), p));
                if (v >= 7)
                    r.int32();
                QCOMPARE(r.arrayLength(), 1);
                r.int32();
                QCOMPARE(r.arrayLength(), 1);
                r.int32();
                if (v >= 5)
                    QCOMPARE(r.arrayLength(), 0);
            }
            if (v >= 8) {
                r.int32();
                r.int32();
            }
            QVERIFY(r.ok());
            QVERIFY2(r.atEnd(), qPrintable(QStringLiteral("v%1").arg(v)));
        }
    }

    void produceFetchListOffsetsAtEveryVersion()
    {
        Wire wire(leaderPort(0));
        qint64 expectedBase = m_cluster->logEndOffset(QStringLiteral("p"), 0);
        for (qint16 v = 3; v <= 8; ++v) {
            ByteWriter w;
            w.nullableString(std::nullopt);
            w.int16(1);
            w.int32(5000);
            w.arrayLength(1);
            w.string(QStringLiteral("p"));
            w.arrayLength(1);
            w.int32(0);
            w.bytes(RecordBatch::build({{"k", "v" + QByteArray::number(v)}}, 1000 + v));
            const QByteArray resp = wire.call(Produce, v, w.data());
            ByteReader r(resp);
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.string(), QStringLiteral("p"));
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.int32(), 0);
            QCOMPARE(r.int16(), qint16(0));
            QCOMPARE(r.int64(), expectedBase++);
            r.int64();
            if (v >= 5)
                QCOMPARE(r.int64(), 0);
            if (v >= 8) {
                QCOMPARE(r.arrayLength(), 0);
                r.nullableString();
            }
            r.int32();
            QVERIFY(r.ok());
            QVERIFY2(r.atEnd(), qPrintable(QStringLiteral("Produce v%1").arg(v)));
        }
        for (qint16 v = 4; v <= 11; ++v) {
            ByteWriter w;
            w.int32(-1);
            w.int32(0);
            w.int32(1);
            w.int32(1 << 20);
            w.int8(0);
            if (v >= 7) {
                w.int32(0);
                w.int32(-1);
            }
            w.arrayLength(1);
            w.string(QStringLiteral("p"));
            w.arrayLength(1);
            w.int32(0);
            if (v >= 9)
                w.int32(-1);
            w.int64(2);
            if (v >= 5)
                w.int64(-1);
            w.int32(1 << 20);
            if (v >= 7)
                w.arrayLength(0);
            if (v >= 11)
                w.string(QString());
            const QByteArray resp = wire.call(Fetch, v, w.data());
            ByteReader r(resp);
            r.int32();
            if (v >= 7) {
                QCOMPARE(r.int16(), qint16(0));
                QCOMPARE(r.int32(), 0);
            }
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.string(), QStringLiteral("p"));
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.int32(), 0);
            QCOMPARE(r.int16(), qint16(0));
            QCOMPARE(r.int64(), expectedBase);   // high watermark
            QCOMPARE(r.int64(), expectedBase);   // last stable offset
            if (v >= 5)
                QCOMPARE(r.int64(), 0);
            QCOMPARE(r.arrayLength(), 0);
            if (v >= 11)
                QCOMPARE(r.int32(), -1);
            const QByteArray records = r.bytes();
            RecordBatchHeader h;
            QCOMPARE(RecordBatch::parse(records.constData(), records.size(), &h), RecordBatch::Check::Ok);
            QCOMPARE(h.baseOffset, 2);   // the batch holding offset 2
            QVERIFY(r.ok());
            QVERIFY2(r.atEnd(), qPrintable(QStringLiteral("Fetch v%1").arg(v)));
        }
        for (qint16 v = 1; v <= 5; ++v) {
            for (const qint64 ts : {qint64(-1), qint64(-2), qint64(1005)}) {
                ByteWriter w;
                w.int32(-1);
                if (v >= 2)
                    w.int8(0);
                w.arrayLength(1);
                w.string(QStringLiteral("p"));
                w.arrayLength(1);
                w.int32(0);
                if (v >= 4)
                    w.int32(-1);
                w.int64(ts);
                const QByteArray resp = wire.call(ListOffsets, v, w.data());
                ByteReader r(resp);
                if (v >= 2)
                    r.int32();
                QCOMPARE(r.arrayLength(), 1);
                r.string();
                QCOMPARE(r.arrayLength(), 1);
                QCOMPARE(r.int32(), 0);
                QCOMPARE(r.int16(), qint16(0));
                r.int64();
                QCOMPARE(r.int64(), ts == -1 ? expectedBase : ts == -2 ? 0 : 2);   // v5 has timestamp 1005
                if (v >= 4)
                    r.int32();
                QVERIFY(r.ok());
                QVERIFY(r.atEnd());
            }
        }
    }

    void adminApisAtEveryVersion()
    {
        Wire wire(m_cluster->brokerPort(1));
        for (qint16 v = 0; v <= 2; ++v) {
            ByteWriter w;
            w.string(QStringLiteral("some-group"));
            if (v >= 1)
                w.int8(0);
            const QByteArray resp = wire.call(FindCoordinator, v, w.data());
            ByteReader r(resp);
            if (v >= 1)
                r.int32();
            QCOMPARE(r.int16(), qint16(0));
            if (v >= 1)
                r.nullableString();
            QCOMPARE(r.int32(), m_cluster->coordinatorOf(QStringLiteral("some-group")));
            QCOMPARE(r.string(), QStringLiteral("127.0.0.1"));
            QCOMPARE(r.int32(), int(m_cluster->brokerPort(m_cluster->coordinatorOf(QStringLiteral("some-group")))));
            QVERIFY(r.ok() && r.atEnd());
        }
        for (qint16 v = 2; v <= 4; ++v) {
            ByteWriter w;
            w.arrayLength(2);
            w.string(QStringLiteral("created-%1").arg(v));
            w.int32(3);
            w.int16(1);
            w.arrayLength(0);
            w.arrayLength(0);
            w.string(QStringLiteral("p"));
            w.int32(1);
            w.int16(1);
            w.arrayLength(0);
            w.arrayLength(0);
            w.int32(1000);
            w.boolean(false);
            const QByteArray resp = wire.call(CreateTopics, v, w.data());
            ByteReader r(resp);
            r.int32();
            QCOMPARE(r.arrayLength(), 2);
            r.string();
            QCOMPARE(r.int16(), qint16(0));
            r.nullableString();
            r.string();
            QCOMPARE(r.int16(), qint16(TopicAlreadyExists));
            QVERIFY(r.nullableString().has_value());
            QVERIFY(r.ok() && r.atEnd());
            QCOMPARE(m_cluster->partitionCount(QStringLiteral("created-%1").arg(v)), 3);
        }
        for (qint16 v = 0; v <= 1; ++v) {
            ByteWriter w;
            w.nullableString(std::nullopt);
            w.int32(60000);
            const QByteArray resp = wire.call(InitProducerId, v, w.data());
            ByteReader r(resp);
            r.int32();
            QCOMPARE(r.int16(), qint16(0));
            QVERIFY(r.int64() >= 0);
            QCOMPARE(r.int16(), qint16(0));
            QVERIFY(r.ok() && r.atEnd());
        }
        for (qint16 v = 1; v <= 3; ++v) {
            ByteWriter w;
            w.arrayLength(1);
            w.int8(2);
            w.string(QStringLiteral("p"));
            w.arrayLength(-1);
            w.boolean(false);
            if (v >= 3)
                w.boolean(false);
            const QByteArray resp = wire.call(DescribeConfigs, v, w.data());
            ByteReader r(resp);
            r.int32();
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.int16(), qint16(0));
            r.nullableString();
            QCOMPARE(r.int8(), qint8(2));
            r.string();
            const qint32 n = r.arrayLength();
            QVERIFY(n >= 5);
            for (qint32 i = 0; i < n; ++i) {
                r.string();
                r.nullableString();
                r.boolean();
                r.int8();
                r.boolean();
                QCOMPARE(r.arrayLength(), 0);
                if (v >= 3) {
                    r.int8();
                    r.nullableString();
                }
            }
            QVERIFY(r.ok() && r.atEnd());
        }
        Wire leader(leaderPort(1));
        m_cluster->appendRecords(QStringLiteral("p"), 1, {{"a", "1"}, {"b", "2"}, {"c", "3"}});
        for (qint16 v = 0; v <= 1; ++v) {
            ByteWriter w;
            w.arrayLength(1);
            w.string(QStringLiteral("p"));
            w.arrayLength(1);
            w.int32(1);
            w.int64(1 + v);
            w.int32(1000);
            const QByteArray resp = leader.call(DeleteRecords, v, w.data());
            ByteReader r(resp);
            r.int32();
            QCOMPARE(r.arrayLength(), 1);
            r.string();
            QCOMPARE(r.arrayLength(), 1);
            QCOMPARE(r.int32(), 1);
            QCOMPARE(r.int64(), 1 + v);
            QCOMPARE(r.int16(), qint16(0));
            QVERIFY(r.ok() && r.atEnd());
        }
        QCOMPARE(m_cluster->logStartOffset(QStringLiteral("p"), 1), 2);
    }

    void saslHandshakeAndAuthenticateAtEveryVersion()
    {
        auto config = cohort::test::testConfig();
        config.saslPlainUsers.insert(QStringLiteral("alice"), QStringLiteral("pw"));
        auto cluster = cohort::test::startSandbox(config);
        for (qint16 hv = 0; hv <= 1; ++hv) {
            for (qint16 av = 0; av <= 1; ++av) {
                for (const bool right : {true, false}) {
                    Wire wire(cluster->brokerPort(1));
                    ByteWriter hs;
                    hs.string(QStringLiteral("PLAIN"));
                    const QByteArray hsResp = wire.call(SaslHandshake, hv, hs.data());
                    ByteReader h(hsResp);
                    QCOMPARE(h.int16(), qint16(0));
                    QCOMPARE(h.arrayLength(), 1);
                    QCOMPARE(h.string(), QStringLiteral("PLAIN"));
                    QVERIFY(h.ok() && h.atEnd());
                    ByteWriter auth;
                    auth.bytes(right ? QByteArray("\0alice\0pw", 9) : QByteArray("\0alice\0no", 9));
                    const QByteArray authResp = wire.call(SaslAuthenticate, av, auth.data());
                    ByteReader a(authResp);
                    QCOMPARE(a.int16(), qint16(right ? 0 : SaslAuthenticationFailed));
                    QCOMPARE(a.nullableString().has_value(), !right);
                    a.bytes();
                    if (av >= 1)
                        a.int64();
                    QVERIFY(a.ok() && a.atEnd());
                    // Authenticated connections are served; others are closed.
                    QCOMPARE(wire.call(Metadata, 1, topicsRequest(1)).isNull(), !right);
                }
            }
        }
        Wire unauthenticated(cluster->brokerPort(1));
        QVERIFY(unauthenticated.call(Metadata, 1, topicsRequest(1)).isNull());
    }

    // Requests pipelined before a malformed frame are answered before the
    // connection closes, as Kafka's SocketServer does: a client that sent
    // them is not left without the answers it is owed.
    void pipelinedRequestsBeforeAMalformedFrameAreAnswered()
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_cluster->brokerPort(1));
        QVERIFY(socket.waitForConnected(5000));
        QByteArray out;
        for (qint32 correlation : {7, 8}) {
            ByteWriter header;
            header.int16(ApiVersions);
            header.int16(0);
            header.int32(correlation);
            header.string(QStringLiteral("tst"));
            ByteWriter frame;
            frame.int32(qint32(header.size()));
            frame.raw(header.data());
            out += frame.data();
        }
        out += QByteArray::fromHex("00000002ffff");   // a frame of 2 bytes: no room for a header
        socket.write(out);
        QByteArray in;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
            in += socket.readAll();
        in += socket.readAll();
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);   // closed after the answers
        QList<qint32> answered;
        for (qsizetype pos = 0; pos + 8 <= in.size();) {
            ByteReader r(in.constData() + pos, 8);
            const qint32 size = r.int32();
            answered << r.int32();
            pos += 4 + size;
        }
        QCOMPARE(answered, (QList<qint32>{7, 8}));
    }

    void truncatedRequestsCloseOnlyTheirConnection()
    {
        for (qint16 key : {qint16(Metadata), qint16(Produce), qint16(Fetch), qint16(ListOffsets), qint16(CreateTopics)}) {
            Wire wire(m_cluster->brokerPort(1));
            const qint16 v = findApi(key)->maxVersion;
            QVERIFY(wire.call(key, v, topicsRequest(v) + QByteArray(12, '\0'), 14).isNull());
        }
        Wire fresh(m_cluster->brokerPort(1));
        QVERIFY(!fresh.call(ApiVersions, 0, {}).isNull());
    }
};

QTEST_GUILESS_MAIN(TestSandboxProtocol)
#include "tst_sandbox_protocol.moc"
