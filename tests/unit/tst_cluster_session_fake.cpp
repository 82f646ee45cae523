// SPDX-License-Identifier: GPL-3.0-or-later
// ClusterSession without a cluster: a read-only connection never gets a write
// side (the admin factory is not even called), a writable one gets what the
// factory made on a pool thread, a refused property comes back as the error,
// and the one-group refresh asks a fake client only about that group, once
// at a time.

#include "FakeClusterClient.h"
#include "RecordingClusterAdmin.h"
#include "core/connection/ConnectionProfile.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/ClusterMonitor.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cohort;
using namespace cohort::test;

namespace {

// Two topics, two groups: g (Stable, one member on orders, lag 10 + 43) and h (Empty).
std::shared_ptr<FakeClusterClient> twoGroups()
{
    auto client = std::make_shared<FakeClusterClient>();
    ClusterMetadata md;
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}, BrokerInfo{2, QStringLiteral("b2"), 9092, {}}};
    md.topics = {TopicInfo{QStringLiteral("orders"), false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 2, {2}, 0}}, 0},
                 TopicInfo{QStringLiteral("other"), false, {PartitionInfo{0, 1, {1}, 0}}, 0}};
    GroupDescription g;
    g.groupId = QStringLiteral("g");
    g.state = GroupState::Stable;
    g.protocolType = QStringLiteral("consumer");
    g.protocol = QStringLiteral("range");
    g.coordinatorId = 1;
    g.members = {fakeMember(QStringLiteral("m-1"), QStringLiteral("shipper"), {QStringLiteral("orders")},
                            {TopicPartition{QStringLiteral("orders"), 0}, TopicPartition{QStringLiteral("orders"), 1}})};
    GroupDescription h;
    h.groupId = QStringLiteral("h");
    h.state = GroupState::Empty;
    h.protocolType = QStringLiteral("consumer");
    h.coordinatorId = 2;
    client->setCluster(md, {g, h},
                       {{QStringLiteral("g"), GroupOffsets{QStringLiteral("g"),
                                                           {CommittedOffset{{QStringLiteral("orders"), 0}, 40, -1, {}},
                                                            CommittedOffset{{QStringLiteral("orders"), 1}, 7, -1, {}}}}}},
                       {{TopicPartition{QStringLiteral("orders"), 0}, Watermarks{0, 50}},
                        {TopicPartition{QStringLiteral("orders"), 1}, Watermarks{0, 50}},
                        {TopicPartition{QStringLiteral("other"), 0}, Watermarks{0, 3}}});
    return client;
}

template<typename T>
T await(const QFuture<T> &f)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 10000); }();
    return f.result();
}

ConnectionProfile profile(bool readOnly)
{
    ConnectionProfile p;
    p.name = QStringLiteral("prod");
    p.bootstrapServers = QStringLiteral("127.0.0.1:1");   // nothing is contacted
    p.readOnly = readOnly;
    return p;
}

}   // namespace

class TestClusterSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnlyConnectionNeverMakesAnAdmin()
    {
        QAtomicInt factoryCalls = 0;
        QObject context;
        const auto opened = await(ClusterSession::open(profile(true), {}, &context, [&](const std::shared_ptr<RdKafkaClusterClient> &) {
            factoryCalls.ref();
            return std::make_shared<RecordingClusterAdmin>();
        }));
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        const std::shared_ptr<ClusterSession> session = opened.value();
        QVERIFY(session->isReadOnly());
        QCOMPARE(session->displayName(), QStringLiteral("prod"));
        QVERIFY(session->client());
        QCOMPARE(session->thread(), QThread::currentThread());
        const Result<ClusterAdmin *> admin = session->admin();
        QVERIFY(!admin.ok());
        QCOMPARE(admin.error().name, QStringLiteral("_READ_ONLY"));
        QVERIFY2(admin.error().message.contains(QLatin1String("read-only")), qPrintable(admin.error().message));
        QVERIFY2(admin.error().hint.contains(QLatin1String("Read-only")), qPrintable(admin.error().hint));
        QCOMPARE(factoryCalls.loadRelaxed(), 0);
    }

    void writableConnectionGetsTheFactorysAdminMadeOffThisThread()
    {
        QAtomicInt factoryCalls = 0;
        QThread *factoryThread = nullptr;
        std::shared_ptr<RdKafkaClusterClient> given;
        auto made = std::make_shared<RecordingClusterAdmin>();
        QObject context;
        const auto opened
            = await(ClusterSession::open(profile(false), {}, &context, [&](const std::shared_ptr<RdKafkaClusterClient> &client) {
                  factoryCalls.ref();
                  factoryThread = QThread::currentThread();
                  given = client;
                  return made;
              }));
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        const std::shared_ptr<ClusterSession> session = opened.value();
        QVERIFY(!session->isReadOnly());
        QCOMPARE(factoryCalls.loadRelaxed(), 1);
        QVERIFY(factoryThread != QThread::currentThread());   // client and admin are made on a pool thread
        QCOMPARE(std::static_pointer_cast<ClusterClient>(given), session->client());
        const Result<ClusterAdmin *> admin = session->admin();
        QVERIFY(admin.ok());
        QCOMPARE(admin.value(), static_cast<ClusterAdmin *>(made.get()));
    }

    void writableWithoutAWriteSideSaysSo()
    {
        ClusterSession session(twoGroups(), nullptr, QStringLiteral("dev"));
        QVERIFY(!session.isReadOnly());
        QCOMPARE(session.admin().error().name, QStringLiteral("_NO_ADMIN"));

        ClusterSession readOnly(twoGroups(), QStringLiteral("prod"));
        QVERIFY(readOnly.isReadOnly());
        QCOMPARE(readOnly.admin().error().name, QStringLiteral("_READ_ONLY"));
    }

    void aRefusedPropertyIsTheError()
    {
        QAtomicInt factoryCalls = 0;
        ConnectionProfile p = profile(false);
        p.extraProperties = {QStringLiteral("no.such.property=1")};
        QObject context;
        const auto opened = await(ClusterSession::open(p, {}, &context, [&](const std::shared_ptr<RdKafkaClusterClient> &) {
            factoryCalls.ref();
            return std::make_shared<RecordingClusterAdmin>();
        }));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().name, QStringLiteral("_INVALID_ARG"));
        QVERIFY2(opened.error().message.contains(QLatin1String("no.such.property")), qPrintable(opened.error().message));
        QCOMPARE(factoryCalls.loadRelaxed(), 0);
    }

    void aSessionForAGoneContextIsNeverMade()
    {
        // The factory holds the pool thread until the context is gone, so the
        // client is made after it, whatever the machine's speed (made before,
        // the continuation would run at once on this thread).
        auto context = std::make_unique<QObject>();
        QSemaphore contextGone;
        const auto opened = ClusterSession::open(profile(false), {}, context.get(), [&](const std::shared_ptr<RdKafkaClusterClient> &) {
            contextGone.acquire();
            return std::make_shared<RecordingClusterAdmin>();
        });
        context.reset();
        contextGone.release();
        QTRY_VERIFY_WITH_TIMEOUT(opened.isFinished(), 10000);
        QVERIFY(opened.isCanceled());
        QCOMPARE(opened.resultCount(), 0);
    }

    void forwardsTheMonitor()
    {
        auto client = twoGroups();
        ClusterSession session(client, QStringLiteral("dev"));
        QSignalSpy started(&session, &ClusterSession::refreshStarted);
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        QVERIFY(!session.hasSnapshot());
        session.setIntervalMs(60000);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);   // may arrive inside start(): the fake answers at once
        QCOMPARE(started.size(), 1);
        QVERIFY(session.hasSnapshot());
        QCOMPARE(session.monitor()->intervalMs(), 60000);
        QCOMPARE(session.snapshot().groups.size(), 2);
        QCOMPARE(ready.first().first().value<ClusterSnapshot>().groups.size(), 2);
        QCOMPARE(session.lastFresh(), session.snapshot().takenAt);
        QVERIFY(!session.isStale());
    }

    // Every snapshot and one-group refresh goes into the session's lag
    // history, and what its time lag and retention risk need (the records at
    // the committed offsets, the topics' retention) is read off this thread.
    void feedsTheLagHistoryAndReadsWhatItNeeds()
    {
        auto client = twoGroups();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        client->setRecordTimestamps({QStringLiteral("orders"), 0}, {{40, now - 120000}, {41, now - 100000}});
        client->setRecordTimestamps({QStringLiteral("orders"), 1}, {{7, now - 600000}});
        client->setTopicRetention(QStringLiteral("orders"), TopicRetention{3600000, -1});
        ClusterSession session(client, QStringLiteral("dev"));
        QVERIFY(session.lagHistory());
        session.lagHistory()->setFocused(QStringLiteral("g"), true);
        session.setIntervalMs(60000);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.lagHistory()->assessment(QStringLiteral("g"))
                                     && session.lagHistory()->assessment(QStringLiteral("g"))->timeLagMs.has_value()
                                     && session.lagHistory()->assessment(QStringLiteral("g"))->retentionShare.has_value(),
                                 10000);
        const GroupAssessment *g = session.lagHistory()->assessment(QStringLiteral("g"));
        // The worst partition's: the record at orders-1's committed offset 7 is 10 min old.
        QVERIFY2(*g->timeLagMs >= 600000 && *g->timeLagMs < 610000, qPrintable(QString::number(*g->timeLagMs)));
        QCOMPARE(g->partitions.size(), qsizetype(2));
        QVERIFY(*g->partitions.at(0).timeLagMs >= 120000 && *g->partitions.at(0).timeLagMs < 130000);
        QVERIFY(*g->retentionShare >= 600000.0 / 3600000 && *g->retentionShare < 610000.0 / 3600000);
        QCOMPARE(client->recordTimestampsAskedFor(),
                 (QList<QHash<TopicPartition, qint64>>{{{{QStringLiteral("orders"), 0}, 40}, {{QStringLiteral("orders"), 1}, 7}}}));
        QCOMPARE(client->retentionAskedFor(), (QList<QStringList>{{QStringLiteral("orders")}}));
        // A one-group refresh is a sample too (within 5 s of the last, it stands for that bucket).
        const qint64 before = g->atMs;
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > before);   // its time is then later than the snapshot's
        const Result<GroupSnapshot> one = await(session.refreshGroup(QStringLiteral("g")));
        QVERIFY(one.ok());
        QVERIFY(session.lagHistory()->assessment(QStringLiteral("g"))->atMs > before);
        const QList<LagPoint> points = session.lagHistory()->series({QStringLiteral("g"), {}, -1}, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(points.last().timeMs, session.lagHistory()->assessment(QStringLiteral("g"))->atMs);
    }

    // The lag history survives a restart: a session attached to a history
    // file writes every sample there, and the next session on the same file
    // has those samples before its first refresh (start() waits for them),
    // with g's lag as the first session saw it (end 50 - committed 40 on
    // orders-0, 50 - 7 on orders-1: 53).
    void theLagHistorySurvivesARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("dev.sqlite"));
        const LagSeriesKey gKey{QStringLiteral("g"), {}, -1};
        const qint64 all = std::numeric_limits<qint64>::max();
        qint64 firstLag = -1;
        {
            ClusterSession session(twoGroups(), QStringLiteral("dev"));
            session.attachHistory(file);
            QSignalSpy restored(&session, &ClusterSession::historyRestored);
            QSignalSpy ready(&session, &ClusterSession::snapshotReady);
            session.setIntervalMs(60000);
            session.start();
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
            QCOMPARE(restored.size(), 1);   // the (empty) file was read before the first refresh
            const QList<LagPoint> points = session.lagHistory()->series(gKey, 0, all);
            QCOMPARE(points.size(), qsizetype(1));
            firstLag = points.first().lag;
            QVERIFY(session.lastHistoryProblem().isEmpty());
            const QFuture<void> flushed = session.historyStore()->flush();
            QTRY_VERIFY_WITH_TIMEOUT(flushed.isFinished(), 10000);
        }
        QCOMPARE(firstLag, qint64(53));
        ClusterSession again(twoGroups(), QStringLiteral("dev"));
        again.attachHistory(file);
        QSignalSpy restored(&again, &ClusterSession::historyRestored);
        QSignalSpy started(&again, &ClusterSession::refreshStarted);
        again.setIntervalMs(60000);
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        const QList<LagPoint> restoredPoints = again.lagHistory()->series(gKey, 0, all);
        QVERIFY(!restoredPoints.isEmpty());
        QCOMPARE(restoredPoints.first().lag, firstLag);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);   // and the refresh began after it
    }

    // A history larger than one restore slice comes back whole, over several
    // event-loop turns, before the first refresh: 2.5 slices of partition
    // points, one per partition of one group, each its own series.
    void aLargeHistoryIsRestoredWholeInSlices()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("big.sqlite"));
        const int partitions = int(ClusterSession::kHistoryRestoreSlice * 5 / 2);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            HistoryStore store(file);
            QList<StoredLagPoint> points;
            for (int p = 0; p < partitions; ++p)
                points.append(StoredLagPoint{
                    {QStringLiteral("big"), QStringLiteral("t"), p}, LagTier::FiveSeconds, LagPoint{now - 1000, 100, 90, 10, 0}});
            store.append(points);
            const QFuture<void> flushed = store.flush();
            QTRY_VERIFY_WITH_TIMEOUT(flushed.isFinished(), 60000);
        }
        ClusterSession session(twoGroups(), QStringLiteral("dev"));
        session.attachHistory(file);
        QSignalSpy restored(&session, &ClusterSession::historyRestored);
        qsizetype restoredWhenStarted = -1;   // the first refresh begins only once the whole history is in
        connect(&session, &ClusterSession::refreshStarted, this, [&] {
            if (restoredWhenStarted < 0)
                restoredWhenStarted = session.lagHistory()->partitions(QStringLiteral("big")).size();
        });
        session.setIntervalMs(60000);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 60000);
        QCOMPARE(session.lagHistory()->partitions(QStringLiteral("big")).size(), qsizetype(partitions));
        QTRY_COMPARE_WITH_TIMEOUT(restoredWhenStarted, qsizetype(partitions), 10000);
    }

    // The fast refresh of g: the same values as g's entry of the whole-cluster
    // snapshot, from questions about g only, with the snapshot's metadata.
    void refreshGroupAsksAboutThatGroupOnly()
    {
        auto client = twoGroups();
        ClusterSession session(client, QStringLiteral("dev"));
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        session.setIntervalMs(60000);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);   // may arrive inside start(): the fake answers at once
        const GroupSnapshot *whole = session.snapshot().group(QStringLiteral("g"));
        QVERIFY(whole);
        client->forget();

        QSignalSpy refreshed(&session, &ClusterSession::groupRefreshed);
        const Result<GroupSnapshot> g = await(session.refreshGroup(QStringLiteral("g")));
        QVERIFY2(g.ok(), qPrintable(g.error().toString()));
        QCOMPARE(client->metadataCalls(), 0);
        QCOMPARE(client->listCalls(), 0);
        QCOMPARE(client->described(), (QList<QStringList>{{QStringLiteral("g")}}));
        QCOMPARE(client->offsetsAskedFor(), (QList<QStringList>{{QStringLiteral("g")}}));
        QCOMPARE(client->watermarksAskedFor(),
                 (QList<QList<TopicPartition>>{{{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}}}));
        QCOMPARE(g->description.state, GroupState::Stable);
        QCOMPARE(g->description.members.size(), 1);
        QCOMPARE(g->partitions.size(), 2);
        QCOMPARE(g->totalLag, std::optional<qint64>(10 + 43));   // 50 - 40 and 50 - 7
        QCOMPARE(g->totalLag, whole->totalLag);
        QCOMPARE(g->partitions.at(1).committedOffset, whole->partitions.at(1).committedOffset);
        QCOMPARE(refreshed.size(), 1);
        QCOMPARE(refreshed.first().first().value<GroupSnapshot>().groupId(), QStringLiteral("g"));
    }

    void aSecondRefreshOfTheSameGroupWaitsForTheFirst()
    {
        auto client = twoGroups();
        ClusterSession session(client, QStringLiteral("dev"));
        client->setHoldDescribe(true);
        const auto first = session.refreshGroup(QStringLiteral("g"));
        QTRY_COMPARE_WITH_TIMEOUT(client->heldCount(), 1, 10000);
        const auto second = session.refreshGroup(QStringLiteral("g"));
        QCOMPARE(client->metadataCalls(), 1);   // no snapshot yet: metadata is fetched once
        client->release();
        QVERIFY(await(first).ok());
        QVERIFY(await(second).ok());
        QCOMPARE(client->described().size(), 1);
        QCOMPARE(first.result()->totalLag, second.result()->totalLag);
    }

    void anUnknownGroupIsNotFound()
    {
        auto client = twoGroups();
        ClusterSession session(client, QStringLiteral("dev"));
        QSignalSpy refreshed(&session, &ClusterSession::groupRefreshed);
        const Result<GroupSnapshot> empty = await(session.refreshGroup(QStringLiteral("h")));
        QVERIFY(empty.ok());   // Empty without members or offsets is still a group
        QCOMPARE(empty->description.state, GroupState::Empty);
        const Result<GroupSnapshot> gone = await(session.refreshGroup(QStringLiteral("nobody")));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().name, QStringLiteral("GROUP_ID_NOT_FOUND"));
        QCOMPARE(refreshed.size(), 1);
    }

    // A coordinator that does not answer is its error, never "does not exist".
    void aGroupThatCannotBeReadIsItsErrorNotNotFound()
    {
        auto client = twoGroups();
        ClusterSession session(client, QStringLiteral("dev"));
        const KafkaError timedOut = KafkaError::make(-185, QStringLiteral("_TIMED_OUT"), QStringLiteral("no answer"));
        client->setDescribeFailure(QStringLiteral("nobody"), timedOut);
        const Result<GroupSnapshot> unread = await(session.refreshGroup(QStringLiteral("nobody")));
        QVERIFY(!unread.ok());
        QCOMPARE(unread.error().name, QStringLiteral("_TIMED_OUT"));
        // Described, but its offsets failed: the group, with the failure, not an empty one.
        client->setOffsetsFailure(QStringLiteral("g"), timedOut);
        const Result<GroupSnapshot> g = await(session.refreshGroup(QStringLiteral("g")));
        QVERIFY(g.ok());
        QVERIFY(!g->offsetsFreshness.isFresh());
        QCOMPARE(g->offsetsFreshness.failure.name, QStringLiteral("_TIMED_OUT"));
    }

    // The monitor keeps what the latest refresh could not read, marked stale:
    // h's broker stopped listing, g's description failed.
    void theMonitorCarriesLastGoodRowsForward()
    {
        auto client = twoGroups();
        ClusterSession session(client, QStringLiteral("dev"));
        QSignalSpy ready(&session, &ClusterSession::snapshotReady);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QVERIFY(!session.snapshot().isPartial());
        const QDateTime firstRead = session.snapshot().group(QStringLiteral("g"))->describedFreshness.readAt;

        const KafkaError slow = KafkaError::make(-185, QStringLiteral("_TIMED_OUT"), QStringLiteral("broker 2 is slow"));
        client->setListingFailure(2, slow);
        client->setDescribeFailure(QStringLiteral("g"), KafkaError::make(15, QStringLiteral("COORDINATOR_NOT_AVAILABLE"), {}));
        session.refreshNow();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10000);
        const ClusterSnapshot &shown = session.snapshot();
        QCOMPARE(shown.groups.size(), 2);
        const GroupSnapshot *h = shown.group(QStringLiteral("h"));
        QVERIFY(h && h->describedFreshness.isStale());
        QCOMPARE(h->describedFreshness.failure.name, QStringLiteral("_TIMED_OUT"));
        QCOMPARE(h->description.state, GroupState::Empty);
        const GroupSnapshot *g = shown.group(QStringLiteral("g"));
        QCOMPARE(g->description.state, GroupState::Stable);
        QCOMPARE(g->description.members.size(), 1);
        QVERIFY(g->describedFreshness.isStale());
        QCOMPARE(g->describedFreshness.readAt, firstRead);
        QCOMPARE(g->totalLag, std::optional<qint64>(10 + 43));
        const auto listing = std::find_if(shown.missing.cbegin(), shown.missing.cend(),
                                          [](const MissingPart &m) { return m.kind == MissingPart::Kind::BrokerListing; });
        QVERIFY(listing != shown.missing.cend());
        QCOMPARE(listing->brokerId, 2);
        QCOMPARE(listing->groupsAffected, 1);
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_cluster_session_fake.moc"
