// SPDX-License-Identifier: GPL-3.0-or-later
// CommitWindow keeps its numbers packed relative to its newest commit, a
// commit in 64 bits (time 22 bits, offset and lag 21 bits signed: it is kept
// for every partition of every group); numbers that do not fit are kept
// whole. Both forms must give the same commits, end offsets, rates and
// status: nothing rounded, nothing wrapped.

#include "core/lag/CommitWindow.h"

#include <QTest>

using namespace cohort;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;

struct Step
{
    qint64 committed;
    qint64 end;
};

CommitWindow run(const QList<Step> &steps, qint64 shift = 0, bool active = true)
{
    CommitWindow w;
    for (qsizetype i = 0; i < steps.size(); ++i)
        w.observe(kT0 + i * 5000, steps.at(i).committed + shift, steps.at(i).end + shift, active);
    return w;
}

}   // namespace

class TestCommitWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Offsets in the trillions are packed as well as small ones: what is
    // read back is the same window, shifted.
    void largeOffsetsCloseTogetherArePacked()
    {
        QList<Step> steps;
        for (int i = 0; i < 14; ++i)
            steps.append({1000 + i * 100, 1500 + i * 120});
        const qint64 shift = qint64(1) << 40;
        const CommitWindow small = run(steps);
        const CommitWindow large = run(steps, shift);
        QVERIFY(!small.isWide());
        QVERIFY(!large.isWide());
        const auto a = small.commits(), b = large.commits();
        QCOMPARE(a.size(), qsizetype(10));
        QCOMPARE(b.size(), a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).offset, a.at(i).offset + shift);
            QCOMPARE(b.at(i).timestampMs, a.at(i).timestampMs);
            QCOMPARE(b.at(i).lag, a.at(i).lag);
        }
        QCOMPARE(a.last().offset, 1000 + 13 * 100);
        QCOMPARE(a.last().lag, (1500 + 13 * 120) - (1000 + 13 * 100));
        QCOMPARE(*small.advanceRate(60000, kT0 + 13 * 5000), 20.0);   // 100 records per 5 s
        QCOMPARE(*large.advanceRate(60000, kT0 + 13 * 5000), 20.0);
        QCOMPARE(large.status(large.commits().last().lag, kT0 + 13 * 5000, 0, {1500 + 13 * 120 + shift}),
                 small.status(small.commits().last().lag, kT0 + 13 * 5000, 0, {1500 + 13 * 120}));
    }

    // Three billion records between commits, or five billion behind: kept
    // whole, exact; packed again once such numbers have left the window.
    void numbersBeyondThirtyTwoBitsAreKeptWhole()
    {
        QList<Step> steps;
        for (int i = 0; i < 4; ++i)
            steps.append({i * 3'000'000'000LL, i * 3'000'000'000LL + 100});
        CommitWindow w = run(steps);
        QVERIFY(w.isWide());
        QCOMPARE(w.commits().first().offset, 0);
        QCOMPARE(w.commits().last().offset, 9'000'000'000LL);
        QCOMPARE(*w.advanceRate(60000, kT0 + 3 * 5000), 600'000'000.0);   // 3e9 per 5 s

        // Five billion behind at every commit: the newest's lag is kept
        // whole, the others' as differences from it.
        CommitWindow behind;
        behind.observe(kT0, 10, 5'000'000'010LL, true);
        behind.observe(kT0 + 5000, 20, 5'000'000'030LL, true);
        QVERIFY(!behind.isWide());
        QCOMPARE(behind.commits().first().lag, 5'000'000'000LL);
        QCOMPARE(behind.last()->lag, 5'000'000'010LL);
        // Lags two million apart in one window do not fit the difference.
        behind.observe(kT0 + 10000, 30, 5'002'000'030LL, true);
        QVERIFY(behind.isWide());
        QCOMPARE(behind.commits().first().lag, 5'000'000'000LL);
        QCOMPARE(behind.last()->lag, 5'002'000'000LL);

        // Ten small steps later the big gaps are out of the window.
        for (int i = 0; i < 10; ++i)
            w.observe(kT0 + (4 + i) * 5000, 9'000'000'000LL + (i + 1) * 10, 9'000'000'000LL + 500, true);
        QVERIFY(!w.isWide());
        QCOMPARE(w.commits().first().offset, 9'000'000'010LL);
        QCOMPARE(w.commits().last().offset, 9'000'000'100LL);
        QCOMPARE(w.commits().last().lag, 400);
        // The move pushed out last (9e9 at the fourth refresh) is still where
        // the rate starts: 100 records over the 50 s since.
        QCOMPARE(*w.advanceRate(10 * 60000, kT0 + 13 * 5000), 2.0);
    }

    // The packing's edges: a million records (2^20 - 1) between the oldest
    // and the newest commit, lags that far apart, and 69 minutes (2^22 - 1
    // ms) fit; one more of any does not. Read back exact either way.
    void packingEdgesAreExact()
    {
        const qint64 maxDelta = (qint64(1) << 20) - 1;
        const qint64 maxAgo = (qint64(1) << 22) - 1;
        struct Case
        {
            const char *what;
            qint64 offsetStep, lagStep, timeStep;
        };
        for (const Case &c : {Case{"offsets", maxDelta, 0, 5000}, Case{"lags", 0, maxDelta, 5000}, Case{"times", 0, 0, maxAgo}}) {
            for (const qint64 extra : {qint64(0), qint64(1)}) {
                const qint64 offsetStep = c.offsetStep ? c.offsetStep + extra : 0;
                const qint64 lagStep = c.lagStep ? c.lagStep + extra : 0;
                const qint64 timeStep = c.timeStep == maxAgo ? maxAgo + extra : c.timeStep;
                CommitWindow w;
                // A live consumer (every refresh a commit) whose offset moves
                // by offsetStep and whose lag grows by lagStep.
                w.observe(kT0, 1000, 1000 + 7, true);
                w.observe(kT0 + timeStep, 1000 + offsetStep, 1000 + offsetStep + 7 + lagStep, true);
                QCOMPARE(w.isWide(), extra == 1);
                const QList<LagStatusRules::Commit> got = w.commits();
                QCOMPARE(got.size(), qsizetype(2));
                QCOMPARE(got.at(0).timestampMs, kT0);
                QCOMPARE(got.at(0).offset, 1000);
                QCOMPARE(got.at(0).lag, 7);
                QCOMPARE(got.at(1).timestampMs, kT0 + timeStep);
                QCOMPARE(got.at(1).offset, 1000 + offsetStep);
                QCOMPARE(got.at(1).lag, 7 + lagStep);
                Q_UNUSED(c.what);
            }
        }
        // A rewind of a million records fits too (signed), and an unknown
        // lag beside known ones stays unknown.
        CommitWindow back;
        back.observe(kT0, 5'000'000, std::nullopt, true);
        back.observe(kT0 + 5000, 5'000'000 - maxDelta, 5'000'100, true);
        QVERIFY(!back.isWide());
        QCOMPARE(back.commits().at(0).lagKnown, false);
        QCOMPARE(back.commits().at(0).offset, 5'000'000);
        QCOMPARE(back.commits().at(1).offset, 5'000'000 - maxDelta);
        QCOMPARE(back.commits().at(1).lag, 100 + maxDelta);
    }

    // A live consumer of an idle partition commits the same offset at every
    // refresh: the move that the rate starts from lies hours back and is
    // still kept packed (its time in 32 bits), exact.
    void aMoveHoursBackStaysPacked()
    {
        CommitWindow w;
        w.observe(kT0, 100, 100, true);
        w.observe(kT0 + 5000, 600, 600, true);   // moved: 500 records in 5 s
        const qint64 hours = 5 * 3600 * 1000;
        for (int i = 0; i < 12; ++i)
            w.observe(kT0 + hours + i * 5000, 600, 600, true);   // stands still
        const qint64 last = kT0 + hours + 12 * 5000;
        w.observe(last, 700, 700, true);   // and moves again
        QVERIFY(!w.isWide());
        QCOMPARE(w.commits().size(), qsizetype(10));
        QCOMPARE(w.commits().first().timestampMs, kT0 + hours + 3 * 5000);
        // Over ten hours: the offset stood at 600 since kT0 + 5 s (the move
        // pushed out), so 100 records over the time since then.
        QCOMPARE(*w.advanceRate(10 * 3600 * 1000, last), 100.0 * 1000 / double(last - (kT0 + 5000)));
    }

    // When the offset last moved is told from the commits: the newest that
    // changed it, in the window or pushed out of it.
    void lastMoveIsTheCommitThatMovedTheOffset()
    {
        CommitWindow w;
        w.observe(kT0, 100, 200, true);
        QCOMPARE(w.lastMoveMs(), kT0);   // first seen
        w.observe(kT0 + 5000, 100, 200, true);
        QCOMPARE(w.lastMoveMs(), kT0);
        w.observe(kT0 + 10000, 150, 200, true);
        w.observe(kT0 + 15000, 150, 200, true);
        QCOMPARE(w.lastMoveMs(), kT0 + 10000);
        // Twelve more refreshes at 150: the move is pushed out, still its time.
        for (int i = 0; i < 12; ++i)
            w.observe(kT0 + 20000 + i * 5000, 150, 200, true);
        QCOMPARE(w.commits().first().offset, 150);
        QCOMPARE(w.lastMoveMs(), kT0 + 10000);
        // A rewind to an offset seen before is a move too.
        w.observe(kT0 + 90000, 100, 200, true);
        QCOMPARE(w.lastMoveMs(), kT0 + 90000);
        // Without a live consumer only moves are commits; the first seen
        // counts as committed just before Cohort looked.
        CommitWindow stopped;
        stopped.observe(kT0, 100, 500, false);
        stopped.observe(kT0 + 5000, 100, 600, false);
        QCOMPARE(stopped.commits().size(), qsizetype(1));
        QCOMPARE(stopped.lastMoveMs(), kT0 - 1);
    }

    // A copy is a window of its own.
    void copiesAreIndependent()
    {
        CommitWindow w;
        w.observe(kT0, 0, 5'000'000'000LL, true);   // whole
        CommitWindow copy = w;
        w.observe(kT0 + 5000, 10, 20, true);
        QCOMPARE(copy.commits().size(), qsizetype(1));
        QCOMPARE(copy.last()->lag, 5'000'000'000LL);
        QCOMPARE(w.commits().size(), qsizetype(2));
    }
};

QTEST_GUILESS_MAIN(TestCommitWindow)
#include "tst_commit_window.moc"
