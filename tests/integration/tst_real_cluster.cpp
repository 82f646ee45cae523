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
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

// One admin call (CreateTopics / DeleteTopics / DeleteGroups) on its own handle.
class Admin
{
public:
    explicit Admin(const QString &bootstrap)
    {
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        char err[256];
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
        m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
        m_queue = rd_kafka_queue_new(m_rk);
    }
    ~Admin()
    {
        rd_kafka_queue_destroy(m_queue);
        rd_kafka_destroy(m_rk);
    }
    QString createTopic(const QString &name, int partitions)
    {
        char err[256];
        rd_kafka_NewTopic_t *t = rd_kafka_NewTopic_new(name.toUtf8().constData(), partitions, -1, err, sizeof err);
        rd_kafka_CreateTopics(m_rk, &t, 1, nullptr, m_queue);
        rd_kafka_NewTopic_destroy(t);
        return awaitTopicResult();
    }
    void deleteTopic(const QString &name)
    {
        rd_kafka_DeleteTopic_t *t = rd_kafka_DeleteTopic_new(name.toUtf8().constData());
        rd_kafka_DeleteTopics(m_rk, &t, 1, nullptr, m_queue);
        rd_kafka_DeleteTopic_destroy(t);
        awaitTopicResult();
    }
    void deleteGroup(const QString &name)
    {
        rd_kafka_DeleteGroup_t *g = rd_kafka_DeleteGroup_new(name.toUtf8().constData());
        rd_kafka_DeleteGroups(m_rk, &g, 1, nullptr, m_queue);
        rd_kafka_DeleteGroup_destroy(g);
        if (rd_kafka_event_t *ev = rd_kafka_queue_poll(m_queue, 30000))
            rd_kafka_event_destroy(ev);
    }

private:
    QString awaitTopicResult()
    {
        rd_kafka_event_t *ev = rd_kafka_queue_poll(m_queue, 30000);
        if (!ev)
            return QStringLiteral("no answer within 30 s");
        QString out;
        if (rd_kafka_event_error(ev))
            out = QString::fromUtf8(rd_kafka_event_error_string(ev));
        size_t n = 0;
        const rd_kafka_topic_result_t **results = nullptr;
        if (const auto *c = rd_kafka_event_CreateTopics_result(ev))
            results = rd_kafka_CreateTopics_result_topics(c, &n);
        else if (const auto *d = rd_kafka_event_DeleteTopics_result(ev))
            results = rd_kafka_DeleteTopics_result_topics(d, &n);
        for (size_t i = 0; i < n; ++i)
            if (rd_kafka_topic_result_error(results[i]))
                out = QString::fromUtf8(rd_kafka_topic_result_error_string(results[i]));
        rd_kafka_event_destroy(ev);
        return out;
    }

    rd_kafka_t *m_rk = nullptr;
    rd_kafka_queue_t *m_queue = nullptr;
};

// The rows of a kafka-consumer-groups.sh-style table for `group`: each line
// that starts with the group id, split on white space.
QList<QStringList> rowsOf(const QString &table, const QString &group)
{
    QList<QStringList> rows;
    for (const QString &line : table.split(QLatin1Char('\n'))) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!fields.isEmpty() && fields.first() == group)
            rows << fields;
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// Kafka's own kafka-consumer-groups (scripts/kafka-tool.sh, the jars of
// scripts/kafka-cluster.sh); its stdout.
QString kafkaConsumerGroups(const QStringList &args, QString *error)
{
    QProcess p;
    p.start(qEnvironmentVariable("COHORT_SOURCE_DIR") + QStringLiteral("/scripts/kafka-tool.sh"),
            QStringList{QStringLiteral("kafka-consumer-groups")} + args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("kafka-consumer-groups %1 failed: %2")
                     .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()));
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

}   // namespace

class TestRealCluster : public QObject
{
    Q_OBJECT

    QString m_bootstrap;
    QString m_suffix;

private Q_SLOTS:
    void initTestCase()
    {
        const Result<RealKafkaCluster, QString> kafka = RealKafkaCluster::find();
        if (!kafka)
            COHORT_SKIP_OR_FAIL(qPrintable(kafka.error()));
        m_bootstrap = kafka->bootstrap;
        qInfo("against %s at %s", kafka->startedBySuite ? "the suite's Kafka 4.4 cluster" : "KAFKA_BOOTSTRAP_SERVERS",
              qPrintable(m_bootstrap));
        m_suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
    }

    void lagStatesAndMembersAsTheSandboxShowsThem()
    {
        const QString topic = QStringLiteral("cohort-test-") + m_suffix;
        const QString stoppedGroup = QStringLiteral("cohort-test-stopped-") + m_suffix;
        const QString activeGroup = QStringLiteral("cohort-test-active-") + m_suffix;
        Admin admin(m_bootstrap);
        QCOMPARE(admin.createTopic(topic, 3), QString());
        auto cleanup = qScopeGuard([&] {
            admin.deleteGroup(stoppedGroup);
            admin.deleteGroup(activeGroup);
            admin.deleteTopic(topic);
        });

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
        QCOMPARE(cli.code, 0);
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
        const QString topic = QStringLiteral("cohort-kcg-") + m_suffix;
        const QString stoppedGroup = QStringLiteral("cohort-kcg-stopped-") + m_suffix;
        const QString activeGroup = QStringLiteral("cohort-kcg-active-") + m_suffix;
        Admin admin(m_bootstrap);
        QCOMPARE(admin.createTopic(topic, 3), QString());
        auto cleanup = qScopeGuard([&] {
            admin.deleteGroup(stoppedGroup);
            admin.deleteGroup(activeGroup);
            admin.deleteTopic(topic);
        });
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

        for (const QString &group : {stoppedGroup, activeGroup}) {
            QString error;
            const QString kcg = kafkaConsumerGroups(
                {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"), QStringLiteral("--group"), group},
                &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const CliRun cohort
                = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("describe"), group});
            QCOMPARE(cohort.code, 0);
            const QList<QStringList> theirs = rowsOf(kcg, group);
            QVERIFY2(!theirs.isEmpty(), qPrintable(kcg));
            QCOMPARE(rowsOf(cohort.out, group), theirs);
            active.poll(10);
        }

        // --members: the active group's one member, column for column.
        {
            QString error;
            const QString kcg = kafkaConsumerGroups({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                                                     QStringLiteral("--group"), activeGroup, QStringLiteral("--members")},
                                                    &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const CliRun cohort = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"),
                                          QStringLiteral("describe"), activeGroup, QStringLiteral("--members")});
            QCOMPARE(cohort.code, 0);
            const QList<QStringList> theirs = rowsOf(kcg, activeGroup);
            QCOMPARE(theirs.size(), 1);
            QCOMPARE(rowsOf(cohort.out, activeGroup), theirs);
            active.poll(10);
        }

        // --list and --list --state: the same groups in the same states (only
        // this test's groups are compared: a cluster of one's own has others
        // that may change between the two calls).
        auto ours = [&](const QList<QStringList> &rows, int columns) {
            QList<QStringList> out;
            for (const QStringList &r : rows)
                if (r.first() == stoppedGroup || r.first() == activeGroup)
                    out << r.mid(0, columns);
            std::sort(out.begin(), out.end());
            return out;
        };
        auto allRows = [](const QString &table) {
            QList<QStringList> rows;
            for (const QString &line : table.split(QLatin1Char('\n')))
                if (const QStringList f = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts); !f.isEmpty())
                    rows << f;
            return rows;
        };
        QString error;
        const QString kcgList = kafkaConsumerGroups({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--list")}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const CliRun cohortList
            = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"), QStringLiteral("list")});
        QCOMPARE(cohortList.code, 0);
        QCOMPARE(ours(allRows(cohortList.out), 1), ours(allRows(kcgList), 1));
        QCOMPARE(ours(allRows(kcgList), 1).size(), 2);

        active.poll(10);
        const QString kcgStable = kafkaConsumerGroups({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--list"),
                                                       QStringLiteral("--state"), QStringLiteral("Stable")},
                                                      &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const CliRun cohortStable = runCli({QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("groups"),
                                            QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("Stable")});
        QCOMPARE(cohortStable.code, 0);
        QCOMPARE(ours(allRows(cohortStable.out), 2), ours(allRows(kcgStable), 2));
        QCOMPARE(ours(allRows(kcgStable), 2), (QList<QStringList>{{activeGroup, QStringLiteral("Stable")}}));
    }
};

QTEST_GUILESS_MAIN(TestRealCluster)
#include "tst_real_cluster.moc"
