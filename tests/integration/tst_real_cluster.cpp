// SPDX-License-Identifier: GPL-3.0-or-later
// The same assertions as against the sandbox, against a real Kafka: a fresh
// topic, a stopped group with lag and an active group that committed part
// way, seen through the core and through cohort-cli. Everything it creates has
// a unique name and is deleted afterwards.
//
// The cluster is the user's own when KAFKA_BOOTSTRAP_SERVERS names one
// (PLAINTEXT); otherwise the Apache Kafka 4.4 cluster (3 brokers) that the
// suite's ctest fixture starts from Maven Central's jars (tests/kafka). Without
// either it is skipped with the reason, and on CI (CI set) it fails instead.

#include "CliRun.h"
#include "FutureWait.h"
#include "KafkaTool.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SkipOrFail.h"
#include "SnapshotLookup.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace cohort;
using namespace cohort::test;

namespace {

// A fresh topic and the names of two groups for one test, all deleted when
// it ends however it ends.
struct ScratchTopicAndGroups
{
    ScratchTopicAndGroups(const QString &bootstrap, const QString &prefix, const QString &suffix)
        : topic(prefix + suffix)
        , stoppedGroup(prefix + QStringLiteral("stopped-") + suffix)
        , activeGroup(prefix + QStringLiteral("active-") + suffix)
        , admin(bootstrap)
    { }
    ~ScratchTopicAndGroups()
    {
        admin.deleteGroup(stoppedGroup);
        admin.deleteGroup(activeGroup);
        admin.deleteTopic(topic);
    }
    const QString topic, stoppedGroup, activeGroup;
    RdKafkaTestAdmin admin;
};

// The rows of a kafka-consumer-groups.sh-style table that belong to these
// groups (each line starting with one of them, split on white space), cut to
// the first `columns` fields when given, sorted.
QList<QStringList> rowsOf(const QString &table, const QStringList &groups, qsizetype columns = -1)
{
    QList<QStringList> rows;
    for (const QString &line : table.split(QLatin1Char('\n'))) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!fields.isEmpty() && groups.contains(fields.first()))
            rows << (columns < 0 ? fields : fields.mid(0, columns));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// The column names of such a table: its first line starting with GROUP, cut
// to the first `columns` fields when given; empty when there is none.
QStringList headerOf(const QString &table, qsizetype columns = -1)
{
    for (const QString &line : table.split(QLatin1Char('\n'))) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!fields.isEmpty() && fields.first() == QLatin1String("GROUP"))
            return columns < 0 ? fields : fields.mid(0, columns);
    }
    return {};
}

// The same question asked of kafka-consumer-groups and of cohort-cli (both
// given --bootstrap-server), as the rows of these groups in each answer.
struct SideBySide
{
    QString error;   // kafka-consumer-groups or cohort-cli failed
    QList<QStringList> kafka;
    QList<QStringList> cohort;
    QStringList kafkaHeader;   // the column names (headerOf)
    QStringList cohortHeader;
};

SideBySide sideBySide(const QString &bootstrap, const QStringList &kafkaArgs, const QStringList &cohortArgs, const QStringList &groups,
                      qsizetype columns = -1)
{
    SideBySide out;
    const QStringList server{QStringLiteral("--bootstrap-server"), bootstrap};
    // Kafka's own tool from the jars of scripts/kafka-cluster.sh (scripts/kafka-tool.sh).
    QProcess kafka;
    kafka.start(qEnvironmentVariable("COHORT_SOURCE_DIR") + QStringLiteral("/scripts/kafka-tool.sh"),
                QStringList{QStringLiteral("kafka-consumer-groups")} + server + kafkaArgs);
    if (!kafka.waitForFinished(120000) || kafka.exitStatus() != QProcess::NormalExit || kafka.exitCode() != 0) {
        out.error = QStringLiteral("kafka-consumer-groups %1 failed: %2")
                        .arg(kafkaArgs.join(QLatin1Char(' ')), QString::fromUtf8(kafka.readAllStandardError()));
        return out;
    }
    const CliRun cohort = runCli(server + cohortArgs);
    if (!std::all_of(groups.cbegin(), groups.cend(), [&](const QString &g) { return completeOnSharedCluster(cohort, g); })) {
        out.error = QStringLiteral("cohort-cli %1 exited %2: %3").arg(cohortArgs.join(QLatin1Char(' '))).arg(cohort.code).arg(cohort.err);
        return out;
    }
    const QString kafkaOut = QString::fromUtf8(kafka.readAllStandardOutput());
    out.kafka = rowsOf(kafkaOut, groups, columns);
    out.cohort = rowsOf(cohort.out, groups, columns);
    out.kafkaHeader = headerOf(kafkaOut, columns);
    out.cohortHeader = headerOf(cohort.out, columns);
    return out;
}

}   // namespace

// kafka-consumer-groups' columns in Kafka 4.4 (ConsumerGroupCommand), for --describe,
// --describe --members (GROUP-INSTANCE-ID after CONSUMER-ID when a member is static) and --verbose.
const QStringList kDescribeColumns{QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"),
                                   QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"),
                                   QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"), QStringLiteral("CLIENT-ID")};
const QStringList kMembersColumns{QStringLiteral("GROUP"), QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"),
                                  QStringLiteral("CLIENT-ID"), QStringLiteral("#PARTITIONS")};
const QStringList kVerboseMembersColumns{QStringLiteral("GROUP"),         QStringLiteral("CONSUMER-ID"),        QStringLiteral("HOST"),
                                         QStringLiteral("CLIENT-ID"),     QStringLiteral("#PARTITIONS"),        QStringLiteral("CURRENT-EPOCH"),
                                         QStringLiteral("CURRENT-ASSIGNMENT"), QStringLiteral("TARGET-EPOCH"), QStringLiteral("TARGET-ASSIGNMENT")};

class TestRealCluster : public QObject
{
    Q_OBJECT

    QString m_bootstrap;
    QString m_suffix;

private Q_SLOTS:
    void initTestCase()
    {
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        m_bootstrap = kafka->bootstrap;
        qInfo("against %s at %s", kafka->startedBySuite ? "the suite's Kafka 4.4 cluster" : "KAFKA_BOOTSTRAP_SERVERS",
              qPrintable(m_bootstrap));
        m_suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
    }

    void lagStatesAndMembersAsTheSandboxShowsThem()
    {
        ScratchTopicAndGroups scratch(m_bootstrap, QStringLiteral("cohort-test-"), m_suffix);
        const QString &topic = scratch.topic, &stoppedGroup = scratch.stoppedGroup, &activeGroup = scratch.activeGroup;
        QCOMPARE(scratch.admin.createTopic(topic, 3), QString());

        QCOMPARE(produceMessages(m_bootstrap, topic, 0, 30), QString());
        QCOMPARE(produceMessages(m_bootstrap, topic, 1, 10), QString());
        {
            GroupConsumer stopped(m_bootstrap, stoppedGroup, {topic}, {{QStringLiteral("client.id"), QStringLiteral("stopper")}});
            QTRY_VERIFY_WITH_TIMEOUT((stopped.poll(50), stopped.received() >= 40), 60000);
            QCOMPARE(stopped.commitSync(), QString());
        }
        QCOMPARE(produceMessages(m_bootstrap, topic, 0, 5), QString());   // the stopped group lags 5 on p0

        GroupConsumer active(m_bootstrap, activeGroup, {topic}, {{QStringLiteral("client.id"), QStringLiteral("active-1")}});
        QTRY_VERIFY_WITH_TIMEOUT((active.poll(50), active.assignment().size() == 3), 60000);
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), 0)->offset = 10;
        QCOMPARE(rd_kafka_commit(active.handle(), list, 0), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_topic_partition_list_destroy(list);

        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), m_bootstrap}}, 15000);
        QVERIFY2(client.ok(), qPrintable(client.error().toString()));
        const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(client.value()), &active);
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));

        const GroupSnapshot *s = snap->group(stoppedGroup);
        QVERIFY(s);
        QCOMPARE(s->description.state, GroupState::Empty);
        QCOMPARE(partition(*s, topic, 0)->lag, std::optional<qint64>(5));
        QCOMPARE(partition(*s, topic, 1)->lag, std::optional<qint64>(0));
        QCOMPARE(s->totalLag, std::optional<qint64>(5));

        const GroupSnapshot *a = snap->group(activeGroup);
        QVERIFY(a);
        QCOMPARE(a->description.state, GroupState::Stable);
        QCOMPARE(a->description.members.size(), 1);
        QCOMPARE(a->description.members.first().clientId, QStringLiteral("active-1"));
        QCOMPARE(a->partitions.size(), 3);
        QCOMPARE(partition(*a, topic, 0)->committedOffset, std::optional<qint64>(10));
        QCOMPARE(partition(*a, topic, 0)->lag, std::optional<qint64>(25));
        QCOMPARE(partition(*a, topic, 1)->lag, std::nullopt);   // never committed: unknown
        QCOMPARE(a->ownerOf(*partition(*a, topic, 0))->clientId, QStringLiteral("active-1"));

        const CliRun cli = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"),
                                   stoppedGroup, QStringLiteral("--output"), QStringLiteral("json")});
        QVERIFY2(completeOnSharedCluster(cli, stoppedGroup), qPrintable(QStringLiteral("exit %1: %2").arg(cli.code).arg(cli.err)));
        const QJsonArray rows = QJsonDocument::fromJson(cli.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);   // the partitions the stopped group committed
        qint64 lag = 0;
        for (const QJsonValue &row : rows)
            lag += row.toObject().value(QStringLiteral("lag")).toInteger();
        QCOMPARE(lag, 5);
    }

    // cohort-cli groups describe next to Kafka's own kafka-consumer-groups
    // --describe on the same groups: the same rows, column for column (a
    // stopped group with lag, an active one that committed part way and owns
    // partitions it never committed: "-" where unknown in both).
    void describeSideBySideWithKafkaConsumerGroups()
    {
        if (!QStandardPaths::findExecutable(QStringLiteral("java")).size())
            COHORT_SKIP_OR_FAIL("java is not installed: Kafka's kafka-consumer-groups cannot run");
        ScratchTopicAndGroups scratch(m_bootstrap, QStringLiteral("cohort-kcg-"), m_suffix);
        const QString &topic = scratch.topic, &stoppedGroup = scratch.stoppedGroup, &activeGroup = scratch.activeGroup;
        QCOMPARE(scratch.admin.createTopic(topic, 3), QString());
        QCOMPARE(produceMessages(m_bootstrap, topic, 0, 12), QString());
        QCOMPARE(produceMessages(m_bootstrap, topic, 2, 4), QString());
        {
            GroupConsumer stopped(m_bootstrap, stoppedGroup, {topic}, {{QStringLiteral("client.id"), QStringLiteral("kcg-stopper")}});
            QTRY_VERIFY_WITH_TIMEOUT((stopped.poll(50), stopped.received() >= 16), 60000);
            QCOMPARE(stopped.commitSync(), QString());
        }
        QCOMPARE(produceMessages(m_bootstrap, topic, 2, 3), QString());
        GroupConsumer active(m_bootstrap, activeGroup, {topic}, {{QStringLiteral("client.id"), QStringLiteral("kcg-active")}});
        QTRY_VERIFY_WITH_TIMEOUT((active.poll(50), active.assignment().size() == 3), 60000);
        QCOMPARE(active.commit(topic, {{0, 5}}), RD_KAFKA_RESP_ERR_NO_ERROR);

        const QString describe = QStringLiteral("--describe"), group = QStringLiteral("--group"), members = QStringLiteral("--members");
        const QString cliGroups = QStringLiteral("groups"), cliDescribe = QStringLiteral("describe");
        for (const QString &g : {stoppedGroup, activeGroup}) {
            const SideBySide rows = sideBySide(m_bootstrap, {describe, group, g}, {cliGroups, cliDescribe, g}, {g});
            QVERIFY2(rows.error.isEmpty(), qPrintable(rows.error));
            QVERIFY(!rows.kafka.isEmpty());
            QCOMPARE(rows.cohort, rows.kafka);
            QCOMPARE(rows.kafkaHeader, kDescribeColumns);   // Kafka 4.4's own, as written down
            QCOMPARE(rows.cohortHeader, rows.kafkaHeader);
            active.poll(10);
        }

        // --members: the active group's one member, column for column.
        const SideBySide memberRows = sideBySide(m_bootstrap, {describe, group, activeGroup, members},
                                                 {cliGroups, cliDescribe, activeGroup, members}, {activeGroup});
        QVERIFY2(memberRows.error.isEmpty(), qPrintable(memberRows.error));
        QCOMPARE(memberRows.kafka.size(), 1);
        QCOMPARE(memberRows.cohort, memberRows.kafka);
        QCOMPARE(memberRows.kafkaHeader, kMembersColumns);   // no GROUP-INSTANCE-ID: the member is dynamic
        QCOMPARE(memberRows.cohortHeader, memberRows.kafkaHeader);
        active.poll(10);

        // --members --verbose: the same plus the epochs ("-" for a classic
        // member) and the assignment as "topic:0,1,2".
        const QString verbose = QStringLiteral("--verbose");
        const SideBySide verboseRows = sideBySide(m_bootstrap, {describe, group, activeGroup, members, verbose},
                                                  {cliGroups, cliDescribe, activeGroup, members, verbose}, {activeGroup});
        QVERIFY2(verboseRows.error.isEmpty(), qPrintable(verboseRows.error));
        QCOMPARE(verboseRows.kafka.size(), 1);
        QCOMPARE(verboseRows.kafka.first().value(6), topic + QStringLiteral(":0,1,2"));   // read against Kafka's own output
        QCOMPARE(verboseRows.cohort, verboseRows.kafka);
        QCOMPARE(verboseRows.kafkaHeader, kVerboseMembersColumns);
        QCOMPARE(verboseRows.cohortHeader, verboseRows.kafkaHeader);
        const CliRun json = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, cliGroups, cliDescribe, activeGroup, members,
                                    verbose, QStringLiteral("--output"), QStringLiteral("json")});
        QVERIFY2(completeOnSharedCluster(json, activeGroup), qPrintable(QStringLiteral("exit %1: %2").arg(json.code).arg(json.err)));
        const QJsonObject member = QJsonDocument::fromJson(json.out.toUtf8()).array().first().toObject();
        QCOMPARE(member.value(QStringLiteral("current_assignment")).toString(), topic + QStringLiteral(":0,1,2"));
        QVERIFY(member.value(QStringLiteral("current_epoch")).isNull());
        QVERIFY(member.value(QStringLiteral("target_assignment")).isNull());
        active.poll(10);

        // --list and --list --state: the same groups in the same states (only
        // this test's groups are compared: a cluster of one's own has others
        // that may change between the two calls).
        const QString list = QStringLiteral("--list"), state = QStringLiteral("--state"), stable = QStringLiteral("Stable");
        const SideBySide listed = sideBySide(m_bootstrap, {list}, {cliGroups, QStringLiteral("list")}, {stoppedGroup, activeGroup}, 1);
        QVERIFY2(listed.error.isEmpty(), qPrintable(listed.error));
        QCOMPARE(listed.kafka.size(), 2);
        QCOMPARE(listed.cohort, listed.kafka);
        active.poll(10);

        const SideBySide stableRows = sideBySide(m_bootstrap, {list, state, stable}, {cliGroups, QStringLiteral("list"), state, stable},
                                                 {stoppedGroup, activeGroup}, 2);
        QVERIFY2(stableRows.error.isEmpty(), qPrintable(stableRows.error));
        QCOMPARE(stableRows.kafka, (QList<QStringList>{{activeGroup, stable}}));
        QCOMPARE(stableRows.cohort, stableRows.kafka);
        QCOMPARE(stableRows.kafkaHeader, (QStringList{QStringLiteral("GROUP"), QStringLiteral("STATE")}));
        QCOMPARE(stableRows.cohortHeader, stableRows.kafkaHeader);
        active.poll(10);

        // --list --state without a state: every group with its state, next
        // to groups list (whose first two columns are GROUP and STATE).
        const SideBySide allStates = sideBySide(m_bootstrap, {list, state}, {cliGroups, QStringLiteral("list")}, {stoppedGroup, activeGroup}, 2);
        QVERIFY2(allStates.error.isEmpty(), qPrintable(allStates.error));
        QCOMPARE(allStates.kafka, (QList<QStringList>{{activeGroup, stable}, {stoppedGroup, QStringLiteral("Empty")}}));
        QCOMPARE(allStates.cohort, allStates.kafka);
        QCOMPARE(allStates.kafkaHeader, (QStringList{QStringLiteral("GROUP"), QStringLiteral("STATE")}));
        QCOMPARE(allStates.cohortHeader, allStates.kafkaHeader);
    }

    // A classic group whose member is static (group.instance.id): Kafka's
    // --members shows a GROUP-INSTANCE-ID column then, and so must Cohort,
    // with the same rows and column names, plain and verbose.
    void staticMemberSideBySideWithKafkaConsumerGroups()
    {
        if (!QStandardPaths::findExecutable(QStringLiteral("java")).size())
            COHORT_SKIP_OR_FAIL("java is not installed: Kafka's kafka-consumer-groups cannot run");
        ScratchTopicAndGroups scratch(m_bootstrap, QStringLiteral("cohort-kcg-static-"), m_suffix);
        const QString &topic = scratch.topic, &group = scratch.activeGroup;
        const QString instance = QStringLiteral("kcg-static-instance-1");
        QCOMPARE(scratch.admin.createTopic(topic, 2), QString());
        QCOMPARE(produceMessages(m_bootstrap, topic, 0, 6), QString());
        GroupConsumer member(m_bootstrap, group, {topic},
                             {{QStringLiteral("client.id"), QStringLiteral("kcg-static")}, {QStringLiteral("group.instance.id"), instance}});
        QVERIFY2(member.valid(), qPrintable(member.error()));
        QTRY_VERIFY_WITH_TIMEOUT((member.poll(50), member.assignment().size() == 2), 60000);
        QCOMPARE(member.commit(topic, {{0, 4}}), RD_KAFKA_RESP_ERR_NO_ERROR);

        const QString describe = QStringLiteral("--describe"), groupOpt = QStringLiteral("--group"), members = QStringLiteral("--members");
        const QString cliGroups = QStringLiteral("groups"), cliDescribe = QStringLiteral("describe");
        const SideBySide rows = sideBySide(m_bootstrap, {describe, groupOpt, group}, {cliGroups, cliDescribe, group}, {group});
        QVERIFY2(rows.error.isEmpty(), qPrintable(rows.error));
        QCOMPARE(rows.kafka.size(), 2);
        QCOMPARE(rows.cohort, rows.kafka);
        QCOMPARE(rows.cohortHeader, rows.kafkaHeader);
        member.poll(10);

        const SideBySide memberRows = sideBySide(m_bootstrap, {describe, groupOpt, group, members},
                                                 {cliGroups, cliDescribe, group, members}, {group});
        QVERIFY2(memberRows.error.isEmpty(), qPrintable(memberRows.error));
        QStringList withInstance = kMembersColumns;
        withInstance.insert(2, QStringLiteral("GROUP-INSTANCE-ID"));
        QCOMPARE(memberRows.kafkaHeader, withInstance);
        QCOMPARE(memberRows.cohortHeader, memberRows.kafkaHeader);
        QCOMPARE(memberRows.kafka.size(), 1);
        QCOMPARE(memberRows.kafka.first().value(2), instance);   // read against Kafka's own output
        QCOMPARE(memberRows.cohort, memberRows.kafka);
        member.poll(10);

        const QString verbose = QStringLiteral("--verbose");
        const SideBySide verboseRows = sideBySide(m_bootstrap, {describe, groupOpt, group, members, verbose},
                                                  {cliGroups, cliDescribe, group, members, verbose}, {group});
        QVERIFY2(verboseRows.error.isEmpty(), qPrintable(verboseRows.error));
        QStringList verboseWithInstance = kVerboseMembersColumns;
        verboseWithInstance.insert(2, QStringLiteral("GROUP-INSTANCE-ID"));
        QCOMPARE(verboseRows.kafkaHeader, verboseWithInstance);
        QCOMPARE(verboseRows.cohortHeader, verboseRows.kafkaHeader);
        QCOMPARE(verboseRows.kafka.size(), 1);
        QCOMPARE(verboseRows.cohort, verboseRows.kafka);
    }

    // Kafka's console producer, console consumer and kafka-features as
    // scripts/kafka-tool.sh maps them: three records in, the same three out,
    // and the cluster's metadata.version.
    void kafkaToolsProduceConsumeAndFeatures()
    {
        if (!QStandardPaths::findExecutable(QStringLiteral("java")).size())
            COHORT_SKIP_OR_FAIL("java is not installed: Kafka's tools cannot run");
        ScratchTopicAndGroups scratch(m_bootstrap, QStringLiteral("cohort-tools-"), m_suffix);
        QCOMPARE(scratch.admin.createTopic(scratch.topic, 1), QString());
        const QStringList server{QStringLiteral("--bootstrap-server"), m_bootstrap};
        const KafkaTool produced = KafkaTool::run(QStringLiteral("kafka-console-producer"),
                                                  server + QStringList{QStringLiteral("--topic"), scratch.topic}, 120000,
                                                  QByteArrayLiteral("first\nsecond\nthird\n"));
        QVERIFY2(produced.code == 0, qPrintable(produced.err));

        const KafkaTool consumed = KafkaTool::run(QStringLiteral("kafka-console-consumer"),
                                                  server + QStringList{QStringLiteral("--topic"), scratch.topic, QStringLiteral("--group"),
                                                                       scratch.stoppedGroup, QStringLiteral("--from-beginning"),
                                                                       QStringLiteral("--max-messages"), QStringLiteral("3")});
        QVERIFY2(consumed.code == 0, qPrintable(consumed.err));
        QCOMPARE(consumed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")}));
        // Its offsets were committed as it left: the group has read all three.
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), m_bootstrap}}, 15000);
        QVERIFY(client.ok());
        const Result<GroupSnapshot> g = waitPolling(SnapshotLoader::loadGroup(client.value(), scratch.stoppedGroup));
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(g->partitions.size(), 1);
        QCOMPARE(g->partitions.first().committedOffset, std::optional<qint64>(3));
        QCOMPARE(g->partitions.first().lag, std::optional<qint64>(0));

        const KafkaTool features = KafkaTool::run(QStringLiteral("kafka-features"), server + QStringList{QStringLiteral("describe")});
        QVERIFY2(features.code == 0, qPrintable(features.err));
        const QStringList metadataVersion = features.out.split(QLatin1Char('\n')).filter(QStringLiteral("Feature: metadata.version"));
        QVERIFY2(metadataVersion.size() == 1, qPrintable(features.out));
        // Kafka 4.4 writes "FinalizedVersionLevel: 4.4-IVn" or later levels: a 4.x one.
        QVERIFY2(metadataVersion.first().contains(QRegularExpression(QStringLiteral("FinalizedVersionLevel:\\s+4\\.\\d+-IV\\d+"))),
                 qPrintable(metadataVersion.first()));
    }
};

QTEST_GUILESS_MAIN(TestRealCluster)
#include "tst_real_cluster.moc"
