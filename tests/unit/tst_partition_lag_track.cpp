// SPDX-License-Identifier: GPL-3.0-or-later
// A partition's track as LagHistory keeps it for every group: the end offsets
// shared by the groups reading the partition (each sees them up to its own
// latest refresh; a topic made again restarts every group's track), and the
// consume rate read from Burrow's commit window instead of kept samples.

#include "core/lag/PartitionLagTrack.h"

#include <QTest>

using namespace cohort;

namespace {

constexpr qint64 kT0 = 1'700'000'000'000;

PartitionLagTrack::Sample at(qint64 t, qint64 end, qint64 committed)
{
    return PartitionLagTrack::Sample{kT0 + t, end, committed, 0};
}

}   // namespace

class TestPartitionLagTrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsShareTheEndOffsetsUpToTheirOwnRefresh()
    {
        auto offsets = std::make_shared<PartitionOffsetsTrack>();
        PartitionLagTrack a(offsets), b(offsets);
        a.add(at(0, 100, 10), true);
        b.add(at(0, 100, 50), true);
        QCOMPARE(offsets->endOffsets().size(), qsizetype(1));   // one refresh, kept once
        // A's fast refresh of its own group reads a newer end offset.
        a.add(at(2000, 160, 20), true);
        QCOMPARE(a.endOffsets(), (QList<TimeLagEstimator::Sample>{{kT0, 100}, {kT0 + 2000, 160}}));
        QCOMPARE(b.endOffsets(), (QList<TimeLagEstimator::Sample>{{kT0, 100}}));
        QCOMPARE(b.latest()->endOffset, qint64(100));   // B's lag stays B's own refresh's
        b.add(at(5000, 200, 60), true);
        QCOMPARE(b.endOffsets().size(), qsizetype(3));
        QCOMPARE(b.latest()->committedOffset, qint64(60));
        QCOMPARE(a.latest()->committedOffset, qint64(20));
    }

    void aTopicMadeAgainRestartsEveryGroupsTrack()
    {
        auto offsets = std::make_shared<PartitionOffsetsTrack>();
        PartitionLagTrack a(offsets), b(offsets);
        for (qint64 t : {0, 5000}) {
            a.add(at(t, 1000 + t, 900), false);
            b.add(at(t, 1000 + t, 800), false);
        }
        QVERIFY(a.add(at(10000, 50, 40), false));   // end offset back: the topic was deleted and made again
        QVERIFY(b.add(at(10000, 50, 30), false));   // seen through the shared track, not by comparing with its own
        QCOMPARE(b.endOffsets(), (QList<TimeLagEstimator::Sample>{{kT0 + 10000, 50}}));
        QCOMPARE(b.commits().commits().size(), qsizetype(1));
        QCOMPARE(b.commits().commits().first().offset, qint64(30));
        QVERIFY(!b.add(at(15000, 60, 30), false));
    }

    // Burrow's STOP spares a consumer that caught up within the window: one
    // of the partition's last kIntervals end offsets at or below its last
    // commit. Those come from the shared end offsets, so a group that took the
    // partition over later is judged by the partition's history too.
    void stopWaitsForAWholeWindowOfEndOffsetsAboveTheCommit()
    {
        auto offsets = std::make_shared<PartitionOffsetsTrack>();
        PartitionLagTrack a(offsets), late(offsets);
        a.add(at(0, 100, 100), false);   // caught up, no consumer
        late.add(at(0, 100, 100), false);
        QCOMPARE(a.status(0, kT0), LagStatusRules::Status::Ok);
        // Records arrive, nobody reads them: not STOP while the end of the
        // first refresh (100, where the group stood) is among the last ten.
        for (int i = 1; i < LagStatusRules::kIntervals; ++i) {
            a.add(at(i * 5000, 100 + 50 * i, 100), false);
            QCOMPARE(a.status(50 * i, kT0 + i * 5000), LagStatusRules::Status::Ok);
        }
        const qint64 t = LagStatusRules::kIntervals * 5000;
        a.add(at(t, 100 + 50 * LagStatusRules::kIntervals, 100), false);
        QCOMPARE(a.status(50 * LagStatusRules::kIntervals, kT0 + t), LagStatusRules::Status::Stop);
        // A group first seen at its second refresh reads the same ends.
        late.add(at(t, 100 + 50 * LagStatusRules::kIntervals, 100), false);
        QCOMPARE(late.status(50 * LagStatusRules::kIntervals, kT0 + t), LagStatusRules::Status::Stop);
        QCOMPARE(late.status(0, kT0 + t), LagStatusRules::Status::Ok);   // no lag: never STOP
    }

    // The shared end offsets keep the last kSamples refreshes, oldest first,
    // in exactly that much room (a hundred thousand partitions at scale).
    void sharedEndOffsetsKeepTheLastSamplesInPlace()
    {
        PartitionOffsetsTrack offsets;
        const int n = PartitionOffsetsTrack::kSamples;
        for (int i = 0; i < 3 * n + 5; ++i)
            offsets.add(kT0 + i * 5000, 1000 + i * 10, 0);
        const QList<TimeLagEstimator::Sample> &ends = offsets.endOffsets();
        QCOMPARE(ends.size(), qsizetype(n));
        QCOMPARE(ends.capacity(), qsizetype(n));
        for (int k = 0; k < n; ++k) {
            const int i = 2 * n + 5 + k;
            QCOMPARE(ends.at(k).timestampMs, kT0 + i * 5000);
            QCOMPARE(ends.at(k).offset, qint64(1000 + i * 10));
        }
    }

    void consumeRateFromCommitsBetweenRefreshes()
    {
        // Refreshed every 5 s; the consumer commits every 30 s, 300 records each time.
        PartitionLagTrack t;
        QCOMPARE(t.consumeRate(60000), std::nullopt);
        qint64 committed = 0;
        for (qint64 s = 0; s <= 65; s += 5) {
            if (s > 0 && s % 30 == 0)
                committed += 300;
            t.add(at(s * 1000, 5000, committed), true);
        }
        // The last minute, 5 s to 65 s: 600 records.
        QCOMPARE(t.consumeRate(60000), std::optional<double>(10.0));
    }

    void aStoppedConsumerConsumesNothingFromItsSecondRefresh()
    {
        PartitionLagTrack t;
        t.add(at(0, 5000, 1000), false);
        QCOMPARE(t.consumeRate(60000), std::nullopt);   // one refresh: no rate yet
        t.add(at(5000, 5100, 1000), false);
        QCOMPARE(t.consumeRate(60000), std::optional<double>(0.0));
        t.add(at(300000, 9000, 1000), false);   // minutes later, still no commit
        QCOMPARE(t.consumeRate(60000), std::optional<double>(0.0));
    }

    void aRewindStartsTheRateAgain()
    {
        PartitionLagTrack t;
        t.add(at(0, 9000, 5000), false);
        t.add(at(5000, 9000, 5500), false);
        t.add(at(10000, 9000, 2000), false);   // reset backwards
        t.add(at(15000, 9000, 2100), false);
        QCOMPARE(t.consumeRate(60000), std::optional<double>(20.0));   // 100 in 5 s after the rewind
    }

    // The latest committed offset is the window's newest commit's, not kept
    // apart: a refresh without one (the group's offsets deleted) says none,
    // and one committed again is the new one, even when it did not move.
    void theLatestCommittedOffsetFollowsEveryRefresh()
    {
        PartitionLagTrack t;
        QCOMPARE(t.latest(), std::nullopt);
        t.add(at(0, 900, 300), true);
        QCOMPARE(t.latest()->committedOffset, qint64(300));
        t.add(at(5000, 950, -1), true);
        QCOMPARE(t.latest()->committedOffset, qint64(-1));
        QCOMPARE(t.latest()->endOffset, qint64(950));
        t.add(at(10000, 990, 300), false);
        QCOMPARE(t.latest()->committedOffset, qint64(300));
        t.add(at(15000, 990, 420), false);
        QCOMPARE(t.latest()->committedOffset, qint64(420));
        QCOMPARE(t.latest()->timeMs, kT0 + 15000);
    }
};

QTEST_GUILESS_MAIN(TestPartitionLagTrack)
#include "tst_partition_lag_track.moc"
