// SPDX-License-Identifier: GPL-3.0-or-later
// The foundation against Apache Kafka 4.4 (the suite's cluster, tests/kafka),
// for groups made by independent clients: confluent-kafka (classic protocol)
// and kafka-python run tests/python/group_members.py, which reports what the
// clients themselves know (member ids, client ids, instance ids, assignment,
// committed offsets, end offsets). Cohort's core (SnapshotLoader::loadGroup
// and load through RdKafkaClusterClient) must show exactly that; an unknown
// group and an unreachable cluster fail clearly and at once. The groups of
// independent clients are made on the sandbox too (the issue asks the
// foundation of both), with the same assertions: the sandbox must agree.

#include "FutureWait.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SandboxFixture.h"
#include "SkipOrFail.h"
#include "SnapshotLookup.h"
#include "TestPython.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "sandbox/SandboxCluster.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPartitions = 4;
// Messages produced to each partition before the group starts (one empty).
constexpr int kMessages[kPartitions] = {5, 0, 3, 9};

}   // namespace

class TestRealKafkaFoundation : public QObject
{
    Q_OBJECT

    QString m_bootstrap;      // the real Kafka's; empty when there is none
    QString m_kafkaProblem;   // why there is none
    std::unique_ptr<sandbox::SandboxCluster> m_sandbox;
    QString m_python;
    QString m_suffix;

private Q_SLOTS:
    void initTestCase()
    {
        const auto python = TestPython::find({u"confluent_kafka"_s, u"kafka"_s});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
        m_python = python.interpreter;
        m_suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
        const auto kafka = RealKafkaCluster::find();
        if (kafka)
            m_bootstrap = kafka->bootstrap;
        else
            m_kafkaProblem = kafka.error();
        m_sandbox = startSandbox();
        QVERIFY(m_sandbox);
    }

    void groupOfAnIndependentClientAsTheClientKnowsIt_data()
    {
        QTest::addColumn<bool>("onKafka");   // false: on the sandbox
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("assignor");
        QTest::addColumn<int>("members");
        QTest::addColumn<QString>("instancePrefix");   // empty: dynamic members
        for (const bool onKafka : {true, false}) {
            const char *ground = onKafka ? "kafka" : "sandbox";
            QTest::addRow("%s: confluent-kafka range, dynamic", ground) << onKafka << u"confluent-kafka"_s << u"range"_s << 2 << QString();
            QTest::addRow("%s: confluent-kafka roundrobin, static", ground)
                << onKafka << u"confluent-kafka"_s << u"roundrobin"_s << 3 << u"static-ck"_s;
            QTest::addRow("%s: confluent-kafka cooperative-sticky", ground)
                << onKafka << u"confluent-kafka"_s << u"cooperative-sticky"_s << 2 << QString();
            QTest::addRow("%s: kafka-python range, static", ground) << onKafka << u"kafka-python"_s << u"range"_s << 2 << u"static-kp"_s;
            QTest::addRow("%s: kafka-python roundrobin, dynamic", ground)
                << onKafka << u"kafka-python"_s << u"roundrobin"_s << 2 << QString();
        }
    }

    void groupOfAnIndependentClientAsTheClientKnowsIt()
    {
        QFETCH(bool, onKafka);
        QFETCH(QString, client);
        QFETCH(QString, assignor);
        QFETCH(int, members);
        QFETCH(QString, instancePrefix);
        if (onKafka && m_bootstrap.isEmpty())
            COHORT_SKIP_OR_FAIL(qPrintable(m_kafkaProblem));
        const QString bootstrap = onKafka ? m_bootstrap : m_sandbox->bootstrapServers();
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).toLower().remove(u',').remove(u':').replace(u' ', u'-');
        const QString topic = u"foundation-"_s + tag + u'-' + m_suffix;
        const QString group = u"fg-"_s + tag + u'-' + m_suffix;
        RdKafkaTestAdmin admin(bootstrap);
        QCOMPARE(admin.createTopic(topic, kPartitions), QString());
        const auto cleanup = qScopeGuard([&] {
            admin.deleteGroup(group);
            admin.deleteTopic(topic);
        });
        for (int p = 0; p < kPartitions; ++p)
            QCOMPARE(produceMessages(bootstrap, topic, p, kMessages[p]), QString());

        QProcess py;
        py.setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args{TestPython::script(u"group_members.py"_s), client, bootstrap, topic, group, QString::number(members), assignor};
        if (!instancePrefix.isEmpty())
            args << instancePrefix;
        py.start(m_python, args);
        const auto stopClient = qScopeGuard([&] {
            py.closeWriteChannel();
            if (!py.waitForFinished(30000))
                py.kill();
        });
        QTRY_VERIFY2_WITH_TIMEOUT(py.canReadLine() || py.state() == QProcess::NotRunning, "the client reported nothing in 90 s", 90000);
        QVERIFY2(py.canReadLine(), py.readAllStandardError().constData());
        const QJsonObject report = QJsonDocument::fromJson(py.readLine()).object();
        const QJsonArray reported = report.value(u"members"_s).toArray();
        QCOMPARE(reported.size(), members);

        auto cohort = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, bootstrap}}, 10000);
        QVERIFY2(cohort.ok(), qPrintable(cohort.error().toString()));
        const Result<GroupSnapshot> g = waitPolling(SnapshotLoader::loadGroup(cohort.value(), group));
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->description.state, GroupState::Stable);
        QCOMPARE(g->description.protocolType, u"consumer"_s);
        QCOMPARE(g->description.protocol, assignor);
        QCOMPARE(g->description.members.size(), members);

        // Each member as its client knows it, found by the id the coordinator gave it.
        for (const QJsonValue &v : reported) {
            const QJsonObject r = v.toObject();
            const QString memberId = r.value(u"member_id"_s).toString();
            const auto m = std::find_if(g->description.members.begin(), g->description.members.end(),
                                        [&](const GroupMember &gm) { return gm.memberId == memberId; });
            QVERIFY2(m != g->description.members.end(), qPrintable(u"Cohort does not show member "_s + memberId));
            QCOMPARE(m->clientId, r.value(u"client_id"_s).toString());
            QCOMPARE(m->groupInstanceId, r.value(u"instance_id"_s).toString());   // null (dynamic) reads as empty
            QCOMPARE(m->host, u"/127.0.0.1"_s);                                   // Kafka's form: the client's address after a slash
            QVERIFY2(m->subscription && m->assignment, qPrintable(m->decodeError));
            QCOMPARE(m->subscription->topics, QStringList{topic});
            QList<int> assigned;
            for (const TopicPartition &tp : m->assignment->partitions) {
                QCOMPARE(tp.topic, topic);
                assigned << tp.partition;
            }
            std::sort(assigned.begin(), assigned.end());
            QList<int> known;
            for (const QJsonValue &p : r.value(u"assignment"_s).toArray())
                known << p.toInt();
            QCOMPARE(assigned, known);
            // And the partitions' rows name this member as their owner.
            for (int p : known)
                QCOMPARE(g->ownerOf(*partition(*g, topic, p))->memberId, memberId);
        }

        // Committed and end offsets as the client knows them, lag = end - committed.
        const QJsonObject committed = report.value(u"committed"_s).toObject();
        const QJsonObject ends = report.value(u"end_offsets"_s).toObject();
        QCOMPARE(g->partitions.size(), kPartitions);
        qint64 total = 0;
        for (int p = 0; p < kPartitions; ++p) {
            const QString key = topic + u':' + QString::number(p);
            const PartitionLag *row = partition(*g, topic, p);
            QVERIFY(row);
            QCOMPARE(row->endOffset, std::optional<qint64>(ends.value(key).toInteger()));
            QCOMPARE(row->endOffset, std::optional<qint64>(kMessages[p]));
            if (committed.contains(key)) {
                QCOMPARE(row->committedOffset, std::optional<qint64>(committed.value(key).toInteger()));
                QCOMPARE(row->lag, std::optional<qint64>(ends.value(key).toInteger() - committed.value(key).toInteger()));
                total += *row->lag;
            } else {
                QCOMPARE(row->committedOffset, std::nullopt);   // never committed (the empty partition): unknown
                QCOMPARE(row->lag, std::nullopt);
            }
        }
        QCOMPARE(g->totalLag, std::optional<qint64>(total));

        // The whole-cluster refresh shows the same group the same way.
        const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(cohort.value()));
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        const GroupSnapshot *listed = snap->group(group);
        QVERIFY(listed);
        QCOMPARE(listed->description.state, GroupState::Stable);
        QCOMPARE(listed->description.members.size(), members);
        QCOMPARE(listed->totalLag, g->totalLag);
    }

    // A group the cluster never had: GROUP_ID_NOT_FOUND, said as such.
    void unknownGroupIsGroupIdNotFound()
    {
        if (m_bootstrap.isEmpty())
            COHORT_SKIP_OR_FAIL(qPrintable(m_kafkaProblem));
        auto cohort = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, m_bootstrap}}, 10000);
        QVERIFY2(cohort.ok(), qPrintable(cohort.error().toString()));
        const Result<GroupSnapshot> g = waitPolling(SnapshotLoader::loadGroup(cohort.value(), u"fg-never-"_s + m_suffix));
        QVERIFY(!g.ok());
        QCOMPARE(g.error().name, u"GROUP_ID_NOT_FOUND"_s);
        QVERIFY(!g.error().message.isEmpty());
    }

    // A closed port: the refresh fails with a transport error well within its
    // timeout instead of hanging.
    void unreachableClusterFailsClearly()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString closed = u"127.0.0.1:"_s + QString::number(probe.serverPort());
        probe.close();
        QElapsedTimer timer;
        timer.start();
        auto cohort = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, closed}}, 3000);
        if (cohort.ok()) {
            const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(cohort.value()));
            QVERIFY(!snap.ok());
            QVERIFY2(snap.error().name.startsWith(u'_'), qPrintable(snap.error().toString()));   // librdkafka's local errors
            QVERIFY2(!snap.error().message.isEmpty() && !snap.error().hint.isEmpty(), qPrintable(snap.error().toString()));
        } else {
            QVERIFY(!cohort.error().message.isEmpty());
        }
        QVERIFY2(timer.elapsed() < 30000, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestRealKafkaFoundation)
#include "tst_real_kafka_foundation.moc"
