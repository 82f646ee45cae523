// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/SlicedWork.h"
#include "core/util/TurnBudget.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>

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
        QVERIFY(longestBudgetMs <= TurnBudget::kTurnBudgetMs);
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

    // Jobs due in the same turn share its budget: one that uses it all
    // leaves the other to the next turn, instead of each taking a budget
    // of its own (the turn would be the sum of them).
    void jobsShareOneBudgetPerTurn()
    {
        QObject owner;
        int turn = 0;
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        QVERIFY(dispatcher);
        connect(dispatcher, &QAbstractEventDispatcher::awake, &owner, [&] { ++turn; });
        QList<int> turnsOfA, turnsOfB;
        qint64 longestMs = 0;
        auto busyJob = [&](QList<int> &turns) {
            return [&, t = &turns](const QDeadlineTimer &end) {
                t->append(turn);
                QElapsedTimer busy;
                busy.start();
                while (!end.hasExpired()) { }
                longestMs = qMax(longestMs, busy.elapsed());
                return t->size() == 3;
            };
        };
        SlicedWork a(busyJob(turnsOfA), &owner);
        SlicedWork b(busyJob(turnsOfB), &owner);
        a.schedule();
        b.schedule();
        QTRY_VERIFY(!a.isRunning() && !b.isRunning());
        QCOMPARE(turnsOfA.size(), 3);
        QCOMPARE(turnsOfB.size(), 3);
        for (int t : turnsOfA)
            QVERIFY2(!turnsOfB.contains(t), "both jobs sliced in one turn");
        QVERIFY(longestMs < 2 * TurnBudget::kTurnBudgetMs);
    }
};

QTEST_GUILESS_MAIN(TestSlicedWork)
#include "tst_sliced_work.moc"
