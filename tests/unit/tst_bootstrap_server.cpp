// SPDX-License-Identifier: GPL-3.0-or-later
// The one grammar for bootstrap servers: what librdkafka accepts, and the
// entries issue reports found wrapping to another port or timing out.

#include "core/connection/BootstrapServer.h"

#include <QTest>

using namespace cohort;

class TestBootstrapServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("name") << "localhost:9092"
                              << ""
                              << "localhost" << 9092 << "localhost:9092";
        QTest::newRow("ipv4, lowest port") << "10.0.0.1:1"
                                           << ""
                                           << "10.0.0.1" << 1 << "10.0.0.1:1";
        QTest::newRow("ipv6 in brackets") << "[::1]:9093"
                                          << ""
                                          << "::1" << 9093 << "[::1]:9093";
        QTest::newRow("scheme, highest port") << "SASL_SSL://broker.example.com:65535"
                                              << "SASL_SSL"
                                              << "broker.example.com" << 65535 << "SASL_SSL://broker.example.com:65535";
        QTest::newRow("underscore") << "my_host:9092"
                                    << ""
                                    << "my_host" << 9092 << "my_host:9092";
        QTest::newRow("spaces around") << "  kafka-1:9092 "
                                       << ""
                                       << "kafka-1" << 9092 << "kafka-1:9092";
    }

    void accepted()
    {
        QFETCH(QString, entry);
        QFETCH(QString, scheme);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, canonical);
        const Result<BootstrapServer, QString> s = BootstrapServer::parse(entry);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QCOMPARE(s->scheme, scheme);
        QCOMPARE(s->host, host);
        QCOMPARE(int(s->port), port);
        QCOMPARE(s->toString(), canonical);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("servers");
        QTest::addColumn<QString>("expected");   // a fragment the message must carry
        // Each of these once reached librdkafka: 99999 and -31073 wrapped to
        // another port, notaport became port 0, "::::" and "," timed out.
        QTest::newRow("port too big") << "127.0.0.1:99999"
                                      << "1 to 65535";
        QTest::newRow("negative port") << "127.0.0.1:-31073"
                                       << "1 to 65535";
        QTest::newRow("port 0") << "kafka-1:0"
                                << "1 to 65535";
        QTest::newRow("not a port") << "host:notaport"
                                    << "\"host:notaport\"";
        QTest::newRow("colons only") << "::::"
                                     << "\"::::\"";
        QTest::newRow("comma only") << ","
                                    << "no bootstrap server";
        QTest::newRow("empty") << ""
                               << "no bootstrap server";
        QTest::newRow("no port") << "kafka-1"
                                 << "\"kafka-1\"";
        QTest::newRow("no host") << ":9092"
                                 << "\":9092\"";
        QTest::newRow("bare ipv6") << "::1:9092"
                                   << "brackets";
        QTest::newRow("space in host") << "kafka 1:9092"
                                       << "\"kafka 1:9092\"";
        QTest::newRow("one bad of two") << "ok:9092,bad:99999"
                                        << "\"bad:99999\"";
    }

    void refused()
    {
        QFETCH(QString, servers);
        QFETCH(QString, expected);
        const Result<QList<BootstrapServer>, QString> list = BootstrapServer::parseList(servers);
        QVERIFY(!list.ok());
        QVERIFY2(list.error().contains(expected), qPrintable(list.error()));
    }

    void listKeepsOrderAndSkipsEmptyEntries()
    {
        const Result<QList<BootstrapServer>, QString> list = BootstrapServer::parseList(QStringLiteral("b:2,,a:1,"));
        QVERIFY2(list.ok(), qPrintable(list.error()));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).toString(), QStringLiteral("b:2"));
        QCOMPARE(list->at(1).toString(), QStringLiteral("a:1"));
    }
};

QTEST_GUILESS_MAIN(TestBootstrapServer)
#include "tst_bootstrap_server.moc"
