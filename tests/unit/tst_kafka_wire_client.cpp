// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaWireClient against a scripted loopback server: request framing, in-order
// correlation, queued sends before the connection is up, and failures.

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/KafkaWireClient.h"

#include <QHostAddress>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

struct SeenRequest
{
    qint16 apiKey = 0;
    qint16 apiVersion = 0;
    qint32 correlationId = 0;
    QString clientId;
    QByteArray body;
};

// Parses request frames; answers each with its body reversed, unless told otherwise.
class ScriptedBroker : public QObject
{
public:
    ScriptedBroker()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        });
    }
    quint16 port() const { return server.serverPort(); }

    void onRead()
    {
        buffer.append(socket->readAll());
        while (buffer.size() >= 4) {
            ByteReader size(buffer.constData(), 4);
            const qint32 n = size.int32();
            if (buffer.size() < 4 + n)
                return;
            ByteReader r(buffer.constData() + 4, n);
            SeenRequest req;
            req.apiKey = r.int16();
            req.apiVersion = r.int16();
            req.correlationId = r.int32();
            req.clientId = r.string();
            req.body = r.raw(r.remaining());
            buffer.remove(0, 4 + n);
            seen.append(req);
            if (holdAnswers) {
                held.append(req);
                continue;
            }
            answer(req, req.correlationId);
        }
    }
    void answer(const SeenRequest &req, qint32 correlationId)
    {
        QByteArray reversed = req.body;
        std::reverse(reversed.begin(), reversed.end());
        ByteWriter w;
        w.int32(qint32(4 + reversed.size()));
        w.int32(correlationId);
        w.raw(reversed);
        socket->write(w.data());
    }

    QTcpServer server;
    QPointer<QTcpSocket> socket;
    QByteArray buffer;
    QList<SeenRequest> seen;
    QList<SeenRequest> held;
    bool holdAnswers = false;
};

}   // namespace

class tst_KafkaWireClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framingAndOrder()
    {
        ScriptedBroker broker;
        KafkaWireClient client;
        client.setClientId(u"tester"_s);
        client.connectToBroker(u"127.0.0.1"_s, broker.port());
        // Sent before the connection is up: queued, then written in order.
        QList<QByteArray> answers;
        client.send(ApiKey::ApiVersions, 2, "abc"_ba, [&](Result<QByteArray, QString> b) { answers.append(b ? *b : "ERR"_ba); });
        client.send(ApiKey::Metadata, 8, "xyz1"_ba, [&](Result<QByteArray, QString> b) { answers.append(b ? *b : "ERR"_ba); });
        QCOMPARE(client.pendingCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 5000);
        QCOMPARE(answers[0], "cba"_ba);
        QCOMPARE(answers[1], "1zyx"_ba);
        QCOMPARE(broker.seen.size(), 2);
        QCOMPARE(broker.seen[0].apiKey, qint16(18));
        QCOMPARE(broker.seen[0].apiVersion, qint16(2));
        QCOMPARE(broker.seen[0].clientId, u"tester"_s);
        QCOMPARE(broker.seen[1].correlationId, broker.seen[0].correlationId + 1);
        QCOMPARE(client.pendingCount(), 0);

        const auto sync = client.request(ApiKey::Heartbeat, 3, "hb"_ba, 5000);
        QVERIFY2(sync.ok(), qPrintable(sync.error()));
        QCOMPARE(*sync, "bh"_ba);
    }

    void outOfOrderAnswerFailsEverything()
    {
        ScriptedBroker broker;
        broker.holdAnswers = true;
        KafkaWireClient client;
        client.connectToBroker(u"127.0.0.1"_s, broker.port());
        QStringList errors;
        auto cb = [&](Result<QByteArray, QString> b) {
            QVERIFY(!b.ok());
            errors.append(b.error());
        };
        client.send(ApiKey::Fetch, 4, "a"_ba, cb);
        client.send(ApiKey::Fetch, 4, "b"_ba, cb);
        QTRY_COMPARE_WITH_TIMEOUT(broker.held.size(), 2, 5000);
        broker.answer(broker.held[1], broker.held[1].correlationId);   // second first: a protocol violation
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 2, 5000);
        QVERIFY(errors[0].contains(u"out of order"_s));
        QVERIFY(!client.isConnected());
    }

    void closedConnectionFailsPending()
    {
        ScriptedBroker broker;
        broker.holdAnswers = true;
        KafkaWireClient client;
        QSignalSpy lost(&client, &KafkaWireClient::disconnected);
        client.connectToBroker(u"127.0.0.1"_s, broker.port());
        QString error;
        bool called = false;
        client.send(ApiKey::JoinGroup, 5, "join"_ba, [&](Result<QByteArray, QString> b) {
            called = true;
            QVERIFY(!b);
            error = b.error();
        });
        QTRY_COMPARE_WITH_TIMEOUT(broker.held.size(), 1, 5000);
        broker.socket->close();
        QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
        QVERIFY(!error.isEmpty());
        QCOMPARE(lost.count(), 1);
    }

    void refusedConnectionAndNotConnected()
    {
        // A port nobody listens on (the server closed right after getting a port).
        quint16 port = 0;
        {
            QTcpServer s;
            s.listen(QHostAddress::LocalHost, 0);
            port = s.serverPort();
        }
        KafkaWireClient client;
        client.connectToBroker(u"127.0.0.1"_s, port);
        const auto r = client.request(ApiKey::ApiVersions, 0, {}, 5000);
        QVERIFY(!r);
        QVERIFY(!r.error().isEmpty());

        KafkaWireClient idle;
        bool called = false;
        idle.send(ApiKey::ApiVersions, 0, {}, [&](Result<QByteArray, QString> b) {
            called = true;
            QVERIFY(!b);
            QVERIFY(!b.error().isEmpty());
        });
        QVERIFY(!called);   // never inside send()
        QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
    }

    void timeoutInRequest()
    {
        ScriptedBroker broker;
        broker.holdAnswers = true;
        KafkaWireClient client;
        client.connectToBroker(u"127.0.0.1"_s, broker.port());
        const auto r = client.request(ApiKey::Fetch, 4, "x"_ba, 200);
        QVERIFY(!r);
        QVERIFY(r.error().contains(u"200"_s));
    }
};

QTEST_GUILESS_MAIN(tst_KafkaWireClient)
#include "tst_kafka_wire_client.moc"
