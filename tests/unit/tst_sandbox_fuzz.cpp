// SPDX-License-Identifier: GPL-3.0-or-later
// Random and mutated frames against a live sandbox: it must survive them all
// and keep serving a well-behaved connection.

#include "SandboxFixture.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

using namespace cohort::ApiKey;

using namespace cohort;

namespace {

QByteArray frame(qint16 key, qint16 version, qint32 correlation, const QByteArray &body)
{
    ByteWriter w;
    w.int32(0);
    w.int16(key);
    w.int16(version);
    w.int32(correlation);
    w.string(QStringLiteral("fuzz"));
    w.raw(body);
    QByteArray out = w.take();
    ByteWriter size;
    size.int32(qint32(out.size() - 4));
    out.replace(0, 4, size.data());
    return out;
}

// A well-formed ApiVersions v0 round trip: proof that the broker still serves.
bool apiVersionsAnswers(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(5000))
        return false;
    s.write(frame(ApiVersions, 0, 42, {}));
    QByteArray in;
    while (in.size() < 10 && s.waitForReadyRead(5000))
        in += s.readAll();
    ByteReader r(in);
    r.int32();
    return r.int32() == 42 && r.int16() == 0;
}

}   // namespace

class TestSandboxFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brokerSurvivesHostileFrames()
    {
        auto cluster = cohort::test::startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("fz"), 2));
        const quint16 port = cluster->brokerPort(cluster->brokerIds().first());
        QRandomGenerator rng(20261124);

        // Seeds: valid-looking bodies for several APIs, then mutated.
        ByteWriter metadata;
        metadata.arrayLength(1);
        metadata.string(QStringLiteral("fz"));
        ByteWriter fetch;
        fetch.int32(-1);
        fetch.int32(100);
        fetch.int32(1);
        fetch.int32(1 << 20);
        fetch.int8(0);
        fetch.arrayLength(1);
        fetch.string(QStringLiteral("fz"));
        fetch.arrayLength(1);
        fetch.int32(0);
        fetch.int64(0);
        fetch.int64(0);
        fetch.int32(1 << 20);
        ByteWriter produce;
        produce.nullableString(std::nullopt);
        produce.int16(1);
        produce.int32(1000);
        produce.arrayLength(1);
        produce.string(QStringLiteral("fz"));
        produce.arrayLength(1);
        produce.int32(0);
        produce.bytes(QByteArray(70, '\x02'));
        const QList<QPair<QPair<qint16, qint16>, QByteArray>> seeds{
            {{Metadata, 1}, metadata.data()},        {{Fetch, 4}, fetch.data()},           {{Produce, 3}, produce.data()},
            {{ListOffsets, 1}, fetch.data()},        {{CreateTopics, 2}, metadata.data()}, {{JoinGroup, 5}, metadata.data()},
            {{DescribeConfigs, 1}, metadata.data()}, {{DeleteRecords, 0}, fetch.data()}};

        for (int round = 0; round < 300; ++round) {
            QTcpSocket s;
            s.connectToHost(QStringLiteral("127.0.0.1"), port);
            QVERIFY(s.waitForConnected(5000));
            const auto &seed = seeds.at(round % seeds.size());
            QByteArray body = seed.second;
            const int mutations = 1 + int(rng.bounded(6));
            for (int m = 0; m < mutations && !body.isEmpty(); ++m) {
                const int pos = int(rng.bounded(int(body.size())));
                switch (rng.bounded(4)) {
                case 0: body[pos] = char(rng.bounded(256)); break;
                case 1: body.truncate(pos); break;
                case 2: body.insert(pos, QByteArray(int(rng.bounded(8)) + 1, char(0xff))); break;
                default: body[pos] = char(0x7f); break;
                }
            }
            QByteArray f = round % 10 == 9 ? QByteArray::number(rng.generate()) + QByteArray(20, char(rng.bounded(256)))
                                           : frame(seed.first.first, seed.first.second, round, body);
            if (round % 17 == 0)
                f = frame(qint16(rng.bounded(200) + 60), 0, round, body);   // unknown API key
            if (round % 23 == 0) {
                ByteWriter huge;
                huge.int32(0x7ffffff0);   // oversized frame
                f = huge.take() + f;
            }
            s.write(f);
            s.waitForBytesWritten(1000);
            s.waitForReadyRead(50);
            s.abort();
        }
        QVERIFY(apiVersionsAnswers(port));
        QVERIFY(cluster->isBrokerUp(cluster->brokerIds().first()));
        QCOMPARE(cluster->partitionCount(QStringLiteral("fz")), 2);
    }
};

QTEST_GUILESS_MAIN(TestSandboxFuzz)
#include "tst_sandbox_fuzz.moc"
