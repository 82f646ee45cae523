// SPDX-License-Identifier: GPL-3.0-or-later
// Offset resets end to end, on the sandbox and on Kafka 4.4: the group's
// consumers stopped, cohort-cli resets it by each strategy, then an
// independent consumer (confluent-kafka, tests/python/first_offsets.py)
// joins and the first offset each partition delivers must be the one the
// test expects from the log it wrote itself (and, on Kafka, the one
// kafka-consumer-groups --reset-offsets --dry-run plans). Refusals while
// members are active, waiting until Empty, undo, the kcg CSV round trip,
// read-only connections and a KIP-848 group as well.
#include "CliRun.h"
#include "FutureWait.h"
#include "KafkaTool.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SandboxFixture.h"
#include "SkipOrFail.h"
#include "TestPython.h"
#include "core/connection/ConnectionProfileStore.h"
#include "core/kafka/RdKafkaClusterAdmin.h"
#include "core/reset/ResetExecutor.h"
#include "core/reset/ResetGuard.h"
#include "core/session/ClusterSession.h"
#include "sandbox/SandboxCluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QDeadlineTimer>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kPartitions = 3;
constexpr int kRecords = 10;
constexpr qint64 kStep = 60'000;   // record i of partition p at base + i * kStep + p * 10 s

using Offsets = QList<qint64>;   // per partition

// What the test wrote and what the group should hold: its own model of the
// log, never Cohort's answer.
struct Log
{
    QString topic;
    qint64 base = 0;
    Offsets start{2, 0, 0};   // partition 0 starts at 2: records deleted
    Offsets end{kRecords, kRecords, kRecords};
    Offsets committed;
};

qint64 clamp(qint64 v, const Log &log, int p)
{
    return std::clamp(v, log.start.at(p), log.end.at(p));
}

// The first record of partition p at or after t (its offset), or the log end.
qint64 firstAtOrAfter(const Log &log, int p, qint64 t)
{
    for (int i = 0; i < kRecords; ++i)
        if (log.base + i * kStep + p * 10'000 >= t)
            return std::max<qint64>(i, log.start.at(p));
    return log.end.at(p);
}

// A name as kafka-consumer-groups.sh's CSV writes it (seen on Kafka 4.4):
// quoted when longer than 24 characters; the test's names have no other
// character that it quotes.
QString kcgField(const QString &name)
{
    return name.size() > 24 ? u'"' + name + u'"' : name;
}

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s);
}

// The group's committed offsets of `topic`, partition by partition, as
// librdkafka's own consumer reads them (rd_kafka_committed, no Cohort code):
// -1 where there is none; empty when it could not ask.
Offsets committedByLibrdkafka(const QString &bootstrap, const QString &group, const QString &topic)
{
    QString error;
    rd_kafka_t *rk = makeHandle(RD_KAFKA_CONSUMER, bootstrap, {{u"group.id"_s, group}}, &error);
    if (!rk) {
        qWarning("committed: %s", qPrintable(error));
        return {};
    }
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(kPartitions);
    const QByteArray t = topic.toUtf8();
    for (int p = 0; p < kPartitions; ++p)
        rd_kafka_topic_partition_list_add(list, t.constData(), p);
    Offsets out;
    if (const rd_kafka_resp_err_t err = rd_kafka_committed(rk, list, 20000); err != RD_KAFKA_RESP_ERR_NO_ERROR)
        qWarning("committed: %s", rd_kafka_err2str(err));
    else
        for (int i = 0; i < list->cnt; ++i)
            out << (list->elems[i].offset >= 0 ? list->elems[i].offset : -1);
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_destroy(rk);
    return out;
}

// One confluent-kafka consumer (tests/python/first_offsets.py), stopped
// when the test ends however it ends.
class Reader
{
public:
    Reader(const QString &python, const QStringList &args)
    {
        m_process.start(python, QStringList{TestPython::script(u"first_offsets.py"_s)} + args);
    }
    ~Reader()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // {"first": {"0": 5, ...}} as partition -> offset; empty when it did not answer in time.
    QHash<int, qint64> first(int timeoutMs = 90000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine() && m_process.state() != QProcess::NotRunning && !deadline.hasExpired())
            m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        QHash<int, qint64> out;
        const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object().value(u"first"_s).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key().toInt(), it.value().toInteger());
        return out;
    }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }
    void stop() { m_process.closeWriteChannel(); }
    bool waitForFinished() { return m_process.waitForFinished(30000); }

private:
    QProcess m_process;
};

}   // namespace

class TestOffsetsResetEndToEnd : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxCluster> m_sandbox;
    QString m_kafka;
    QString m_kafkaProblem;
    QString m_python;
    QString m_pythonProblem;
    QString m_suffix = QString::number(QDateTime::currentMSecsSinceEpoch());
    QTemporaryDir m_data;         // XDG_DATA_HOME: the backups
    QHash<QString, Log> m_logs;   // per cluster
    QStringList m_kafkaTopics;
    QStringList m_kafkaGroups;

    // The cluster of this data row, or a skip (a failure in CI) saying why not.
    QString bootstrap(const QString &cluster)
    {
        if (cluster == u"sandbox"_s)
            return m_sandbox->bootstrapServers();
        return m_kafka;
    }
#define COHORT_CLUSTER_OR_SKIP(cluster, into) \
    if (cluster == u"kafka"_s && m_kafka.isEmpty()) \
        COHORT_SKIP_OR_FAIL(qPrintable(m_kafkaProblem)); \
    if (m_python.isEmpty()) \
        COHORT_SKIP_OR_FAIL(qPrintable(m_pythonProblem)); \
    const QString into = bootstrap(cluster)

    QString name(const QString &cluster, const char *what)
    {
        const QString n = u"reset-e2e-%1-%2-%3"_s.arg(cluster, QLatin1String(what), m_suffix);
        return n;
    }

    // A topic of 3 partitions, 10 records each with known timestamps, partition 0's first two deleted.
    QString makeTopic(const QString &cluster, const QString &b, const char *what, Log *log)
    {
        log->topic = name(cluster, what);
        log->base = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
        RdKafkaTestAdmin admin(b);
        if (const QString e = admin.createTopic(log->topic, kPartitions); !e.isEmpty())
            return e;
        if (cluster == u"kafka"_s)
            m_kafkaTopics << log->topic;
        for (int p = 0; p < kPartitions; ++p) {
            QList<qint64> times;
            for (int i = 0; i < kRecords; ++i)
                times << log->base + i * kStep + p * 10'000;
            if (const QString e = produceWithTimestamps(b, log->topic, p, times); !e.isEmpty())
                return e;
        }
        return admin.deleteRecords(log->topic, 0, 2);
    }

    // One more record on every partition, so that every partition delivers from where the group is.
    void produceOneEach(const QString &b, Log &log)
    {
        for (int p = 0; p < kPartitions; ++p) {
            QCOMPARE(produceWithTimestamps(b, log.topic, p, {QDateTime::currentMSecsSinceEpoch()}), QString());
            ++log.end[p];
        }
    }

    CliRun cli(const QString &b, const QStringList &args)
    {
        return runCli(QStringList{u"--bootstrap-server"_s, b} + args);
    }

    // NEW-OFFSET per partition of a cohort-cli or kafka-consumer-groups reset table.
    static Offsets newOffsets(const QString &table, const QString &group)
    {
        Offsets out;
        for (const QStringList &row : tableColumns(table, {u"GROUP"_s, u"PARTITION"_s, u"NEW-OFFSET"_s}, {group}))
            out << row.at(2).toLongLong();
        return out;
    }

    QHash<int, qint64> firstDelivered(const QString &b, const QString &topic, const QString &group, const QString &protocol = u"classic"_s)
    {
        Reader r(m_python, {b, topic, group, protocol, QString::number(kPartitions)});
        const auto first = r.first();
        if (first.size() != kPartitions)
            qWarning("first_offsets.py: %s", qPrintable(r.errors()));
        return first;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        m_sandbox = startSandbox();
        QVERIFY(m_sandbox);
        const auto kafka = RealKafkaCluster::find();
        if (kafka)
            m_kafka = kafka->bootstrap;
        else
            m_kafkaProblem = kafka.error();
        const TestPython python = TestPython::find({u"confluent_kafka"_s});
        if (python)
            m_python = python.interpreter;
        else
            m_pythonProblem = python.problem;
    }

    void cleanupTestCase()
    {
        if (m_kafka.isEmpty())
            return;
        RdKafkaTestAdmin admin(m_kafka);
        for (const QString &g : std::as_const(m_kafkaGroups))
            admin.deleteGroup(g);
        for (const QString &t : std::as_const(m_kafkaTopics))
            admin.deleteTopic(t);
    }

    void eachStrategy_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("strategy");
        const QStringList strategies{u"to-offset 5"_s,        u"to-earliest"_s,       u"to-latest"_s,     u"to-offset 1 (start clamp)"_s,
                                     u"to-offset 1000"_s,     u"shift-by -3"_s,       u"shift-by 1000"_s, u"to-datetime"_s,
                                     u"to-datetime before"_s, u"to-datetime after"_s, u"by-duration"_s,   u"to-current"_s,
                                     u"from-file"_s,          u"from-group"_s};
        for (const QString &cluster : {u"sandbox"_s, u"kafka"_s})
            for (const QString &s : strategies)
                QTest::newRow(qPrintable(cluster + u": "_s + s)) << cluster << s;
    }
    // The rows run in order on one topic and group per cluster: each starts
    // from where the one before left the group.
    void eachStrategy()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, strategy);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        const QString group = name(cluster, "g");
        if (!m_logs.contains(cluster)) {
            Log log;
            const QString made = makeTopic(cluster, b, "t", &log);
            QVERIFY2(made.isEmpty(), qPrintable(made));
            m_logs.insert(cluster, log);
            if (cluster == u"kafka"_s)
                m_kafkaGroups << group << name(cluster, "source");
        }
        Log &log = m_logs[cluster];
        QStringList args;
        Offsets expected;
        bool kcgToo = true;   // kafka-consumer-groups has the scenario with the same argument
        const QString scenario = strategy.section(u' ', 0, 0);
        const QString value = strategy.section(u' ', 1, 1);
        for (int p = 0; p < kPartitions; ++p) {
            if (scenario == u"to-offset"_s) {
                args = QStringList{u"--to-offset"_s, value};
                expected << clamp(value.toLongLong(), log, p);
            } else if (scenario == u"to-earliest"_s) {
                args = QStringList{u"--to-earliest"_s};
                expected << log.start.at(p);
            } else if (scenario == u"to-latest"_s) {
                args = QStringList{u"--to-latest"_s};
                expected << log.end.at(p);
            } else if (scenario == u"shift-by"_s) {
                args = QStringList{u"--shift-by"_s, value};
                expected << clamp(log.committed.at(p) + value.toLongLong(), log, p);
            } else if (strategy == u"to-datetime"_s) {
                // Between the records at 240 s (partition 0) and 250 s (partition 1): 5, 4, 4.
                args = QStringList{u"--to-datetime"_s, utc(log.base + 245'000)};
                expected << firstAtOrAfter(log, p, log.base + 245'000);
            } else if (strategy == u"to-datetime before"_s) {
                args = QStringList{u"--to-datetime"_s, utc(log.base - 3'600'000) + u"+00:00"_s};
                expected << log.start.at(p);
            } else if (strategy == u"to-datetime after"_s) {
                // No record at or after it: the log end, as kcg falls back.
                args = QStringList{u"--to-datetime"_s, utc(QDateTime::currentMSecsSinceEpoch() + 3'600'000)};
                expected << log.end.at(p);
            } else if (scenario == u"by-duration"_s) {
                // Lands between 130 s and 140 s after the base: 3, 3, 2.
                const qint64 ago = QDateTime::currentMSecsSinceEpoch() - (log.base + 135'000);
                args = QStringList{u"--by-duration"_s, u"PT%1.%2S"_s.arg(ago / 1000).arg(ago % 1000, 3, 10, QChar(u'0'))};
                expected << firstAtOrAfter(log, p, log.base + 135'000);
                kcgToo = false;   // its "now" would be another
            } else if (scenario == u"to-current"_s) {
                args = QStringList{u"--to-current"_s};
                expected << log.committed.at(p);
            } else if (scenario == u"from-file"_s) {
                const QString file = m_data.filePath(cluster + u".csv"_s);
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(u"%1,0,3\n%1,1,1000\n%1,2,0\n"_s.arg(log.topic).toUtf8());
                f.close();
                args = QStringList{u"--from-file"_s, file};
                expected = {3, log.end.at(1), 0};
                break;
            } else if (scenario == u"from-group"_s) {
                const QString source = name(cluster, "source");
                const CliRun made = cli(
                    b, {u"offsets"_s, u"reset"_s, u"--group"_s, source, u"--topic"_s, log.topic, u"--to-offset"_s, u"6"_s, u"--execute"_s});
                QVERIFY2(made.code == 0, qPrintable(made.err));
                args = QStringList{u"--from-group"_s, source};
                expected = {6, 6, 6};
                kcgToo = false;
                break;
            }
        }
        const QStringList scope = scenario.startsWith(u"from-"_s) ? QStringList() : QStringList{u"--topic"_s, log.topic};
        const QStringList reset = QStringList{u"offsets"_s, u"reset"_s, u"--group"_s, group} + scope + args;

        // The dry run plans it and writes nothing.
        const CliRun dry = cli(b, reset);
        QVERIFY2(dry.code == 0, qPrintable(dry.err));
        QCOMPARE(newOffsets(dry.out, group), expected);
        if (cluster == u"kafka"_s && kcgToo) {
            QStringList kcgArgs = QStringList{u"--bootstrap-server"_s, b, u"--reset-offsets"_s, u"--group"_s, group} + scope + args;
            kcgArgs << u"--dry-run"_s;
            const KafkaTool kcg = KafkaTool::run(u"kafka-consumer-groups"_s, kcgArgs);
            QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
            QCOMPARE(newOffsets(kcg.out, group), expected);
        }

        const CliRun run = cli(b, reset + QStringList{u"--execute"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(newOffsets(run.out, group), expected);
        QVERIFY(run.err.contains(u"previous offsets saved to "_s));
        log.committed = expected;

        produceOneEach(b, log);
        const QHash<int, qint64> first = firstDelivered(b, log.topic, group);
        for (int p = 0; p < kPartitions; ++p)
            QCOMPARE(first.value(p, -1), expected.at(p));
    }

    // The same through core alone (the window's way): ResetExecutor on a
    // session of the cluster plans, applies and undoes; a consumer checks.
    void throughCore_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::newRow("sandbox") << u"sandbox"_s;
        QTest::newRow("kafka") << u"kafka"_s;
    }
    void throughCore()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        Log log;
        const QString made = makeTopic(cluster, b, "core", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(cluster, "core-g");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << group;
        auto client = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, b}}, 10000);
        QVERIFY(client);
        auto session = ClusterSession::share(new ClusterSession(client.value(), RdKafkaClusterAdmin::create(client.value()), cluster));
        ResetExecutor executor(session, ResetBackupStore(m_data.filePath(u"core-"_s + cluster)));
        const auto apply = [&](const ResetStrategy &strategy, const ResetScope &scope) -> Offsets {
            const auto plan = waitPolling(executor.plan(ResetRequest{{group}, scope, strategy}));
            if (!plan) {
                qWarning("plan: %s", qPrintable(plan.error().toString()));
                return {};
            }
            const auto applied = waitPolling(executor.apply(plan.value()));
            if (!applied || !applied->ok()) {
                qWarning("apply: %s", applied ? "not as planned" : qPrintable(applied.error().toString()));
                return {};
            }
            Offsets out;
            for (const PartitionResetPlan &p : plan->groups.first().partitions)
                out << p.newOffset;
            return out;
        };
        const ResetScope topic = ResetScope::topics({{log.topic, {}}});
        // A time in Berlin's summer zone: the same instant as base + 245 s in UTC.
        const QDateTime berlin = QDateTime::fromMSecsSinceEpoch(log.base + 245'000, QTimeZone("Europe/Berlin"));
        QCOMPARE(apply(ResetStrategy::toDateTime(berlin), topic), (Offsets{5, 4, 4}));
        produceOneEach(b, log);
        QCOMPARE(firstDelivered(b, log.topic, group), (QHash<int, qint64>{{0, 5}, {1, 4}, {2, 4}}));
        // Only partition 2, by a shift; the others keep theirs.
        QCOMPARE(apply(ResetStrategy::shiftBy(-3), ResetScope::topics({{log.topic, {2}}})), (Offsets{1}));
        QCOMPARE(firstDelivered(b, log.topic, group), (QHash<int, qint64>{{0, 5}, {1, 4}, {2, 1}}));
        // Undo: partition 2 back to 4.
        const auto undo = waitPolling(executor.planUndo(group));
        QVERIFY(undo);
        QVERIFY(waitPolling(executor.apply(undo.value())));
        QCOMPARE(firstDelivered(b, log.topic, group), (QHash<int, qint64>{{0, 5}, {1, 4}, {2, 4}}));
    }

    void refusedWhileActiveThenWaitUntilEmpty_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::newRow("sandbox") << u"sandbox"_s;
        QTest::newRow("kafka") << u"kafka"_s;
    }
    void refusedWhileActiveThenWaitUntilEmpty()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        Log log;
        const QString made = makeTopic(cluster, b, "active", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(cluster, "active-g");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << group;
        const QStringList reset{u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic};
        QCOMPARE(cli(b, reset + QStringList{u"--to-offset"_s, u"4"_s, u"--execute"_s}).code, 0);

        auto reader
            = std::make_unique<Reader>(m_python, QStringList{b, log.topic, group, u"classic"_s, QString::number(kPartitions), u"hold"_s});
        QCOMPARE(reader->first().size(), kPartitions);   // in the group, holding every partition

        const CliRun refused = cli(b, reset + QStringList{u"--to-earliest"_s, u"--execute"_s});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(u"nothing was written"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(group + u"-reader"_s), qPrintable(refused.err));   // the member's client id
        QVERIFY(refused.out.isEmpty());
        // Nothing written: the offsets read back as before (on Kafka by its own tool).
        if (cluster == u"kafka"_s) {
            const KafkaTool d
                = KafkaTool::run(u"kafka-consumer-groups"_s, {u"--bootstrap-server"_s, b, u"--describe"_s, u"--group"_s, group});
            const auto rows = tableColumns(d.out, {u"GROUP"_s, u"PARTITION"_s, u"CURRENT-OFFSET"_s}, {group});
            QCOMPARE(rows.size(), kPartitions);
            for (const QStringList &row : rows)
                QCOMPARE(row.at(2), u"4"_s);
        } else {
            const CliRun exported = cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group});
            QCOMPARE(exported.out, u"%1,0,4\n%1,1,4\n%1,2,4\n"_s.arg(kcgField(log.topic)));
        }

        // Waiting: the state is told, and the wait ends when the last member leaves.
        auto client = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, b}}, 10000);
        QVERIFY(client);
        auto session = ClusterSession::share(new ClusterSession(client.value(), RdKafkaClusterAdmin::create(client.value()), cluster));
        ResetExecutor executor(session, ResetBackupStore(m_data.filePath(u"wait"_s)));
        QSignalSpy told(&executor, &ResetExecutor::waiting);
        const QFuture<Result<GroupState>> wait = executor.waitUntilEmpty(group, 300);
        QVERIFY(told.wait(20000));
        QVERIFY(!wait.isFinished());
        const auto seen = told.first().at(0).value<GroupWaitState>();
        QCOMPARE(seen.state, GroupState::Stable);
        const QList<GroupMember> members = seen.members;
        QCOMPARE(members.size(), 1);
        QCOMPARE(members.first().clientId, group + u"-reader"_s);
        reader->stop();
        QVERIFY(reader->waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(wait.isFinished(), 30000);
        QVERIFY(wait.result());
        QCOMPARE(wait.result().value(), GroupState::Empty);
        // Now it goes through.
        QCOMPARE(cli(b, reset + QStringList{u"--to-earliest"_s, u"--execute"_s}).code, 0);
    }

    void undoAndTheKcgCsvRoundTrip_data()
    {
        refusedWhileActiveThenWaitUntilEmpty_data();
    }
    void undoAndTheKcgCsvRoundTrip()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        Log log;
        const QString made = makeTopic(cluster, b, "undo", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(cluster, "undo-g");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << group;
        const QStringList reset{u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic};
        QCOMPARE(cli(b, reset + QStringList{u"--to-offset"_s, u"7"_s, u"--execute"_s}).code, 0);
        QCOMPARE(cli(b, reset + QStringList{u"--shift-by"_s, u"-2"_s, u"--execute"_s}).code, 0);   // 5, 5, 5
        const QString before = cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out;
        QCOMPARE(before, u"%1,0,5\n%1,1,5\n%1,2,5\n"_s.arg(kcgField(log.topic)));
        QCOMPARE(cli(b, reset + QStringList{u"--to-latest"_s, u"--execute"_s}).code, 0);

        const CliRun history = cli(b, {u"offsets"_s, u"history"_s, u"--group"_s, group});
        QCOMPARE(history.code, 0);
        QCOMPARE(history.out.count(u"\n"_s), 1 + 3);   // the header and three resets
        QVERIFY(history.out.split(u'\n').value(1).contains(u"--to-latest"_s));

        const CliRun undoDry = cli(b, {u"offsets"_s, u"undo"_s, u"--group"_s, group});
        QCOMPARE(undoDry.code, 0);
        QCOMPARE(newOffsets(undoDry.out, group), (Offsets{5, 5, 5}));
        QCOMPARE(cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out, u"%1,0,10\n%1,1,10\n%1,2,10\n"_s.arg(kcgField(log.topic)));
        const CliRun undo = cli(b, {u"offsets"_s, u"undo"_s, u"--group"_s, group, u"--execute"_s});
        QVERIFY2(undo.code == 0, qPrintable(undo.err));
        QCOMPARE(cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out, before);
        QCOMPARE(firstDelivered(b, log.topic, group), (QHash<int, qint64>{{0, 5}, {1, 5}, {2, 5}}));

        if (cluster != u"kafka"_s)
            return;
        // Cohort's export, read by kcg --from-file, plans the same offsets.
        const QString ours = m_data.filePath(u"cohort-export.csv"_s);
        QFile f(ours);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"%1,0,3\n%1,1,4\n%1,2,1000\n"_s.arg(log.topic).toUtf8());
        f.close();
        const CliRun planned = cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--from-file"_s, ours, u"--output"_s, u"csv"_s});
        QCOMPARE(planned.out, u"%1,0,3\n%1,1,4\n%1,2,10\n"_s.arg(kcgField(log.topic)));   // kcg's --export, clamped
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(planned.out.toUtf8());
        f.close();
        const KafkaTool kcg = KafkaTool::run(u"kafka-consumer-groups"_s, {u"--bootstrap-server"_s, b, u"--reset-offsets"_s, u"--group"_s,
                                                                          group, u"--from-file"_s, ours, u"--dry-run"_s});
        QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
        QCOMPARE(newOffsets(kcg.out, group), (Offsets{3, 4, 10}));
        // kcg's --export, read by Cohort's --from-file.
        const KafkaTool exported = KafkaTool::run(u"kafka-consumer-groups"_s,
                                                  {u"--bootstrap-server"_s, b, u"--reset-offsets"_s, u"--group"_s, group, u"--topic"_s,
                                                   log.topic, u"--to-offset"_s, u"8"_s, u"--dry-run"_s, u"--export"_s});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        const QString theirs = m_data.filePath(u"kcg-export.csv"_s);
        QFile k(theirs);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write(exported.out.toUtf8());
        k.close();
        const CliRun read = cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--from-file"_s, theirs});
        QVERIFY2(read.code == 0, qPrintable(read.err));
        QCOMPARE(newOffsets(read.out, group), (Offsets{8, 8, 8}));
    }

    // Several groups at once: kcg's CSV gets the group column (compared line
    // for line with kcg's own --export on Kafka), JSON the keys.
    void severalGroupsAndTheOutputFormats_data()
    {
        refusedWhileActiveThenWaitUntilEmpty_data();
    }
    void severalGroupsAndTheOutputFormats()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        Log log;
        const QString made = makeTopic(cluster, b, "many", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString g1 = name(cluster, "many-a"), g2 = name(cluster, "many-b");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << g1 << g2;
        const QStringList both{u"offsets"_s, u"reset"_s, u"--group"_s, g1, u"--group"_s, g2, u"--topic"_s, log.topic};
        QCOMPARE(cli(b, both + QStringList{u"--to-offset"_s, u"3"_s, u"--execute"_s}).code, 0);

        const CliRun csv = cli(b, both + QStringList{u"--shift-by"_s, u"2"_s, u"--output"_s, u"csv"_s});
        QCOMPARE(csv.code, 0);
        QStringList expected;
        for (const QString &g : {g1, g2})
            for (int p = 0; p < kPartitions; ++p)
                expected << u"%1,%2,%3,5"_s.arg(kcgField(g), kcgField(log.topic)).arg(p);
        QCOMPARE(csv.out.split(u'\n', Qt::SkipEmptyParts), expected);
        if (cluster == u"kafka"_s) {
            const KafkaTool kcg = KafkaTool::run(u"kafka-consumer-groups"_s,
                                                 {u"--bootstrap-server"_s, b, u"--reset-offsets"_s, u"--group"_s, g1, u"--group"_s, g2,
                                                  u"--topic"_s, log.topic, u"--shift-by"_s, u"2"_s, u"--dry-run"_s, u"--export"_s});
            QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
            QStringList theirs = kcg.out.split(u'\n', Qt::SkipEmptyParts);
            theirs.sort();
            QCOMPARE(theirs, expected);
        }

        const CliRun json = cli(b, both + QStringList{u"--to-earliest"_s, u"--output"_s, u"json"_s, u"--execute"_s});
        QCOMPARE(json.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(u"executed"_s).toBool(), true);
        QVERIFY(QFile::exists(o.value(u"backup"_s).toString()));
        // Where README says: the window's data directory, whichever binary reset.
        QVERIFY(o.value(u"backup"_s).toString().startsWith(m_data.path() + u"/Cohort/Cohort/resets/"_s));
        const QJsonArray groups = o.value(u"groups"_s).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).toObject().value(u"group_id"_s).toString(), g1);
        const QJsonObject first = groups.at(0).toObject().value(u"partitions"_s).toArray().at(0).toObject();
        QCOMPARE(QStringList(first.keys()), (QStringList{u"clamped"_s, u"current_offset"_s, u"delete"_s, u"end_offset"_s,
                                                         u"log_start_offset"_s, u"new_offset"_s, u"partition"_s, u"topic"_s}));
        QCOMPARE(first.value(u"delete"_s).toBool(), false);
        QCOMPARE(first.value(u"topic"_s).toString(), log.topic);
        QCOMPARE(first.value(u"partition"_s).toInt(), 0);
        QCOMPARE(first.value(u"current_offset"_s).toInteger(), 3);
        QCOMPARE(first.value(u"new_offset"_s).toInteger(), 2);   // partition 0 starts at 2
        QCOMPARE(first.value(u"log_start_offset"_s).toInteger(), 2);
        QCOMPARE(first.value(u"end_offset"_s).toInteger(), kRecords);
        QCOMPARE(first.value(u"clamped"_s).toBool(), false);
        // One backup for the reset, both groups in it (kcg's CSV with the group column).
        QFile backup(o.value(u"backup"_s).toString());
        QVERIFY(backup.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(backup.readAll()).split(u'\n', Qt::SkipEmptyParts).size(), 2 * kPartitions);
        // A dry run's backup is null.
        const CliRun dry = cli(b, both + QStringList{u"--to-latest"_s, u"--output"_s, u"json"_s});
        QVERIFY(QJsonDocument::fromJson(dry.out.toUtf8()).object().value(u"backup"_s).isNull());
    }

    void badInputAndReadOnlyAreRefusedWithNothingWritten()
    {
        const QString b = m_sandbox->bootstrapServers();
        Log log;
        const QString made = makeTopic(u"sandbox"_s, b, "refuse", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(u"sandbox"_s, "refuse-g");
        const QStringList reset{u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic};
        QCOMPARE(cli(b, reset + QStringList{u"--to-offset"_s, u"4"_s, u"--execute"_s}).code, 0);
        const QString before = cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out;

        // A bad file: every line said, exit 1, nothing applied.
        const QString file = m_data.filePath(u"bad.csv"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"%1,0,3\n%1,9,1\nnope,0,1\n%1,x,1\n"_s.arg(log.topic).toUtf8());
        f.close();
        const CliRun bad = cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--from-file"_s, file, u"--execute"_s});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.err.contains(u"line 2: topic '%1' has no partition 9"_s.arg(log.topic)));
        QVERIFY(bad.err.contains(u"line 3: topic 'nope' does not exist"_s));
        QVERIFY(bad.err.contains(u"line 4: partition 'x' is not a number"_s));
        // Bad usage (options missing or excluding each other): 2.
        QCOMPARE(cli(b, reset + QStringList{u"--to-earliest"_s, u"--to-latest"_s}).code, 2);
        QCOMPARE(cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--to-earliest"_s}).code, 2);
        QCOMPARE(cli(b, reset + QStringList{u"--to-earliest"_s, u"--wait"_s}).code, 2);   // --wait without --execute
        QCOMPARE(cli(b, {u"offsets"_s, u"undo"_s, u"--group"_s, group, u"--wait=1m"_s}).code, 2);
        // Bad input (a value that does not parse), whatever the strategy: 1, with the reason, nothing written.
        const QList<QStringList> badValues{{u"--to-datetime"_s, u"yesterday"_s}, {u"--by-duration"_s, u"xyz"_s},
                                           {u"--shift-by"_s, u"abc"_s},          {u"--to-offset"_s, u"-1"_s},
                                           {u"--to-offset"_s, u"ten"_s},         {u"--to-earliest"_s, u"--execute"_s, u"--wait=soon"_s}};
        for (const QStringList &bad : badValues) {
            const CliRun r = cli(b, reset + bad + QStringList{u"--execute"_s});
            QVERIFY2(r.code == 1, qPrintable(bad.join(u' ') + u": "_s + QString::number(r.code) + u" "_s + r.err));
            const QString option = bad.last().startsWith(u"--wait"_s) ? u"--wait"_s : bad.first();
            QVERIFY2(r.err.contains(u"cohort-cli: "_s + option + u": '"_s) && r.err.contains(u"nothing was written"_s), qPrintable(r.err));
            QVERIFY2(!r.err.contains(u"usage:"_s), qPrintable(r.err));   // bad input, not bad usage
        }
        const CliRun badPartition
            = cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic + u":x"_s, u"--to-earliest"_s});
        QCOMPARE(badPartition.code, 1);
        QVERIFY2(badPartition.err.contains(u"--topic: invalid partition 'x'"_s), qPrintable(badPartition.err));
        // A topic that does not exist: refused, 1.
        QCOMPARE(cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, u"nope"_s, u"--to-earliest"_s, u"--execute"_s}).code,
                 1);

        // Read-only, in core: the session has no admin and the executor refuses.
        auto client = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, b}}, 10000);
        QVERIFY(client);
        auto readOnly = ClusterSession::share(new ClusterSession(client.value(), u"prod"_s));
        ResetExecutor executor(readOnly, ResetBackupStore(m_data.filePath(u"ro"_s)));
        ResetRequest request;
        request.groups = {group};
        request.strategy = ResetStrategy::toEarliest();
        const auto plan = waitPolling(executor.plan(request));   // planning reads only: allowed
        QVERIFY(plan);
        const auto applied = waitPolling(executor.apply(plan.value()));
        QVERIFY(!applied);
        QCOMPARE(applied.error().name, u"_READ_ONLY"_s);
        QVERIFY(!QDir(m_data.filePath(u"ro"_s)).exists());   // not even a backup
        // The same through cohort-cli with a read-only saved connection.
        QTemporaryDir settings;
        ConnectionProfileStore store(settings.filePath(u"profiles.ini"_s));
        ConnectionProfile profile;
        profile.name = u"prod"_s;
        profile.bootstrapServers = b;
        profile.readOnly = true;
        QVERIFY(store.save(profile));
        cli::CliContext context;
        context.profiles = &store;
        const CliRun refused = runCli({u"--profile"_s, u"prod"_s, u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--all-topics"_s,
                                       u"--to-earliest"_s, u"--execute"_s},
                                      context);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(u"read-only"_s), qPrintable(refused.err));
        QCOMPARE(cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out, before);
    }

    // groups delete and offsets delete, refused with Kafka's error and what
    // to do while the group is in use, then done once it is not.
    void deletesExplainTheirErrors_data()
    {
        refusedWhileActiveThenWaitUntilEmpty_data();
    }
    void deletesExplainTheirErrors()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        Log log;
        const QString made = makeTopic(cluster, b, "delete", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(cluster, "delete-g");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << group;
        const CliRun absent = cli(b, {u"groups"_s, u"delete"_s, name(cluster, "never-made")});
        QCOMPARE(absent.code, 1);
        QVERIFY2(absent.err.contains(u"GROUP_ID_NOT_FOUND"_s) && absent.err.contains(u"No group with this id exists"_s),
                 qPrintable(absent.err));

        QCOMPARE(
            cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic, u"--to-offset"_s, u"3"_s, u"--execute"_s}).code,
            0);
        auto reader
            = std::make_unique<Reader>(m_python, QStringList{b, log.topic, group, u"classic"_s, QString::number(kPartitions), u"hold"_s});
        QCOMPARE(reader->first().size(), kPartitions);
        const CliRun busy = cli(b, {u"groups"_s, u"delete"_s, group});
        QCOMPARE(busy.code, 1);
        QVERIFY2(busy.err.contains(u"NON_EMPTY_GROUP"_s) && busy.err.contains(u"stop its consumers first"_s), qPrintable(busy.err));
        const CliRun subscribed = cli(b, {u"offsets"_s, u"delete"_s, u"--group"_s, group, u"--topic"_s, log.topic});
        QCOMPARE(subscribed.code, 1);
        QVERIFY2(subscribed.err.contains(u"GROUP_SUBSCRIBED_TO_TOPIC"_s) && subscribed.err.contains(u"still subscribe to this topic"_s),
                 qPrintable(subscribed.err));
        QCOMPARE(cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out, u"%1,0,3\n%1,1,3\n%1,2,3\n"_s.arg(kcgField(log.topic)));
        reader.reset();

        // Not in use any more: the offsets go, then the group.
        QTRY_COMPARE_WITH_TIMEOUT(cli(b, {u"offsets"_s, u"delete"_s, u"--group"_s, group, u"--topic"_s, log.topic}).code, 0, 30000);
        QCOMPARE(cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out, QString());
        const CliRun gone = cli(b, {u"groups"_s, u"delete"_s, group});
        QVERIFY2(gone.code == 0, qPrintable(gone.err));
        QCOMPARE(gone.out, u"Deletion of requested consumer groups ('%1') was successful.\n"_s.arg(group));
        if (cluster == u"kafka"_s) {
            const KafkaTool list = KafkaTool::run(u"kafka-consumer-groups"_s, {u"--bootstrap-server"_s, b, u"--list"_s});
            QVERIFY(!list.out.split(u'\n').contains(group));
        }
    }

    // Every strategy through core alone (ResetExecutor, as the window
    // applies it), the rows in order on one topic and group per cluster:
    // the offsets librdkafka reads back and the first offset a real
    // consumer delivers are the test's own expectation.
    void eachStrategyThroughCore_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("strategy");
        const QStringList strategies{u"to-earliest"_s, u"to-latest"_s,   u"to-offset 5"_s,  u"to-offset 1000"_s,
                                     u"to-offset 0"_s, u"shift-by -3"_s, u"shift-by 100"_s, u"to-datetime"_s,
                                     u"by-duration"_s, u"to-current"_s,  u"from-file"_s,    u"from-group"_s};
        for (const QString &cluster : {u"sandbox"_s, u"kafka"_s})
            for (const QString &s : strategies)
                QTest::newRow(qPrintable(cluster + u": "_s + s)) << cluster << s;
    }
    void eachStrategyThroughCore()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, strategy);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        const QString group = name(cluster, "each-core-g");
        const QString key = cluster + u"/core"_s;
        if (!m_logs.contains(key)) {
            Log log;
            const QString made = makeTopic(cluster, b, "each-core", &log);
            QVERIFY2(made.isEmpty(), qPrintable(made));
            m_logs.insert(key, log);
            if (cluster == u"kafka"_s)
                m_kafkaGroups << group << name(cluster, "each-core-source");
        }
        Log &log = m_logs[key];
        auto client = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, b}}, 10000);
        QVERIFY(client);
        auto session = ClusterSession::share(new ClusterSession(client.value(), RdKafkaClusterAdmin::create(client.value()), cluster));
        ResetExecutor executor(session, ResetBackupStore(m_data.filePath(u"each-core-"_s + cluster)));
        executor.setTimeoutMs(20000);

        const QString scenario = strategy.section(u' ', 0, 0);
        const qint64 value = strategy.section(u' ', 1, 1).toLongLong();
        ResetRequest request{{group}, ResetScope::topics({{log.topic, {}}}), ResetStrategy::toCurrent()};
        Offsets expected;
        for (int p = 0; p < kPartitions; ++p) {
            if (scenario == u"to-earliest"_s) {
                request.strategy = ResetStrategy::toEarliest();
                expected << log.start.at(p);
            } else if (scenario == u"to-latest"_s) {
                request.strategy = ResetStrategy::toLatest();
                expected << log.end.at(p);
            } else if (scenario == u"to-offset"_s) {
                request.strategy = ResetStrategy::toOffset(value);
                expected << clamp(value, log, p);
            } else if (scenario == u"shift-by"_s) {
                request.strategy = ResetStrategy::shiftBy(value);
                expected << clamp(log.committed.at(p) + value, log, p);
            } else if (scenario == u"to-datetime"_s) {
                request.strategy = ResetStrategy::toDateTime(QDateTime::fromMSecsSinceEpoch(log.base + 245'000, QTimeZone::utc()));
                expected << firstAtOrAfter(log, p, log.base + 245'000);
            } else if (scenario == u"by-duration"_s) {
                const qint64 ago = QDateTime::currentMSecsSinceEpoch() - (log.base + 135'000);
                request.strategy = ResetStrategy::byDuration(ago, u"PT%1S"_s.arg(ago / 1000));
                expected << firstAtOrAfter(log, p, log.base + 135'000);
            } else if (scenario == u"to-current"_s) {
                request.strategy = ResetStrategy::toCurrent();
                expected << log.committed.at(p);
            }
        }
        if (scenario == u"from-file"_s) {
            // As a kcg CSV parses: one target inside, one past the end, one below the start.
            const QHash<TopicPartition, qint64> file{{{log.topic, 0}, 0}, {{log.topic, 1}, 1000}, {{log.topic, 2}, 6}};
            request.scope = ResetScope::allTopics();
            request.strategy = ResetStrategy::fromOffsets({{group, file}}, u"inline.csv"_s);
            expected = {log.start.at(0), log.end.at(1), 6};
        } else if (scenario == u"from-group"_s) {
            const QString source = name(cluster, "each-core-source");
            const auto made = waitPolling(executor.plan(ResetRequest{{source}, ResetScope::topics({{log.topic, {}}}), ResetStrategy::toOffset(7)}));
            QVERIFY2(made, qPrintable(made ? QString() : made.error().toString()));
            const auto copied = waitPolling(executor.apply(made.value()));
            QVERIFY(copied && copied->ok());
            request.scope = ResetScope::allTopics();
            request.strategy = ResetStrategy::fromGroup(source);
            expected = {7, 7, 7};
        }

        const auto plan = waitPolling(executor.plan(request));
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        Offsets planned;
        for (const PartitionResetPlan &p : plan->groups.first().partitions)
            planned << p.newOffset;
        QCOMPARE(planned, expected);
        const auto applied = waitPolling(executor.apply(plan.value()));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
        QVERIFY(applied->ok());
        QCOMPARE(committedByLibrdkafka(b, group, log.topic), expected);
        log.committed = expected;

        produceOneEach(b, log);
        const QHash<int, qint64> first = firstDelivered(b, log.topic, group);
        for (int p = 0; p < kPartitions; ++p)
            QCOMPARE(first.value(p, -1), expected.at(p));
    }

    // A reset of a topic the group had no offsets for gave it its first
    // ones: the undo deletes exactly those again, and the others are as before.
    void undoDeletesTheOffsetsAResetCreated_data()
    {
        refusedWhileActiveThenWaitUntilEmpty_data();
    }
    void undoDeletesTheOffsetsAResetCreated()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        Log kept, fresh;
        QString made = makeTopic(cluster, b, "undo-kept", &kept);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        made = makeTopic(cluster, b, "undo-fresh", &fresh);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(cluster, "undo-fresh-g");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << group;
        QCOMPARE(
            cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, kept.topic, u"--to-offset"_s, u"4"_s, u"--execute"_s}).code,
            0);
        const QString before = cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out;
        QCOMPARE(before, u"%1,0,4\n%1,1,4\n%1,2,4\n"_s.arg(kcgField(kept.topic)));
        QCOMPARE(committedByLibrdkafka(b, group, fresh.topic), (Offsets{-1, -1, -1}));

        const CliRun reset = cli(
            b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, fresh.topic, u"--to-offset"_s, u"3"_s, u"--execute"_s});
        QVERIFY2(reset.code == 0, qPrintable(reset.err));
        QCOMPARE(committedByLibrdkafka(b, group, fresh.topic), (Offsets{3, 3, 3}));

        // The dry run shows the delete rows: NEW-OFFSET "-", and in JSON null with delete true.
        const CliRun dry = cli(b, {u"offsets"_s, u"undo"_s, u"--group"_s, group});
        QVERIFY2(dry.code == 0, qPrintable(dry.err));
        const auto rows = tableColumns(dry.out, {u"GROUP"_s, u"TOPIC"_s, u"NEW-OFFSET"_s, u"CURRENT-OFFSET"_s}, {group});
        QCOMPARE(rows.size(), kPartitions);
        for (const QStringList &row : rows)
            QCOMPARE(row.mid(1), (QStringList{fresh.topic, u"-"_s, u"3"_s}));
        QVERIFY2(dry.err.contains(u"its offset is deleted"_s), qPrintable(dry.err));
        const CliRun json = cli(b, {u"--output"_s, u"json"_s, u"offsets"_s, u"undo"_s, u"--group"_s, group});
        QCOMPARE(json.code, 0);
        const QJsonArray partitions = QJsonDocument::fromJson(json.out.toUtf8())
                                          .object()
                                          .value(u"groups"_s)
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(u"partitions"_s)
                                          .toArray();
        QCOMPARE(partitions.size(), kPartitions);
        for (const QJsonValue &v : partitions) {
            QVERIFY(v[u"new_offset"_s].isNull());
            QCOMPARE(v[u"delete"_s].toBool(), true);
            QCOMPARE(v[u"current_offset"_s].toInteger(), 3);
        }

        const CliRun undo = cli(b, {u"offsets"_s, u"undo"_s, u"--group"_s, group, u"--execute"_s});
        QVERIFY2(undo.code == 0, qPrintable(undo.err + undo.out));
        // Exactly as before the reset: no rows of the fresh topic, the others unchanged.
        QCOMPARE(cli(b, {u"offsets"_s, u"export"_s, u"--group"_s, group}).out, before);
        QCOMPARE(committedByLibrdkafka(b, group, fresh.topic), (Offsets{-1, -1, -1}));
        QCOMPARE(committedByLibrdkafka(b, group, kept.topic), (Offsets{4, 4, 4}));
    }

    // cohort-cli offsets reset --execute --wait: started while a consumer
    // holds the group, it says who is there, waits, and applies once the
    // consumer has left; with too short a wait it writes nothing.
    void executeWaitsUntilTheGroupIsEmpty_data()
    {
        refusedWhileActiveThenWaitUntilEmpty_data();
    }
    void executeWaitsUntilTheGroupIsEmpty()
    {
        QFETCH(QString, cluster);
        COHORT_CLUSTER_OR_SKIP(cluster, b);
        const QString binaryDir = qEnvironmentVariable("COHORT_BINARY_DIR");
        if (binaryDir.isEmpty())
            COHORT_SKIP_OR_FAIL("COHORT_BINARY_DIR is not set (run through ctest): no cohort-cli to start");
        Log log;
        const QString made = makeTopic(cluster, b, "wait-cli", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(cluster, "wait-cli-g");
        if (cluster == u"kafka"_s)
            m_kafkaGroups << group;
        const QStringList reset{u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic};
        QCOMPARE(cli(b, reset + QStringList{u"--to-offset"_s, u"4"_s, u"--execute"_s}).code, 0);
        auto reader
            = std::make_unique<Reader>(m_python, QStringList{b, log.topic, group, u"classic"_s, QString::number(kPartitions), u"hold"_s});
        QCOMPARE(reader->first().size(), kPartitions);

        // Too short a wait: refused, the member named, nothing written.
        const CliRun shortWait = cli(b, reset + QStringList{u"--to-offset"_s, u"7"_s, u"--execute"_s, u"--wait=2s"_s});
        QCOMPARE(shortWait.code, 1);
        QVERIFY2(shortWait.err.contains(u"still not Empty after 2s"_s) && shortWait.err.contains(group + u"-reader"_s)
                     && shortWait.err.contains(u"nothing was written"_s),
                 qPrintable(shortWait.err));
        QVERIFY(shortWait.out.isEmpty());
        QCOMPARE(committedByLibrdkafka(b, group, log.topic), (Offsets{4, 4, 4}));

        QProcess waiting;
        waiting.start(binaryDir + u"/app/cohort-cli"_s,
                      QStringList{u"--bootstrap-server"_s, b} + reset + QStringList{u"--to-offset"_s, u"7"_s, u"--execute"_s, u"--wait=2m"_s});
        QVERIFY(waiting.waitForStarted());
        QString err;
        QDeadlineTimer told(60000);
        while (!(err.contains(u"waiting up to 2m"_s) && err.contains(group + u"-reader"_s)) && !told.hasExpired()
               && waiting.state() == QProcess::Running) {
            waiting.waitForReadyRead(500);
            err += QString::fromUtf8(waiting.readAllStandardError());
        }
        QVERIFY2(err.contains(u"is Stable with 1 active member: %1-reader ("_s.arg(group)), qPrintable(err));
        QCOMPARE(waiting.state(), QProcess::Running);   // still waiting: nothing written yet
        QCOMPARE(committedByLibrdkafka(b, group, log.topic), (Offsets{4, 4, 4}));

        reader->stop();
        QVERIFY(reader->waitForFinished());
        QVERIFY(waiting.waitForFinished(90000));
        err += QString::fromUtf8(waiting.readAllStandardError());
        QVERIFY2(waiting.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(u"group '%1' is Empty"_s.arg(group)), qPrintable(err));
        QVERIFY2(err.contains(u"previous offsets saved to "_s), qPrintable(err));
        QCOMPARE(newOffsets(QString::fromUtf8(waiting.readAllStandardOutput()), group), (Offsets{7, 7, 7}));
        QCOMPARE(committedByLibrdkafka(b, group, log.topic), (Offsets{7, 7, 7}));
        produceOneEach(b, log);
        QCOMPARE(firstDelivered(b, log.topic, group), (QHash<int, qint64>{{0, 7}, {1, 7}, {2, 7}}));
    }

    // A KIP-848 consumer group whose consumer (confluent-kafka,
    // group.protocol=consumer) still runs: refused, its member named, nothing written.
    void activeKip848GroupIsRefused()
    {
        COHORT_CLUSTER_OR_SKIP(u"kafka"_s, b);
        Log log;
        const QString made = makeTopic(u"kafka"_s, b, "kip848-active", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(u"kafka"_s, "kip848-active-g");
        m_kafkaGroups << group;
        auto reader
            = std::make_unique<Reader>(m_python, QStringList{b, log.topic, group, u"consumer"_s, QString::number(kPartitions), u"hold"_s});
        QCOMPARE(reader->first(), (QHash<int, qint64>{{0, 2}, {1, 0}, {2, 0}}));   // nothing committed: from the start
        const KafkaTool listed
            = KafkaTool::run(u"kafka-groups"_s, {u"--bootstrap-server"_s, b, u"--list"_s, u"--group-type"_s, u"consumer"_s});
        QVERIFY2(listed.out.contains(group), qPrintable(listed.out));
        const CliRun refused
            = cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic, u"--to-offset"_s, u"6"_s, u"--execute"_s});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(u"nothing was written"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(group + u"-reader"_s), qPrintable(refused.err));   // the member's client id
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(committedByLibrdkafka(b, group, log.topic), (Offsets{-1, -1, -1}));   // the consumer never commits
        reader.reset();
    }

    // A KIP-848 consumer group (confluent-kafka, group.protocol=consumer),
    // stopped, is reset like a classic one: the same admin commit while Empty.
    void kip848GroupOnKafka()
    {
        COHORT_CLUSTER_OR_SKIP(u"kafka"_s, b);
        Log log;
        const QString made = makeTopic(u"kafka"_s, b, "kip848", &log);
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QString group = name(u"kafka"_s, "kip848-g");
        m_kafkaGroups << group;
        // The group is made by its own consumers, reading from the start (nothing committed yet).
        QCOMPARE(firstDelivered(b, log.topic, group, u"consumer"_s), (QHash<int, qint64>{{0, 2}, {1, 0}, {2, 0}}));
        const KafkaTool listed
            = KafkaTool::run(u"kafka-groups"_s, {u"--bootstrap-server"_s, b, u"--list"_s, u"--group-type"_s, u"consumer"_s});
        QVERIFY2(listed.out.contains(group), qPrintable(listed.out));
        const CliRun run
            = cli(b, {u"offsets"_s, u"reset"_s, u"--group"_s, group, u"--topic"_s, log.topic, u"--to-offset"_s, u"6"_s, u"--execute"_s});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(firstDelivered(b, log.topic, group, u"consumer"_s), (QHash<int, qint64>{{0, 6}, {1, 6}, {2, 6}}));
    }
};

QTEST_GUILESS_MAIN(TestOffsetsResetEndToEnd)
#include "tst_offsets_reset_e2e.moc"
