// SPDX-License-Identifier: GPL-3.0-or-later
// A full refresh (metadata, list, describe, committed offsets, watermarks) of a
// cluster, run in its own process so that the memory figures are Cohort's
// alone; then the GUI side: applying snapshots to the Groups page (model,
// filter proxy, table view) on this thread. Prints one JSON line with refresh
// times, requests per refresh by API, the longest the GUI thread was busy in
// one go while applying (apply_turn_ms_*: model and proxy; frame_ms_*: the
// same with the table on screen and repainted each turn; frame_ms_repaint_only:
// a repaint with nothing changed), and memory.
//
// The cluster is a sandbox holding synthetic groups (the default), or any
// Kafka cluster: --bootstrap-server [--command-config FILE] (the file in the
// Java tools' syntax, as cohort-cli and kafka-consumer-groups take it), or
// --test-cluster for the one the tests use (KAFKA_BOOTSTRAP_SERVERS, or the
// suite's Kafka 4.4 fixture). On Kafka nothing is created unless --create
// asks for the scale fixture: --topics x --partitions-per-topic (replication
// factor --replication-factor), --groups groups made by admin offset commits
// through Cohort's ClusterAdmin (OffsetCommit with generation -1, each group
// one topic's partitions at offset 0) and --live-groups groups of
// --live-members librdkafka consumers, in a child process so that they weigh
// neither on this process's memory nor on its threads; every name starts with
// --prefix. Requests are counted in this process (ClientRequestCounter), so
// the same figure comes from the sandbox and from Kafka; on the sandbox its
// own count is printed beside it (requests_per_refresh_sandbox).
//
// --compare-cli N then times whole processes, N runs each, interleaved:
// cohort-cli groups list and groups describe --all-groups next to Kafka's
// kafka-consumer-groups --list and --describe --all-groups (scripts/kafka-tool.sh),
// with medians, the rows each printed for the fixture's groups, and ratios.
//
// Usage: bench_refresh [--groups 2000] [--topics 200] [--partitions-per-topic 100] [--refreshes 5]
//        bench_refresh --bootstrap-server B [--command-config F] [--create [--live-groups 3] ...] [--compare-cli 5]
// scripts/bench-kafka.sh runs the whole Kafka 4.4 case on a 3-broker cluster of its own.

#include "ClientRequestCounter.h"
#include "ProcessStats.h"
#include "RdKafkaTestAdmin.h"
#include "RdKafkaTestClient.h"
#include "RealKafkaCluster.h"
#include "SandboxProcess.h"

#include "app/cli/CliCluster.h"
#include "core/kafka/RdKafkaClusterAdmin.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/util/EventLoopWait.h"
#include "models/GroupTableModel.h"
#include "ui/GroupsPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <thread>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

// What --test-cluster exits with when there is no cluster and CI is unset
// (ctest's SKIP_RETURN_CODE, as the kafka_cluster_start fixture uses).
constexpr int kSkipExitCode = 77;

// The futures here never cancel. The event loop sleeps while it waits: a
// loop of processEvents() would spin a core away from the pool threads and
// the brokers of a 2-core machine, and slow the refresh it times.
template<typename T>
T await(QFuture<T> f)
{
    waitWithEventLoop(f);
    return f.result();
}

// The snapshot as the next refresh of a busy cluster might bring it: every
// group's lag moved and, with `replace`, a tenth of the groups gone and as
// many new ones.
ClusterSnapshot churned(ClusterSnapshot s, int round, bool replace)
{
    QList<GroupSnapshot> groups;
    for (qsizetype i = 0; i < s.groups.size(); ++i) {
        GroupSnapshot g = s.groups.at(i);
        if (replace && (i + round) % 10 == 0)
            g.description.groupId += u"-renamed-%1"_s.arg(round);
        g.totalLag = g.totalLag.value_or(0) + 17 * (round + 1) + i % 7;
        groups.append(std::move(g));
    }
    std::sort(groups.begin(), groups.end(), [](const auto &a, const auto &b) { return a.groupId() < b.groupId(); });
    s.groups = std::move(groups);
    return s;
}

QJsonObject spread(QList<qint64> ms)
{
    std::sort(ms.begin(), ms.end());
    QJsonArray all;
    for (qint64 m : std::as_const(ms))
        all.append(m);
    return {{u"ms_median"_s, ms.at(ms.size() / 2)}, {u"ms_min"_s, ms.first()}, {u"ms_max"_s, ms.last()}, {u"ms_all"_s, all}};
}

// What the fixture names, from one prefix.
struct FixtureNames
{
    QString prefix;
    QString topic(int i) const { return prefix + u"topic-%1"_s.arg(i, 3, 10, QLatin1Char('0')); }
    QString group(int i) const { return prefix + u"group-%1"_s.arg(i, 4, 10, QLatin1Char('0')); }
    QString liveGroup(int i) const { return prefix + u"live-%1"_s.arg(i); }
    bool isLiveGroup(const QString &id) const { return id.startsWith(prefix + u"live-"_s); }
};

// The child process that keeps the live groups' members: each group reads
// one fixture topic; it prints "ready" once every group has all of its
// topic's partitions assigned, then polls until its stdin closes, and leaves
// the groups on the way out.
int holdLiveGroups(const QString &bootstrap, const RdKafkaClusterClient::Properties &props, const FixtureNames &names, int groups,
                   int members, int topics, int partitionsPerTopic)
{
    std::vector<std::unique_ptr<test::GroupConsumer>> consumers;
    for (int g = 0; g < groups; ++g)
        for (int m = 0; m < members; ++m) {
            consumers.push_back(std::make_unique<test::GroupConsumer>(
                bootstrap, names.liveGroup(g), QStringList{names.topic(g % topics)},
                props + test::Properties{{u"client.id"_s, u"%1-%2"_s.arg(names.liveGroup(g)).arg(m)}}));
            if (!consumers.back()->valid()) {
                std::fprintf(stderr, "bench_refresh: live consumer: %s\n", qPrintable(consumers.back()->error()));
                return 1;
            }
        }
    // Every partition assigned, and to every member where there are enough
    // partitions: the first member to join owns them all for a moment, and a
    // "ready" then would let the refresh see the next member's rebalance.
    auto allAssigned = [&] {
        for (int g = 0; g < groups; ++g) {
            qsizetype assigned = 0;
            for (int m = 0; m < members; ++m) {
                const qsizetype mine = consumers.at(size_t(g * members + m))->assignment().size();
                if (mine == 0 && partitionsPerTopic >= members)
                    return false;
                assigned += mine;
            }
            if (assigned != partitionsPerTopic)
                return false;
        }
        return true;
    };
    const QDeadlineTimer deadline(120000);
    while (!allAssigned()) {
        if (deadline.hasExpired()) {
            std::fprintf(stderr, "bench_refresh: the live groups did not get their partitions within 120 s\n");
            return 1;
        }
        for (const auto &c : consumers)
            c->poll(10);
    }
    std::printf("ready\n");
    std::fflush(stdout);
    std::atomic<bool> stdinClosed{false};
    std::thread watcher([&] {
        while (std::fgetc(stdin) != EOF) { }
        stdinClosed = true;
    });
    while (!stdinClosed)
        for (const auto &c : consumers)
            c->poll(20);
    watcher.join();
    return 0;
}

// One whole-process run: its time, exit code and output.
struct ProcessRun
{
    qint64 ms = -1;
    int exitCode = -1;
    QString out;
    QString err;
};

ProcessRun runProcess(const QString &program, const QStringList &args)
{
    ProcessRun r;
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(30000)) {
        r.err = p.errorString();
        return r;
    }
    p.waitForFinished(900000);
    r.ms = t.elapsed();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The rows of a table (cohort-cli's, or kafka-consumer-groups' --list and
// --describe) whose first column is a group id starting with `prefix`;
// kafka-consumer-groups' header lines and notes ("Consumer group 'g' has no
// active members.") are no rows.
qint64 groupRows(const QString &text, const QString &prefix)
{
    qint64 n = 0;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString first = line.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
        if (first.isEmpty() || first == u"GROUP"_s || !first.startsWith(prefix))
            continue;
        if (prefix.isEmpty() && (line.startsWith(u"Consumer group '"_s) || line.startsWith(u"Error"_s) || line.startsWith(u"Warning"_s)))
            continue;
        ++n;
    }
    return n;
}

}   // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // One line per admin commit (and per refusal, which the fixture retries)
    // would bury the figures.
    QLoggingCategory::setFilterRules(u"cohort.admin.info=false\ncohort.admin.warning=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption groupsOpt(u"groups"_s, u"Groups: the sandbox's synthetic ones, or those --create makes."_s, u"N"_s, u"2000"_s);
    QCommandLineOption topicsOpt(u"topics"_s, u"Topics (sandbox, or --create)."_s, u"T"_s, u"200"_s);
    QCommandLineOption partsOpt(u"partitions-per-topic"_s, u"Partitions per topic (sandbox, or --create)."_s, u"P"_s, u"100"_s);
    QCommandLineOption refreshesOpt(u"refreshes"_s, u"Refreshes to time."_s, u"R"_s, u"5"_s);
    QCommandLineOption bootstrapOpt(u"bootstrap-server"_s, u"A Kafka cluster instead of the sandbox."_s, u"HOST:PORT,..."_s);
    QCommandLineOption commandConfigOpt(u"command-config"_s, u"Client properties for it (Java tools' syntax)."_s, u"FILE"_s);
    QCommandLineOption testClusterOpt(u"test-cluster"_s, u"The tests' Kafka cluster (KAFKA_BOOTSTRAP_SERVERS or the ctest fixture)."_s);
    QCommandLineOption createOpt(u"create"_s, u"Create the scale fixture on the Kafka cluster first."_s);
    QCommandLineOption rfOpt(u"replication-factor"_s, u"Of the fixture's topics."_s, u"RF"_s, u"1"_s);
    QCommandLineOption liveGroupsOpt(u"live-groups"_s, u"Groups of live librdkafka consumers in the fixture."_s, u"L"_s, u"3"_s);
    QCommandLineOption liveMembersOpt(u"live-members"_s, u"Consumers per live group."_s, u"M"_s, u"2"_s);
    QCommandLineOption prefixOpt(u"prefix"_s, u"What the fixture's names start with."_s, u"PREFIX"_s, u"cohort-bench-"_s);
    QCommandLineOption compareOpt(u"compare-cli"_s, u"Time cohort-cli next to kafka-consumer-groups, N runs each."_s, u"N"_s, u"0"_s);
    QCommandLineOption kafkaToolOpt(u"kafka-tool"_s, u"scripts/kafka-tool.sh, for --compare-cli."_s, u"PATH"_s,
                                    qEnvironmentVariableIsEmpty("COHORT_SOURCE_DIR")
                                        ? QStringLiteral(COHORT_SOURCE_TREE "/scripts/kafka-tool.sh")
                                        : qEnvironmentVariable("COHORT_SOURCE_DIR") + u"/scripts/kafka-tool.sh"_s);
    QCommandLineOption ownOnlyOpt(u"own-requests-only"_s,
                                  u"Count only Cohort's own requests (librdkafka's protocol log off: its cost out of the times)."_s);
    QCommandLineOption holdOpt(u"hold-live-groups"_s, u"(internal) Be the child that keeps the live groups."_s);
    parser.addOptions({groupsOpt, topicsOpt, partsOpt, refreshesOpt, bootstrapOpt, commandConfigOpt, testClusterOpt, createOpt, rfOpt,
                       liveGroupsOpt, liveMembersOpt, prefixOpt, compareOpt, kafkaToolOpt, ownOnlyOpt, holdOpt});
    parser.process(app);
    const int refreshes = qMax(1, parser.value(refreshesOpt).toInt());
    const int groupCount = parser.value(groupsOpt).toInt();
    const int topicCount = qMax(1, parser.value(topicsOpt).toInt());
    const int partitionsPerTopic = qMax(1, parser.value(partsOpt).toInt());
    const int liveGroups = qMax(0, parser.value(liveGroupsOpt).toInt());
    const int liveMembers = qMax(1, parser.value(liveMembersOpt).toInt());
    const int cliRuns = qMax(0, parser.value(compareOpt).toInt());
    const bool create = parser.isSet(createOpt);
    const FixtureNames names{parser.value(prefixOpt)};
    const bool onKafka = parser.isSet(bootstrapOpt) || parser.isSet(testClusterOpt);

    test::ClientRequestCounter &counter = test::ClientRequestCounter::instance();
    auto fail = [&](const QString &why) {
        std::fprintf(stderr, "bench_refresh: %s\n", qPrintable(why));
        counter.counts();   // lets the reader pass this line on before the process ends
        return 1;
    };
    if ((create || cliRuns > 0) && !onKafka)
        return fail(u"--create and --compare-cli need a Kafka cluster: --bootstrap-server or --test-cluster"_s);

    // The cluster and how to reach it.
    std::unique_ptr<test::SandboxProcess> sandbox;
    cli::GlobalOptions cluster;
    if (parser.isSet(testClusterOpt)) {
        const Result<test::RealKafkaCluster, QString> found = test::RealKafkaCluster::find();
        if (!found && !test::groundIsRequired()) {
            // No cluster and CI unset: a skip (exit 77, CheckBenchJson passes it on), not a failure.
            std::fprintf(stderr, "bench_refresh: skipped: %s\n", qPrintable(found.error()));
            return kSkipExitCode;
        }
        if (!found)
            return fail(u"CI is set, so this cannot be skipped: "_s + found.error());
        cluster.bootstrapServers = found->bootstrap;
    } else if (onKafka) {
        cluster.bootstrapServers = parser.value(bootstrapOpt);
        cluster.commandConfig = parser.value(commandConfigOpt);
    }
    if (!onKafka) {
        sandbox = std::make_unique<test::SandboxProcess>();
        QString startError;
        if (!sandbox->start({u"--quiet"_s, u"--synthetic-groups"_s, parser.value(groupsOpt), u"--synthetic-topics"_s,
                             parser.value(topicsOpt), u"--synthetic-partitions"_s, parser.value(partsOpt)},
                            &startError))
            return fail(startError);
        cluster.bootstrapServers = sandbox->bootstrapServers();
    }
    const auto clusterProps = cli::CliCluster(cluster, {}).properties();
    if (!clusterProps)
        return fail(clusterProps.error().message);
    const RdKafkaClusterClient::Properties props = clusterProps.value();
    const QString bootstrap = cluster.bootstrapServers;

    if (parser.isSet(holdOpt))
        return holdLiveGroups(bootstrap, props, names, liveGroups, liveMembers, topicCount, partitionsPerTopic);

    QString counterError;
    if (!counter.start(&counterError))
        return fail(counterError);

    // The scale fixture, when asked for.
    QJsonObject fixture;
    QProcess liveChild;
    if (create) {
        QElapsedTimer step;
        step.start();
        QStringList topicNames;
        for (int t = 0; t < topicCount; ++t)
            topicNames << names.topic(t);
        {
            test::RdKafkaTestAdmin admin(bootstrap, props);
            if (const QString e = admin.createTopics(topicNames, partitionsPerTopic, parser.value(rfOpt).toInt(), true); !e.isEmpty())
                return fail(u"creating the fixture's topics: "_s + e);
        }
        fixture.insert(u"create_topics_ms"_s, step.restart());
        std::fprintf(stderr, "bench_refresh: %d topics x %d partitions created\n", topicCount, partitionsPerTopic);
        auto setup = RdKafkaClusterClient::create(props, 120000);   // commits wait on a busy coordinator
        if (!setup)
            return fail(setup.error().toString());
        // Created once every partition of every fixture topic has a leader.
        const QSet<QString> wanted(topicNames.cbegin(), topicNames.cend());
        for (const QDeadlineTimer deadline(300000);;) {
            const Result<ClusterMetadata> md = await(setup.value()->fetchMetadata());
            int ready = 0;
            if (md)
                for (const TopicInfo &t : md->topics)
                    if (wanted.contains(t.name) && t.partitions.size() == partitionsPerTopic
                        && std::all_of(t.partitions.cbegin(), t.partitions.cend(), [](const PartitionInfo &p) { return p.leader >= 0; }))
                        ++ready;
            if (ready == topicCount)
                break;
            if (deadline.hasExpired())
                return fail(u"the fixture's topics had no leaders within 300 s (%1 of %2 ready)"_s.arg(ready).arg(topicCount));
            QThread::msleep(200);   // the brokers learn the new partitions at their own pace: nothing to wait on
        }
        fixture.insert(u"topics_have_leaders_ms"_s, step.restart());
        std::fprintf(stderr, "bench_refresh: every partition has a leader; committing %d groups\n", groupCount);

        // A coordinator that is still loading or has just moved (a young or
        // busy cluster) refuses a commit as a whole: that group is committed
        // again, the others are done.
        const std::shared_ptr<ClusterAdmin> admin = RdKafkaClusterAdmin::create(setup.value());
        const QSet<QString> retriable{u"NOT_COORDINATOR"_s, u"COORDINATOR_LOAD_IN_PROGRESS"_s, u"COORDINATOR_NOT_AVAILABLE"_s,
                                      u"REQUEST_TIMED_OUT"_s, u"_TIMED_OUT"_s};
        QList<int> pending;
        for (int g = 0; g < groupCount; ++g)
            pending.append(g);
        qint64 recommitted = 0;
        for (int round = 0; !pending.isEmpty(); ++round) {
            if (round == 10)
                return fail(u"%1 groups still refused their admin commit after 10 rounds"_s.arg(pending.size()));
            QList<QPair<int, QFuture<Result<QList<PartitionWriteOutcome>>>>> commits;
            for (int g : std::as_const(pending)) {
                QHash<TopicPartition, qint64> offsets;
                for (int p = 0; p < partitionsPerTopic; ++p)
                    offsets.insert(TopicPartition{names.topic(g % topicCount), p}, 0);
                commits.append({g, admin->commitOffsets(names.group(g), offsets)});
            }
            pending.clear();
            for (const auto &[g, future] : std::as_const(commits)) {
                const auto outcome = await(future);
                KafkaError error = outcome ? KafkaError{} : outcome.error();
                if (outcome)
                    for (const PartitionWriteOutcome &o : outcome.value())
                        if (o.error.isError())
                            error = o.error;
                if (!error.isError())
                    continue;
                if (!retriable.contains(error.name))
                    return fail(u"the admin commit of %1 failed: %2"_s.arg(names.group(g), error.toString()));
                pending.append(g);
            }
            recommitted += pending.size();
            if (!pending.isEmpty())
                QThread::msleep(500);   // the coordinator moves or loads at its own pace: nothing to wait on
        }
        fixture.insert(u"groups_committed_again"_s, recommitted);
        std::fprintf(stderr, "bench_refresh: %d groups committed; starting %d live groups\n", groupCount, liveGroups);
        fixture.insert(u"commit_groups_ms"_s, step.restart());

        if (liveGroups > 0) {
            QStringList childArgs{u"--hold-live-groups"_s,
                                  u"--prefix"_s,
                                  names.prefix,
                                  u"--live-groups"_s,
                                  QString::number(liveGroups),
                                  u"--live-members"_s,
                                  QString::number(liveMembers),
                                  u"--topics"_s,
                                  QString::number(topicCount),
                                  u"--partitions-per-topic"_s,
                                  QString::number(partitionsPerTopic),
                                  u"--bootstrap-server"_s,
                                  bootstrap};
            if (!cluster.commandConfig.isEmpty())
                childArgs << u"--command-config"_s << cluster.commandConfig;
            liveChild.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            liveChild.start(QCoreApplication::applicationFilePath(), childArgs);
            if (!liveChild.waitForStarted(30000))
                return fail(u"the live groups' process did not start: "_s + liveChild.errorString());
            while (!liveChild.canReadLine()) {
                if (!liveChild.waitForReadyRead(180000) && !liveChild.canReadLine())
                    return fail(u"the live groups' process gave up (see above)"_s);
            }
            if (liveChild.readLine().trimmed() != "ready")
                return fail(u"the live groups' process said something else than ready"_s);
        }
        fixture.insert(u"live_groups_ready_ms"_s, step.restart());
        fixture.insert(u"topics"_s, topicCount);
        fixture.insert(u"partitions"_s, qint64(topicCount) * partitionsPerTopic);
        fixture.insert(u"admin_groups"_s, groupCount);
        fixture.insert(u"live_groups"_s, liveGroups);
        fixture.insert(u"live_members"_s, liveGroups * liveMembers);
    }
    auto stopLiveGroups = [&] {
        if (liveChild.state() == QProcess::NotRunning)
            return;
        liveChild.closeWriteChannel();   // the child leaves its groups and exits
        if (!liveChild.waitForFinished(60000))
            liveChild.kill();
    };

    if (create)
        std::fprintf(stderr, "bench_refresh: the fixture is ready; %d refreshes\n", refreshes);
    // The refreshes, on a client that logs its librdkafka requests for the counter.
    const double rssBefore = test::residentMiB();
    auto made = RdKafkaClusterClient::create(parser.isSet(ownOnlyOpt) ? props : props + test::ClientRequestCounter::librdkafkaProperties(),
                                             30000);
    if (!made)
        return fail(made.error().toString());
    std::shared_ptr<ClusterClient> client = made.value();

    QList<qint64> durations;
    QJsonArray rssAfterRefresh;   // steady or growing?
    QHash<QString, qint64> requestsPerRefresh, sandboxRequestsPerRefresh;
    ClusterSnapshot last;
    for (int i = 0; i < refreshes; ++i) {
        const QHash<QString, qint64> before = counter.counts();
        const QHash<QString, qint64> sandboxBefore = sandbox ? sandbox->requestCounts() : QHash<QString, qint64>{};
        const Result<ClusterSnapshot> snap = await(SnapshotLoader::load(client));
        if (!snap) {
            stopLiveGroups();
            return fail(u"refresh failed: "_s + snap.error().toString());
        }
        durations.append(snap->durationMs);
        rssAfterRefresh.append(test::residentMiB());
        const QHash<QString, qint64> after = counter.counts();
        const QHash<QString, qint64> sandboxAfter = sandbox ? sandbox->requestCounts() : QHash<QString, qint64>{};
        if (i == refreshes - 1) {   // the steady state: caches warm, connections up
            // The APIs a refresh may use are always named, 0 where unused.
            for (const QString &api : {u"Metadata"_s, u"ListGroups"_s, u"DescribeGroups"_s, u"FindCoordinator"_s, u"OffsetFetch"_s,
                                       u"ListOffsets"_s, u"total"_s})
                requestsPerRefresh.insert(api, 0);
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                if (const qint64 n = it.value() - before.value(it.key()); n > 0)
                    requestsPerRefresh.insert(it.key(), n);
            for (auto it = sandboxAfter.cbegin(); it != sandboxAfter.cend(); ++it)
                sandboxRequestsPerRefresh.insert(it.key(), it.value() - sandboxBefore.value(it.key()));
        }
        last = snap.value();
    }
    std::sort(durations.begin(), durations.end());

    // The GUI side: the Groups page shown, snapshots applied on this thread.
    GroupTableModel model;
    GroupsPage page(&model);
    page.resize(1400, 900);
    QCoreApplication::processEvents();
    // The longest the GUI thread is busy in one go while a snapshot is
    // applied: the slice setSnapshot runs at once, then every event-loop turn
    // (further slices, the proxy, the view's relayout and repaint).
    auto timedApply = [&](const ClusterSnapshot &s) {
        QElapsedTimer t;
        t.start();
        model.setSnapshot(s);
        qint64 longest = t.elapsed();
        do {
            t.restart();
            QCoreApplication::processEvents();
            longest = qMax(longest, t.elapsed());
        } while (model.isApplying());
        return longest;
    };
    // First the model and its filter proxy alone (the page not shown): what
    // applying a snapshot costs the GUI thread per turn. Then the same with
    // the page on screen, where every turn also repaints the table.
    struct Turns
    {
        qint64 first = 0, lagChange = 0, churn = 0;
    };
    auto measure = [&] {
        Turns t;
        model.setSnapshot(ClusterSnapshot{});
        while (model.isApplying())
            QCoreApplication::processEvents();
        t.first = timedApply(last);
        for (int round = 0; round < 5; ++round) {
            t.lagChange = qMax(t.lagChange, timedApply(churned(last, round, false)));
            t.churn = qMax(t.churn, timedApply(churned(last, round, true)));
        }
        return t;
    };
    const Turns hidden = measure();
    page.show();
    QCoreApplication::processEvents();
    const Turns shown = measure();
    // One repaint of the page with nothing changed: the floor of any turn
    // that shows something (software rendering offscreen).
    qint64 repaintMs = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        page.repaint();
        repaintMs = qMax(repaintMs, t.elapsed());
    }
    const double rssAfter = test::residentMiB();

    // Whole processes: cohort-cli next to Kafka's own tool, on the same cluster.
    QJsonObject cli;
    if (cliRuns > 0) {
        std::fprintf(stderr, "bench_refresh: cohort-cli next to kafka-consumer-groups, %d runs\n", cliRuns);
        const QString cohortCli = test::builtBinary(u"app/cohort-cli"_s);
        const QString kafkaTool = parser.value(kafkaToolOpt);
        QStringList server{u"--bootstrap-server"_s, bootstrap};
        if (!cluster.commandConfig.isEmpty())
            server << u"--command-config"_s << cluster.commandConfig;
        struct Command
        {
            QString key;
            QString program;
            QStringList args;
            QList<qint64> ms;
            ProcessRun last;
        };
        QList<Command> commands{
            {u"cohort_groups_list"_s, cohortCli, server + QStringList{u"groups"_s, u"list"_s}, {}, {}},
            {u"cohort_groups_describe_all"_s, cohortCli, server + QStringList{u"groups"_s, u"describe"_s, u"--all-groups"_s}, {}, {}},
            {u"kafka_list"_s, kafkaTool, QStringList{u"kafka-consumer-groups"_s} + server + QStringList{u"--list"_s}, {}, {}},
            {u"kafka_describe_all"_s,
             kafkaTool,
             QStringList{u"kafka-consumer-groups"_s} + server + QStringList{u"--describe"_s, u"--all-groups"_s},
             {},
             {}},
        };
        for (int run = 0; run < cliRuns; ++run)
            for (Command &c : commands) {
                c.last = runProcess(c.program, c.args);
                if (c.last.ms < 0) {
                    stopLiveGroups();
                    return fail(u"%1 did not start: %2"_s.arg(c.program, c.last.err));
                }
                c.ms.append(c.last.ms);
            }
        const QString rowPrefix = create ? names.prefix : QString();
        for (const Command &c : std::as_const(commands)) {
            QJsonObject o = spread(c.ms);
            o.insert(u"exit"_s, c.last.exitCode);
            o.insert(u"rows"_s, groupRows(c.last.out, rowPrefix));
            if (c.last.exitCode != 0)
                o.insert(u"stderr_tail"_s, c.last.err.right(400));
            cli.insert(c.key, o);
        }
        auto median = [&](const QString &key) { return double(cli.value(key).toObject().value(u"ms_median"_s).toInteger()); };
        auto ratio = [&](const QString &kafka, const QString &cohort) {
            return median(cohort) > 0 ? qRound(median(kafka) / median(cohort) * 100) / 100.0 : 0.0;
        };
        cli.insert(u"runs"_s, cliRuns);
        cli.insert(u"ratio_list"_s, ratio(u"kafka_list"_s, u"cohort_groups_list"_s));
        cli.insert(u"ratio_describe_all"_s, ratio(u"kafka_describe_all"_s, u"cohort_groups_describe_all"_s));
        cli.insert(u"ratio_kafka_describe_all_to_cohort_list"_s, ratio(u"kafka_describe_all"_s, u"cohort_groups_list"_s));
        cli.insert(u"goal_ratio"_s, 5);
    }
    stopLiveGroups();

    qint64 partitions = 0;
    for (const GroupSnapshot &g : std::as_const(last.groups))
        partitions += g.partitions.size();
    qint64 clusterPartitions = 0;
    for (const TopicInfo &t : std::as_const(last.metadata.topics))
        if (!t.internal)
            clusterPartitions += t.partitions.size();
    auto toJson = [](const QHash<QString, qint64> &counts) {
        QJsonObject o;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    QJsonArray all;
    for (qint64 d : std::as_const(durations))
        all.append(d);
    QJsonObject out{
        {u"bench"_s, u"refresh"_s},
        {u"cluster"_s, onKafka ? u"kafka"_s : u"sandbox"_s},
        {u"groups"_s, qint64(last.groups.size())},
        {u"brokers"_s, qint64(last.metadata.brokers.size())},
        {u"cluster_partitions"_s, clusterPartitions},
        {u"group_partition_rows"_s, partitions},
        {u"refresh_ms_median"_s, durations.at(durations.size() / 2)},
        {u"refresh_ms_min"_s, durations.first()},
        {u"refresh_ms_max"_s, durations.last()},
        {u"refresh_ms_all"_s, all},
        {u"requests_per_refresh"_s, toJson(requestsPerRefresh)},
        {u"apply_turn_ms_first"_s, hidden.first},
        {u"apply_turn_ms_every_lag_changed"_s, hidden.lagChange},
        {u"apply_turn_ms_tenth_replaced"_s, hidden.churn},
        {u"frame_ms_first"_s, shown.first},
        {u"frame_ms_every_lag_changed"_s, shown.lagChange},
        {u"frame_ms_tenth_replaced"_s, shown.churn},
        {u"frame_ms_repaint_only"_s, repaintMs},
        {u"rss_mib_before_connect"_s, rssBefore},
        {u"rss_mib_after_each_refresh"_s, rssAfterRefresh},
        {u"rss_mib_after"_s, rssAfter},
        {u"rss_mib_peak"_s, test::peakResidentMiB()},
        {u"goal_refresh_ms"_s, 3000},
        {u"goal_gui_apply_ms"_s, 16},
        {u"goal_rss_mib"_s, 300},
    };
    if (sandbox)
        out.insert(u"requests_per_refresh_sandbox"_s, toJson(sandboxRequestsPerRefresh));
    if (create) {
        // What the refresh saw of the fixture, whatever else the cluster holds.
        qint64 seen = 0, rows = 0, liveStable = 0, liveMembersSeen = 0;
        for (const GroupSnapshot &g : std::as_const(last.groups)) {
            if (!g.groupId().startsWith(names.prefix))
                continue;
            ++seen;
            rows += g.partitions.size();
            if (names.isLiveGroup(g.groupId())) {
                liveMembersSeen += g.description.members.size();
                if (g.description.state == GroupState::Stable)
                    ++liveStable;
            }
        }
        fixture.insert(u"groups_seen"_s, seen);
        fixture.insert(u"group_partition_rows_seen"_s, rows);
        fixture.insert(u"live_groups_stable"_s, liveStable);
        fixture.insert(u"live_members_seen"_s, liveMembersSeen);
        out.insert(u"fixture"_s, fixture);
    }
    if (cliRuns > 0)
        out.insert(u"cli"_s, cli);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    counter.counts();   // whatever went to stderr reaches it before the process ends
    return 0;
}
