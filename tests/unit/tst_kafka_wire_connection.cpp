// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaWireConnection without a broker: bootstrap entries split as librdkafka
// reads them, a refused connection or an unopened one says why, TLS settings
// read from librdkafka's properties as librdkafka reads them, and a TLS
// handshake with a listener that does not speak TLS fails at once, saying so.

#include "core/wire/ApiKey.h"
#include "core/wire/KafkaWireConnection.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <atomic>
#include <thread>

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

    // An IPv6 address in the message is bracketed, as a bootstrap entry writes
    // it: "::1:9092" would not say where the address ends and the port begins.
    // ::1 refuses where it listens on nothing at the port and is unreachable
    // where the machine has no IPv6: the connection fails either way.
    void refusedConnectionSaysWhere_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("shown");
        QTest::newRow("ipv4") << u"127.0.0.1"_s << u"127.0.0.1"_s;
        QTest::newRow("ipv6") << u"::1"_s << u"[::1]"_s;
    }

    void refusedConnectionSaysWhere()
    {
        QFETCH(QString, host);
        QFETCH(QString, shown);
        quint16 port = 0;
        {
            QTcpServer s;   // a port nobody listens on once the server is gone
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            port = s.serverPort();
        }
        KafkaWireConnection conn(2000);
        const Result<Done, QString> opened = conn.open(host, port, std::nullopt);
        QVERIFY(!opened);
        QVERIFY2(opened.error().startsWith(u"cannot connect to %1:%2: "_s.arg(shown).arg(port)), qPrintable(opened.error()));

        // Nothing was sent, so there is nothing to receive: an error, not an empty body.
        const Result<QByteArray, QString> body = conn.roundTrip(ApiKey::ApiVersions, 0, {});
        QVERIFY(!body);
        QVERIFY(!body.error().isEmpty());
    }

    void tlsSettingsFromProperties_data()
    {
        using Properties = QList<QPair<QString, QString>>;
        QTest::addColumn<Properties>("properties");
        QTest::addColumn<bool>("verifyCertificate");
        QTest::addColumn<bool>("verifyHostName");
        QTest::addColumn<QString>("caFile");
        // librdkafka 2.x: both checks on unless turned off.
        QTest::newRow("defaults") << Properties{{u"security.protocol"_s, u"SSL"_s}} << true << true << QString();
        QTest::newRow("ca") << Properties{{u"ssl.ca.location"_s, u" /etc/ca.pem "_s}} << true << true << u"/etc/ca.pem"_s;
        QTest::newRow("no host name check") << Properties{{u"ssl.endpoint.identification.algorithm"_s, u"None"_s}} << true << false
                                            << QString();
        QTest::newRow("https") << Properties{{u"ssl.endpoint.identification.algorithm"_s, u"https"_s}} << true << true << QString();
        QTest::newRow("no verification") << Properties{{u"enable.ssl.certificate.verification"_s, u"false"_s}} << false << true
                                         << QString();
        QTest::newRow("0") << Properties{{u"enable.ssl.certificate.verification"_s, u"0"_s}} << false << true << QString();
        QTest::newRow("F") << Properties{{u"enable.ssl.certificate.verification"_s, u"F"_s}} << false << true << QString();
        QTest::newRow("the last wins") << Properties{{u"enable.ssl.certificate.verification"_s, u"false"_s},
                                                     {u"enable.ssl.certificate.verification"_s, u"true"_s},
                                                     {u"ssl.ca.location"_s, u"a"_s},
                                                     {u"ssl.ca.location"_s, u"b"_s}}
                                       << true << true << u"b"_s;
    }

    void tlsSettingsFromProperties()
    {
        using Properties = QList<QPair<QString, QString>>;
        QFETCH(Properties, properties);
        QFETCH(bool, verifyCertificate);
        QFETCH(bool, verifyHostName);
        QFETCH(QString, caFile);
        const TlsSettings tls = TlsSettings::fromProperties(properties);
        QCOMPARE(tls.verifyCertificate, verifyCertificate);
        QCOMPARE(tls.verifyHostName, verifyHostName);
        QCOMPARE(tls.caFile, caFile);
        QSslSocket socket;
        tls.configure(socket);
        QCOMPARE(socket.peerVerifyMode(), verifyCertificate ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    }

    // A listener that answers the ClientHello in plaintext and closes (as an
    // HTTP server would): the handshake fails at once, as a TLS refusal.
    void tlsToAPlaintextListener()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("this Qt has no TLS backend");
        std::atomic<quint16> port{0};
        std::thread server([&port] {
            QTcpServer s;
            if (!s.listen(QHostAddress::LocalHost, 0))
                return;
            port.store(s.serverPort());
            if (!s.waitForNewConnection(5000))
                return;
            QTcpSocket *c = s.nextPendingConnection();
            c->waitForReadyRead(5000);
            c->write("HTTP/1.1 400 Bad Request\r\n\r\n");
            c->waitForBytesWritten(5000);
            c->disconnectFromHost();
            if (c->state() != QAbstractSocket::UnconnectedState)
                c->waitForDisconnected(5000);
        });
        QTRY_VERIFY(port.load() != 0);
        KafkaWireConnection conn(5000, TlsSettings{});
        QElapsedTimer t;
        t.start();
        const Result<Done, QString> opened = conn.open(u"127.0.0.1"_s, port.load(), std::nullopt);
        server.join();
        QVERIFY(!opened);
        QVERIFY2(opened.error().startsWith(u"The TLS handshake with 127.0.0.1:%1 failed: "_s.arg(port.load())), qPrintable(opened.error()));
        QVERIFY(conn.tlsRefused());
        QVERIFY(t.elapsed() < 5000);   // not waited out
    }
};

QTEST_GUILESS_MAIN(TestKafkaWireConnection)
#include "tst_kafka_wire_connection.moc"
