// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterMonitor with a loader whose answers the test releases by hand: one
// refresh at a time, stale marking and recovery, pause and resume, answers
// that arrive for a monitor that is gone, and a cancelled refresh.

#include "ManualSnapshotLoader.h"

#include "core/snapshot/ClusterMonitor.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace cohort;

using ManualLoader = cohort::test::ManualSnapshotLoader;

class TestClusterMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRefreshAtATime()
    {
        ManualLoader loader;
        ClusterMonitor monitor(nullptr, loader.loader());
        QSignalSpy ready(&monitor, &ClusterMonitor::snapshotReady);
        monitor.setPaused(true);
        monitor.start();
        QCOMPARE(loader.promises.size(), size_t(1));
        QVERIFY(monitor.isRefreshing());
        monitor.refreshNow();   // the running refresh answers soon: no second one
        monitor.refreshNow();
        QCOMPARE(loader.promises.size(), size_t(1));
        loader.succeed(0, 3);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(ready.first().first().value<ClusterSnapshot>().groups.size(), 3);
        QVERIFY(!monitor.isRefreshing());
        monitor.refreshNow();
        QCOMPARE(loader.promises.size(), size_t(2));
    }

    void staleAfterAFailureFreshAfterSuccess()
    {
        ManualLoader loader;
        ClusterMonitor monitor(nullptr, loader.loader());
        QSignalSpy failed(&monitor, &ClusterMonitor::refreshFailed);
        QSignalSpy stale(&monitor, &ClusterMonitor::staleChanged);
        monitor.setPaused(true);
        monitor.start();
        loader.fail(0);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<KafkaError>().name, QStringLiteral("_TRANSPORT"));
        QVERIFY(!monitor.isStale());   // nothing shown yet, so nothing is stale
        QCOMPARE(stale.count(), 0);

        monitor.refreshNow();
        loader.succeed(1, 2);
        QTRY_VERIFY(monitor.hasSnapshot());
        const QDateTime fresh = monitor.lastFresh();

        monitor.refreshNow();
        loader.fail(2);
        QTRY_VERIFY(monitor.isStale());
        QCOMPARE(stale.count(), 1);
        QCOMPARE(stale.last().at(0).toBool(), true);
        QCOMPARE(stale.last().at(1).toDateTime(), fresh);
        QCOMPARE(monitor.snapshot().groups.size(), 2);   // the last data stays

        monitor.refreshNow();
        loader.succeed(3, 1);
        QTRY_VERIFY(!monitor.isStale());
        QCOMPARE(stale.count(), 2);
        QCOMPARE(monitor.snapshot().groups.size(), 1);
    }

    void pausedMonitorWaitsResumedOneRefreshes()
    {
        ManualLoader loader;
        ClusterMonitor monitor(nullptr, loader.loader());
        monitor.setIntervalMs(500);
        QCOMPARE(monitor.intervalMs(), 500);
        monitor.setIntervalMs(10);   // clamped: a cluster is never asked more than twice a second
        QCOMPARE(monitor.intervalMs(), 500);
        monitor.setPaused(true);
        monitor.start();
        loader.succeed(0, 1);
        QTRY_VERIFY(!monitor.isRefreshing());
        QTest::qWait(1200);   // proving an absence needs time: two intervals pass
        QCOMPARE(loader.promises.size(), size_t(1));

        monitor.setPaused(false);
        QTRY_COMPARE(loader.promises.size(), size_t(2));
        loader.succeed(1, 1);
        QTRY_COMPARE(loader.promises.size(), size_t(3));
    }

    void answerForADestroyedMonitorIsDropped()
    {
        ManualLoader loader;
        auto monitor = std::make_unique<ClusterMonitor>(nullptr, loader.loader());
        monitor->setPaused(true);
        monitor->start();
        // A live monitor on the same loader: the gone one's answer must not
        // reach it, and its own answer must.
        ClusterMonitor survivor(nullptr, loader.loader());
        QSignalSpy survivorReady(&survivor, &ClusterMonitor::snapshotReady);
        survivor.setPaused(true);
        survivor.start();
        QCOMPARE(loader.promises.size(), size_t(2));
        monitor.reset();
        loader.succeed(0, 5);   // must not touch the gone monitor
        QCoreApplication::processEvents();
        QCOMPARE(survivorReady.count(), 0);
        QVERIFY(!survivor.hasSnapshot());
        loader.succeed(1, 2);
        QTRY_COMPARE(survivorReady.count(), 1);
        QCOMPARE(survivor.snapshot().groups.size(), 2);
        QCOMPARE(loader.promises.size(), size_t(2));   // neither answer started another refresh
    }

    // A cancelled refresh: its progress says so (the loader stops waiting),
    // the last snapshot stays, refreshCancelled is emitted, and what the
    // loader still returns is dropped; the next refresh runs as usual.
    void cancelKeepsTheLastSnapshot()
    {
        ManualLoader loader;
        ClusterMonitor monitor(nullptr, loader.loader());
        QSignalSpy ready(&monitor, &ClusterMonitor::snapshotReady);
        QSignalSpy cancelled(&monitor, &ClusterMonitor::refreshCancelled);
        monitor.setPaused(true);
        monitor.start();
        loader.succeed(0, 2);
        QTRY_COMPARE(ready.count(), 1);
        QVERIFY(!monitor.progress());

        monitor.refreshNow();
        QVERIFY(monitor.isRefreshing());
        QVERIFY(monitor.progress());
        QCOMPARE(monitor.progress().get(), loader.progress.at(1).get());
        monitor.cancelRefresh();
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(loader.progress.at(1)->isCancelled());
        QVERIFY(!monitor.isRefreshing());
        QVERIFY(!monitor.progress());
        monitor.cancelRefresh();   // nothing in flight: nothing to say
        QCOMPARE(cancelled.count(), 1);

        loader.succeed(1, 5);   // late: dropped
        QCoreApplication::processEvents();
        QCOMPARE(ready.count(), 1);
        QCOMPARE(monitor.snapshot().groups.size(), 2);
        QVERIFY(!monitor.isStale());

        monitor.refreshNow();
        QCOMPARE(loader.promises.size(), size_t(3));
        loader.succeed(2, 3);
        QTRY_COMPARE(ready.count(), 2);
        QCOMPARE(monitor.snapshot().groups.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestClusterMonitor)
#include "tst_cluster_monitor.moc"
