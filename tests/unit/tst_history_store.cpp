// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore: lag points and group events kept in SQLite across runs, and
// what happens to a missing, damaged, locked or unwritable file. What the
// store wrote is also read back with a connection of the test's own, so a
// store that only remembered in memory would fail.

#include "core/history/HistoryStore.h"
#include "core/history/HistoryWorker.h"
#include "core/history/LagPointCodec.h"

#include "support/FutureWait.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>

using namespace cohort;
using cohort::test::waitPolling;

// Waits (running the event loop) until what was appended is written.
#define WAIT_FLUSHED(store) \
    do { \
        const QFuture<void> flushed = (store).flush(); \
        QTRY_VERIFY_WITH_TIMEOUT(flushed.isFinished(), 10000); \
    } while (false)

namespace {

constexpr qint64 kNow = 1'780'000'000'000;   // a fixed "now" (UTC ms), late 2026
constexpr qint64 kHour = 3600LL * 1000;

StoredLagPoint point(const QString &group, const QString &topic, int partition, LagTier tier, qint64 timeMs, qint64 seed)
{
    return {{group, topic, partition}, tier, {timeMs, 1000 + seed, 900 + seed, 100, partition >= 0 ? 10 + seed : -1}};
}

GroupEvent rebalance(const QString &group, qint64 timeMs)
{
    GroupEvent e;
    e.timeMs = timeMs;
    e.groupId = group;
    e.kind = GroupEventKind::RebalanceCompleted;
    e.state = GroupState::Stable;
    e.previousState = GroupState::CompletingRebalance;
    e.generation = 7;
    e.memberId = QStringLiteral("consumer-1-5c3a");
    e.clientId = QStringLiteral("consumer-1");
    e.host = QStringLiteral("/10.0.0.5");
    e.groupInstanceId = QStringLiteral("static-a");
    e.partitionsAdded = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders.v2"), 11}};
    e.partitionsRemoved = {{QStringLiteral("pay-ments"), 3}};
    e.durationMs = 3120;
    e.partitionsMoved = 3;
    e.unownedMs = 2900;
    e.reason = QStringLiteral("member consumer-2 joined — \"rebalance\" ✓");
    return e;
}

bool byTierTimeKey(const StoredLagPoint &a, const StoredLagPoint &b)
{
    return std::tuple(int(a.tier), a.point.timeMs, a.key.groupId, a.key.topic, a.key.partition)
           < std::tuple(int(b.tier), b.point.timeMs, b.key.groupId, b.key.topic, b.key.partition);
}

QList<StoredLagPoint> sorted(QList<StoredLagPoint> points)
{
    std::sort(points.begin(), points.end(), byTierTimeKey);
    return points;
}

// Rows in a table of the file, read with the test's own connection.
int rowsInFile(const QString &path, const QString &table)
{
    int rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-raw"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                rows = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst-raw"));
    return rows;
}

// Waits for the store's first problem (the open happens on its thread).
QString firstProblem(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return {};
    return spy.first().first().toString();
}

}   // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        // The folder does not exist yet: the store makes it.
        const QString path = dir.filePath(QStringLiteral("history/cluster-a.sqlite"));
        const QList<StoredLagPoint> points{
            point(QStringLiteral("billing"), {}, -1, LagTier::FiveSeconds, kNow - 5000, 1),
            point(QStringLiteral("billing"), QStringLiteral("orders"), -1, LagTier::OneMinute, kNow - 60000, 2),
            point(QStringLiteral("billing"), QStringLiteral("orders"), 3, LagTier::TenMinutes, kNow - 600000, 3),
            point(QStringLiteral("billing"), QStringLiteral("orders"), 3, LagTier::FiveSeconds, kNow, 4),
            // Unknown values stay unknown (-1), big offsets stay exact.
            {{QStringLiteral("ünïcode-grp"), QStringLiteral("t.1"), 0}, LagTier::FiveSeconds, {kNow - 10000, 9'000'000'000'123, -1, -1, 5}},
        };
        GroupEvent joined;
        joined.timeMs = kNow - 2000;
        joined.groupId = QStringLiteral("billing");
        joined.kind = GroupEventKind::MemberJoined;
        joined.state = GroupState::PreparingRebalance;
        joined.memberId = QStringLiteral("consumer-2-77");
        const QList<GroupEvent> events{joined, rebalance(QStringLiteral("billing"), kNow - 1000),
                                       rebalance(QStringLiteral("audit"), kNow - 500)};
        {
            HistoryStore store(path);
            QSignalSpy problems(&store, &HistoryStore::problem);
            store.append(points);
            store.appendEvents(events);
            WAIT_FLUSHED(store);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));
        }
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_points")), points.size());
        QCOMPARE(rowsInFile(path, QStringLiteral("group_events")), events.size());

        HistoryStore reopened(path);
        QSignalSpy problems(&reopened, &HistoryStore::problem);
        QCOMPARE(sorted(waitPolling(reopened.loadPoints(0))), sorted(points));
        QCOMPARE(sorted(waitPolling(reopened.loadPoints(kNow - 5000))), sorted({points.at(0), points.at(3)}));
        QCOMPARE(waitPolling(reopened.loadEvents(0)), events);
        QCOMPARE(waitPolling(reopened.loadEvents(0, QStringLiteral("audit"))), QList<GroupEvent>{events.at(2)});
        QCOMPARE(waitPolling(reopened.loadEvents(kNow - 1500, QStringLiteral("billing"))), QList<GroupEvent>{events.at(1)});
        const QHash<QString, int> rebalances
            = waitPolling(reopened.countEventsSince(GroupEventKind::RebalanceCompleted, kNow - 24 * kHour));
        QCOMPARE(rebalances, (QHash<QString, int>{{QStringLiteral("billing"), 1}, {QStringLiteral("audit"), 1}}));
        QVERIFY(problems.isEmpty());
    }

    void aPointAppendedTwiceIsKeptOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        HistoryStore store(path);
        const StoredLagPoint first = point(QStringLiteral("g"), QStringLiteral("t"), 0, LagTier::OneMinute, kNow, 1);
        StoredLagPoint corrected = first;
        corrected.point.lag = 55;
        store.append({first});
        WAIT_FLUSHED(store);
        store.append({corrected});
        QCOMPARE(waitPolling(store.loadPoints(0)), QList<StoredLagPoint>{corrected});
    }

    void theCodecIsExactForAnyValues()
    {
        const QList<LagPoint> points{{kNow, 1'000'000, 999'000, 1000, -1},
                                     {kNow + 60000, 1'000'600, 999'900, 700, -1},
                                     {kNow + 120000, -1, -1, -1, 5},   // unknowns between knowns
                                     {kNow + 180000, std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min(), 0, 0},
                                     {kNow + 240000, 9'000'000'000'123, 0, 9'000'000'000'123, 42}};
        const QByteArray bytes = LagPointCodec::encode(points);
        QCOMPARE(LagPointCodec::decode(bytes), std::optional(points));
        QCOMPARE(LagPointCodec::decode(LagPointCodec::encode({})), std::optional(QList<LagPoint>{}));
        // Neighbouring minute points of a group are a few bytes each.
        QList<LagPoint> minutes;
        for (int i = 0; i < 30; ++i)
            minutes.append({kNow + i * 60000, 5'000'000 + i * 600, 4'990'000 + i * 590, 10'000 + i * 10, -1});
        QVERIFY2(LagPointCodec::encode(minutes).size() <= 2 + 30 * 10, QByteArray::number(LagPointCodec::encode(minutes).size()).constData());
        // Damage is refused, never read as other numbers.
        QVERIFY(!LagPointCodec::decode(bytes.left(bytes.size() - 1)));
        QVERIFY(!LagPointCodec::decode(bytes + QByteArray(1, '\0')));
        QVERIFY(!LagPointCodec::decode(QByteArray(1, '\x07') + bytes.mid(1)));
        QVERIFY(!LagPointCodec::decode({}));
    }

    void closedChunksAreCompactedAndReadBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const qint64 chunk = HistoryWorker::chunkMs(LagTier::FiveSeconds);   // 150 s
        const qint64 start = kNow - kNow % chunk;                             // a chunk's start
        QList<StoredLagPoint> written;
        {
            HistoryStore store(path);
            QSignalSpy problems(&store, &HistoryStore::problem);
            // Three chunks of a group's 5 s points and a partition's, one refresh at a time.
            for (qint64 t = start; t < start + 3 * chunk; t += 5000) {
                const QList<StoredLagPoint> batch{point(QStringLiteral("g"), {}, -1, LagTier::FiveSeconds, t, t / 1000 % 977),
                                                  point(QStringLiteral("g"), QStringLiteral("t"), 2, LagTier::FiveSeconds, t, t / 1000 % 331)};
                written += batch;
                store.append(batch);
                WAIT_FLUSHED(store);
            }
            // A refresh asked for 1.5 s after the last one, in the same bucket: the later stands for it.
            const StoredLagPoint again = point(QStringLiteral("g"), {}, -1, LagTier::FiveSeconds, start + 3 * chunk - 3500, 5);
            store.append({again});
            WAIT_FLUSHED(store);
            written.append(again);
            // The next chunk begins: the first three are final, compacted.
            const StoredLagPoint next = point(QStringLiteral("g"), {}, -1, LagTier::FiveSeconds, start + 3 * chunk + 5000, 6);
            store.append({next});
            written.append(next);
            WAIT_FLUSHED(store);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).value(0).toString()));
        }
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_points")), 1);   // only the open chunk's point is a row
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_chunks")), 2 * 3);
        // The point replaced in its bucket is the one left out.
        QList<StoredLagPoint> expected = written;
        expected.removeIf([&](const StoredLagPoint &p) {
            return p.key.isGroup() && p.point.timeMs == start + 3 * chunk - 5000;
        });
        HistoryStore reopened(path);
        QCOMPARE(sorted(waitPolling(reopened.loadPoints(0))), sorted(expected));
        // In (tier, time) order, as the restore takes them.
        const QList<StoredLagPoint> loaded = waitPolling(reopened.loadPoints(start + chunk + 1000));
        QVERIFY(std::is_sorted(loaded.cbegin(), loaded.cend(), [](const StoredLagPoint &a, const StoredLagPoint &b) {
            return std::pair(int(a.tier), a.point.timeMs) < std::pair(int(b.tier), b.point.timeMs);
        }));
        QCOMPARE(loaded.first().point.timeMs, start + chunk + 5000);
        // Pruning cuts into a chunk that straddles the age limit.
        HistoryRetention shorter;
        shorter.fiveSecondsMs = (start + 3 * chunk + 5000) - (start + 2 * chunk + 60000);
        reopened.setRetention(shorter);
        reopened.prune(start + 3 * chunk + 5000);
        const QList<StoredLagPoint> pruned = waitPolling(reopened.loadPoints(0));
        QCOMPARE(pruned.first().point.timeMs, start + 2 * chunk + 60000);
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_chunks")), 2);
    }

    void aFileOfTheFirstLayoutIsUpgraded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const char *sql :
                 {"CREATE TABLE schema_version (version INTEGER NOT NULL)", "INSERT INTO schema_version (version) VALUES (1)",
                  "CREATE TABLE lag_series (id INTEGER PRIMARY KEY, group_id TEXT NOT NULL, topic TEXT NOT NULL, "
                  "partition INTEGER NOT NULL, UNIQUE (group_id, topic, partition))",
                  "CREATE TABLE lag_points (series_id INTEGER NOT NULL, tier INTEGER NOT NULL, time_ms INTEGER NOT NULL, "
                  "end_offset INTEGER NOT NULL, committed_offset INTEGER NOT NULL, lag INTEGER NOT NULL, "
                  "log_start_offset INTEGER NOT NULL, PRIMARY KEY (series_id, tier, time_ms)) WITHOUT ROWID",
                  "CREATE INDEX lag_points_by_time ON lag_points (tier, time_ms)",
                  "CREATE TABLE group_events (id INTEGER PRIMARY KEY, group_id TEXT NOT NULL, time_ms INTEGER NOT NULL, "
                  "kind TEXT NOT NULL, state TEXT NOT NULL, previous_state TEXT NOT NULL, generation INTEGER NOT NULL, "
                  "member_id TEXT NOT NULL, client_id TEXT NOT NULL, host TEXT NOT NULL, group_instance_id TEXT NOT NULL, "
                  "partitions_added TEXT NOT NULL, partitions_removed TEXT NOT NULL, duration_ms INTEGER NOT NULL, "
                  "partitions_moved INTEGER NOT NULL, unowned_ms INTEGER NOT NULL, reason TEXT NOT NULL)",
                  "INSERT INTO lag_series VALUES (1, 'g', '', -1)",
                  "INSERT INTO lag_points VALUES (1, 1, 1780000000000, 1000, 900, 100, -1)",
                  "INSERT INTO lag_points VALUES (1, 1, 1779990000000, 990, 890, 100, -1)"})
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-v1"));
        HistoryStore store(path);
        QSignalSpy problems(&store, &HistoryStore::problem);
        QCOMPARE(waitPolling(store.loadPoints(0)).size(), qsizetype(2));
        // Its rows are compacted with the first write.
        store.append({point(QStringLiteral("g"), {}, -1, LagTier::OneMinute, kNow + 3 * kHour, 1)});
        WAIT_FLUSHED(store);
        QCOMPARE(waitPolling(store.loadPoints(0)).size(), qsizetype(3));
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_chunks")), 2);   // two chunks of 30 min
        QVERIFY(problems.isEmpty());
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("h.sqlite.corrupt-*")}).isEmpty());
    }

    void pruneDropsWhatIsOlderThanItsTier()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        HistoryStore store(path);
        const QString g = QStringLiteral("g");
        const QString t = QStringLiteral("t");
        const QList<StoredLagPoint> kept{
            point(g, t, 0, LagTier::FiveSeconds, kNow - kHour + 1000, 1),
            point(g, t, 0, LagTier::OneMinute, kNow - 23 * kHour, 2),
            point(g, t, 0, LagTier::TenMinutes, kNow - 6 * 24 * kHour, 3),
        };
        const QList<StoredLagPoint> old{
            point(g, t, 0, LagTier::FiveSeconds, kNow - kHour - 1000, 4),
            point(g, t, 0, LagTier::OneMinute, kNow - 25 * kHour, 5),
            point(g, t, 0, LagTier::TenMinutes, kNow - 8 * 24 * kHour, 6),
            // A series with nothing recent goes with its last point.
            point(QStringLiteral("gone"), {}, -1, LagTier::OneMinute, kNow - 30 * kHour, 7),
        };
        store.append(kept + old);
        store.appendEvents({rebalance(g, kNow - 8 * 24 * kHour), rebalance(g, kNow - 6 * 24 * kHour)});
        store.prune(kNow);
        QCOMPARE(sorted(waitPolling(store.loadPoints(0))), sorted(kept));
        QCOMPARE(waitPolling(store.loadEvents(0)), QList<GroupEvent>{rebalance(g, kNow - 6 * 24 * kHour)});
        WAIT_FLUSHED(store);
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_series")), 1);

        // Shorter ages of one's own.
        HistoryRetention shorter;
        shorter.oneMinuteMs = kHour;
        shorter.eventsMs = kHour;
        store.setRetention(shorter);
        store.prune(kNow);
        QCOMPARE(sorted(waitPolling(store.loadPoints(0))), sorted({kept.at(0), kept.at(2)}));
        QCOMPARE(waitPolling(store.loadEvents(0)), QList<GroupEvent>{});
    }

    void destructorWritesWhatWasAppended()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        QList<StoredLagPoint> points;
        for (int p = 0; p < 500; ++p)
            points << point(QStringLiteral("g"), QStringLiteral("t"), p, LagTier::FiveSeconds, kNow, p);
        {
            HistoryStore store(path);
            store.append(points);
            store.appendEvents({rebalance(QStringLiteral("g"), kNow)});
            // Destroyed at once: the batch's delay has not passed.
        }
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_points")), 500);
        QCOMPARE(rowsInFile(path, QStringLiteral("group_events")), 1);
    }

    void garbageFileIsKeptAsideAndANewOneStarted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const QByteArray garbage = QByteArray("this is not SQLite ").repeated(300);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }
        HistoryStore store(path);
        QSignalSpy problems(&store, &HistoryStore::problem);
        store.append({point(QStringLiteral("g"), {}, -1, LagTier::OneMinute, kNow, 1)});
        QCOMPARE(waitPolling(store.loadPoints(0)).size(), 1);
        const QString message = firstProblem(problems);
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("h.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("^h\\.sqlite\\.corrupt-\\d{8}T\\d{6}Z$")).match(aside.first()).hasMatch(),
                 qPrintable(aside.first()));
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);   // moved, never rewritten
        QVERIFY2(message.contains(path) && message.contains(dir.filePath(aside.first())) && message.contains(QStringLiteral("new history")),
                 qPrintable(message));
        QCOMPARE(problems.size(), 1);
        WAIT_FLUSHED(store);
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_points")), 1);   // the new file is on disk, not in memory
    }

    void damagedPagesAreFoundByTheIntegrityCheck()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        {
            HistoryStore store(path);
            QList<StoredLagPoint> points;
            for (int p = 0; p < 3000; ++p)
                points << point(QStringLiteral("group-%1").arg(p % 40), QStringLiteral("t"), p, LagTier::FiveSeconds, kNow, p);
            store.append(points);
        }
        {
            // Fold the log into the file, then overwrite pages past the first:
            // the header still says SQLite, the b-trees are garbage.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-ckpt"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-ckpt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 8 * 4096);
            f.seek(4096);
            f.write(QByteArray(6 * 4096, '\xA5'));
        }
        HistoryStore store(path);
        QSignalSpy problems(&store, &HistoryStore::problem);
        const QString message = firstProblem(problems);
        QVERIFY2(message.contains(QStringLiteral(".corrupt-")), qPrintable(message));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("h.sqlite.corrupt-*")}).size(), 1);
        QCOMPARE(waitPolling(store.loadPoints(0)), QList<StoredLagPoint>{});
    }

    void aDatabaseOfAnotherLayoutIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-other"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tst-other"));
        HistoryStore store(path);
        QSignalSpy problems(&store, &HistoryStore::problem);
        const QString message = firstProblem(problems);
        QVERIFY2(message.contains(QStringLiteral("not a Cohort history file")), qPrintable(message));
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("h.sqlite.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(rowsInFile(dir.filePath(aside.first()), QStringLiteral("notes")), 0);   // still the other program's file
    }

    void aLockedFileLeavesItAloneAndKeepsTheRunInMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        {
            HistoryStore store(path);
            store.append({point(QStringLiteral("before"), {}, -1, LagTier::OneMinute, kNow - 60000, 1)});
        }
        // Another connection (as another Cohort would) holds the write lock.
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-locker"));
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));
        {
            HistoryStore store(path);
            QSignalSpy problems(&store, &HistoryStore::problem);
            const QString message = firstProblem(problems);
            QVERIFY2(message.contains(path) && message.contains(QStringLiteral("in use by another program"))
                         && message.contains(QStringLiteral("memory only")),
                     qPrintable(message));
            const StoredLagPoint now = point(QStringLiteral("during"), {}, -1, LagTier::OneMinute, kNow, 2);
            store.append({now});
            QCOMPARE(waitPolling(store.loadPoints(0)), QList<StoredLagPoint>{now});
            QCOMPARE(problems.size(), 1);
        }
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        lock.finish();
        locker.close();
        locker = {};
        QSqlDatabase::removeDatabase(QStringLiteral("tst-locker"));
        // The other program's file is as it was: nothing written, nothing moved.
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_points")), 1);
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.corrupt-*")}), QStringList{});
    }

    void aFileLockedLaterKeepsWhatFollowsInMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        HistoryStore store(path);
        QSignalSpy problems(&store, &HistoryStore::problem);
        const StoredLagPoint before = point(QStringLiteral("g"), {}, -1, LagTier::OneMinute, kNow - 60000, 1);
        store.append({before});
        WAIT_FLUSHED(store);
        QVERIFY(problems.isEmpty());
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-late-locker"));
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        QSqlQuery lock(locker);
        QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));
        const StoredLagPoint after = point(QStringLiteral("g"), {}, -1, LagTier::OneMinute, kNow, 2);
        store.append({after});
        const QString message = firstProblem(problems);
        QVERIFY2(message.contains(QStringLiteral("Writing the history")) && message.contains(QStringLiteral("memory only")),
                 qPrintable(message));
        // From then on the run's points are in memory (the file's older ones are not read back).
        QCOMPARE(waitPolling(store.loadPoints(0)), QList<StoredLagPoint>{after});
        store.append({point(QStringLiteral("g"), {}, -1, LagTier::OneMinute, kNow + 60000, 3)});
        QCOMPARE(waitPolling(store.loadPoints(0)).size(), 2);
        QCOMPARE(problems.size(), 1);
        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        lock.finish();
        locker.close();
        locker = {};
        QSqlDatabase::removeDatabase(QStringLiteral("tst-late-locker"));
        QCOMPARE(rowsInFile(path, QStringLiteral("lag_points")), 1);
    }

    void anUnwritableFolderKeepsTheRunInMemory()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                                  | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
        QString path = folder + QStringLiteral("/h.sqlite");
        const bool permissionsHold = !QFile(folder + QStringLiteral("/probe")).open(QIODevice::WriteOnly);
        QFile::remove(folder + QStringLiteral("/probe"));
        if (!permissionsHold) {
            // Running as root, whom permissions do not stop: /proc is a folder
            // in which nobody can create a file.
            path = QStringLiteral("/proc/self/h.sqlite");
        }
        {
            HistoryStore store(path);
            QSignalSpy problems(&store, &HistoryStore::problem);
            const QString message = firstProblem(problems);
            QVERIFY2(message.contains(path) && message.contains(QStringLiteral("cannot be written"))
                         && message.contains(QStringLiteral("memory only")),
                     qPrintable(message));
            const StoredLagPoint p = point(QStringLiteral("g"), {}, -1, LagTier::OneMinute, kNow, 2);
            store.append({p});
            store.appendEvents({rebalance(QStringLiteral("g"), kNow)});
            QCOMPARE(waitPolling(store.loadPoints(0)), QList<StoredLagPoint>{p});
            QCOMPARE(waitPolling(store.loadEvents(0)).size(), 1);
            QCOMPARE(problems.size(), 1);
        }
        QVERIFY(!QFileInfo::exists(path));
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    void defaultPathIsPerConnection()
    {
        const QString a = HistoryStore::defaultPathFor(QStringLiteral("prod/eu 1"));
        const QString b = HistoryStore::defaultPathFor(QStringLiteral("prod_eu_1"));
        QVERIFY(a != b);
        QVERIFY(a.contains(QStringLiteral("/history/")));
        QVERIFY(!QFileInfo(a).fileName().contains(QLatin1Char('/')));
        QVERIFY(a.endsWith(QStringLiteral(".sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_history_store.moc"
