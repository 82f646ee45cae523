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
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <tuple>

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
    // as classic DescribeGroups says), described with ConsumerGroupDescribe
    // (members, epochs, assignments, the server assignor), with the offsets
    // its consumers committed, and printed by cohort-cli as
    // kafka-consumer-groups 4.4 prints it; Empty once they close.
    void kip848ConsumerGroup()
    {
        const QString topic = QStringLiteral("cohort-types-848-") + m_suffix, group = QStringLiteral("cohort-types-848-g-") + m_suffix;
        QJsonObject committed;
        std::unique_ptr<HelperProcess> consumers = startConsumerGroup(topic, group, QStringLiteral("consumer"), &committed);
        QVERIFY2(consumers, "tests/python/consumer_group.py did not make its group");
        QCOMPARE(committed.size(), 4);

        // Read until the new topic's leaders and end offsets are known to
        // this client too (its metadata may predate the topic) and the group
        // is at rest.
        Result<ClusterSnapshot> snap = KafkaError{};
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                snap = load();
                const GroupSnapshot *g = snap ? snap->group(group) : nullptr;
                if (!g || g->description.state != GroupState::Stable || g->partitions.size() != 4)
                    return false;
                return std::all_of(g->partitions.cbegin(), g->partitions.cend(), [](const PartitionLag &p) { return p.endOffset.has_value(); });
            }(),
            60000);
        const GroupSnapshot *g = snap->group(group);
        QVERIFY(g);
        const GroupDescription &d = g->description;
        QCOMPARE(d.type, GroupType::Consumer);
        QCOMPARE(d.state, GroupState::Stable);
        QCOMPARE(d.protocolType, QStringLiteral("consumer"));
        QVERIFY(d.describedAsConsumerGroup);
        QVERIFY(d.describable);
        QVERIFY2(d.note.isEmpty(), qPrintable(d.note));
        // Kafka 4.4's default server assignor is uniform; range where the broker is configured so.
        QVERIFY2(d.protocol == QLatin1String("uniform") || d.protocol == QLatin1String("range"), qPrintable(d.protocol));
        QVERIFY(d.groupEpoch > 0);
        QCOMPARE(d.assignmentEpoch, d.groupEpoch);
        QCOMPARE(d.members.size(), 2);
        QSet<TopicPartition> owned;
        QStringList clientIds;
        for (const GroupMember &m : d.members) {
            clientIds << m.clientId;
            QCOMPARE(m.memberEpoch, d.groupEpoch);   // Stable: every member at the group epoch
            QCOMPARE(m.type, MemberType::Consumer);
            QVERIFY(m.subscription);
            QCOMPARE(m.subscription->topics, QStringList{topic});
            QVERIFY(m.assignment && m.targetAssignment);
            QVERIFY(!m.reconciling());
            QCOMPARE(m.assignment->partitions.size(), 2);   // 4 partitions over 2 members
            for (const TopicPartition &tp : m.assignment->partitions)
                owned.insert(tp);
        }
        clientIds.sort();
        QCOMPARE(clientIds, (QStringList{QStringLiteral("kip848-0"), QStringLiteral("kip848-1")}));
        QCOMPARE(owned.size(), 4);
        // The assigned topic's id, as kafka-topics --describe prints it (the
        // uniform what-if orders topics by it).
        const KafkaTool described = KafkaTool::run(QStringLiteral("kafka-topics"), {QStringLiteral("--bootstrap-server"), m_bootstrap,
                                                                                    QStringLiteral("--describe"), QStringLiteral("--topic"), topic});
        QVERIFY2(described.code == 0, qPrintable(described.err));
        const QRegularExpressionMatch topicId = QRegularExpression(QStringLiteral("TopicId: (\\S+)")).match(described.out);
        QVERIFY2(topicId.hasMatch(), qPrintable(described.out));
        QCOMPARE(d.topicIds, (QHash<QString, QString>{{topic, topicId.captured(1)}}));
        QCOMPARE(g->generationId, d.groupEpoch);
        QCOMPARE(g->partitions.size(), 4);
        for (int p = 0; p < 4; ++p) {
            const PartitionLag *pl = partition(*g, topic, p);
            QVERIFY(pl);
            QVERIFY2(g->ownerOf(*pl), qPrintable(QString::number(p)));
            QCOMPARE(pl->committedOffset,
                     std::optional<qint64>(committed.value(QStringLiteral("%1:%2").arg(topic).arg(p)).toInteger(-100)));
            QCOMPARE(pl->endOffset, std::optional<qint64>(5));   // 20 records over 4 partitions
            QCOMPARE(pl->lag, std::optional<qint64>(1));
        }
        QCOMPARE(g->totalLag, std::optional<qint64>(4));

        // The one-group refresh describes it the same, without a listing.
        const Result<GroupSnapshot> one = waitPolling(SnapshotLoader::loadGroup(m_client, group, snap->metadata));
        QVERIFY2(one.ok(), qPrintable(one.error().toString()));
        QCOMPARE(one->description.type, GroupType::Consumer);
        QCOMPARE(one->description.state, GroupState::Stable);
        QCOMPARE(one->description.members.size(), 2);
        QCOMPARE(one->description.groupEpoch, d.groupEpoch);
        QCOMPARE(one->totalLag, std::optional<qint64>(4));
        // A fresh client, which has listed nothing yet, too.
        auto fresh = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), m_bootstrap}}, 15000);
        QVERIFY(fresh.ok());
        const Result<GroupSnapshot> cold = waitPolling(SnapshotLoader::loadGroup(fresh.value(), group, snap->metadata));
        QVERIFY2(cold.ok(), qPrintable(cold.error().toString()));
        QVERIFY(cold->description.describedAsConsumerGroup);
        QCOMPARE(cold->description.members.size(), 2);

        // Side by side with kafka-consumer-groups 4.4: per partition (owners
        // included), --members, --members --verbose, --state, --state --verbose;
        // and what kcg prints is what the snapshot says.
        const QStringList server{QStringLiteral("--bootstrap-server"), m_bootstrap};
        const auto sideBySide = [&](const QStringList &kcgArgs, const QStringList &cliArgs, const QStringList &columns) {
            const KafkaTool kcg = KafkaTool::run(QStringLiteral("kafka-consumer-groups"),
                                                 server + QStringList{QStringLiteral("--describe"), QStringLiteral("--group"), group} + kcgArgs);
            const CliRun cli = runCli(server + QStringList{QStringLiteral("groups"), QStringLiteral("describe"), group} + cliArgs);
            const QString failed = kcg.code != 0 ? kcg.err
                                   : !completeOnSharedCluster(cli, group)
                                       ? QStringLiteral("cohort-cli exit %1: %2").arg(cli.code).arg(cli.err)
                                       : QString();
            // The header lines too: the same columns in the same order.
            const auto header = [](const QString &out) {
                for (const QString &line : out.split(QLatin1Char('\n')))
                    if (line.startsWith(QLatin1String("GROUP ")))
                        return line.simplified();
                return QString();
            };
            return std::tuple{failed, tableColumns(kcg.out, columns, {group}), tableColumns(cli.out, columns, {group}), header(kcg.out),
                              header(cli.out), cli.err};
        };
        const QStringList offsetColumns{QStringLiteral("GROUP"),          QStringLiteral("TOPIC"),          QStringLiteral("PARTITION"),
                                        QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"),
                                        QStringLiteral("CONSUMER-ID"),    QStringLiteral("HOST"),           QStringLiteral("CLIENT-ID")};
        {
            const auto [failed, kafkaRows, cohortRows, kafkaHeader, cohortHeader, err] = sideBySide({}, {}, offsetColumns);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            QCOMPARE(kafkaRows.size(), 4);
            QCOMPARE(cohortRows, kafkaRows);
            QCOMPARE(cohortHeader, kafkaHeader);
            QVERIFY2(!err.contains(QLatin1String("ConsumerGroupDescribe")), qPrintable(err));   // nothing it cannot show
        }
        const QStringList memberColumns{QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"),
                                        QStringLiteral("CLIENT-ID"), QStringLiteral("#PARTITIONS")};
        {
            const auto [failed, kafkaRows, cohortRows, kafkaHeader, cohortHeader, err] =
                sideBySide({QStringLiteral("--members")}, {QStringLiteral("--members")}, memberColumns);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            QCOMPARE(kafkaRows.size(), 2);
            QCOMPARE(cohortRows, kafkaRows);
            QCOMPARE(cohortHeader, kafkaHeader);   // no GROUP-INSTANCE-ID: no member has one
            QVERIFY(!kafkaHeader.contains(QLatin1String("GROUP-INSTANCE-ID")));
        }
        {
            const QString epoch = QString::number(d.groupEpoch);
            const auto [failed, kafkaRows, cohortRows, kafkaHeader, cohortHeader, err] = sideBySide(
                {QStringLiteral("--members"), QStringLiteral("--verbose")}, {QStringLiteral("--members"), QStringLiteral("--verbose")},
                memberColumns
                    + QStringList{QStringLiteral("CURRENT-EPOCH"), QStringLiteral("CURRENT-ASSIGNMENT"), QStringLiteral("TARGET-EPOCH"),
                                  QStringLiteral("TARGET-ASSIGNMENT")});
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            QCOMPARE(kafkaRows.size(), 2);
            for (const QStringList &row : kafkaRows) {
                QCOMPARE(row.at(5), epoch);   // Kafka's own CURRENT-EPOCH and TARGET-EPOCH are the snapshot's group epoch
                QCOMPARE(row.at(7), epoch);
                QCOMPARE(row.at(6), row.at(8));   // at rest: current is target
                QVERIFY2(row.at(6).startsWith(topic + QLatin1Char(':')), qPrintable(row.at(6)));
            }
            QCOMPARE(cohortRows, kafkaRows);
            QCOMPARE(cohortHeader, kafkaHeader);
        }
        const QStringList stateColumns{QStringLiteral("GROUP"), QStringLiteral("COORDINATOR"), QStringLiteral("(ID)"),
                                       QStringLiteral("ASSIGNMENT-STRATEGY"), QStringLiteral("STATE"), QStringLiteral("#MEMBERS")};
        {
            const auto [failed, kafkaRows, cohortRows, kafkaHeader, cohortHeader, err] =
                sideBySide({QStringLiteral("--state")}, {QStringLiteral("--state")}, stateColumns);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            QCOMPARE(kafkaRows.size(), 1);
            QCOMPARE(kafkaRows.first().at(3), d.protocol);   // ASSIGNMENT-STRATEGY: the group's server assignor
            QCOMPARE(kafkaRows.first().at(2), QStringLiteral("(%1)").arg(d.coordinatorId));
            QCOMPARE(kafkaRows.first().at(5), QStringLiteral("2"));
            QCOMPARE(cohortRows, kafkaRows);
            QCOMPARE(cohortHeader, kafkaHeader);
        }
        {
            const auto [failed, kafkaRows, cohortRows, kafkaHeader, cohortHeader, err] =
                sideBySide({QStringLiteral("--state"), QStringLiteral("--verbose")}, {QStringLiteral("--state"), QStringLiteral("--verbose")},
                           stateColumns + QStringList{QStringLiteral("GROUP-EPOCH"), QStringLiteral("TARGET-ASSIGNMENT-EPOCH")});
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
            QCOMPARE(kafkaRows.size(), 1);
            QCOMPARE(kafkaRows.first().at(6), QString::number(d.groupEpoch));
            QCOMPARE(kafkaRows.first().at(7), QString::number(d.assignmentEpoch));
            QCOMPARE(cohortRows, kafkaRows);
            QCOMPARE(cohortHeader, kafkaHeader);
        }

        // --list --type --state: GROUP, TYPE and STATE as Kafka prints them.
        listedAsKafkaLists(group, QStringLiteral("consumer,classic"), {group, QStringLiteral("Consumer"), QStringLiteral("Stable")});
        if (QTest::currentTestFailed())
            return;
        const CliRun cliJson = runCli(server
                                      + QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--output"),
                                                    QStringLiteral("json"), QStringLiteral("--type"), QStringLiteral("Consumer")});
        QVERIFY2(cliJson.code == 0, qPrintable(QStringLiteral("exit %1: %2").arg(cliJson.code).arg(cliJson.err)));
        bool found = false;
        for (const QJsonValue &row : QJsonDocument::fromJson(cliJson.out.toUtf8()).array()) {
            const QJsonObject o = row.toObject();
            QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("Consumer"));   // --type consumer only
            if (o.value(QStringLiteral("group_id")).toString() == group) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
                QCOMPARE(o.value(QStringLiteral("lag")).toInteger(), 4);
                QCOMPARE(o.value(QStringLiteral("members")).toInt(), 2);   // from ConsumerGroupDescribe
                QCOMPARE(o.value(QStringLiteral("assignor")).toString(), d.protocol);
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
