// SPDX-License-Identifier: GPL-3.0-or-later
// The demo workload produces every situation Cohort exists for.

#include "SandboxFixture.h"

#include "sandbox/demo/DemoWorkload.h"

#include <QTest>

using namespace cohort;
using namespace cohort::sandbox;

class TestSandboxDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySituationIsThere()
    {
        auto cluster = test::startSandbox();
        QVERIFY(cluster);
        DemoWorkload::Options options;
        options.rebalancePeriodMs = 6000;
        DemoWorkload demo(*cluster, options);
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));

        auto state = [&](const char *g) { return cluster->groupInfo(QString::fromLatin1(g)).state; };
        QTRY_COMPARE_WITH_TIMEOUT(state("orders-processor"), QStringLiteral("Stable"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("orders-processor")).members.size(), 2, 30000);
        QCOMPARE(cluster->groupInfo(QStringLiteral("orders-processor")).protocolType, QStringLiteral("consumer"));

        QTRY_COMPARE_WITH_TIMEOUT(state("analytics-batch"), QStringLiteral("Empty"), 40000);
        QTRY_VERIFY_WITH_TIMEOUT(cluster->committedOffset(QStringLiteral("analytics-batch"), QStringLiteral("clickstream"), 0) >= 0
                                     || cluster->committedOffset(QStringLiteral("analytics-batch"), QStringLiteral("clickstream"), 1) >= 0,
                                 10000);

        QTRY_COMPARE_WITH_TIMEOUT(state("inventory-sync"), QStringLiteral("Stable"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("inventory-sync")).members.size(), 2, 30000);
        for (const auto &m : cluster->groupInfo(QStringLiteral("inventory-sync")).members)
            QVERIFY(m.groupInstanceId.startsWith(QLatin1String("inventory-sync-")));

        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("audit-cooperative")).protocol, QStringLiteral("cooperative-sticky"),
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("multi-topic-aggregator")).state, QStringLiteral("Stable"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("connect-cluster")).protocolType, QStringLiteral("connect"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("connect-cluster")).members.size(), 2, 30000);

        // The rebalancing group's generation moves on; producers move end offsets.
        QTRY_VERIFY_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("clickstream-enricher")).generationId >= 1, 30000);
        const int generation = cluster->groupInfo(QStringLiteral("clickstream-enricher")).generationId;
        const qint64 end = cluster->logEndOffset(QStringLiteral("orders"), 0);
        QTRY_VERIFY_WITH_TIMEOUT(cluster->groupInfo(QStringLiteral("clickstream-enricher")).generationId > generation, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(cluster->logEndOffset(QStringLiteral("orders"), 0) > end, 10000);

        demo.stop();
        QVERIFY(!demo.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestSandboxDemo)
#include "tst_sandbox_demo.moc"
