// SPDX-License-Identifier: GPL-3.0-or-later
// CPU and memory of the demo (sandbox + every demo client) once warmed up.
// Usage: bench_demo_idle [SECONDS=60] [WARMUP_SECONDS=15]. Prints one JSON line.

#include "ProcessStats.h"
#include "sandbox/SandboxCluster.h"
#include "sandbox/demo/DemoWorkload.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

using cohort::test::cpuSeconds;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 60;
    const int warmupSeconds = argc > 2 ? QByteArray(argv[2]).toInt() : 15;   // ctest's smoke run shortens it
    cohort::sandbox::SandboxConfig config;
    config.logToStderr = false;
    config.retentionBytesPerPartition = cohort::sandbox::DemoWorkload::kRetentionBytesPerPartition;
    cohort::sandbox::SandboxCluster cluster(config);
    if (!cluster.start())
        return 1;
    cohort::sandbox::DemoWorkload demo(cluster);
    if (!demo.start())
        return 1;

    double cpuStart = 0;
    double maxRss = 0;
    QElapsedTimer wall;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { maxRss = qMax(maxRss, cohort::test::residentMiB()); });
    sampler.start(1000);
    // Warm up (groups form, the first rebalance delay passes), then measure.
    QTimer::singleShot(warmupSeconds * 1000, [&] {
        cpuStart = cpuSeconds();
        wall.start();
        QTimer::singleShot(seconds * 1000, [&] {
            const double cpuPct = 100.0 * (cpuSeconds() - cpuStart) / (wall.elapsed() / 1000.0);
            QTextStream(stdout) << QStringLiteral("{\"bench\":\"demo_idle\",\"seconds\":%1,\"cpu_pct_of_one_core\":%2,\"max_rss_mib\":%3,"
                                                  "\"groups\":%4,\"stored_mib\":%5}")
                                       .arg(seconds)
                                       .arg(cpuPct, 0, 'f', 1)
                                       .arg(maxRss, 0, 'f', 1)
                                       .arg(cluster.groupIds().size())
                                       .arg(cluster.storedBytes() / 1048576.0, 0, 'f', 1)
                                << Qt::endl;
            QCoreApplication::quit();
        });
    });
    const int rc = app.exec();
    demo.stop();
    cluster.stop();
    return rc;
}
