// SPDX-License-Identifier: GPL-3.0-or-later
// The live lag history on the sandbox and on real Kafka 4.4 (each test runs
// on both): a group stopped before Cohort looked shows the true age of its
// first unconsumed record at once (read from the record, produced with known
// timestamps), STOP and a time lag growing with the clock; offsets reset
// backwards are REWIND; a member that never commits is STALL; a producer
// faster than a throttled consumer is WARN and not catching up, then OK with
// an ETA once the consumer is faster. Through ClusterSession, and through
// cohort-cli groups lag --sample-for.

#include "CliRun.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SandboxFixture.h"
#include "SandboxProcess.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/session/ClusterSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace cohort;
using namespace cohort::test;
using Status = LagStatusRules::Status;

class TestLagLive : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxCluster> m_sandbox;
    QString m_suffix;
    // What was made on the real cluster, deleted at the end (it is shared).
    QStringList m_kafkaTopics;
    QStringList m_kafkaGroups;
    QString m_kafkaBootstrap;

    // The cluster of the current data row; false (and the test skipped or
    // failed, with why) when there is none.
    bool cluster(QString *bootstrap)
    {
        QFETCH(QString, which);
        if (which == QLatin1String("sandbox")) {
            *bootstrap = m_sandbox->bootstrapServers();
            return true;
        }
        const Result<RealKafkaCluster, QString> kafka = RealKafkaCluster::find();
        if (!kafka) {
            if (qEnvironmentVariableIsSet("CI"))
                qWarning("no real Kafka cluster: %s", qPrintable(kafka.error()));
            return false;
        }
        m_kafkaBootstrap = kafka->bootstrap;
        *bootstrap = kafka->bootstrap;
        return true;
    }

    // A topic of one partition and a group name, unique to this run.
    QPair<QString, QString> names(const QString &bootstrap, const QString &what)
    {
        const QString topic = QStringLiteral("lagcore-%1-%2").arg(what, m_suffix);
        const QString group = QStringLiteral("lagcore-%1-group-%2").arg(what, m_suffix);
        RdKafkaTestAdmin admin(bootstrap);
        const QString made = admin.createTopic(topic, 1);
        if (!made.isEmpty())
            qWarning("%s", qPrintable(made));
        if (bootstrap == m_kafkaBootstrap) {
            m_kafkaTopics << topic;
            m_kafkaGroups << group;
        }
        return {topic, group};
    }

    // A session sampling every second, with partition history for `group`.
    static std::unique_ptr<ClusterSession> sampling(const QString &bootstrap, const QString &group)
    {
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 10000);
        if (!client)
            return nullptr;
        auto session = std::make_unique<ClusterSession>(client.value(), QStringLiteral("lag"));
        session->lagHistory()->setFocused(group, true);
        session->setIntervalMs(1000);
        session->start();
        return session;
    }

    static const PartitionAssessment *partition0(const ClusterSession &s, const QString &group)
    {
        const GroupAssessment *g = s.lagHistory()->assessment(group);
        return g && !g->partitions.isEmpty() ? &g->partitions.first() : nullptr;
    }

    // Ten records produced 300 s to 210 s ago, 10 s apart; their timestamps.
    static QList<qint64> oldRecords(const QString &bootstrap, const QString &topic)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<qint64> ts;
        for (int i = 0; i < 10; ++i)
            ts << now - 300000 + i * 10000;
        const QString produced = produceWithTimestamps(bootstrap, topic, 0, ts);
        if (!produced.isEmpty())
            qWarning("%s", qPrintable(produced));
        return ts;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_suffix = QString::number(QRandomGenerator::global()->generate(), 36);
        m_sandbox = startSandbox();
    }

    void cleanupTestCase()
    {
        if (m_kafkaBootstrap.isEmpty())
            return;
        RdKafkaTestAdmin admin(m_kafkaBootstrap);
        for (const QString &g : std::as_const(m_kafkaGroups))
            admin.deleteGroup(g);
        for (const QString &t : std::as_const(m_kafkaTopics))
            admin.deleteTopic(t);
    }

    void clusters_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("sandbox") << QStringLiteral("sandbox");
        QTest::newRow("kafka") << QStringLiteral("kafka");
    }

    void aGroupStoppedBeforeCohortShowsItsTrueTimeLagAtOnce_data() { clusters_data(); }
    void aGroupStoppedBeforeCohortShowsItsTrueTimeLagAtOnce()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("stopped-cli"));
        const QList<qint64> ts = oldRecords(bootstrap, topic);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 3}}), QString());
        const CliRun r = runCli({QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--output"), QStringLiteral("json"),
                                 QStringLiteral("groups"), QStringLiteral("lag"), group, QStringLiteral("--sample-for"),
                                 QStringLiteral("2s"), QStringLiteral("--interval"), QStringLiteral("1s")});
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(completeOnSharedCluster(r, group), qPrintable(r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray groups = doc.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject g = groups.at(0).toObject();
        QCOMPARE(g.value(QStringLiteral("group_id")).toString(), group);
        QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("ERR"));
        QCOMPARE(g.value(QStringLiteral("lag")).toInteger(), 7);
        QVERIFY(g.value(QStringLiteral("eta_s")).isNull());   // nothing consumes: not catching up
        const QJsonObject p = g.value(QStringLiteral("partitions")).toArray().at(0).toObject();
        QCOMPARE(p.value(QStringLiteral("committed_offset")).toInteger(), 3);
        QCOMPARE(p.value(QStringLiteral("end_offset")).toInteger(), 10);
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("STOP"));
        // The record at offset 3 was produced at ts[3]: the time lag is its age
        // when the last sample was taken (within the 2 s sampled).
        const qint64 timeLag = p.value(QStringLiteral("time_lag_ms")).toInteger();
        const qint64 age = after - ts.at(3);
        QVERIFY2(timeLag <= age && timeLag >= age - 5000, qPrintable(QStringLiteral("%1 vs %2").arg(timeLag).arg(age)));
        QCOMPARE(p.value(QStringLiteral("produce_rate")).toDouble(), 0.0);
        QVERIFY(p.value(QStringLiteral("retention_risk")).isDouble());
        QVERIFY(p.value(QStringLiteral("status_reason")).toString().startsWith(topic + QStringLiteral("-0: no commit for ")));
    }

    // What the assessments read besides refreshes, checked against what was
    // produced and against Kafka's defaults (the sandbox keeps 64 MiB per partition).
    void theClientReadsRecordTimestampsAndRetention_data() { clusters_data(); }
    void theClientReadsRecordTimestampsAndRetention()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        QFETCH(QString, which);
        const auto [topic, group] = names(bootstrap, QStringLiteral("client"));
        const QList<qint64> ts = oldRecords(bootstrap, topic);
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}}, 10000);
        QVERIFY(client);
        QFuture<Result<RecordTimestampsAnswer>> read = client.value()->fetchRecordTimestamps({{{topic, 0}, 3}});
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 20000);
        QVERIFY2(read.result().ok(), qPrintable(read.result().error().toString()));
        QCOMPARE(read.result()->timestamps.value({topic, 0}), (RecordTimestamp{3, ts.at(3)}));
        // Past the log end: no record there, said as a failure.
        read = client.value()->fetchRecordTimestamps({{{topic, 0}, 99}});
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 30000);
        QVERIFY(read.result().ok());
        QVERIFY(read.result()->timestamps.isEmpty());
        QVERIFY(read.result()->failed.contains({topic, 0}));
        const QString missing = QStringLiteral("lagcore-no-such-topic-") + m_suffix;
        QFuture<Result<TopicRetentionAnswer>> retention = client.value()->fetchTopicRetention({topic, missing});
        QTRY_VERIFY_WITH_TIMEOUT(retention.isFinished(), 20000);
        QVERIFY2(retention.result().ok(), qPrintable(retention.result().error().toString()));
        const qint64 bytes = which == QLatin1String("sandbox") ? 64LL << 20 : -1;
        QCOMPARE(retention.result()->topics.value(topic), (TopicRetention{604800000, bytes}));
        QCOMPARE(retention.result()->failed.value(missing).code, 3);   // UNKNOWN_TOPIC_OR_PARTITION
    }

    void aCaughtUpGroupInEveryFormat_data() { clusters_data(); }
    void aCaughtUpGroupInEveryFormat()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("caught-up"));
        oldRecords(bootstrap, topic);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 10}}), QString());
        auto lag = [&](const QString &format) {
            return runCli({QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--output"), format, QStringLiteral("groups"),
                           QStringLiteral("lag"), group, QStringLiteral("--sample-for"), QStringLiteral("0s")});
        };
        const CliRun json = lag(QStringLiteral("json"));
        QVERIFY2(completeOnSharedCluster(json, group), qPrintable(json.err));
        const QJsonObject g
            = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("groups")).toArray().at(0).toObject();
        QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
        QCOMPARE(g.value(QStringLiteral("status_reason")).toString(), QStringLiteral("caught up"));
        QCOMPARE(g.value(QStringLiteral("lag")).toInteger(), 0);
        QCOMPARE(g.value(QStringLiteral("time_lag_ms")).toInteger(), 0);
        QVERIFY(g.value(QStringLiteral("eta_s")).isDouble());
        QCOMPARE(g.value(QStringLiteral("eta_s")).toDouble(), 0.0);
        // One sample: no rates yet.
        QVERIFY(g.value(QStringLiteral("produce_rate")).isNull());
        const CliRun csv = lag(QStringLiteral("csv"));
        QVERIFY2(completeOnSharedCluster(csv, group), qPrintable(csv.err));
        const QStringList rows = csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0),
                 QStringLiteral("group_id,topic,partition,committed_offset,end_offset,lag,time_lag_ms,produce_rate,consume_rate,"
                                "eta_s,status,status_reason,retention_risk"));
        QVERIFY2(rows.at(1).startsWith(QStringLiteral("%1,%2,0,10,10,0,0,,,0,OK,").arg(group, topic)), qPrintable(rows.at(1)));
        // A group that does not exist is said on stderr and makes the exit code 1; the others are printed.
        const QString ghost = QStringLiteral("lagcore-no-such-group-") + m_suffix;
        const CliRun withGhost
            = runCli({QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--output"), QStringLiteral("json"),
                      QStringLiteral("groups"), QStringLiteral("lag"), group, ghost, QStringLiteral("--sample-for"), QStringLiteral("0s")});
        QCOMPARE(withGhost.code, 1);
        QVERIFY2(withGhost.err.contains(QStringLiteral("Consumer group '%1' does not exist.").arg(ghost)), qPrintable(withGhost.err));
        const QJsonArray listed = QJsonDocument::fromJson(withGhost.out.toUtf8()).object().value(QStringLiteral("groups")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("group_id")).toString(), group);
        const CliRun table = lag(QStringLiteral("table"));
        QVERIFY2(completeOnSharedCluster(table, group), qPrintable(table.err));
        QVERIFY2(table.out.startsWith(QStringLiteral("GROUP")), qPrintable(table.out));
        QVERIFY2(table.out.contains(QStringLiteral("caught up")), qPrintable(table.out));
    }

    // --watch prints a JSON document per interval until stopped.
    void watchPrintsEveryInterval_data() { clusters_data(); }
    void watchPrintsEveryInterval()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("watch"));
        oldRecords(bootstrap, topic);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 4}}), QString());
        QProcess cli;
        cli.start(builtBinary(QStringLiteral("app/cohort-cli")),
                  {QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--output"), QStringLiteral("json"),
                   QStringLiteral("groups"), QStringLiteral("lag"), group, QStringLiteral("--watch"), QStringLiteral("--interval"),
                   QStringLiteral("300ms")});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += cli.readAllStandardOutput(), out.count('\n') >= 3), 30000);
        cli.kill();
        cli.waitForFinished(5000);
        const QList<QByteArray> docs = out.split('\n');
        for (int i = 0; i < 3; ++i) {
            const QJsonObject g = QJsonDocument::fromJson(docs.at(i)).object().value(QStringLiteral("groups")).toArray().at(0).toObject();
            QCOMPARE(g.value(QStringLiteral("group_id")).toString(), group);
            QCOMPARE(g.value(QStringLiteral("lag")).toInteger(), 6);
        }
    }

    void aStoppedGroupIsStopAndItsTimeLagGrowsWithTheClock_data() { clusters_data(); }
    void aStoppedGroupIsStopAndItsTimeLagGrowsWithTheClock()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("stopped"));
        const QList<qint64> ts = oldRecords(bootstrap, topic);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 5}}), QString());
        const auto session = sampling(bootstrap, group);
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(partition0(*session, group) && partition0(*session, group)->timeLagMs, 20000);
        const PartitionAssessment first = *partition0(*session, group);
        const qint64 firstAt = session->lagHistory()->assessment(group)->atMs;
        QCOMPARE(first.status, Status::Stop);
        QCOMPARE(session->lagHistory()->assessment(group)->status, Status::Err);
        // Exactly the record's age at the sample.
        QCOMPARE(*first.timeLagMs, firstAt - ts.at(5));
        QTRY_VERIFY_WITH_TIMEOUT(session->lagHistory()->assessment(group)->atMs >= firstAt + 3000, 20000);
        const PartitionAssessment later = *partition0(*session, group);
        const qint64 laterAt = session->lagHistory()->assessment(group)->atMs;
        QCOMPARE(*later.timeLagMs - *first.timeLagMs, laterAt - firstAt);
        QCOMPARE(later.status, Status::Stop);
    }

    void offsetsResetBackwardsAreRewind_data() { clusters_data(); }
    void offsetsResetBackwardsAreRewind()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("rewind"));
        oldRecords(bootstrap, topic);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 8}}), QString());
        const auto session = sampling(bootstrap, group);
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(partition0(*session, group) && partition0(*session, group)->committedOffset == 8, 20000);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 2}}), QString());
        QTRY_VERIFY_WITH_TIMEOUT(partition0(*session, group)->committedOffset == 2, 20000);
        const PartitionAssessment p = *partition0(*session, group);
        QCOMPARE(LagStatusRules::name(p.status), QStringLiteral("REWIND"));
        QCOMPARE(p.statusReason, QStringLiteral("%1-0: committed offset went back from 8 to 2, 8 behind").arg(topic));
        QCOMPARE(session->lagHistory()->assessment(group)->status, Status::Err);
    }

    void aMemberThatNeverCommitsIsStall_data() { clusters_data(); }
    void aMemberThatNeverCommitsIsStall()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("stall"));
        oldRecords(bootstrap, topic);
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, 2}}), QString());
        // A live member that reads but never commits.
        GroupConsumer stuck(bootstrap, group, {topic}, {{QStringLiteral("enable.auto.commit"), QStringLiteral("false")}});
        QVERIFY2(stuck.valid(), qPrintable(stuck.error()));
        QTRY_VERIFY_WITH_TIMEOUT((stuck.poll(50), !stuck.assignment().isEmpty()), 30000);
        const auto session = sampling(bootstrap, group);
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT((stuck.poll(20), partition0(*session, group) && partition0(*session, group)->status == Status::Stall),
                                 30000);
        QVERIFY(partition0(*session, group)->statusReason.startsWith(QStringLiteral("%1-0: committed offset stuck at 2 for ").arg(topic)));
        QVERIFY(partition0(*session, group)->statusReason.endsWith(QStringLiteral(" while 8 behind")));
        QCOMPARE(session->lagHistory()->assessment(group)->status, Status::Err);
    }

    // A second consumer joining a group nobody watches is one rebalance,
    // told from the whole-cluster refreshes alone (RebalanceSighting): the
    // Groups page's "Rebalances (24 h)" counts it.
    void aMemberJoiningIsOneRebalanceSeenByTheRefreshes_data() { clusters_data(); }
    void aMemberJoiningIsOneRebalanceSeenByTheRefreshes()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("join"));
        GroupConsumer first(bootstrap, group, {topic});
        QVERIFY2(first.valid(), qPrintable(first.error()));
        QTRY_VERIFY_WITH_TIMEOUT((first.poll(50), !first.assignment().isEmpty()), 30000);
        const auto session = sampling(bootstrap, group);
        QVERIFY(session);
        QList<GroupEvent> rebalances;
        connect(session->lagHistory(), &LagHistory::eventsRecorded, this, [&](const QList<GroupEvent> &events) {
            for (const GroupEvent &e : events)
                if (e.groupId == group && e.kind == GroupEventKind::RebalanceCompleted)
                    rebalances.append(e);
        });
        const auto membersSeen = [&] {
            const GroupSnapshot *g = session->hasSnapshot() ? session->snapshot().group(group) : nullptr;
            return g && g->description.state == GroupState::Stable ? int(g->description.members.size()) : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT((first.poll(20), membersSeen() == 1), 30000);
        QVERIFY(rebalances.isEmpty());   // the first read is the baseline

        GroupConsumer second(bootstrap, group, {topic});
        QVERIFY2(second.valid(), qPrintable(second.error()));
        QTRY_VERIFY_WITH_TIMEOUT((first.poll(20), second.poll(20), membersSeen() == 2 && !rebalances.isEmpty()), 60000);
        QCOMPARE(rebalances.size(), qsizetype(1));
        QVERIFY2(rebalances.first().reason.startsWith(QStringLiteral("Seen between two refreshes: ")), qPrintable(rebalances.first().reason));
        QCOMPARE(rebalances.first().durationMs, -1);
        // At rest, the next refreshes count nothing more.
        QSignalSpy refreshed(session.get(), &ClusterSession::snapshotReady);
        QTRY_VERIFY_WITH_TIMEOUT((first.poll(20), second.poll(20), refreshed.count() >= 3), 30000);
        QCOMPARE(rebalances.size(), qsizetype(1));
    }

    void aProducerFasterThanItsConsumerIsWarnThenOkOnceItSpeedsUp_data() { clusters_data(); }
    void aProducerFasterThanItsConsumerIsWarnThenOkOnceItSpeedsUp()
    {
        QString bootstrap;
        if (!cluster(&bootstrap))
            COHORT_SKIP_OR_FAIL("no real Kafka cluster (COHORT_KAFKA_CLUSTER_ENV or KAFKA_BOOTSTRAP_SERVERS)");
        const auto [topic, group] = names(bootstrap, QStringLiteral("slow"));
        qint64 end = 2000;
        QCOMPARE(produceMessages(bootstrap, topic, 0, int(end)), QString());
        qint64 committed = 0;
        QCOMPARE(commitWithoutJoining(bootstrap, group, topic, {{0, committed}}), QString());
        const auto session = sampling(bootstrap, group);
        QVERIFY(session);
        // Between two refreshes 20 records arrive and the consumer commits 5
        // more (then 60 more once it speeds up): each refresh sees one step.
        qint64 step = 5;
        QString failure;
        connect(session.get(), &ClusterSession::snapshotReady, this, [&] {
            if (!failure.isEmpty())
                return;
            failure = produceMessages(bootstrap, topic, 0, 20);
            end += 20;
            committed = qMin(end, committed + step);
            if (failure.isEmpty())
                failure = commitWithoutJoining(bootstrap, group, topic, {{0, committed}});
        });
        QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty()
                                     || (partition0(*session, group) && partition0(*session, group)->status == Status::Warn
                                         && partition0(*session, group)->notCatchingUp),
                                 60000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const PartitionAssessment slow = *partition0(*session, group);
        QCOMPARE(session->lagHistory()->assessment(group)->status, Status::Warn);
        QCOMPARE(slow.etaSeconds, std::nullopt);
        // Consumed at a quarter of the produce rate: the throttle.
        QVERIFY2(*slow.consumeRate > 0 && qAbs(*slow.consumeRate / *slow.produceRate - 0.25) < 0.05,
                 qPrintable(QStringLiteral("%1 vs %2").arg(*slow.consumeRate).arg(*slow.produceRate)));
        step = 60;
        QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty()
                                     || (partition0(*session, group)->status == Status::Ok && partition0(*session, group)->etaSeconds
                                         && *partition0(*session, group)->etaSeconds > 0),
                                 60000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(!partition0(*session, group)->notCatchingUp);
        QVERIFY(*partition0(*session, group)->consumeRate > *partition0(*session, group)->produceRate);
    }
};

QTEST_MAIN(TestLagLive)
#include "tst_lag_live.moc"
