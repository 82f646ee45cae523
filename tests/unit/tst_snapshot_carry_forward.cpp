// SPDX-License-Identifier: GPL-3.0-or-later
// SnapshotCarryForward: what a refresh missed is shown as last read, marked
// stale with when it was read and why not again; never as a fresh value,
// never as "Unknown, 0 members", never dropped.

#include "core/kafka/KafkaErrorHints.h"
#include "core/snapshot/SnapshotBuilder.h"
#include "core/snapshot/SnapshotCarryForward.h"
#include "core/wire/ErrorCode.h"
#include "support/FakeClusterClient.h"

#include <QTest>
#include <QTimeZone>

#include <librdkafka/rdkafka.h>

using namespace cohort;

namespace {

const QDateTime kFirst = QDateTime(QDate(2026, 12, 1), QTime(12, 0, 0), QTimeZone::utc());
const QDateTime kSecond = kFirst.addSecs(40);

// Two brokers; g1 (broker 1) Stable with one member owning t-0 and t-1,
// g2 (broker 2) Empty with a commit on t-0.
SnapshotBuilder::Input cluster(const QDateTime &readAt)
{
    SnapshotBuilder::Input in;
    in.readAt = readAt;
    in.metadata.brokers = {BrokerInfo{1, QStringLiteral("h"), 9092, {}}, BrokerInfo{2, QStringLiteral("h"), 9093, {}}};
    in.listings = {GroupListing{QStringLiteral("g1"), QStringLiteral("consumer"), GroupState::Unknown, 1},
                   GroupListing{QStringLiteral("g2"), QStringLiteral("consumer"), GroupState::Unknown, 2}};
    GroupDescription g1;
    g1.groupId = QStringLiteral("g1");
    g1.state = GroupState::Stable;
    g1.protocolType = QStringLiteral("consumer");
    g1.protocol = QStringLiteral("range");
    g1.coordinatorId = 1;
    g1.members = {test::fakeMember(QStringLiteral("m1"), QStringLiteral("c1"), {QStringLiteral("t")},
                                   {{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}})};
    GroupDescription g2;
    g2.groupId = QStringLiteral("g2");
    g2.state = GroupState::Empty;
    g2.protocolType = QStringLiteral("consumer");
    g2.coordinatorId = 2;
    in.descriptions = {g1, g2};
    in.offsets.insert(QStringLiteral("g1"), GroupOffsets{QStringLiteral("g1"),
                                                         {CommittedOffset{{QStringLiteral("t"), 0}, 40, -1, QStringLiteral("host-a")},
                                                          CommittedOffset{{QStringLiteral("t"), 1}, 70, -1, {}}}});
    in.offsets.insert(QStringLiteral("g2"), GroupOffsets{QStringLiteral("g2"), {CommittedOffset{{QStringLiteral("t"), 0}, 10, -1, {}}}});
    in.watermarks.insert({QStringLiteral("t"), 0}, Watermarks{0, 100});
    in.watermarks.insert({QStringLiteral("t"), 1}, Watermarks{0, 100});
    return in;
}

KafkaError timedOut()
{
    return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TIMED_OUT);
}

MissingPart listingFailed(int broker, const QDateTime &since)
{
    MissingPart m;
    m.kind = MissingPart::Kind::BrokerListing;
    m.brokerId = broker;
    m.error = timedOut();
    m.since = since;
    return m;
}

}   // namespace

class TestSnapshotCarryForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCompleteRefreshReplacesEverything()
    {
        const ClusterSnapshot first = SnapshotBuilder::build(cluster(kFirst));
        SnapshotBuilder::Input in = cluster(kSecond);
        in.offsets[QStringLiteral("g1")].offsets[0].offset = 90;
        const ClusterSnapshot shown = SnapshotCarryForward::apply(first, SnapshotBuilder::build(in));
        QVERIFY(!shown.isPartial());
        QCOMPARE(shown.group(QStringLiteral("g1"))->totalLag, std::optional<qint64>(10 + 30));
        QVERIFY(shown.group(QStringLiteral("g1"))->describedFreshness.isFresh());
        QCOMPARE(shown.group(QStringLiteral("g1"))->offsetsFreshness.readAt, kSecond);
    }

    void aGroupWhoseBrokerDidNotListIsKeptStaleAndCounted()
    {
        const ClusterSnapshot first = SnapshotBuilder::build(cluster(kFirst));
        SnapshotBuilder::Input in = cluster(kSecond);
        in.listings.removeLast();   // broker 2 did not answer ListGroups
        in.descriptions.removeLast();
        in.offsets.remove(QStringLiteral("g2"));
        in.missing = {listingFailed(2, kSecond)};
        const ClusterSnapshot shown = SnapshotCarryForward::apply(first, SnapshotBuilder::build(in));

        QCOMPARE(shown.groups.size(), 2);   // never vanishes
        const GroupSnapshot *g2 = shown.group(QStringLiteral("g2"));
        QVERIFY(g2);
        QVERIFY(g2->isStale());
        QVERIFY(g2->describedFreshness.isStale());
        QCOMPARE(g2->describedFreshness.readAt, kFirst);   // as last read, with its age
        QCOMPARE(g2->describedFreshness.failure.name, timedOut().name);
        QCOMPARE(g2->description.state, GroupState::Empty);
        QCOMPARE(g2->totalLag, std::optional<qint64>(90));   // the last good total, marked
        QVERIFY(g2->offsetsFreshness.isStale());
        QCOMPARE(shown.missing.size(), 1);
        QCOMPARE(shown.missing.first().groupsAffected, 1);
        QVERIFY(shown.missing.first().describe().contains(QLatin1String("1 group")));
        // The other broker's group is fresh.
        QVERIFY(!shown.group(QStringLiteral("g1"))->isStale());
    }

    void aGroupThatWasDeletedIsGone()
    {
        // Broker 2 answered and no longer lists g2: it was deleted, not missed.
        const ClusterSnapshot first = SnapshotBuilder::build(cluster(kFirst));
        SnapshotBuilder::Input in = cluster(kSecond);
        in.listings.removeLast();
        in.descriptions.removeLast();
        in.offsets.remove(QStringLiteral("g2"));
        const ClusterSnapshot shown = SnapshotCarryForward::apply(first, SnapshotBuilder::build(in));
        QCOMPARE(shown.groups.size(), 1);
        QVERIFY(!shown.group(QStringLiteral("g2")));
    }

    void aListedGroupNotDescribedKeepsItsLastDescription()
    {
        const ClusterSnapshot first = SnapshotBuilder::build(cluster(kFirst));
        SnapshotBuilder::Input in = cluster(kSecond);
        in.descriptions.removeFirst();   // g1's DescribeGroups failed this time
        in.notDescribed.insert(QStringLiteral("g1"), KafkaErrorHints::fromRdKafka(ErrorCode::CoordinatorNotAvailable));
        in.offsets[QStringLiteral("g1")].offsets[1].offset = 100;   // its offsets were read, fresh
        const ClusterSnapshot shown = SnapshotCarryForward::apply(first, SnapshotBuilder::build(in));
        const GroupSnapshot *g1 = shown.group(QStringLiteral("g1"));
        QCOMPARE(g1->description.state, GroupState::Stable);   // not Unknown
        QCOMPARE(g1->description.members.size(), 1);           // not 0
        QVERIFY(g1->describedFreshness.isStale());
        QCOMPARE(g1->describedFreshness.readAt, kFirst);
        QCOMPARE(g1->describedFreshness.failure.code, int(ErrorCode::CoordinatorNotAvailable));
        QVERIFY(g1->offsetsFreshness.isFresh());
        QCOMPARE(g1->totalLag, std::optional<qint64>(60 + 0));
        // The fresh partitions point at the member of the description shown.
        QCOMPARE(g1->partitions.size(), 2);
        QCOMPARE(g1->ownerOf(g1->partitions.at(0))->memberId, QStringLiteral("m1"));
    }

    void aGroupNeverDescribedSaysSoWithoutAnAge()
    {
        SnapshotBuilder::Input in = cluster(kFirst);
        in.descriptions.removeFirst();
        in.notDescribed.insert(QStringLiteral("g1"), timedOut());
        const ClusterSnapshot shown = SnapshotCarryForward::apply(ClusterSnapshot{}, SnapshotBuilder::build(in));
        const GroupSnapshot *g1 = shown.group(QStringLiteral("g1"));
        QVERIFY(g1);
        QVERIFY(!g1->describedFreshness.hasValue());   // "not described: <error>"
        QVERIFY(!g1->describedFreshness.isFresh());
        QCOMPARE(g1->describedFreshness.failure.name, timedOut().name);
    }

    void offsetsThatFailedKeepTheLastLag()
    {
        const ClusterSnapshot first = SnapshotBuilder::build(cluster(kFirst));
        SnapshotBuilder::Input in = cluster(kSecond);
        in.offsets.remove(QStringLiteral("g1"));
        in.offsetsNotRead.insert(QStringLiteral("g1"), KafkaErrorHints::fromRdKafka(ErrorCode::NotCoordinator));
        const ClusterSnapshot shown = SnapshotCarryForward::apply(first, SnapshotBuilder::build(in));
        const GroupSnapshot *g1 = shown.group(QStringLiteral("g1"));
        QCOMPARE(g1->totalLag, std::optional<qint64>(60 + 30));
        QCOMPARE(g1->partitions.at(0).committedOffset, std::optional<qint64>(40));
        QCOMPARE(g1->commitMetadataOf({QStringLiteral("t"), 0}), QStringLiteral("host-a"));   // with what was committed with it
        QVERIFY(g1->offsetsFreshness.isStale());
        QCOMPARE(g1->offsetsFreshness.readAt, kFirst);
        QVERIFY(g1->describedFreshness.isFresh());
        QCOMPARE(g1->ownerOf(g1->partitions.at(1))->memberId, QStringLiteral("m1"));
    }

    void sinceIsCarriedByKey()
    {
        SnapshotBuilder::Input a = cluster(kFirst);
        a.listings.removeLast();
        a.missing = {listingFailed(2, kFirst)};
        const ClusterSnapshot first = SnapshotBuilder::build(a);
        SnapshotBuilder::Input b = cluster(kSecond);
        b.listings.removeLast();
        b.missing = {listingFailed(2, kSecond), listingFailed(1, kSecond)};
        const ClusterSnapshot shown = SnapshotCarryForward::apply(first, SnapshotBuilder::build(b));
        QCOMPARE(shown.missing.size(), 2);
        QCOMPARE(shown.missing.at(0).since, kFirst);    // missing for 40 s now
        QCOMPARE(shown.missing.at(1).since, kSecond);   // new this refresh
    }
};

QTEST_GUILESS_MAIN(TestSnapshotCarryForward)
#include "tst_snapshot_carry_forward.moc"
