// SPDX-License-Identifier: GPL-3.0-or-later
// Scale fixture load: how long the sandbox takes, and how much memory it holds,
// to pre-populate synthetic consumer groups (members with real subscription and
// assignment bytes, committed offsets) for scale tests. Prints one JSON line.
// Usage: bench_sandbox_scale [--groups N] [--topics T] [--partitions-per-topic P]

#include "ProcessStats.h"
#include "sandbox/SandboxCluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace cohort::sandbox;
using namespace Qt::StringLiterals;

using cohort::test::residentMiB;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption groupsOpt(u"groups"_s, u"Synthetic groups."_s, u"N"_s, u"10000"_s);
    QCommandLineOption topicsOpt(u"topics"_s, u"Topics."_s, u"T"_s, u"1000"_s);
    QCommandLineOption partsOpt(u"partitions-per-topic"_s, u"Partitions per topic."_s, u"P"_s, u"100"_s);
    parser.addOptions({groupsOpt, topicsOpt, partsOpt});
    parser.process(app);

    SyntheticGroupSpec spec;
    spec.groups = parser.value(groupsOpt).toInt();
    spec.topics = parser.value(topicsOpt).toInt();
    spec.partitionsPerTopic = parser.value(partsOpt).toInt();
    spec.topicsPerGroup = 1;
    spec.membersPerGroup = 3;
    spec.emptyGroupsEvery = 10;

    SandboxConfig config;
    config.logToStderr = false;
    SandboxCluster cluster(config);
    QString error;
    if (!cluster.start(&error)) {
        std::fprintf(stderr, "bench_sandbox_scale: the sandbox did not start: %s\n", qPrintable(error));
        return 1;
    }
    const double rssBefore = residentMiB();
    QElapsedTimer timer;
    timer.start();
    cluster.addSyntheticGroups(spec);
    const qint64 loadMs = timer.elapsed();
    const double rssAfter = residentMiB();
    const qsizetype groupCount = cluster.groupIds().size();
    const QString sample = spec.groupPrefix + u"0"_s;
    const qsizetype sampleMembers = cluster.groupInfo(sample).members.size();
    cluster.stop();

    QJsonObject out{
        {u"bench"_s, u"sandbox_scale"_s},
        {u"groups"_s, spec.groups},
        {u"partitions"_s, qint64(spec.topics) * spec.partitionsPerTopic},
        {u"groups_loaded"_s, qint64(groupCount)},
        {u"members_in_first_group"_s, qint64(sampleMembers)},
        {u"load_ms"_s, loadMs},
        {u"rss_mib_before"_s, rssBefore},
        {u"rss_mib_after"_s, rssAfter},
        {u"goal_load_ms"_s, 10000},
        {u"goal_rss_mib"_s, 1024},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
