// SPDX-License-Identifier: GPL-3.0-or-later
// What the lag history costs: CPU time of adding a whole-cluster snapshot (N
// groups of P partitions each, one topic per group, offsets moving) every 5 s
// of simulated time, as a share of one core, and the resident memory once 24 h
// of history (an hour of 5 s points and a day of minute points per series)
// are loaded. Prints one JSON line.
// Usage: bench_lag_history [--groups N] [--partitions-per-group P] [--snapshots S]

#include "ProcessStats.h"
#include "core/lag/LagHistory.h"
#include "core/lag/LagTieredSeries.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <malloc.h>

using namespace cohort;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;

// Every group at step `step`: 10 records produced per partition per step,
// consumed at 9 (a slow group every 10th), every 7th group Empty.
ClusterSnapshot makeSnapshot(int groups, int partitions, int step)
{
    ClusterSnapshot s;
    const qint64 t = kStart + 24LL * 3600 * 1000 + step * 5000LL;
    s.takenAt = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    s.groups.reserve(groups);
    const Freshness fresh = Freshness::freshAt(s.takenAt);
    for (int g = 0; g < groups; ++g) {
        GroupSnapshot gs;
        gs.description.groupId = u"group-%1"_s.arg(g);
        gs.description.state = g % 7 == 0 ? GroupState::Empty : GroupState::Stable;
        gs.describedFreshness = fresh;
        gs.offsetsFreshness = fresh;
        const QString topic = u"topic-%1"_s.arg(g % 200);
        gs.partitions.reserve(partitions);
        for (int p = 0; p < partitions; ++p) {
            PartitionLag pl;
            pl.tp = {topic, p};
            const qint64 end = 1'000'000 + step * 10LL;
            const qint64 committed = g % 7 == 0 ? 500'000 : 1'000'000 + step * (g % 10 == 0 ? 9LL : 10LL) - 20;
            pl.endOffset = end;
            pl.startOffset = 0;
            pl.committedOffset = committed;
            pl.lag = end - committed;
            gs.partitions.append(pl);
        }
        s.groups.append(gs);
    }
    return s;
}

// A day of history for one group's series as a store would give it back.
QList<StoredLagPoint> dayOf(const QString &groupId)
{
    QList<StoredLagPoint> out;
    const qint64 now = kStart + 24LL * 3600 * 1000;
    const LagSeriesKey key{groupId, {}, -1};
    for (qint64 t = kStart; t < now - 3600 * 1000; t += 60000)
        out.append({key, LagTier::OneMinute, LagPoint{t, t / 1000, t / 1000 - 50, 50, -1}});
    for (qint64 t = now - 3600 * 1000; t < now; t += 5000)
        out.append({key, LagTier::FiveSeconds, LagPoint{t, t / 1000, t / 1000 - 50, 50, -1}});
    return out;
}

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption groupsOpt(u"groups"_s, u"Groups."_s, u"N"_s, u"2000"_s);
    QCommandLineOption partsOpt(u"partitions-per-group"_s, u"Partitions per group."_s, u"P"_s, u"10"_s);
    QCommandLineOption snapsOpt(u"snapshots"_s, u"Snapshots added (5 s apart)."_s, u"S"_s, u"60"_s);
    parser.addOptions({groupsOpt, partsOpt, snapsOpt});
    parser.process(app);
    const int groups = parser.value(groupsOpt).toInt();
    const int partitions = parser.value(partsOpt).toInt();
    const int snapshots = parser.value(snapsOpt).toInt();

    const double rssStart = test::residentMiB();
    LagHistory history;
    qint64 recorded = 0;
    QObject::connect(&history, &LagHistory::pointsRecorded, [&recorded](const QList<StoredLagPoint> &p) { recorded += p.size(); });
    for (int g = 0; g < groups; ++g)
        history.restore(dayOf(u"group-%1"_s.arg(g)), {});
    const double rssRestored = test::residentMiB();

    double cpu = 0;
    qint64 longestTurnMs = 0;   // the longest the GUI thread is held at once
    for (int i = 0; i < snapshots; ++i) {
        const ClusterSnapshot s = makeSnapshot(groups, partitions, i);
        const double before = test::cpuSeconds();
        QElapsedTimer turn;
        turn.start();
        history.addSnapshot(s);
        longestTurnMs = qMax(longestTurnMs, turn.elapsed());
        while (history.isApplying()) {
            turn.restart();
            QCoreApplication::processEvents();
            longestTurnMs = qMax(longestTurnMs, turn.elapsed());
        }
        cpu += test::cpuSeconds() - before;
    }
    const double rssEnd = test::residentMiB();
    // What stays: freed snapshots' pages handed back first (glibc keeps them otherwise).
    malloc_trim(0);
    const double rssEndTrimmed = test::residentMiB();
    const GroupAssessment *slow = history.assessment(u"group-10"_s);
    const GroupAssessment *stopped = history.assessment(u"group-7"_s);

    QJsonObject o;
    o.insert(u"bench"_s, u"lag_history"_s);
    o.insert(u"groups"_s, groups);
    o.insert(u"group_partitions"_s, groups * partitions);
    o.insert(u"snapshots"_s, snapshots);
    o.insert(u"points_recorded"_s, double(recorded));
    o.insert(u"series_points_per_group"_s, double(history.series({u"group-0"_s, {}, -1}, 0, std::numeric_limits<qint64>::max()).size()));
    o.insert(u"cpu_ms_per_snapshot"_s, snapshots ? cpu * 1000.0 / snapshots : 0.0);
    o.insert(u"cpu_share_of_one_core_at_5s"_s, snapshots ? cpu / snapshots / 5.0 : 0.0);
    o.insert(u"longest_turn_ms"_s, double(longestTurnMs));
    o.insert(u"rss_mib_start"_s, rssStart);
    o.insert(u"rss_mib_24h_restored"_s, rssRestored);
    o.insert(u"rss_mib_end"_s, rssEnd);
    o.insert(u"rss_mib_end_trimmed"_s, rssEndTrimmed);
    o.insert(u"slow_group_status"_s, slow ? LagStatusRules::name(slow->status) : QString());
    o.insert(u"stopped_group_status"_s, stopped ? LagStatusRules::name(stopped->status) : QString());
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return 0;
}
