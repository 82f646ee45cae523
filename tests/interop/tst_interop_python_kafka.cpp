// SPDX-License-Identifier: GPL-3.0-or-later
// kafka-python (Debian's python3-kafka), an independent client, against the sandbox.

#include "SandboxFixture.h"
#include "SkipOrFail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestInteropPythonKafka : public QObject
{
    Q_OBJECT

    // Debian's package installs for the system interpreter, not for a pyenv one.
    QString m_python = QStringLiteral("/usr/bin/python3");

private Q_SLOTS:
    void initTestCase()
    {
        QProcess probe;
        probe.start(m_python, {QStringLiteral("-c"), QStringLiteral("import kafka")});
        if (!probe.waitForFinished(20000) || probe.exitCode() != 0)
            COHORT_SKIP_OR_FAIL("kafka-python is not installed (apt-get install python3-kafka)");
    }

    void producerConsumerGroupAndAdminClient()
    {
        auto cluster = cohort::test::startSandbox();
        QVERIFY(cluster);
        QVERIFY(cluster->createTopic(QStringLiteral("py-topic"), 6));
        const QString script = qEnvironmentVariable("COHORT_SOURCE_DIR") + QStringLiteral("/tests/interop/python/group_roundtrip.py");
        QProcess py;
        py.start(m_python,
                 {script, cluster->bootstrapServers(), QStringLiteral("py-topic"), QStringLiteral("py-group"), QStringLiteral("60")});
        QVERIFY2(py.waitForFinished(90000), "the python client did not finish in 90 s");
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QJsonObject r = QJsonDocument::fromJson(py.readAllStandardOutput().trimmed().split('\n').last()).object();

        // Every partition assigned exactly once over three members.
        QList<int> all;
        const QJsonArray assignments = r.value(QStringLiteral("assignments")).toArray();
        QCOMPARE(assignments.size(), 3);
        for (const auto &a : assignments) {
            QVERIFY(!a.toArray().isEmpty());
            for (const auto &p : a.toArray())
                all.append(p.toInt());
        }
        std::sort(all.begin(), all.end());
        QCOMPARE(all, (QList<int>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(r.value(QStringLiteral("received")).toArray().size(), 60);

        // What the admin client saw is what the sandbox holds.
        QCOMPARE(r.value(QStringLiteral("groups")).toArray(), QJsonArray{QStringLiteral("py-group")});
        QCOMPARE(r.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
        QCOMPARE(r.value(QStringLiteral("protocol_type")).toString(), QStringLiteral("consumer"));
        QCOMPARE(r.value(QStringLiteral("members")).toArray().size(), 3);
        const QJsonObject offsets = r.value(QStringLiteral("offsets")).toObject();
        QCOMPARE(offsets.size(), 6);
        for (int p = 0; p < 6; ++p)
            QCOMPARE(offsets.value(QStringLiteral("py-topic:%1").arg(p)).toInt(),
                     int(cluster->committedOffset(QStringLiteral("py-group"), QStringLiteral("py-topic"), p)));
        QCOMPARE(cluster->committedOffset(QStringLiteral("py-group"), QStringLiteral("py-topic"), 0), 10);
    }
};

QTEST_GUILESS_MAIN(TestInteropPythonKafka)
#include "tst_interop_python_kafka.moc"
