// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaWireConnection without a broker: bootstrap entries split as librdkafka
// reads them, and a refused connection or an unopened one says why.

#include "core/wire/ApiKey.h"
#include "core/wire/KafkaWireConnection.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

using namespace cohort;
using namespace Qt::StringLiterals;

class TestKafkaWireConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitHostPort_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("plain") << u"kafka-1:9092"_s << true << u"kafka-1"_s << 9092;
        QTest::newRow("spaces") << u"  kafka-1:9092 "_s << true << u"kafka-1"_s << 9092;
        QTest::newRow("scheme") << u"SASL_PLAINTEXT://broker:9093"_s << true << u"broker"_s << 9093;
        QTest::newRow("ipv6") << u"[::1]:9092"_s << true << u"::1"_s << 9092;
        QTest::newRow("highest port") << u"h:65535"_s << true << u"h"_s << 65535;
        QTest::newRow("no port") << u"kafka-1"_s << false << QString() << 0;
        QTest::newRow("no host") << u":9092"_s << false << QString() << 0;
        QTest::newRow("port 0") << u"h:0"_s << false << QString() << 0;
        QTest::newRow("port too big") << u"h:65536"_s << false << QString() << 0;
        QTest::newRow("port not a number") << u"h:kafka"_s << false << QString() << 0;
    }

    void splitHostPort()
    {
        QFETCH(QString, entry);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        const auto address = KafkaWireConnection::splitHostPort(entry);
        QCOMPARE(address.has_value(), valid);
        if (valid) {
            QCOMPARE(address->host, host);
            QCOMPARE(int(address->port), port);
        }
    }

    void refusedConnectionSaysWhere()
    {
        quint16 port = 0;
        {
            QTcpServer s;   // a port nobody listens on once the server is gone
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            port = s.serverPort();
        }
        KafkaWireConnection conn(2000);
        const Result<Done, QString> opened = conn.open(u"127.0.0.1"_s, port, std::nullopt);
        QVERIFY(!opened);
        QVERIFY2(opened.error().startsWith(u"cannot connect to 127.0.0.1:%1: "_s.arg(port)), qPrintable(opened.error()));

        // Nothing was sent, so there is nothing to receive: an error, not an empty body.
        const Result<QByteArray, QString> body = conn.roundTrip(ApiKey::ApiVersions, 0, {});
        QVERIFY(!body);
        QVERIFY(!body.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKafkaWireConnection)
#include "tst_kafka_wire_connection.moc"
