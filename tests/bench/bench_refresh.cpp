// SPDX-License-Identifier: GPL-3.0-or-later
// A full refresh (metadata, list, describe, committed offsets, watermarks) of a
// sandbox holding synthetic groups, run in its own process so that the memory
// figures are Cohort's alone; then the GUI side: applying snapshots to the
// Groups page (model, filter proxy, table view) on this thread. Prints one
// JSON line with refresh times, requests per refresh by API, the longest the
// GUI thread was busy in one go while applying (apply_turn_ms_*: model and
// proxy; frame_ms_*: the same with the table on screen and repainted each
// turn; frame_ms_repaint_only: a repaint with nothing changed), and memory.
// Usage: bench_refresh [--groups 2000] [--topics 200] [--partitions-per-topic 100] [--refreshes 5]

#include "ProcessStats.h"
#include "SandboxProcess.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "models/GroupTableModel.h"
#include "ui/GroupsPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
T await(QFuture<T> f)
{
    while (!f.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
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

}   // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption groupsOpt(u"groups"_s, u"Synthetic groups."_s, u"N"_s, u"2000"_s);
    QCommandLineOption topicsOpt(u"topics"_s, u"Topics."_s, u"T"_s, u"200"_s);
    QCommandLineOption partsOpt(u"partitions-per-topic"_s, u"Partitions per topic."_s, u"P"_s, u"100"_s);
    QCommandLineOption refreshesOpt(u"refreshes"_s, u"Refreshes to time."_s, u"R"_s, u"5"_s);
    parser.addOptions({groupsOpt, topicsOpt, partsOpt, refreshesOpt});
    parser.process(app);
    const int refreshes = qMax(1, parser.value(refreshesOpt).toInt());

    test::SandboxProcess sandbox;
    QString startError;
    if (!sandbox.start({u"--quiet"_s, u"--synthetic-groups"_s, parser.value(groupsOpt), u"--synthetic-topics"_s, parser.value(topicsOpt),
                        u"--synthetic-partitions"_s, parser.value(partsOpt)},
                       &startError)) {
        std::fprintf(stderr, "bench_refresh: %s\n", qPrintable(startError));
        return 1;
    }
    const QString bootstrap = sandbox.bootstrapServers();
    const double rssBefore = test::residentMiB();
    auto made = RdKafkaClusterClient::create({{u"bootstrap.servers"_s, bootstrap}}, 30000);
    if (!made) {
        std::fprintf(stderr, "bench_refresh: %s\n", qPrintable(made.error().toString()));
        return 1;
    }
    std::shared_ptr<ClusterClient> client = made.value();

    QList<qint64> durations;
    QJsonArray rssAfterRefresh;   // steady or growing?
    QHash<QString, qint64> requestsPerRefresh;
    ClusterSnapshot last;
    for (int i = 0; i < refreshes; ++i) {
        const QHash<QString, qint64> before = sandbox.requestCounts();
        const Result<ClusterSnapshot> snap = await(SnapshotLoader::load(client));
        if (!snap) {
            std::fprintf(stderr, "bench_refresh: refresh failed: %s\n", qPrintable(snap.error().toString()));
            return 1;
        }
        durations.append(snap->durationMs);
        rssAfterRefresh.append(test::residentMiB());
        const QHash<QString, qint64> after = sandbox.requestCounts();
        if (i == refreshes - 1)   // the steady state: caches warm, connections up
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                requestsPerRefresh.insert(it.key(), it.value() - before.value(it.key()));
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

    qint64 partitions = 0;
    for (const GroupSnapshot &g : std::as_const(last.groups))
        partitions += g.partitions.size();
    QJsonObject requests;
    for (auto it = requestsPerRefresh.cbegin(); it != requestsPerRefresh.cend(); ++it)
        requests.insert(it.key(), it.value());
    QJsonArray all;
    for (qint64 d : std::as_const(durations))
        all.append(d);
    const QJsonObject out{
        {u"bench"_s, u"refresh"_s},
        {u"groups"_s, qint64(last.groups.size())},
        {u"brokers"_s, qint64(last.metadata.brokers.size())},
        {u"cluster_partitions"_s, parser.value(topicsOpt).toLongLong() * parser.value(partsOpt).toLongLong()},
        {u"group_partition_rows"_s, partitions},
        {u"refresh_ms_median"_s, durations.at(durations.size() / 2)},
        {u"refresh_ms_max"_s, durations.last()},
        {u"refresh_ms_all"_s, all},
        {u"requests_per_refresh"_s, requests},
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
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
