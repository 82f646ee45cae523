// SPDX-License-Identifier: GPL-3.0-or-later
// The words the window uses for a partial snapshot: the banner's summary of
// every kind of missing part (singular and plural, grouped by error, with
// since when), the ages and errors of stale values, and a running refresh's
// progress line. `now` is pinned, so every expected string is exact.

#include "core/snapshot/FreshnessText.h"
#include "core/snapshot/MissingPartsSummary.h"
#include "core/snapshot/RefreshProgressText.h"

#include <QTest>

using namespace cohort;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 1), QTime(12, 0, 0), Qt::UTC);

KafkaError error(const char *name, const char *message = "")
{
    return KafkaError::make(1, QString::fromLatin1(name), QString::fromLatin1(message), QStringLiteral("a hint"));
}

MissingPart listing(int brokerId, const QString &address, int groups, const KafkaError &e, int secondsAgo)
{
    MissingPart p;
    p.kind = MissingPart::Kind::BrokerListing;
    p.brokerId = brokerId;
    p.brokerAddress = address;
    p.groupsAffected = groups;
    p.error = e;
    p.since = kNow.addSecs(-secondsAgo);
    return p;
}

MissingPart group(MissingPart::Kind kind, const QString &groupId, const KafkaError &e, int secondsAgo)
{
    MissingPart p;
    p.kind = kind;
    p.groupId = groupId;
    p.brokerId = 2;
    p.error = e;
    p.since = kNow.addSecs(-secondsAgo);
    return p;
}

}   // namespace

class TestMissingPartsSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ages()
    {
        QCOMPARE(FreshnessText::age(-3), QStringLiteral("0 s"));   // a clock step back is not a negative age
        QCOMPARE(FreshnessText::age(0), QStringLiteral("0 s"));
        QCOMPARE(FreshnessText::age(40), QStringLiteral("40 s"));
        QCOMPARE(FreshnessText::age(119), QStringLiteral("119 s"));
        QCOMPARE(FreshnessText::age(120), QStringLiteral("2 min"));
        QCOMPARE(FreshnessText::age(179), QStringLiteral("2 min"));
        QCOMPARE(FreshnessText::age(2 * 3600 - 1), QStringLiteral("119 min"));
        QCOMPARE(FreshnessText::age(2 * 3600), QStringLiteral("2 h"));
        QCOMPARE(FreshnessText::age(48 * 3600), QStringLiteral("2 d"));
        QCOMPARE(FreshnessText::ageBetween(kNow.addSecs(-40), kNow), QStringLiteral("40 s"));
    }

    void freshnessOfAPart()
    {
        const KafkaError e = error("COORDINATOR_NOT_AVAILABLE", "The coordinator is not available.");
        // Read this time, or not recorded: nothing to say.
        QCOMPARE(FreshnessText::description(Freshness::freshAt(kNow), kNow), QString());
        QCOMPARE(FreshnessText::description(Freshness{}, kNow), QString());
        QCOMPARE(FreshnessText::offsets(Freshness::freshAt(kNow), kNow), QString());
        // The hint is not part of the one-line error.
        QCOMPARE(FreshnessText::error(e), QStringLiteral("COORDINATOR_NOT_AVAILABLE: The coordinator is not available."));
        QCOMPARE(FreshnessText::error(KafkaError::make(-1, {}, QStringLiteral("no name"))), QStringLiteral("no name"));
        QCOMPARE(FreshnessText::error(error("_TIMED_OUT")), QStringLiteral("_TIMED_OUT"));

        const Freshness stale = Freshness::failed(e, kNow.addSecs(-40));
        const Freshness never = Freshness::failed(e);
        QCOMPARE(FreshnessText::description(stale, kNow),
                 QStringLiteral("Not refreshed for 40 s: COORDINATOR_NOT_AVAILABLE: The coordinator is not available."));
        QCOMPARE(FreshnessText::description(never, kNow),
                 QStringLiteral("Not described: COORDINATOR_NOT_AVAILABLE: The coordinator is not available."));
        QCOMPARE(FreshnessText::offsets(Freshness::failed(error("NOT_COORDINATOR"), kNow.addSecs(-300)), kNow),
                 QStringLiteral("Committed offsets not refreshed for 5 min (the lag is from then): NOT_COORDINATOR"));
        QCOMPARE(FreshnessText::offsets(Freshness::failed(error("NOT_COORDINATOR")), kNow),
                 QStringLiteral("Committed offsets not read (the lag is unknown): NOT_COORDINATOR"));
        QCOMPARE(FreshnessText::lastRead(stale, kNow),
                 QStringLiteral("Last read 40 s ago — COORDINATOR_NOT_AVAILABLE: The coordinator is not available."));
        QCOMPARE(FreshnessText::lastRead(Freshness::freshAt(kNow.addSecs(-2)), kNow), QStringLiteral("Last read 2 s ago"));
        QCOMPARE(FreshnessText::lastRead(never, kNow),
                 QStringLiteral("Never read — COORDINATOR_NOT_AVAILABLE: The coordinator is not available."));
    }

    void brokerListings()
    {
        const KafkaError timeout = error("_TIMED_OUT", "Local: Timed out");
        const KafkaError transport = error("_TRANSPORT", "Broker transport failure");
        const MissingParts parts{listing(1, QStringLiteral("127.0.0.1:9093"), 5, timeout, 40),
                                 listing(2, QStringLiteral("127.0.0.1:9094"), 1, transport, 125), listing(3, QString(), 0, timeout, 3),
                                 listing(-1, QString(), 2, error("REQUEST_TIMED_OUT"), 10)};
        QCOMPARE(MissingPartsSummary::headlines(parts, kNow),
                 (QStringList{QStringLiteral("Broker 1 (127.0.0.1:9093) slow: 5 groups not refreshed for 40 s"),
                              QStringLiteral("Broker 2 (127.0.0.1:9094) failing (_TRANSPORT): 1 group not refreshed for 2 min"),
                              QStringLiteral("Broker 3 slow: its groups not listed for 3 s"),
                              QStringLiteral("A broker slow: 2 groups not refreshed for 10 s")}));
    }

    // Groups not described (or whose offsets were not read) are counted per
    // error, since the oldest of them; one group is named.
    void groupsByError()
    {
        const KafkaError coord = error("COORDINATOR_NOT_AVAILABLE", "not available");
        const KafkaError load = error("COORDINATOR_LOAD_IN_PROGRESS", "loading");
        const MissingParts parts{group(MissingPart::Kind::GroupDescription, QStringLiteral("a"), coord, 10),
                                 group(MissingPart::Kind::GroupOffsets, QStringLiteral("x"), error("NOT_COORDINATOR"), 7),
                                 group(MissingPart::Kind::GroupDescription, QStringLiteral("b"), load, 5),
                                 group(MissingPart::Kind::GroupDescription, QStringLiteral("c"), coord, 40),
                                 group(MissingPart::Kind::GroupDescription, QStringLiteral("d"), coord, 20),
                                 group(MissingPart::Kind::GroupOffsets, QStringLiteral("y"), error("NOT_COORDINATOR"), 9)};
        QCOMPARE(MissingPartsSummary::headlines(parts, kNow),
                 (QStringList{QStringLiteral("3 groups not described for 40 s: COORDINATOR_NOT_AVAILABLE"),
                              QStringLiteral("Group \"b\" not described for 5 s: COORDINATOR_LOAD_IN_PROGRESS"),
                              QStringLiteral("Committed offsets of 2 groups not read for 9 s: NOT_COORDINATOR")}));
        const MissingParts one{group(MissingPart::Kind::GroupOffsets, QStringLiteral("orders"), error("NOT_COORDINATOR"), 61)};
        QCOMPARE(MissingPartsSummary::headlines(one, kNow),
                 QStringList{QStringLiteral("Committed offsets of group \"orders\" not read for 61 s: NOT_COORDINATOR")});
    }

    void metadataAndWatermarks()
    {
        MissingPart metadata;
        metadata.kind = MissingPart::Kind::Metadata;
        metadata.error = error("_TRANSPORT", "down");
        metadata.since = kNow.addSecs(-90);
        MissingPart marks;
        marks.kind = MissingPart::Kind::Watermarks;
        marks.brokerId = 2;
        marks.brokerAddress = QStringLiteral("10.0.0.2:9092");
        marks.partitions = 12;
        marks.error = error("_TIMED_OUT");
        marks.since = kNow.addSecs(-4);
        MissingPart one = marks;
        one.partitions = 1;
        one.brokerId = 3;
        one.brokerAddress.clear();
        one.since = QDateTime();   // a part that does not say since when gets no age
        QCOMPARE(MissingPartsSummary::headlines({marks, metadata, one}, kNow),
                 (QStringList{QStringLiteral("No broker gave the cluster's metadata for 90 s: _TRANSPORT; brokers and partitions as last read"),
                              QStringLiteral("End offsets of 12 partitions led by broker 2 (10.0.0.2:9092) not read for 4 s: _TIMED_OUT"),
                              QStringLiteral("End offsets of 1 partition led by broker 3 not read: _TIMED_OUT")}));
    }

    void detailsAreEveryPartsOwnLine()
    {
        const MissingParts parts{listing(1, QStringLiteral("127.0.0.1:9093"), 5, error("_TIMED_OUT", "Local: Timed out"), 40),
                                 group(MissingPart::Kind::GroupDescription, QStringLiteral("a"), error("NOT_COORDINATOR"), 1)};
        const QStringList details = MissingPartsSummary::details(parts);
        QCOMPARE(details.size(), 2);
        QCOMPARE(details.at(0), parts.at(0).describe());
        QCOMPARE(details.at(1), parts.at(1).describe());
        QVERIFY(details.at(1).contains(QLatin1String("\"a\"")));
        QVERIFY(MissingPartsSummary::headlines({}, kNow).isEmpty());
    }

    void progressLine()
    {
        RefreshProgress::State s;
        s.step = QStringLiteral("Describing 1,200 groups");
        s.waitingFor = {QStringLiteral("broker 2 (127.0.0.1:9094)")};
        s.stepElapsedMs = 4200;
        s.elapsedMs = 6000;
        s.remainingMs = 25100;
        QCOMPARE(RefreshProgressText::describe(s),
                 QStringLiteral("Describing 1,200 groups — waiting for broker 2 (127.0.0.1:9094), 4 s; gives up in 26 s"));
        s.waitingFor = {QStringLiteral("broker 1"), QStringLiteral("broker 2"), QStringLiteral("broker 3")};
        QCOMPARE(RefreshProgressText::describe(s),
                 QStringLiteral("Describing 1,200 groups — waiting for broker 1, broker 2 and 1 more, 4 s; gives up in 26 s"));
        s.waitingFor << QStringLiteral("broker 4");
        QCOMPARE(RefreshProgressText::describe(s),
                 QStringLiteral("Describing 1,200 groups — waiting for broker 1, broker 2 and 2 more, 4 s; gives up in 26 s"));
        s.waitingFor.clear();
        s.step.clear();
        s.remainingMs = 0;
        QCOMPARE(RefreshProgressText::describe(s), QStringLiteral("Refreshing, 4 s; gives up in 0 s"));
        s.cancelled = true;
        QCOMPARE(RefreshProgressText::describe(s), QStringLiteral("Refreshing, 4 s; cancelling"));
    }
};

QTEST_GUILESS_MAIN(TestMissingPartsSummary)
#include "tst_missing_parts_summary.moc"
