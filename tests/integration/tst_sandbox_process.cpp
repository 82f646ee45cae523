// SPDX-License-Identifier: GPL-3.0-or-later
// README's claims about cohort-sandbox, checked on the built binary: its first
// stdout line is bootstrap.servers=127.0.0.1:P1,..., every control command on
// stdin answers exactly one "ok ..."/"error ..." line and does what it says,
// SIGTERM stops it cleanly, and --sasl-user makes it require SASL/PLAIN (the
// right password is accepted, a wrong one refused).

#include "SandboxProcess.h"

#include "core/wire/ApiKey.h"
#include "core/wire/DirectBrokerRequests.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/KafkaWireConnection.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

bool accepts(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    return s.waitForConnected(3000);
}

}   // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstLineAndControlCommands()
    {
        SandboxProcess sandbox;
        QString error;
        QVERIFY2(sandbox.start({QStringLiteral("--brokers"), QStringLiteral("3"), QStringLiteral("--quiet")}, &error), qPrintable(error));
        const QRegularExpression firstLine(
            QStringLiteral("^bootstrap\\.servers=127\\.0\\.0\\.1:(\\d+),127\\.0\\.0\\.1:(\\d+),127\\.0\\.0\\.1:(\\d+)$"));
        const QRegularExpressionMatch m = firstLine.match(sandbox.firstLine());
        QVERIFY2(m.hasMatch(), qPrintable(sandbox.firstLine()));
        const QList<quint16> ports{quint16(m.captured(1).toUInt()), quint16(m.captured(2).toUInt()), quint16(m.captured(3).toUInt())};
        for (quint16 p : ports)
            QVERIFY2(accepts(p), qPrintable(QString::number(p)));

        const QString status = sandbox.command(QStringLiteral("status"));
        const QString brokersUp = QStringLiteral("1:%1:up,2:%2:up,3:%3:up").arg(ports[0]).arg(ports[1]).arg(ports[2]);
        QVERIFY2(status.startsWith(QStringLiteral("ok brokers=") + brokersUp + QStringLiteral(" controller=")), qPrintable(status));
        QVERIFY2(status.contains(QLatin1String(" topics=0 groups=0 ")), qPrintable(status));

        // One ApiVersions request, and nothing else, was served.
        QVERIFY(!DirectBrokerRequests(5000, std::nullopt).apiVersions(sandbox.bootstrapServers()).isEmpty());
        QCOMPARE(sandbox.command(QStringLiteral("requests")), QStringLiteral("ok total=1 ApiVersions=1"));

        QCOMPARE(sandbox.command(QStringLiteral("stop-broker 2")), QStringLiteral("ok broker 2 down"));
        QVERIFY(sandbox.command(QStringLiteral("status")).contains(QStringLiteral("2:%1:down").arg(ports[1])));
        QVERIFY(!accepts(ports[1]));
        QCOMPARE(sandbox.command(QStringLiteral("start-broker 2")), QStringLiteral("ok broker 2 up"));
        QVERIFY(accepts(ports[1]));
        QCOMPARE(sandbox.command(QStringLiteral("stop-broker 7")), QStringLiteral("error unknown broker; brokers are 3"));

        QCOMPARE(sandbox.command(QStringLiteral("latency 1 5")), QStringLiteral("ok latency 5 ms on broker 1"));
        QVERIFY(sandbox.command(QStringLiteral("latency 1 -3")).startsWith(QLatin1String("error usage")));
        QCOMPARE(
            sandbox.command(QStringLiteral("inject-error %1 %2 2").arg(int(ApiKey::OffsetFetch)).arg(int(ErrorCode::NotCoordinator))),
            QStringLiteral("ok next 2 requests of API %1 fail with %2").arg(int(ApiKey::OffsetFetch)).arg(int(ErrorCode::NotCoordinator)));
        QVERIFY(sandbox.command(QStringLiteral("inject-error 9999 1 1")).startsWith(QLatin1String("error usage")));
        QCOMPARE(sandbox.command(QStringLiteral("move-coordinator billing 3")), QStringLiteral("ok billing coordinated by broker 3"));
        QVERIFY(sandbox.command(QStringLiteral("move-coordinator billing 9")).startsWith(QLatin1String("error usage")));
        QCOMPARE(sandbox.command(QStringLiteral("clear-faults")), QStringLiteral("ok faults cleared"));
        QCOMPARE(sandbox.command(QStringLiteral("create-topic orders 4")), QStringLiteral("ok topic orders with 4 partitions"));
        QVERIFY(sandbox.command(QStringLiteral("create-topic orders")).startsWith(QLatin1String("error usage")));
        QVERIFY(sandbox.command(QStringLiteral("status")).contains(QLatin1String(" topics=1 ")));
        QCOMPARE(sandbox.command(QStringLiteral("frobnicate")), QStringLiteral("error unknown command 'frobnicate' (see --help)"));

        QCOMPARE(sandbox.command(QStringLiteral("quit")), QStringLiteral("ok bye"));
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.process().state(), QProcess::NotRunning, 10000);
        QCOMPARE(sandbox.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(sandbox.process().exitCode(), 0);
        // Exactly one line per command: nothing was left unread.
        QCOMPARE(sandbox.process().readAllStandardOutput(), QByteArray());
    }

    void sigtermStopsCleanly()
    {
        SandboxProcess sandbox;
        QString error;
        QVERIFY2(sandbox.start({QStringLiteral("--brokers"), QStringLiteral("1"), QStringLiteral("--quiet")}, &error), qPrintable(error));
        sandbox.process().terminate();   // SIGTERM
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.process().state(), QProcess::NotRunning, 10000);
        QCOMPARE(sandbox.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(sandbox.process().exitCode(), 0);
        QVERIFY(!accepts(quint16(sandbox.bootstrapServers().section(QLatin1Char(':'), 1).toUInt())));
    }

    void saslUserRequiresSaslPlain()
    {
        SandboxProcess sandbox;
        QString error;
        QVERIFY2(sandbox.start({QStringLiteral("--brokers"), QStringLiteral("1"), QStringLiteral("--quiet"), QStringLiteral("--sasl-user"),
                                QStringLiteral("alice:secret")},
                               &error),
                 qPrintable(error));
        const auto address = KafkaWireConnection::splitHostPort(sandbox.bootstrapServers());
        QVERIFY(address);
        const QString host = address->host;
        const quint16 port = address->port;

        KafkaWireConnection right(5000);
        const auto rightOpen = right.open(host, port, KafkaWireConnection::Sasl{QStringLiteral("alice"), QStringLiteral("secret")});
        QVERIFY2(rightOpen, qPrintable(rightOpen.error()));
        QVERIFY(right.roundTrip(ApiKey::ApiVersions, 0, {}).ok());

        KafkaWireConnection wrong(5000);
        const auto wrongOpen = wrong.open(host, port, KafkaWireConnection::Sasl{QStringLiteral("alice"), QStringLiteral("guess")});
        QVERIFY(!wrongOpen);
        QVERIFY2(wrongOpen.error().contains(QLatin1String("SASL authentication failed")), qPrintable(wrongOpen.error()));
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandbox_process.moc"
