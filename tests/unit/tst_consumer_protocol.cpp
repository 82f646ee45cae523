// SPDX-License-Identifier: GPL-3.0-or-later
// Consumer protocol decoding: every version, trailing bytes, truncation at every
// byte, hostile counts and random bytes.

#include "core/wire/ConsumerProtocolDecoder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace cohort;
namespace CPD = cohort::ConsumerProtocolDecoder;

class TestConsumerProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscriptionEveryVersion_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v <= 3; ++v)
            QTest::addRow("v%d", v) << v;
    }
    void subscriptionEveryVersion()
    {
        QFETCH(int, version);
        ConsumerSubscription s;
        s.version = version;
        s.topics = {QStringLiteral("orders"), QStringLiteral("payments")};
        s.userData = QByteArrayLiteral("\x01\x02");
        if (version >= 1)
            s.ownedPartitions = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 3}};
        if (version >= 2)
            s.generationId = 42;
        if (version >= 3)
            s.rackId = QStringLiteral("rack-a");
        const QByteArray bytes = CPD::encodeSubscription(s);
        const auto d = CPD::decodeSubscription(bytes);
        QVERIFY(d.ok());
        QCOMPARE(d->version, version);
        QCOMPARE(d->topics, s.topics);
        QCOMPARE(d->userData, s.userData);
        QCOMPARE(d->ownedPartitions, s.ownedPartitions);
        QCOMPARE(d->generationId, version >= 2 ? 42 : -1);
        QCOMPARE(d->rackId, version >= 3 ? QStringLiteral("rack-a") : QString());
        // Newer versions may append fields: ignored.
        QVERIFY(CPD::decodeSubscription(bytes + QByteArrayLiteral("\x00\x00\x00\x07trailer")).ok());
        for (qsizetype cut = 0; cut < bytes.size(); ++cut)
            QVERIFY2(!CPD::decodeSubscription(bytes.left(cut)).ok() || cut == bytes.size(), qPrintable(QString::number(cut)));
    }

    void assignmentEveryVersion()
    {
        for (int v = 0; v <= 3; ++v) {
            ConsumerAssignment a;
            a.version = v;
            a.partitions = {{QStringLiteral("a"), 1}, {QStringLiteral("a"), 2}, {QStringLiteral("b"), 0}};
            a.userData = QByteArrayLiteral("ud");
            const QByteArray bytes = CPD::encodeAssignment(a);
            const auto d = CPD::decodeAssignment(bytes);
            QVERIFY(d.ok());
            QCOMPARE(d->version, v);
            QCOMPARE(d->partitions, a.partitions);
            QCOMPARE(d->userData, a.userData);
            for (qsizetype cut = 1; cut < bytes.size(); ++cut)
                QVERIFY(!CPD::decodeAssignment(bytes.left(cut)).ok());
        }
        QVERIFY(CPD::decodeAssignment(QByteArray()).ok());   // not assigned yet
        QCOMPARE(CPD::decodeAssignment(QByteArray()).value().partitions.size(), 0);
    }

    void garbageIsAnErrorNotACrash()
    {
        // A huge topic count must fail fast, not allocate.
        const QByteArray hostile = QByteArrayLiteral("\x00\x01\x7f\xff\xff\xff");
        const auto r = CPD::decodeSubscription(hostile);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().name, QStringLiteral("CONSUMER_PROTOCOL_DECODE"));
        QVERIFY(!CPD::decodeSubscription(QByteArrayLiteral("\xff\xff")).ok());   // negative version
        QRandomGenerator rng(4242);
        int decoded = 0;
        for (int i = 0; i < 20000; ++i) {
            QByteArray b(int(rng.bounded(64)), Qt::Uninitialized);
            for (auto &c : b)
                c = char(rng.bounded(256));
            decoded += CPD::decodeSubscription(b).ok() ? 1 : 0;
            decoded += CPD::decodeAssignment(b).ok() ? 1 : 0;
        }
        QVERIFY(decoded < 20000);   // most random input is rejected
    }
};

QTEST_GUILESS_MAIN(TestConsumerProtocol)
#include "tst_consumer_protocol.moc"
