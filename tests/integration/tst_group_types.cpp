// SPDX-License-Identifier: GPL-3.0-or-later
// Kafka 4 group types against a real Kafka 4.4: a classic group, a KIP-848
// consumer group (confluent-kafka consumers with group.protocol=consumer), a
// share group (Kafka's console share consumer) and a streams group (a tiny
// Kafka Streams application compiled here with javac), each listed by Cohort
// with the type and state Kafka's own tools print for it, and the consumer
// group's committed offsets and lag as the client committed them and as
// kafka-consumer-groups reports them. Every topic and group has a unique name.
//
// The cluster is the user's own when KAFKA_BOOTSTRAP_SERVERS names one
// (PLAINTEXT), otherwise the suite's Kafka 4.4 fixture (tests/kafka); without
// either, or without the Python venv, Java's javac or Kafka's jars, it is
// skipped with the reason, and on CI (CI set) it fails instead.

#include "CliRun.h"
#include "FutureWait.h"
#include "HelperProcess.h"
#include "KafkaTool.h"
#include "RealKafkaCluster.h"
#include "SkipOrFail.h"
#include "SnapshotLookup.h"
#include "TestPython.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cohort;
using namespace cohort::test;

namespace {

// The columns kafka-consumer-groups --list --type --state prints.
const QStringList kListColumns{QStringLiteral("GROUP"), QStringLiteral("TYPE"), QStringLiteral("STATE")};

QJsonObject jsonLine(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

}   // namespace

class TestGroupTypes : public QObject
{
    Q_OBJECT

    QString m_bootstrap;
    QString m_suffix;
    std::shared_ptr<RdKafkaClusterClient> m_client;

    Result<ClusterSnapshot> load() const { return waitPolling(SnapshotLoader::load(m_client)); }

    // The group in a fresh snapshot, or an empty one when it is not listed.
    GroupSnapshot groupNow(const QString &id) const
    {
        const Result<ClusterSnapshot> snap = load();
        if (!snap)
            return {};
        const GroupSnapshot *g = snap->group(id);
        return g ? *g : GroupSnapshot{};
    }

    // A topic of one's own, made by Kafka's kafka-topics.
    QString createTopic(const QString &name, int partitions) const
    {
        const KafkaTool t = KafkaTool::run(QStringLiteral("kafka-topics"),
                                           {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--create"),
                                            QStringLiteral("--topic"), name, QStringLiteral("--partitions"), QString::number(partitions)});
        return t.code == 0 ? QString() : t.err;
    }

    // kafka-consumer-groups --list --type --state lists GROUP as EXPECTED (its
    // GROUP, TYPE and STATE), and cohort-cli groups list --type CLI_TYPE lists
    // it the same.
    void listedAsKafkaLists(const QString &group, const QString &cliType, const QStringList &expected) const
    {
        const QStringList server{QStringLiteral("--bootstrap-server"), m_bootstrap};
        const KafkaTool kcg
            = KafkaTool::run(QStringLiteral("kafka-consumer-groups"),
                             server + QStringList{QStringLiteral("--list"), QStringLiteral("--type"), QStringLiteral("--state")});
        QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
        QCOMPARE(tableColumns(kcg.out, kListColumns, {group}), QList<QStringList>{expected});
        const CliRun cli
            = runCli(server + QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--type"), cliType});
        QVERIFY2(completeOnSharedCluster(cli, group), qPrintable(QStringLiteral("exit %1: %2").arg(cli.code).arg(cli.err)));
        QCOMPARE(tableColumns(cli.out, kListColumns, {group}), tableColumns(kcg.out, kListColumns, {group}));
    }

    // Kafka's own tool for the group's type (TYPE_TOOL --list --state) lists
    // GROUP as Stable, and kafka-groups --list gives it TYPE.
    void stableAsKafkaToolsList(const QString &typeTool, const QString &group, const QString &type) const
    {
        const KafkaTool kafka = KafkaTool::run(
            typeTool, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--list"), QStringLiteral("--state")});
        QVERIFY2(kafka.code == 0, qPrintable(kafka.err));
        QCOMPARE(tableColumns(kafka.out, {QStringLiteral("GROUP"), QStringLiteral("STATE")}, {group}),
                 (QList<QStringList>{{group, QStringLiteral("Stable")}}));
        const KafkaTool groups
            = KafkaTool::run(QStringLiteral("kafka-groups"), {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--list")});
        QCOMPARE(tableColumns(groups.out, {QStringLiteral("GROUP"), QStringLiteral("TYPE")}, {group}), (QList<QStringList>{{group, type}}));
    }

    // The consumer-group helper (tests/python/consumer_group.py) once it has
    // committed: what it committed, "topic:partition" -> offset.
    std::unique_ptr<HelperProcess> startConsumerGroup(const QString &topic, const QString &group, const QString &protocol,
                                                      QJsonObject *committed)
    {
        const TestPython python = TestPython::find({QStringLiteral("confluent_kafka")});
        if (!python)
            return nullptr;
        auto helper = std::make_unique<HelperProcess>(
            python.interpreter, QStringList{TestPython::script(QStringLiteral("consumer_group.py")), m_bootstrap, topic, group,
                                            QStringLiteral("4"), QStringLiteral("20"), QStringLiteral("2"), protocol});
        const QJsonObject ready = jsonLine(helper->readLine());
        if (!ready.contains(QStringLiteral("committed"))) {
            qWarning("consumer_group.py: %s", qPrintable(helper->errors()));
            return nullptr;
        }
        *committed = ready.value(QStringLiteral("committed")).toObject();
        return helper;
    }

private Q_SLOTS:
    void initTestCase()
    {
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        m_bootstrap = kafka->bootstrap;
        m_suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), m_bootstrap}}, 15000);
        QVERIFY2(client.ok(), qPrintable(client.error().toString()));
        m_client = client.value();
        const TestPython python = TestPython::find({QStringLiteral("confluent_kafka")});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
    }

    // What the tests made goes again (a cluster of one's own keeps nothing);
    // each tool deletes the groups of its own types.
    void cleanupTestCase()
    {
        if (m_bootstrap.isEmpty())
            return;
        const QStringList server{QStringLiteral("--bootstrap-server"), m_bootstrap};
        const auto name = [this](const char *kind) { return QStringLiteral("cohort-types-%1-g-%2").arg(QLatin1String(kind), m_suffix); };
        const QList<std::pair<QString, QStringList>> deletions{
            {QStringLiteral("kafka-consumer-groups"), {QStringLiteral("--group"), name("848"), QStringLiteral("--group"), name("classic")}},
            {QStringLiteral("kafka-share-groups"), {QStringLiteral("--group"), name("share")}},
            {QStringLiteral("kafka-streams-groups"), {QStringLiteral("--group"), name("streams")}},
        };
        for (const auto &[tool, groups] : deletions) {
            const KafkaTool t = KafkaTool::run(tool, server + QStringList{QStringLiteral("--delete")} + groups);
            if (t.code != 0)
                qInfo("%s --delete: %s", qPrintable(tool), qPrintable(t.err.trimmed()));   // a group a skipped test never made
        }
        KafkaTool::run(
            QStringLiteral("kafka-topics"),
            server + QStringList{QStringLiteral("--delete"), QStringLiteral("--topic"), QStringLiteral("cohort-types-.*-") + m_suffix});
    }

    // A KIP-848 group: listed as type Consumer in its real state (never Dead
    // as classic DescribeGroups says), with the offsets its consumers
    // committed and the lag kafka-consumer-groups reports; Empty once they close.
    void kip848ConsumerGroup()
    {
        const QString topic = QStringLiteral("cohort-types-848-") + m_suffix, group = QStringLiteral("cohort-types-848-g-") + m_suffix;
        QJsonObject committed;
        std::unique_ptr<HelperProcess> consumers = startConsumerGroup(topic, group, QStringLiteral("consumer"), &committed);
        QVERIFY2(consumers, "tests/python/consumer_group.py did not make its group");
        QCOMPARE(committed.size(), 4);

        const Result<ClusterSnapshot> snap = load();
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        const GroupSnapshot *g = snap->group(group);
        QVERIFY(g);
        QCOMPARE(g->description.type, GroupType::Consumer);
        QCOMPARE(g->description.state, GroupState::Stable);
        QCOMPARE(g->description.protocolType, QStringLiteral("consumer"));
        QVERIFY(!g->description.describable);
        QVERIFY2(g->description.note.contains(QLatin1String("ConsumerGroupDescribe")), qPrintable(g->description.note));
        QCOMPARE(g->partitions.size(), 4);
        for (int p = 0; p < 4; ++p) {
            const PartitionLag *pl = partition(*g, topic, p);
            QVERIFY(pl);
            QCOMPARE(pl->committedOffset,
                     std::optional<qint64>(committed.value(QStringLiteral("%1:%2").arg(topic).arg(p)).toInteger(-100)));
            QCOMPARE(pl->endOffset, std::optional<qint64>(5));   // 20 records over 4 partitions
            QCOMPARE(pl->lag, std::optional<qint64>(1));
        }
        QCOMPARE(g->totalLag, std::optional<qint64>(4));

        // The one-group refresh must not take it for an unknown group.
        const Result<GroupSnapshot> one = waitPolling(SnapshotLoader::loadGroup(m_client, group, snap->metadata));
        QVERIFY2(one.ok(), qPrintable(one.error().toString()));
        QCOMPARE(one->description.type, GroupType::Consumer);
        QCOMPARE(one->description.state, GroupState::Stable);
        QCOMPARE(one->totalLag, std::optional<qint64>(4));

        // Side by side with kafka-consumer-groups: the same offsets and lag
        // (Cohort cannot name the members yet, and says so on stderr).
        const QStringList server{QStringLiteral("--bootstrap-server"), m_bootstrap};
        const KafkaTool kcg = KafkaTool::run(QStringLiteral("kafka-consumer-groups"),
                                             server + QStringList{QStringLiteral("--describe"), QStringLiteral("--group"), group});
        QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
        const CliRun cli = runCli(server + QStringList{QStringLiteral("groups"), QStringLiteral("describe"), group});
        QVERIFY2(completeOnSharedCluster(cli, group), qPrintable(QStringLiteral("exit %1: %2").arg(cli.code).arg(cli.err)));
        QVERIFY2(cli.err.contains(QLatin1String("ConsumerGroupDescribe")), qPrintable(cli.err));
        const QStringList offsetColumns{QStringLiteral("GROUP"),          QStringLiteral("TOPIC"),          QStringLiteral("PARTITION"),
                                        QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG")};
        const QList<QStringList> kafkaRows = tableColumns(kcg.out, offsetColumns, {group});
        QCOMPARE(kafkaRows.size(), 4);
        QCOMPARE(tableColumns(cli.out, offsetColumns, {group}), kafkaRows);

        // --list --type --state: GROUP, TYPE and STATE as Kafka prints them.
        listedAsKafkaLists(group, QStringLiteral("consumer,classic"), {group, QStringLiteral("Consumer"), QStringLiteral("Stable")});
        if (QTest::currentTestFailed())
            return;
        const CliRun cliJson = runCli(server
                                      + QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--output"),
                                                    QStringLiteral("json"), QStringLiteral("--type"), QStringLiteral("Consumer")});
        QCOMPARE(cliJson.code, 0);
        bool found = false;
        for (const QJsonValue &row : QJsonDocument::fromJson(cliJson.out.toUtf8()).array()) {
            const QJsonObject o = row.toObject();
            QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("Consumer"));   // --type consumer only
            if (o.value(QStringLiteral("group_id")).toString() == group) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
                QCOMPARE(o.value(QStringLiteral("lag")).toInteger(), 4);
                QVERIFY(o.value(QStringLiteral("members")).isNull());   // not known without ConsumerGroupDescribe
            }
        }
        QVERIFY(found);
        const CliRun classicOnly = runCli(
            server + QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--type"), QStringLiteral("classic")});
        QCOMPARE(classicOnly.code, 0);
        QVERIFY(tableColumns(classicOnly.out, kListColumns, {group}).isEmpty());

        // The consumers close: Empty, with the same offsets.
        consumers->writeLine("close");
        QCOMPARE(jsonLine(consumers->readLine()).value(QStringLiteral("closed")).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(groupNow(group).description.state, GroupState::Empty, 60000);
        const GroupSnapshot closed = groupNow(group);
        QCOMPARE(closed.description.type, GroupType::Consumer);
        QCOMPARE(closed.totalLag, std::optional<qint64>(4));
        const KafkaTool kcgState = KafkaTool::run(QStringLiteral("kafka-consumer-groups"),
                                                  server + QStringList{QStringLiteral("--list"), QStringLiteral("--state")});
        QCOMPARE(tableColumns(kcgState.out, {QStringLiteral("GROUP"), QStringLiteral("STATE")}, {group}),
                 (QList<QStringList>{{group, QStringLiteral("Empty")}}));
    }

    // A classic group (the same client, group.protocol=classic): type Classic,
    // described as before, members and all.
    void classicGroup()
    {
        const QString topic = QStringLiteral("cohort-types-classic-") + m_suffix,
                      group = QStringLiteral("cohort-types-classic-g-") + m_suffix;
        QJsonObject committed;
        std::unique_ptr<HelperProcess> consumers = startConsumerGroup(topic, group, QStringLiteral("classic"), &committed);
        QVERIFY2(consumers, "tests/python/consumer_group.py did not make its group");
        const GroupSnapshot g = groupNow(group);
        QCOMPARE(g.description.type, GroupType::Classic);
        QCOMPARE(g.description.state, GroupState::Stable);
        QVERIFY(g.description.describable);
        QCOMPARE(g.description.members.size(), 2);
        QCOMPARE(g.totalLag, std::optional<qint64>(4));
        listedAsKafkaLists(group, QStringLiteral("classic"), {group, QStringLiteral("Classic"), QStringLiteral("Stable")});
    }

    // A share group (KIP-932), made by Kafka's console share consumer:
    // listed with type Share and the state kafka-share-groups prints.
    void shareGroup()
    {
        const QString topic = QStringLiteral("cohort-types-share-") + m_suffix, group = QStringLiteral("cohort-types-share-g-") + m_suffix;
        QCOMPARE(createTopic(topic, 1), QString());
        HelperProcess share(KafkaTool::script(),
                            {QStringLiteral("kafka-console-share-consumer"), QStringLiteral("--bootstrap-server"), m_bootstrap,
                             QStringLiteral("--topic"), topic, QStringLiteral("--group"), group},
                            HelperProcess::Stop::Terminate);
        QTRY_COMPARE_WITH_TIMEOUT(groupNow(group).description.state, GroupState::Stable, 90000);
        const GroupSnapshot g = groupNow(group);
        QCOMPARE(g.description.type, GroupType::Share);
        QVERIFY2(g.description.note.contains(QLatin1String("ShareGroupDescribe")), qPrintable(g.description.note));
        stableAsKafkaToolsList(QStringLiteral("kafka-share-groups"), group, QStringLiteral("Share"));
        if (QTest::currentTestFailed())
            return;
        const CliRun cli = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list"),
                                   QStringLiteral("--type"), QStringLiteral("share")});
        QVERIFY2(completeOnSharedCluster(cli, group), qPrintable(QStringLiteral("exit %1: %2").arg(cli.code).arg(cli.err)));
        QCOMPARE(tableColumns(cli.out, kListColumns, {group}),
                 (QList<QStringList>{{group, QStringLiteral("Share"), QStringLiteral("Stable")}}));
    }

    // A streams group (KIP-1071): a Kafka Streams application with
    // group.protocol=streams, compiled here against Kafka 4.4's jars.
    void streamsGroup()
    {
        const QString javac = QStandardPaths::findExecutable(QStringLiteral("javac"));
        const QString java = QStandardPaths::findExecutable(QStringLiteral("java"));
        const QString jars = KafkaTool::jarDirectory();
        if (javac.isEmpty() || java.isEmpty() || !QFile::exists(jars + QStringLiteral("/kafka-streams-4.4.0.jar")))
            COHORT_SKIP_OR_FAIL("javac, java or Kafka's kafka-streams jar (scripts/kafka-cluster.sh fetch) is missing");
        QTemporaryDir classes;
        QProcess compile;
        compile.start(javac, {QStringLiteral("-d"), classes.path(), QStringLiteral("-cp"), jars + QStringLiteral("/*"),
                              qEnvironmentVariable("COHORT_SOURCE_DIR") + QStringLiteral("/tests/java/StreamsGroupApp.java")});
        QVERIFY(compile.waitForFinished(120000));
        QVERIFY2(compile.exitCode() == 0, compile.readAllStandardError().constData());

        const QString topic = QStringLiteral("cohort-types-streams-") + m_suffix,
                      group = QStringLiteral("cohort-types-streams-g-") + m_suffix;
        QCOMPARE(createTopic(topic, 2), QString());
        HelperProcess app(java, {QStringLiteral("-Xmx256m"), QStringLiteral("-cp"),
                                 classes.path() + QLatin1Char(':') + jars + QStringLiteral("/*"), QStringLiteral("StreamsGroupApp"),
                                 m_bootstrap, topic, group, classes.path()});
        QCOMPARE(app.readLine(), QStringLiteral("RUNNING"));
        QTRY_COMPARE_WITH_TIMEOUT(groupNow(group).description.state, GroupState::Stable, 90000);
        const GroupSnapshot g = groupNow(group);
        QCOMPARE(g.description.type, GroupType::Streams);
        QVERIFY2(g.description.note.contains(QLatin1String("StreamsGroupDescribe")), qPrintable(g.description.note));
        stableAsKafkaToolsList(QStringLiteral("kafka-streams-groups"), group, QStringLiteral("Streams"));
    }
};

QTEST_GUILESS_MAIN(TestGroupTypes)
#include "tst_group_types.moc"
