// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/PartitionTrackList.h"

#include <QTest>

using namespace cohort;

namespace {

PartitionLag at(const char *topic, int partition)
{
    PartitionLag p;
    p.tp = TopicPartition{QString::fromLatin1(topic), partition};
    return p;
}

// A track that has seen one sample at timeMs (committed = end = offset).
PartitionLagTrack seen(qint64 timeMs, qint64 offset)
{
    PartitionLagTrack t;
    t.add(PartitionLagTrack::Sample{timeMs, offset, offset, 0}, false);
    return t;
}

}   // namespace

class TestPartitionTrackList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Index for index with the snapshot's partitions; what each track saw
    // stays when the group's partitions change around it.
    void tracksFollowTheGroupsPartitions()
    {
        PartitionTrackList list;
        int made = 0;
        const auto make = [&made](const TopicPartition &) {
            ++made;
            return seen(1000, 7);
        };
        QVERIFY(!list.syncTo({at("a", 0), at("a", 1), at("b", 0)}, make));
        QCOMPARE(made, 3);
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.topicPartitionAt(1), (TopicPartition{QStringLiteral("a"), 1}));
        list[1].track.add(PartitionLagTrack::Sample{2000, 50, 40, 0}, true);

        // The same partitions: kept in place, nothing made, nothing dropped.
        QVERIFY(!list.syncTo({at("a", 0), at("a", 1), at("b", 0)}, make));
        QCOMPARE(made, 3);
        QCOMPARE(list[1].track.latest()->committedOffset, 40);

        // a-0 goes, a-2 comes: a-1 keeps its samples at its new index.
        QVERIFY(list.syncTo({at("a", 1), at("a", 2), at("b", 0)}, make));
        QCOMPARE(made, 4);
        QCOMPARE(list.topicPartitionAt(0), (TopicPartition{QStringLiteral("a"), 1}));
        QCOMPARE(list[0].track.latest()->timeMs, 2000);
        QCOMPARE(list[1].track.latest()->timeMs, 1000);   // new
        QVERIFY(list.contains({QStringLiteral("b"), 0}));
        QVERIFY(!list.contains({QStringLiteral("a"), 0}));
        QCOMPARE(list.find({QStringLiteral("a"), 1})->latest()->committedOffset, 40);
    }

    // A hand-made snapshot may list its partitions in any order, or one
    // twice: every entry still has a track, and lookups still find them.
    void unsortedOrRepeatedPartitions()
    {
        PartitionTrackList list;
        int made = 0;
        const auto make = [&made](const TopicPartition &) {
            ++made;
            return seen(1000, made);
        };
        QVERIFY(!list.syncTo({at("b", 0), at("a", 0), at("b", 0)}, make));
        QCOMPARE(made, 3);
        QCOMPARE(list.find({QStringLiteral("a"), 0})->latest()->committedOffset, 2);
        QVERIFY(list.find({QStringLiteral("b"), 0}));
        QVERIFY(list.syncTo({at("a", 0)}, make));   // b-0 (both) dropped
        QCOMPARE(made, 3);
        QCOMPARE(list.find({QStringLiteral("a"), 0})->latest()->committedOffset, 2);
        QVERIFY(!list.find({QStringLiteral("b"), 0}));
    }
};

QTEST_GUILESS_MAIN(TestPartitionTrackList)
#include "tst_partition_track_list.moc"
