// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/SlicedWork.h"

#include <QSignalSpy>
#include <QTest>

using namespace cohort;

class TestSlicedWork : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A job that fits in one slice is done when start() returns.
    void aSmallJobIsDoneAtOnce()
    {
        QObject owner;
        int steps = 0;
        SlicedWork work([&](const QDeadlineTimer &) { return ++steps == 1; }, &owner);
        work.start();
        QCOMPARE(steps, 1);
        QVERIFY(!work.isRunning());
    }

    // A longer one goes on in later turns, one slice per turn, until its
    // step says it is done; the slice's deadline is the budget.
    void aLongJobGoesOnInLaterTurns()
    {
        QObject owner;
        int steps = 0;
        qint64 longestBudgetMs = 0;
        SlicedWork work(
            [&](const QDeadlineTimer &end) {
                longestBudgetMs = qMax(longestBudgetMs, end.remainingTime());
                return ++steps == 3;
            },
            &owner);
        work.start();
        QCOMPARE(steps, 1);
        QVERIFY(work.isRunning());
        QTRY_COMPARE(steps, 3);
        QVERIFY(!work.isRunning());
        QVERIFY(longestBudgetMs <= SlicedWork::kSliceBudgetMs);
        QCoreApplication::processEvents();
        QCOMPARE(steps, 3);   // nothing after done
    }

    // schedule() leaves the first slice to a later turn and asks once
    // however often it is called meanwhile.
    void scheduledWorkIsCoalesced()
    {
        QObject owner;
        int steps = 0;
        SlicedWork work([&](const QDeadlineTimer &) { return ++steps > 0; }, &owner);
        work.schedule();
        work.schedule();
        QCOMPARE(steps, 0);
        QTRY_COMPARE(steps, 1);
        QCoreApplication::processEvents();
        QCOMPARE(steps, 1);
        work.schedule();
        work.cancel();
        QCoreApplication::processEvents();
        QCOMPARE(steps, 1);
    }
};

QTEST_GUILESS_MAIN(TestSlicedWork)
#include "tst_sliced_work.moc"
