// SPDX-License-Identifier: GPL-3.0-or-later
// kcat, an independent librdkafka-based tool, against the sandbox.

#include "SandboxFixture.h"
#include "SkipOrFail.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

class TestInteropKcat : public QObject
{
    Q_OBJECT

    QString m_kcat;

    QByteArray run(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        p.start(m_kcat, args);
        if (!input.isNull()) {
            p.write(input);
            p.closeWriteChannel();
        }
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
        }
        return p.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_kcat = QStandardPaths::findExecutable(QStringLiteral("kcat"));
        if (m_kcat.isEmpty())
            COHORT_SKIP_OR_FAIL("kcat is not installed (apt-get install kcat)");
    }

    void metadataListsEveryBroker()
    {
        auto cluster = cohort::test::startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("listed"), 4));
        const QString out = QString::fromUtf8(run({QStringLiteral("-L"), QStringLiteral("-b"), cluster->bootstrapServers()}));
        for (int id : cluster->brokerIds())
            QVERIFY2(out.contains(QStringLiteral("broker %1 at 127.0.0.1:%2").arg(id).arg(cluster->brokerPort(id))), qPrintable(out));
        QVERIFY(out.contains(QLatin1String("topic \"listed\" with 4 partitions")));
        QVERIFY(out.contains(QStringLiteral("(controller)")));
    }

    void produceThenConsumeTheSameMessages()
    {
        auto cluster = cohort::test::startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("kc"), 2));
        const QString b = cluster->bootstrapServers();
        QByteArray input;
        for (int i = 0; i < 200; ++i)
            input += "line-" + QByteArray::number(i) + '\n';
        run({QStringLiteral("-P"), QStringLiteral("-b"), b, QStringLiteral("-t"), QStringLiteral("kc"), QStringLiteral("-p"),
             QStringLiteral("1")},
            input);
        QCOMPARE(cluster->logEndOffset(QStringLiteral("kc"), 1), 200);
        const QByteArray out
            = run({QStringLiteral("-C"), QStringLiteral("-b"), b, QStringLiteral("-t"), QStringLiteral("kc"), QStringLiteral("-p"),
                   QStringLiteral("1"), QStringLiteral("-o"), QStringLiteral("beginning"), QStringLiteral("-e"), QStringLiteral("-q")});
        QCOMPARE(out, input);
    }

    void balancedConsumerGroup()
    {
        auto cluster = cohort::test::startSandbox();
        QVERIFY(cluster->createTopic(QStringLiteral("kg"), 3));
        const QString b = cluster->bootstrapServers();
        QByteArray input;
        for (int i = 0; i < 30; ++i)
            input += "g-" + QByteArray::number(i) + '\n';
        run({QStringLiteral("-P"), QStringLiteral("-b"), b, QStringLiteral("-t"), QStringLiteral("kg")}, input);

        QProcess consumer;
        // -u: unbuffered output, or kcat holds the lines back when stdout is a pipe.
        consumer.start(m_kcat,
                       {QStringLiteral("-u"), QStringLiteral("-b"), b, QStringLiteral("-G"), QStringLiteral("kcat-group"),
                        QStringLiteral("-q"), QStringLiteral("-X"), QStringLiteral("auto.offset.reset=earliest"), QStringLiteral("kg")});
        QVERIFY(consumer.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += consumer.readAllStandardOutput(), seen.count('\n') >= 30), 30000);
        const auto info = cluster->groupInfo(QStringLiteral("kcat-group"));
        QCOMPARE(info.state, QStringLiteral("Stable"));
        QCOMPARE(info.members.size(), 1);
        QCOMPARE(info.protocolType, QStringLiteral("consumer"));
        consumer.terminate();
        QVERIFY(consumer.waitForFinished(15000));
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("kcat-group")).state, QStringLiteral("Empty"), 15000);
    }
};

QTEST_GUILESS_MAIN(TestInteropKcat)
#include "tst_interop_kcat.moc"
