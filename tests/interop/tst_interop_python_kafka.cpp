// SPDX-License-Identifier: GPL-3.0-or-later
// kafka-python (from the tests' venv), an independent client, against the sandbox.

#include "SandboxFixture.h"
#include "SkipOrFail.h"
#include "TestPython.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestInteropPythonKafka : public QObject
{
    Q_OBJECT

    QString m_python;

private Q_SLOTS:
    void initTestCase()
    {
        const auto python = cohort::test::TestPython::find({QStringLiteral("kafka")});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
        m_python = python.interpreter;
    }

    void producerConsumerGroupAndAdminClient()
    {
        auto cluster = cohort::test::startSandbox();
        QVERIFY(cluster);
        QVERIFY(cluster->createTopic(QStringLiteral("py-topic"), 6));
        const QString script = cohort::test::TestPython::script(QStringLiteral("group_roundtrip.py"));
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
