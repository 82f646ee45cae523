// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli against the sandbox: exact rows, formats and exit codes.

#include "CliRun.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "app/cli/CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

using Run = CliRun;

}   // namespace

class TestCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxCluster> m_cluster;
    QString m_bootstrap;

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = startSandbox();
        QVERIFY(m_cluster->createTopic(QStringLiteral("events"), 2));
        m_bootstrap = m_cluster->bootstrapServers();
        QCOMPARE(produceMessages(m_bootstrap, QStringLiteral("events"), 0, 30), QString());
        QCOMPARE(produceMessages(m_bootstrap, QStringLiteral("events"), 1, 10), QString());
        GroupConsumer c(m_bootstrap, QStringLiteral("reporting"), {QStringLiteral("events")},
                        {{QStringLiteral("client.id"), QStringLiteral("reporter")}});
        QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.received() >= 40), 30000);
        QCOMPARE(c.commitSync(), QString());
        c.close();
        QCOMPARE(produceMessages(m_bootstrap, QStringLiteral("events"), 0, 5), QString());   // lag 5 on p0
    }

    void listAsTableJsonAndCsv()
    {
        const Run table = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list")});
        QCOMPARE(table.code, 0);
        const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(QLatin1String("GROUP")));
        // Type Classic from ListGroups v5, as on Kafka 4.4.
        QCOMPARE(lines.at(1).simplified(), QStringLiteral("reporting Empty Classic consumer - 0 5"));

        const Run json = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list"),
                                 QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(json.code, 0);
        const QJsonObject g = QJsonDocument::fromJson(json.out.toUtf8()).array().first().toObject();
        QCOMPARE(g.value(QStringLiteral("group_id")).toString(), QStringLiteral("reporting"));
        QCOMPARE(g.value(QStringLiteral("state")).toString(), QStringLiteral("Empty"));
        QCOMPARE(g.value(QStringLiteral("lag")).toInteger(), 5);
        QVERIFY(g.value(QStringLiteral("assignor")).isNull());

        const Run csv = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list"),
                                QStringLiteral("--output"), QStringLiteral("csv"), QStringLiteral("--state"), QStringLiteral("stable")});
        QCOMPARE(csv.code, 0);
        QCOMPARE(csv.out, QStringLiteral("group_id,state,type,protocol_type,assignor,members,lag\n"));   // filtered out
    }

    void describeLikeKafkaConsumerGroups()
    {
        const Run r = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                              QStringLiteral("reporting"), QStringLiteral("--output"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
                 QStringLiteral("group_id,topic,partition,committed_offset,end_offset,lag,member_id,host,client_id,group_instance_id\n"
                                "reporting,events,0,30,35,5,,,,\n"
                                "reporting,events,1,10,10,0,,,,\n"));
        const Run table = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                                  QStringLiteral("reporting")});
        QVERIFY(
            table.out.startsWith(QLatin1String("GROUP     TOPIC  PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID")));
        QVERIFY(table.out.contains(QLatin1String("reporting events 0         30             35             5   -           -    -")));
        const Run missing = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                                    QStringLiteral("nope")});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QLatin1String("Consumer group 'nope' does not exist.")));
    }

    // A committed offset past the log end (a truncated or recreated topic):
    // LAG is negative, as kafka-consumer-groups.sh --describe prints it, and a
    // warning on stderr says what it means; the exit code stays 0.
    void negativeLagLikeKafkaConsumerGroups()
    {
        {
            GroupConsumer c(m_bootstrap, QStringLiteral("ahead"), {QStringLiteral("events")});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.assignment().size() == 2), 30000);
            QCOMPARE(c.commit(QStringLiteral("events"), {{1, 500}}), RD_KAFKA_RESP_ERR_NO_ERROR);
            c.close();
        }
        const Run r = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                              QStringLiteral("ahead"), QStringLiteral("--output"), QStringLiteral("csv")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
                 QStringLiteral("group_id,topic,partition,committed_offset,end_offset,lag,member_id,host,client_id,group_instance_id\n"
                                "ahead,events,1,500,10,-490,,,,\n"));
        QVERIFY2(r.err.contains(QLatin1String("committed offset 500 on events-1, ahead of the log end 10 (LAG -490)")), qPrintable(r.err));
    }

    void commandConfigFile()
    {
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write(QByteArray("# client properties\nbootstrap.servers=") + m_bootstrap.toUtf8() + QByteArray("\nclient.id=cohort-cli-test\n"));
        f.close();
        const Run r = runCli({QStringLiteral("--command-config"), f.fileName(), QStringLiteral("groups"), QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("reporting")));
    }

    void errorsAndUsage()
    {
        QCOMPARE(runCli({}).code, 2);
        QCOMPARE(runCli({QStringLiteral("groups"), QStringLiteral("list")}).code, 2);   // no cluster
        QCOMPARE(runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe")}).code, 2);
        QCOMPARE(runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list"),
                         QStringLiteral("--output"), QStringLiteral("xml")})
                     .code,
                 2);
        QCOMPARE(runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list"),
                         QStringLiteral("--state"), QStringLiteral("Sleeping")})
                     .code,
                 2);
        QCOMPARE(runCli({QStringLiteral("--version")}).code, 0);

        const Run down = runCli({QStringLiteral("--bootstrap-server"), QStringLiteral("127.0.0.1:1"), QStringLiteral("--timeout"),
                                 QStringLiteral("2000"), QStringLiteral("groups"), QStringLiteral("list")});
        QCOMPARE(down.code, 1);
        // Port 1 is closed: the diagnosis after the failure says so.
        QVERIFY2(down.err.contains(QLatin1String("127.0.0.1:1 refused the connection")), qPrintable(down.err));
        const Run badProp = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--command-config"),
                                    QStringLiteral("/nonexistent/file"), QStringLiteral("groups"), QStringLiteral("list")});
        QCOMPARE(badProp.code, 2);
        QVERIFY(badProp.err.contains(QLatin1String("cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
