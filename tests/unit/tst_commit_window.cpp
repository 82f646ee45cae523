// SPDX-License-Identifier: GPL-3.0-or-later
// CommitWindow keeps its numbers packed in 32 bits relative to its newest
// commit (it is kept for every partition of every group); numbers that do
// not fit are kept whole. Both forms must give the same commits, end
// offsets, rates and status: nothing rounded, nothing wrapped.

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
        QCOMPARE(*small.advanceRate(60000), 20.0);   // 100 records per 5 s
        QCOMPARE(*large.advanceRate(60000), 20.0);
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
        QCOMPARE(*w.advanceRate(60000), 600'000'000.0);   // 3e9 per 5 s

        CommitWindow behind;
        behind.observe(kT0, 10, 5'000'000'010LL, true);
        QVERIFY(behind.isWide());
        QCOMPARE(behind.last()->lag, 5'000'000'000LL);

        // Ten small steps later the big gaps are out of the window.
        for (int i = 0; i < 10; ++i)
            w.observe(kT0 + (4 + i) * 5000, 9'000'000'000LL + (i + 1) * 10, 9'000'000'000LL + 500, true);
        QVERIFY(!w.isWide());
        QCOMPARE(w.commits().first().offset, 9'000'000'010LL);
        QCOMPARE(w.commits().last().offset, 9'000'000'100LL);
        QCOMPARE(w.commits().last().lag, 400);
        // The move pushed out last (9e9 at the fourth refresh) is still where
        // the rate starts: 100 records over the 50 s since.
        QCOMPARE(*w.advanceRate(10 * 60000), 2.0);
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
