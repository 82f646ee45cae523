// SPDX-License-Identifier: GPL-3.0-or-later
// What watching one group costs: a GroupWatcher reads one Stable group (3
// members over 8 partitions) at --interval-ms (250 by default, its rate while
// a group rebalances) for --seconds, after one whole refresh, as the window
// has one. Prints one JSON line: the CPU of this process as a percentage of
// one core, the reads done, and the requests per read, counted in this
// process (ClientRequestCounter) and, on the sandbox, by the sandbox too,
// and the longest gap between two reads (under 500 ms: a state lasting 500 ms
// is always seen).
// Usage: bench_group_watcher [--seconds 20] [--interval-ms 250]
//        [--bootstrap-server HOST:PORT --group GROUP]   (default: a cohort-sandbox of its own)

#include "ClientRequestCounter.h"
#include "ProcessStats.h"
#include "SandboxProcess.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace cohort;
using namespace Qt::Literals::StringLiterals;

namespace {

// The requests between two counts, per read, every API a read may use named.
QJsonObject perRead(const QHash<QString, qint64> &before, const QHash<QString, qint64> &after, quint64 reads)
{
    QJsonObject out;
    for (const QString &api :
         {u"Metadata"_s, u"FindCoordinator"_s, u"DescribeGroups"_s, u"ListGroups"_s, u"OffsetFetch"_s, u"ListOffsets"_s, u"total"_s})
        out.insert(api, 0);
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (const qint64 n = it.value() - before.value(it.key()); n > 0)
            out.insert(it.key(), qRound(100.0 * double(n) / double(reads)) / 100.0);
    return out;
}

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption secondsOpt(u"seconds"_s, u"How long to measure."_s, u"N"_s, u"20"_s);
    const QCommandLineOption intervalOpt(u"interval-ms"_s, u"The watcher's interval."_s, u"MS"_s, u"250"_s);
    const QCommandLineOption bootstrapOpt(u"bootstrap-server"_s, u"A cluster of one's own instead of a sandbox."_s, u"HOST:PORT"_s);
    const QCommandLineOption groupOpt(u"group"_s, u"The group to watch there."_s, u"GROUP"_s);
    parser.addOptions({secondsOpt, intervalOpt, bootstrapOpt, groupOpt});
    parser.addHelpOption();
    parser.process(app);
    const int seconds = qMax(1, parser.value(secondsOpt).toInt());
    const int intervalMs = qMax(10, parser.value(intervalOpt).toInt());

    test::ClientRequestCounter &counter = test::ClientRequestCounter::instance();
    auto fail = [&](const QString &why) {
        std::fprintf(stderr, "bench_group_watcher: %s\n", qPrintable(why));
        counter.counts();   // lets the reader pass this line on before the process ends
        return 1;
    };
    std::unique_ptr<test::SandboxProcess> sandbox;
    QString bootstrap = parser.value(bootstrapOpt);
    QString group = parser.value(groupOpt);
    if (bootstrap.isEmpty()) {
        // Group synthetic-1: 3 members inside the coordinator, no clients, so
        // the sandbox's count is this process's requests alone.
        sandbox = std::make_unique<test::SandboxProcess>();
        QString error;
        if (!sandbox->start(
                {u"--quiet"_s, u"--synthetic-groups"_s, u"2"_s, u"--synthetic-topics"_s, u"1"_s, u"--synthetic-partitions"_s, u"8"_s},
                &error))
            return fail(error);
        bootstrap = sandbox->bootstrapServers();
        group = u"synthetic-1"_s;
    } else if (group.isEmpty()) {
        return fail(u"--bootstrap-server needs --group"_s);
    }
    QString counterError;
    if (!counter.start(&counterError))
        return fail(counterError);

    auto made = RdKafkaClusterClient::create(
        RdKafkaClusterClient::Properties{{u"bootstrap.servers"_s, bootstrap}} + test::ClientRequestCounter::librdkafkaProperties(), 10000);
    if (!made)
        return fail(made.error().toString());
    ClusterSession session(made.value(), u"bench"_s);
    {
        QEventLoop loop;
        QString failure;
        QObject::connect(&session, &ClusterSession::snapshotReady, &loop, &QEventLoop::quit);
        QObject::connect(&session, &ClusterSession::refreshFailed, &loop, [&](const KafkaError &e) {
            failure = e.toString();
            loop.quit();
        });
        session.refreshNow();
        loop.exec();
        if (!failure.isEmpty())
            return fail(u"the first refresh failed: "_s + failure);
    }

    GroupWatcher *watcher = session.groupWatcher(group);
    watcher->setIntervals(intervalMs, intervalMs);
    // Counted from just after one read to just after a later one: no read is
    // in flight at either end (each takes less than the interval), so the
    // requests between are exactly those reads'.
    QHash<QString, qint64> before, sandboxBefore;
    double cpuBefore = 0;
    quint64 readsBefore = 0;
    QElapsedTimer wall;
    bool measuring = false;
    QString failure;
    QEventLoop loop;
    QObject::connect(watcher, &GroupWatcher::readFailed, &loop, [&](const KafkaError &e) {
        failure = e.toString();
        loop.quit();
    });
    // A state is seen when a read's answer falls inside it: with every gap
    // between two answers under 500 ms, a state lasting 500 ms always holds
    // one. The gap is taken between the reads' ends (each answer comes just
    // before its read ends; the reads take about the same time).
    QElapsedTimer sinceLastRead;
    qint64 longestGapMs = 0;
    QObject::connect(watcher, &GroupWatcher::groupRead, &loop, [&] {
        if (measuring)
            longestGapMs = qMax(longestGapMs, sinceLastRead.elapsed());
        sinceLastRead.start();
        if (!measuring && watcher->readsDone() == 3) {   // connections up, the coordinator known
            before = counter.counts();
            sandboxBefore = sandbox ? sandbox->requestCounts() : QHash<QString, qint64>{};
            cpuBefore = test::cpuSeconds();
            readsBefore = watcher->readsDone();
            wall.start();
            measuring = true;
        } else if (measuring && wall.elapsed() >= seconds * 1000) {
            loop.quit();
        }
    });
    watcher->start();
    loop.exec();
    const double cpuPct = 100.0 * (test::cpuSeconds() - cpuBefore) / (double(wall.elapsed()) / 1000.0);
    const quint64 reads = watcher->readsDone() - readsBefore;
    const QHash<QString, qint64> after = counter.counts();
    const QHash<QString, qint64> sandboxAfter = sandbox ? sandbox->requestCounts() : QHash<QString, qint64>{};
    watcher->stop();
    if (!failure.isEmpty())
        return fail(u"a read failed: "_s + failure);

    QJsonObject line{{u"bench"_s, u"group_watcher"_s},
                     {u"cluster"_s, sandbox ? u"sandbox"_s : bootstrap},
                     {u"group"_s, group},
                     {u"seconds"_s, seconds},
                     {u"interval_ms"_s, intervalMs},
                     {u"reads"_s, qint64(reads)},
                     {u"members"_s, qint64(watcher->lastSnapshot().description.members.size())},
                     {u"partitions"_s, qint64(watcher->lastSnapshot().partitions.size())},
                     {u"events"_s, qint64(watcher->events().size())},
                     {u"cpu_pct_of_one_core"_s, qRound(cpuPct * 10) / 10.0},
                     {u"longest_gap_between_reads_ms"_s, longestGapMs},
                     {u"sees_every_state_of_500_ms"_s, longestGapMs < 500},
                     {u"requests_per_read"_s, perRead(before, after, reads)}};
    if (sandbox)
        line.insert(u"requests_per_read_sandbox"_s, perRead(sandboxBefore, sandboxAfter, reads));
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    counter.counts();
    return 0;
}
