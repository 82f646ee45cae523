// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxFixture.h"

#include <QTest>

namespace cohort::test {

cohort::sandbox::SandboxConfig testConfig()
{
    cohort::sandbox::SandboxConfig c;
    c.brokers = 3;
    c.initialRebalanceDelayMs = 0;
    c.minSessionTimeoutMs = 1000;
    c.logToStderr = false;
    return c;
}

std::unique_ptr<cohort::sandbox::SandboxCluster> startSandbox(cohort::sandbox::SandboxConfig config)
{
    auto cluster = std::make_unique<cohort::sandbox::SandboxCluster>(std::move(config));
    QString error;
    if (!cluster->start(&error)) {
        QTest::qFail(qPrintable(QStringLiteral("sandbox did not start: ") + error), __FILE__, __LINE__);
        return nullptr;
    }
    return cluster;
}

QSet<int> leadersOf(const cohort::sandbox::SandboxCluster &cluster, const QString &topic, int partitions)
{
    QSet<int> ids;
    for (int p = 0; p < partitions; ++p)
        ids.insert(cluster.leaderOf(topic, p));
    return ids;
}

}   // namespace cohort::test
