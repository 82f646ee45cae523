// SPDX-License-Identifier: GPL-3.0-or-later
// The fault drill on real Apache Kafka 4.4: a 3-broker cluster of the test's
// own (not the suite's shared fixture, whose brokers other tests need), one
// broker SIGSTOP-ped. cohort-cli must name the frozen broker, list exactly
// the groups the others coordinate (as kafka-consumer-groups said before the
// freeze), keep its --timeout as one deadline and exit 3; after SIGCONT
// everything is back with exit 0. A second drill freezes a broker while a
// refresh runs (after the listing, as the descriptions are asked): the
// refresh still completes, names the broker in its missing parts, keeps the
// frozen broker's groups as listed but not described, and reads the other
// coordinators' groups exactly (committed offsets, and lag wherever the
// partition's leader is not the frozen broker).

#include "CliRun.h"
#include "KafkaTool.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "SkipOrFail.h"

#include "FutureWait.h"
#include "core/kafka/ClusterClient.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"

#include <QDir>
#include <QScopeGuard>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <atomic>
#include <functional>
#include <csignal>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kGroups = 9;
constexpr int kCliTimeoutMs = 5000;
constexpr int kDeadlineMarginMs = 2000;   // process start, connection set-up, a busy 2-core machine

// The process ids of the cluster's brokers by node id, from its work directory
// (each broker's JVM runs with <work>/node<N>.properties).
QHash<int, qint64> brokerPids(const QString &workDir)
{
    QHash<int, qint64> out;
    const QRegularExpression node(QRegularExpression::escape(workDir) + u"/node(\\d+)\\.properties"_s);
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QString args = QString::fromUtf8(cmdline.readAll().replace('\0', ' '));
        if (const auto m = node.match(args); m.hasMatch() && args.contains(u"java"_s))
            out.insert(m.captured(1).toInt(), pid);
    }
    return out;
}

constexpr int kDrillPartitions = 6;
constexpr int kRecordsPerPartition = 4;
constexpr qint64 kDrillCommitted = 1;

// The real client, with one thing done the first time the refresh asks for
// group descriptions (the listing is then over): `beforeDescribe`, which
// freezes a broker in the middle of the refresh.
class FreezingClient : public ClusterClient
{
public:
    FreezingClient(std::shared_ptr<ClusterClient> inner, std::function<void()> beforeDescribe)
        : m_inner(std::move(inner))
        , m_beforeDescribe(std::move(beforeDescribe))
    { }
    QFuture<Result<ClusterMetadata>> fetchMetadata(Progress p) override { return m_inner->fetchMetadata(p); }
    QFuture<Result<GroupListingAnswer>> listGroups(Progress p) override { return m_inner->listGroups(p); }
    QFuture<Result<GroupDescriptionAnswer>> describeGroups(const QStringList &ids, Progress p) override
    {
        if (!m_fired.exchange(true))
            m_beforeDescribe();
        return m_inner->describeGroups(ids, p);
    }
    QFuture<Result<CommittedOffsetsAnswer>> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &byGroup, Progress p) override
    {
        return m_inner->fetchCommittedOffsets(byGroup, p);
    }
    QFuture<Result<WatermarksAnswer>> fetchWatermarks(const QList<TopicPartition> &tps, Progress p) override
    {
        return m_inner->fetchWatermarks(tps, p);
    }
    QFuture<Result<RecordTimestampsAnswer>> fetchRecordTimestamps(const QHash<TopicPartition, qint64> &o, Progress p) override
    {
        return m_inner->fetchRecordTimestamps(o, p);
    }
    QFuture<Result<TopicRetentionAnswer>> fetchTopicRetention(const QStringList &t, Progress p) override
    {
        return m_inner->fetchTopicRetention(t, p);
    }
    QFuture<Result<OffsetsForTimesAnswer>> offsetsForTimes(const QList<TopicPartition> &tps, qint64 ts, Progress p) override
    {
        return m_inner->offsetsForTimes(tps, ts, p);
    }
    QFuture<Result<ConnectionReport>> testConnection() override { return m_inner->testConnection(); }
    bool readCommitted() const override { return m_inner->readCommitted(); }
    bool fired() const { return m_fired; }

private:
    std::shared_ptr<ClusterClient> m_inner;
    std::function<void()> m_beforeDescribe;
    std::atomic_bool m_fired = false;
};

}   // namespace

class TestFaultDrillsKafka : public QObject
{
    Q_OBJECT

    QProcess m_cluster;
    QString m_bootstrap;
    QString m_workDir;

    CliRun cli(const QStringList &args) { return runCli(QStringList{u"--bootstrap-server"_s, m_bootstrap} + args); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString script = qEnvironmentVariable("COHORT_SOURCE_DIR") + u"/scripts/kafka-cluster.sh"_s;
        if (!QFileInfo(KafkaTool::jarDirectory()).isDir())
            COHORT_SKIP_OR_FAIL("Kafka 4.4's jars are not fetched (scripts/kafka-cluster.sh fetch, which scripts/setup.sh test runs)");
        m_cluster.start(u"bash"_s, {script, u"start"_s, u"--brokers"_s, u"3"_s});
        QVERIFY2(m_cluster.waitForStarted(), "bash did not start");
        QElapsedTimer waited;
        waited.start();
        QString out, err;
        // "ready" on stdout, then the work directory on stderr ("ready in DIR").
        while (!(out.contains(u"\nready"_s) && err.contains(u"ready in "_s)) && waited.elapsed() < 180000
               && m_cluster.state() == QProcess::Running) {
            m_cluster.waitForReadyRead(200);
            out += QString::fromUtf8(m_cluster.readAllStandardOutput());
            err += QString::fromUtf8(m_cluster.readAllStandardError());
        }
        QVERIFY2(out.contains(u"\nready"_s), qPrintable(u"the cluster did not get ready: "_s + err.right(2000)));
        m_bootstrap = out.section(u'\n', 0, 0).section(u'=', 1);
        m_workDir = QRegularExpression(u"ready in (\\S+)"_s).match(err).captured(1);
        QVERIFY2(!m_bootstrap.isEmpty() && !m_workDir.isEmpty(), qPrintable(out + err));

        // Nine groups with commits on a 6-partition topic, spread over the
        // three coordinators by their ids' hashes.
        RdKafkaTestAdmin admin(m_bootstrap);
        QCOMPARE(admin.createTopics({u"drill"_s}, kDrillPartitions, 1), QString());
        for (int p = 0; p < kDrillPartitions; ++p)
            QCOMPARE(produceMessages(m_bootstrap, u"drill"_s, p, kRecordsPerPartition), QString());
        for (int g = 1; g <= kGroups; ++g) {
            QString error;
            rd_kafka_conf_t *conf = makeConf(m_bootstrap, {{u"group.id"_s, u"drill-g%1"_s.arg(g)}}, &error);
            QVERIFY2(conf, qPrintable(error));
            char err[256];
            rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
            QVERIFY2(rk, err);
            rd_kafka_resp_err_t committed = RD_KAFKA_RESP_ERR__TIMED_OUT;
            // A fresh cluster's coordinators may still be loading.
            for (int attempt = 0; attempt < 20 && committed != RD_KAFKA_RESP_ERR_NO_ERROR; ++attempt)
                committed = commitOffsets(rk, u"drill"_s, {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}});
            rd_kafka_destroy(rk);
            QCOMPARE(QString::fromUtf8(rd_kafka_err2name(committed)), u"NO_ERROR"_s);
        }
    }

    void frozenBrokerIsNamedAndTheOthersGroupsAreExact()
    {
        // Which broker coordinates each group, as Kafka's own tool says.
        const KafkaTool kcg = KafkaTool::run(u"kafka-consumer-groups"_s,
                                             {u"--bootstrap-server"_s, m_bootstrap, u"--describe"_s, u"--all-groups"_s, u"--state"_s});
        QVERIFY2(kcg.code == 0, qPrintable(kcg.err));
        QHash<int, QStringList> byCoordinator;
        QStringList all;
        const QRegularExpression row(u"^(drill-g\\d+)\\s+\\S+:\\d+\\s+\\((\\d+)\\)"_s, QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(kcg.out); it.hasNext();) {
            const auto m = it.next();
            byCoordinator[m.captured(2).toInt()] << m.captured(1);
            all << m.captured(1);
        }
        QCOMPARE(all.size(), kGroups);
        // The broker coordinating the most groups is the one frozen.
        int frozen = byCoordinator.cbegin().key();
        for (auto it = byCoordinator.cbegin(); it != byCoordinator.cend(); ++it)
            if (it.value().size() > byCoordinator.value(frozen).size())
                frozen = it.key();
        QStringList expected = all;
        for (const QString &g : byCoordinator.value(frozen))
            expected.removeOne(g);
        expected.sort();

        const QHash<int, qint64> pids = brokerPids(m_workDir);
        QVERIFY2(pids.contains(frozen), qPrintable(u"no JVM found for node %1 in %2"_s.arg(frozen).arg(m_workDir)));
        QCOMPARE(::kill(pid_t(pids.value(frozen)), SIGSTOP), 0);
        QElapsedTimer t;
        t.start();
        const CliRun r = cli({u"--timeout"_s, QString::number(kCliTimeoutMs), u"groups"_s, u"list"_s});
        const qint64 elapsed = t.elapsed();
        QCOMPARE(::kill(pid_t(pids.value(frozen)), SIGCONT), 0);

        QVERIFY2(r.code == 3, qPrintable(u"exit %1\n%2\n%3"_s.arg(r.code).arg(r.out, r.err)));
        QVERIFY2(elapsed <= kCliTimeoutMs + kDeadlineMarginMs, qPrintable(u"took %1 ms"_s.arg(elapsed)));
        QVERIFY2(r.err.contains(u"cohort-cli: warning: broker %1 ("_s.arg(frozen)), qPrintable(r.err));
        QStringList listed;
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
            listed << line.section(u' ', 0, 0);
        listed.sort();
        QCOMPARE(listed, expected);

        // Thawed: every group again, complete.
        QStringList sortedAll = all;
        sortedAll.sort();
        CliRun again;
        QTRY_VERIFY_WITH_TIMEOUT((again = cli({u"--timeout"_s, u"10000"_s, u"groups"_s, u"list"_s})).code == 0, 60000);
        QStringList relisted;
        for (const QString &line : again.out.split(u'\n', Qt::SkipEmptyParts).mid(1))
            relisted << line.section(u' ', 0, 0);
        relisted.sort();
        QCOMPARE(relisted, sortedAll);
    }

    void brokerFrozenMidRefresh()
    {
        constexpr int kTimeoutMs = 4000;
        auto made = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, m_bootstrap}}, kTimeoutMs);
        QVERIFY2(made.ok(), qPrintable(made.error().toString()));
        const std::shared_ptr<RdKafkaClusterClient> real = made.value();

        // Who coordinates which group and leads which partition, before the freeze
        // (the first drill's thaw may have moved coordinators: asked again now).
        QHash<int, QStringList> byCoordinator;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                byCoordinator.clear();
                const Result<GroupListingAnswer> listing = waitPolling(real->listGroups());
                if (!listing || !listing->failedBrokers.isEmpty())
                    return false;
                int n = 0;
                for (const GroupListing &g : listing->groups)
                    if (g.groupId.startsWith(u"drill-g"_s)) {
                        byCoordinator[g.coordinatorId] << g.groupId;
                        ++n;
                    }
                return n == kGroups;
            }(),
            60000);
        // The broker to freeze coordinates some groups and leaves others to
        // the rest; not the controller (node 1) when another will do, so the
        // cluster's own heartbeats go on.
        int frozen = -1;
        for (auto it = byCoordinator.cbegin(); it != byCoordinator.cend(); ++it)
            if (frozen < 0 || (frozen == 1 && it.key() != 1)
                || (it.key() != 1 && it.value().size() > byCoordinator.value(frozen).size()))
                frozen = it.key();
        QVERIFY(frozen >= 0);
        QVERIFY2(byCoordinator.size() > 1, "one broker coordinates every drill group: nothing would be left to read");
        const QStringList frozenGroups = byCoordinator.value(frozen);
        const Result<ClusterMetadata> md = waitPolling(real->fetchMetadata());
        QVERIFY2(md.ok(), qPrintable(md.error().toString()));
        QSet<int> ledByFrozen;
        for (const TopicInfo &t : md->topics)
            if (t.name == u"drill"_s)
                for (const PartitionInfo &p : t.partitions)
                    if (p.leader == frozen)
                        ledByFrozen.insert(p.partition);

        const QHash<int, qint64> pids = brokerPids(m_workDir);
        QVERIFY2(pids.contains(frozen), qPrintable(u"no JVM found for node %1 in %2"_s.arg(frozen).arg(m_workDir)));
        const pid_t pid = pid_t(pids.value(frozen));
        std::atomic_bool stopped = false;
        auto client = std::make_shared<FreezingClient>(real, [&] { stopped = ::kill(pid, SIGSTOP) == 0; });
        const auto thaw = qScopeGuard([&] { ::kill(pid, SIGCONT); });
        QElapsedTimer t;
        t.start();
        const Result<ClusterSnapshot> snap = waitPolling(SnapshotLoader::load(client));
        const qint64 elapsed = t.elapsed();
        QVERIFY2(client->fired() && stopped, "the broker was not frozen during the refresh");
        ::kill(pid, SIGCONT);

        // The refresh completes (the metadata was read). Its time is only
        // reported: the bare loader has no deadline of its own (ClusterSession
        // and cohort-cli give it theirs; the first drill checks cohort-cli's).
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        qInfo("the refresh with a broker frozen mid-way took %lld ms", qint64(elapsed));
        QVERIFY(snap->isPartial());
        // The frozen broker is named: the end offsets of the partitions it leads.
        if (!ledByFrozen.isEmpty()) {
            const auto wm = std::find_if(snap->missing.cbegin(), snap->missing.cend(), [&](const MissingPart &m) {
                return m.kind == MissingPart::Kind::Watermarks && m.brokerId == frozen;
            });
            QVERIFY2(wm != snap->missing.cend(), qPrintable(u"no missing end offsets of broker %1"_s.arg(frozen)));
            QVERIFY(wm->partitions >= ledByFrozen.size());
            QVERIFY2(wm->describe().contains(u"broker %1"_s.arg(frozen), Qt::CaseInsensitive), qPrintable(wm->describe()));
        }
        // Its groups: listed (never vanished), not described, said so.
        for (const QString &g : frozenGroups) {
            const GroupSnapshot *gs = snap->group(g);
            QVERIFY2(gs, qPrintable(g + u" vanished"_s));
            QVERIFY2(!gs->describedFreshness.isFresh() || !gs->offsetsFreshness.isFresh(), qPrintable(g));
            QVERIFY2(std::any_of(snap->missing.cbegin(), snap->missing.cend(),
                                 [&](const MissingPart &m) {
                                     return m.groupId == g
                                            && (m.kind == MissingPart::Kind::GroupDescription || m.kind == MissingPart::Kind::GroupOffsets);
                                 }),
                     qPrintable(g + u" is not among the missing parts"_s));
        }
        // The other coordinators' groups: exact.
        for (auto it = byCoordinator.cbegin(); it != byCoordinator.cend(); ++it) {
            if (it.key() == frozen)
                continue;
            for (const QString &g : it.value()) {
                const GroupSnapshot *gs = snap->group(g);
                QVERIFY2(gs, qPrintable(g));
                QVERIFY2(gs->describedFreshness.isFresh() && gs->offsetsFreshness.isFresh(), qPrintable(g));
                QCOMPARE(gs->description.state, GroupState::Empty);
                QCOMPARE(gs->partitions.size(), kDrillPartitions);
                for (const PartitionLag &pl : gs->partitions) {
                    QCOMPARE(pl.committedOffset, std::optional<qint64>(kDrillCommitted));
                    if (ledByFrozen.contains(pl.tp.partition)) {
                        QCOMPARE(pl.lag, std::nullopt);   // its leader is frozen: unknown, not 0
                    } else {
                        QCOMPARE(pl.endOffset, std::optional<qint64>(kRecordsPerPartition));
                        QCOMPARE(pl.lag, std::optional<qint64>(kRecordsPerPartition - kDrillCommitted));
                    }
                }
            }
        }

        // Thawed: the next refresh is whole again.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Result<ClusterSnapshot> again = waitPolling(SnapshotLoader::load(real));
                return again.ok() && !again->isPartial();
            }(),
            60000);
    }

    void cleanupTestCase()
    {
        if (m_cluster.state() == QProcess::Running) {
            m_cluster.terminate();
            m_cluster.waitForFinished(120000);
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultDrillsKafka)
#include "tst_fault_drills_kafka.moc"
