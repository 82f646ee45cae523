// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryWorker.h"

#include "core/history/LagPointCodec.h"
#include "core/lag/LagTieredSeries.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <QMap>

#include <algorithm>
#include <optional>
#include <tuple>

namespace cohort {

namespace {

// The file's layout. A file with tables but another version (or none) is not
// one this Cohort can read: it is moved aside like a damaged one. Version 1
// (before chunks) is upgraded in place: its rows are compacted at the first write.
constexpr int kSchemaVersion = 2;
constexpr int kChunklessVersion = 1;
const char *const kChunkTable = "CREATE TABLE lag_chunks (series_id INTEGER NOT NULL, tier INTEGER NOT NULL, "
                                "start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, points BLOB NOT NULL, "
                                "UNIQUE (series_id, tier, start_ms))";

qint64 floorTo(qint64 t, qint64 step)
{
    return t >= 0 ? t - t % step : t - ((t % step) + step) % step;
}

// How long SQLite waits for another connection's lock before saying "busy":
// short, because the worker must not sit on a file another process holds.
constexpr int kBusyTimeoutMs = 250;

// A batch is written this long after its first row, so that one refresh's
// appends (group, topic and partition points, then events) share a transaction.
constexpr int kFlushDelayMs = 200;
constexpr qsizetype kFlushAtRows = 50000;

QString translated(const char *text)
{
    return QCoreApplication::translate("HistoryStore", text);
}

// Events are stored by their cohort-cli `groups watch` names
// (groupEventKindName), so the file does not depend on the enum's order.
std::optional<GroupEventKind> kindFromName(const QString &name)
{
    for (GroupEventKind k : {GroupEventKind::StateChanged, GroupEventKind::MemberJoined, GroupEventKind::MemberLeft,
                             GroupEventKind::AssignmentChanged, GroupEventKind::RebalanceStarted, GroupEventKind::RebalanceCompleted})
        if (groupEventKindName(k) == name)
            return k;
    return std::nullopt;
}

// Qt binds a null QString as SQL NULL; the columns are NOT NULL, so "" it is.
QString nonNull(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString partitionsText(const QList<TopicPartition> &partitions)
{
    QJsonArray array;
    for (const TopicPartition &tp : partitions)
        array.append(QJsonArray{tp.topic, tp.partition});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<TopicPartition> partitionsFromText(const QString &text)
{
    QList<TopicPartition> out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonArray pair = v.toArray();
        out.append({pair.at(0).toString(), pair.at(1).toInt(-1)});
    }
    return out;
}

const char *const kSchema[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    // One row per series; its unique key is the index by group.
    "CREATE TABLE lag_series (id INTEGER PRIMARY KEY, group_id TEXT NOT NULL, topic TEXT NOT NULL, "
    "partition INTEGER NOT NULL, UNIQUE (group_id, topic, partition))",
    // The primary key orders a series' points by tier and time (a group's
    // history is its series' ranges); the second index serves prune and the
    // load of everything since a time.
    "CREATE TABLE lag_points (series_id INTEGER NOT NULL, tier INTEGER NOT NULL, time_ms INTEGER NOT NULL, "
    "end_offset INTEGER NOT NULL, committed_offset INTEGER NOT NULL, lag INTEGER NOT NULL, "
    "log_start_offset INTEGER NOT NULL, PRIMARY KEY (series_id, tier, time_ms)) WITHOUT ROWID",
    "CREATE INDEX lag_points_by_time ON lag_points (tier, time_ms)",
    // Points older than their tier's open chunk, compacted: one row per
    // series, tier and chunk (start_ms: the chunk's start; end_ms: its last point).
    kChunkTable,
    "CREATE TABLE group_events (id INTEGER PRIMARY KEY, group_id TEXT NOT NULL, time_ms INTEGER NOT NULL, "
    "kind TEXT NOT NULL, state TEXT NOT NULL, previous_state TEXT NOT NULL, generation INTEGER NOT NULL, "
    "member_id TEXT NOT NULL, client_id TEXT NOT NULL, host TEXT NOT NULL, group_instance_id TEXT NOT NULL, "
    "partitions_added TEXT NOT NULL, partitions_removed TEXT NOT NULL, duration_ms INTEGER NOT NULL, "
    "partitions_moved INTEGER NOT NULL, unowned_ms INTEGER NOT NULL, reason TEXT NOT NULL)",
    "CREATE INDEX group_events_by_group_time ON group_events (group_id, time_ms)",
    "CREATE INDEX group_events_by_time ON group_events (time_ms)",
};

}   // namespace

qint64 HistoryWorker::chunkMs(LagTier tier)
{
    return LagTieredSeries::bucketMs(tier) * kPointsPerChunk;
}

HistoryWorker::HistoryWorker(const QString &filePath, const QString &connectionName)
    : m_filePath(filePath)
    , m_connectionName(connectionName)
    , m_flushTimer(this)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &HistoryWorker::flush);
}

HistoryWorker::~HistoryWorker() = default;

void HistoryWorker::say(const QString &message)
{
    if (m_said.contains(message))
        return;
    m_said.insert(message);
    qCWarning(lcLag).noquote() << message;
    Q_EMIT problem(message);
}

HistoryWorker::Outcome HistoryWorker::failed(const QSqlError &error)
{
    // Qt's SQLite driver reports SQLite's result code; the low byte is the primary code.
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (code) {
    case 11:   // SQLITE_CORRUPT
    case 26:   // SQLITE_NOTADB
        return {Failure::Corrupt, detail};
    case 5:   // SQLITE_BUSY
    case 6:   // SQLITE_LOCKED
        return {Failure::Locked, detail};
    case 3:    // SQLITE_PERM
    case 8:    // SQLITE_READONLY
    case 14:   // SQLITE_CANTOPEN
        return {Failure::NotWritable, detail};
    default: return {Failure::Other, detail};
    }
}

HistoryWorker::Outcome HistoryWorker::openDatabase(const QString &databaseName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(databaseName);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open())
        return failed(db.lastError());
    return {};
}

HistoryWorker::Outcome HistoryWorker::createSchema()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    for (const char *statement : kSchema)
        if (!q.exec(QString::fromLatin1(statement)))
            return failed(q.lastError());
    if (!q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(kSchemaVersion)))
        return failed(q.lastError());
    return {};
}

HistoryWorker::Outcome HistoryWorker::openFile()
{
    if (Outcome o = openDatabase(m_filePath); o.failure != Failure::None)
        return o;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // The first read is where SQLite notices a file that is not a database.
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return failed(q.lastError());
    QStringList findings;
    while (q.next())
        findings << q.value(0).toString();
    if (findings != QStringList{QStringLiteral("ok")}) {
        // The check lists every problem it finds, after a "*** in database main ***" header: the first says enough.
        QStringList lines = findings.join(QLatin1Char('\n')).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.removeIf([](const QString &l) { return l.startsWith(QLatin1String("***")); });
        return {Failure::Corrupt, lines.value(0).left(200)};
    }

    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return failed(q.lastError());
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    const bool fresh = tables.isEmpty();
    if (!fresh) {
        if (!tables.contains(QStringLiteral("schema_version")))
            return {Failure::Corrupt, translated("not a Cohort history file")};
        if (!q.exec(QStringLiteral("SELECT version FROM schema_version")))
            return failed(q.lastError());
        const int version = q.next() ? q.value(0).toInt() : -1;
        if (version == kChunklessVersion) {
            q.finish();
            if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
                return failed(q.lastError());
            if (!q.exec(QString::fromLatin1(kChunkTable))
                || !q.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(kSchemaVersion))) {
                const Outcome o = failed(q.lastError());
                q.exec(QStringLiteral("ROLLBACK"));
                return o;
            }
            if (!q.exec(QStringLiteral("COMMIT")))
                return failed(q.lastError());
        } else if (version != kSchemaVersion)
            return {Failure::Corrupt,
                    translated("unknown layout version %1, this Cohort reads version %2").arg(version).arg(kSchemaVersion)};
    }
    q.finish();
    // WAL: the readers (a load) never wait for the writer, and a commit is one
    // append to the log; NORMAL is durable enough for a history under WAL.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return failed(q.lastError());
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return failed(q.lastError());
    // Take the write lock once now, so that a file another process holds (or a
    // read-only one) is found at the start, not at the first batch.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(q.lastError());
    if (fresh)
        if (Outcome o = createSchema(); o.failure != Failure::None) {
            q.exec(QStringLiteral("ROLLBACK"));
            return o;
        }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Outcome o = failed(q.lastError());
        q.exec(QStringLiteral("ROLLBACK"));
        return o;
    }
    return {};
}

void HistoryWorker::closeDatabase()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_ready = false;
    m_seriesIds.clear();
    m_seriesLoaded = false;
}

void HistoryWorker::openInMemory()
{
    closeDatabase();
    m_inMemory = true;
    if (openDatabase(QStringLiteral(":memory:")).failure == Failure::None && createSchema().failure == Failure::None)
        m_ready = true;
}

QString HistoryWorker::moveAside(QString *why)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString aside = m_filePath + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = m_filePath + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    QFile file(m_filePath);
    if (!file.rename(aside)) {
        *why = file.errorString();
        return {};
    }
    // The log and its index belong with the file they were written for; the
    // same suffix keeps them a pair SQLite would open together.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFileInfo::exists(m_filePath + suffix))
            QFile::rename(m_filePath + suffix, aside + suffix);
    return aside;
}

void HistoryWorker::open()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        say(translated("Cohort cannot keep a lag and rebalance history: Qt's SQLite driver is not installed "
                       "(on Debian and Ubuntu the package libqt6sql6-sqlite). Install it and restart Cohort."));
        return;
    }
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (!QDir().mkpath(folder)) {
        say(translated("The folder %1 for the history of this connection cannot be created. Make sure it can be "
                       "created and written by your user; until then this run keeps its history in memory only.")
                .arg(QDir::toNativeSeparators(folder)));
        openInMemory();
        return;
    }
    Outcome o = openFile();
    if (o.failure == Failure::Corrupt) {
        const QString damage = o.detail;
        closeDatabase();
        QString why;
        const QString aside = moveAside(&why);
        if (aside.isEmpty()) {
            say(translated("The history file %1 cannot be read (%2) and could not be moved aside (%3). Move it away "
                           "yourself; until then this run keeps its history in memory only.")
                    .arg(QDir::toNativeSeparators(m_filePath), damage, why));
            openInMemory();
            return;
        }
        o = openFile();
        if (o.failure == Failure::None)
            say(translated("The history file %1 could not be read (%2). It was kept as %3 and a new history was started.")
                    .arg(QDir::toNativeSeparators(m_filePath), damage, QDir::toNativeSeparators(aside)));
        else
            closeDatabase();
    } else if (o.failure != Failure::None) {
        closeDatabase();
    }
    switch (o.failure) {
    case Failure::None: m_ready = true; return;
    case Failure::Locked:
        say(translated("The history file %1 is in use by another program (%2), probably another Cohort connected to "
                       "the same cluster. Close it and reconnect to keep the history; until then this run keeps its "
                       "history in memory only.")
                .arg(QDir::toNativeSeparators(m_filePath), o.detail));
        break;
    case Failure::NotWritable:
        say(translated("The history file %1 cannot be written (%2). Make it and its folder %3 writable by your user; "
                       "until then this run keeps its history in memory only.")
                .arg(QDir::toNativeSeparators(m_filePath), o.detail, QDir::toNativeSeparators(folder)));
        break;
    case Failure::Corrupt:
    case Failure::Other:
        say(translated("The history file %1 cannot be used (%2); this run keeps its history in memory only.")
                .arg(QDir::toNativeSeparators(m_filePath), o.detail));
        break;
    }
    openInMemory();
}

void HistoryWorker::close()
{
    m_flushTimer.stop();
    flush();
    closeDatabase();
}

void HistoryWorker::enqueuePoints(const QList<StoredLagPoint> &points)
{
    m_pendingPoints += points;
    if (m_pendingPoints.size() + m_pendingEvents.size() >= kFlushAtRows)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void HistoryWorker::enqueueEvents(const QList<GroupEvent> &events)
{
    m_pendingEvents += events;
    if (m_pendingPoints.size() + m_pendingEvents.size() >= kFlushAtRows)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void HistoryWorker::flush()
{
    m_flushTimer.stop();
    if (m_pendingPoints.isEmpty() && m_pendingEvents.isEmpty())
        return;
    if (!m_ready) {   // no SQLite driver at all: said at open
        m_pendingPoints.clear();
        m_pendingEvents.clear();
        return;
    }
    for (const StoredLagPoint &p : std::as_const(m_pendingPoints))
        m_latestMs[int(p.tier)] = qMax(m_latestMs[int(p.tier)], p.point.timeMs);
    QString why;
    if (!writePending(&why))
        fallBackToMemory(why);
    m_pendingPoints.clear();
    m_pendingEvents.clear();
    compactClosedChunks();
}

void HistoryWorker::compactClosedChunks()
{
    if (!m_ready)
        return;
    for (LagTier tier : {LagTier::FiveSeconds, LagTier::OneMinute, LagTier::TenMinutes}) {
        const int t = int(tier);
        if (m_latestMs[t] == LLONG_MIN)
            continue;
        // Points keep arriving for the chunk of the latest one; those before it are final.
        const qint64 before = floorTo(m_latestMs[t], chunkMs(tier));
        if (before <= m_compactedBeforeMs[t])
            continue;
        QString why;
        if (!compactTier(tier, before, &why)) {
            say(translated("The history in %1 could not be compacted (%2); it keeps growing until this is fixed.")
                    .arg(QDir::toNativeSeparators(m_filePath), why));
            return;
        }
        m_compactedBeforeMs[t] = before;
    }
}

bool HistoryWorker::compactTier(LagTier tier, qint64 beforeMs, QString *why)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *why = q.lastError().text();
        return false;
    }
    const auto fail = [&](const QSqlQuery &failedQuery) {
        *why = failedQuery.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    rows.prepare(QStringLiteral("SELECT series_id, time_ms, end_offset, committed_offset, lag, log_start_offset FROM lag_points "
                                "WHERE tier = ? AND time_ms < ? ORDER BY series_id, time_ms"));
    rows.addBindValue(int(tier));
    rows.addBindValue(beforeMs);
    if (!rows.exec())
        return fail(rows);
    // (series, chunk start) -> its points, in time order.
    QMap<std::pair<qint64, qint64>, QList<LagPoint>> chunks;
    const qint64 span = chunkMs(tier);
    while (rows.next()) {
        const LagPoint p{rows.value(1).toLongLong(), rows.value(2).toLongLong(), rows.value(3).toLongLong(), rows.value(4).toLongLong(),
                         rows.value(5).toLongLong()};
        chunks[{rows.value(0).toLongLong(), floorTo(p.timeMs, span)}].append(p);
    }
    rows.finish();
    if (chunks.isEmpty()) {
        q.exec(QStringLiteral("COMMIT"));
        return true;
    }
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral("SELECT points FROM lag_chunks WHERE series_id = ? AND tier = ? AND start_ms = ?"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO lag_chunks (series_id, tier, start_ms, end_ms, points) VALUES (?, ?, ?, ?, ?)"));
    const qint64 bucket = LagTieredSeries::bucketMs(tier);
    for (auto it = chunks.begin(); it != chunks.end(); ++it) {
        QMap<qint64, LagPoint> byTime;
        existing.bindValue(0, it.key().first);
        existing.bindValue(1, int(tier));
        existing.bindValue(2, it.key().second);
        if (!existing.exec())
            return fail(existing);
        if (existing.next())
            if (const auto earlier = LagPointCodec::decode(existing.value(0).toByteArray()))
                for (const LagPoint &p : *earlier)
                    byTime.insert(p.timeMs, p);
        existing.finish();
        for (const LagPoint &p : std::as_const(*it))
            byTime.insert(p.timeMs, p);   // the row is the later word on its time
        // Two samples in one bucket (a refresh asked for between the timer's):
        // the later stands for it, as LagTieredSeries keeps it.
        QList<LagPoint> points;
        points.reserve(byTime.size());
        for (const LagPoint &p : std::as_const(byTime)) {
            if (!points.isEmpty() && floorTo(points.last().timeMs, bucket) == floorTo(p.timeMs, bucket))
                points.last() = p;
            else
                points.append(p);
        }
        insert.bindValue(0, it.key().first);
        insert.bindValue(1, int(tier));
        insert.bindValue(2, it.key().second);
        insert.bindValue(3, points.last().timeMs);
        insert.bindValue(4, LagPointCodec::encode(points));
        if (!insert.exec())
            return fail(insert);
    }
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM lag_points WHERE tier = ? AND time_ms < ?"));
    remove.addBindValue(int(tier));
    remove.addBindValue(beforeMs);
    if (!remove.exec())
        return fail(remove);
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    return true;
}

bool HistoryWorker::trimChunks(LagTier tier, qint64 cutoffMs, QString *why)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery straddling(db);
    straddling.setForwardOnly(true);
    straddling.prepare(QStringLiteral("SELECT series_id, start_ms, points FROM lag_chunks WHERE tier = ? AND start_ms < ? AND end_ms >= ?"));
    straddling.addBindValue(int(tier));
    straddling.addBindValue(cutoffMs);
    straddling.addBindValue(cutoffMs);
    if (!straddling.exec()) {
        *why = straddling.lastError().text();
        return false;
    }
    QList<std::tuple<qint64, qint64, QList<LagPoint>>> kept;
    while (straddling.next()) {
        QList<LagPoint> points = LagPointCodec::decode(straddling.value(2).toByteArray()).value_or(QList<LagPoint>{});
        points.removeIf([cutoffMs](const LagPoint &p) { return p.timeMs < cutoffMs; });
        kept.append({straddling.value(0).toLongLong(), straddling.value(1).toLongLong(), std::move(points)});
    }
    straddling.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE lag_chunks SET points = ? WHERE series_id = ? AND tier = ? AND start_ms = ?"));
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM lag_chunks WHERE series_id = ? AND tier = ? AND start_ms = ?"));
    for (const auto &[series, start, points] : std::as_const(kept)) {
        QSqlQuery &change = points.isEmpty() ? remove : update;
        int i = 0;
        if (!points.isEmpty())
            update.bindValue(i++, LagPointCodec::encode(points));
        change.bindValue(i++, series);
        change.bindValue(i++, int(tier));
        change.bindValue(i++, start);
        if (!change.exec()) {
            *why = change.lastError().text();
            return false;
        }
    }
    return true;
}

void HistoryWorker::fallBackToMemory(const QString &why)
{
    if (m_inMemory) {
        say(translated("The history of this run could not be kept (%1).").arg(why));
        return;
    }
    say(translated("Writing the history to %1 failed (%2); from now on this run keeps its history in memory only.")
            .arg(QDir::toNativeSeparators(m_filePath), why));
    openInMemory();
    QString again;
    if (m_ready && !writePending(&again))
        say(translated("The history of this run could not be kept (%1).").arg(again));
}

qint64 HistoryWorker::seriesId(const LagSeriesKey &key, QString *why)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!m_seriesLoaded) {
        QSqlQuery all(db);
        all.setForwardOnly(true);
        if (!all.exec(QStringLiteral("SELECT id, group_id, topic, partition FROM lag_series"))) {
            *why = all.lastError().text();
            return -1;
        }
        while (all.next())
            m_seriesIds.insert({all.value(1).toString(), all.value(2).toString(), all.value(3).toInt()}, all.value(0).toLongLong());
        m_seriesLoaded = true;
    }
    if (const auto it = m_seriesIds.constFind(key); it != m_seriesIds.cend())
        return *it;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO lag_series (group_id, topic, partition) VALUES (?, ?, ?)"));
    insert.addBindValue(nonNull(key.groupId));
    insert.addBindValue(nonNull(key.topic));   // "" for a group's own series: NOT NULL keeps the unique key exact
    insert.addBindValue(key.partition);
    if (!insert.exec()) {
        *why = insert.lastError().text();
        return -1;
    }
    const qint64 id = insert.lastInsertId().toLongLong();
    m_seriesIds.insert(key, id);
    return id;
}

bool HistoryWorker::writePending(QString *why)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *why = q.lastError().text();
        return false;
    }
    const auto fail = [&](const QSqlQuery &failedQuery) {
        *why = failedQuery.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        // Ids handed out in the rolled-back transaction are gone with it.
        m_seriesIds.clear();
        m_seriesLoaded = false;
        return false;
    };
    if (!m_pendingPoints.isEmpty()) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT OR REPLACE INTO lag_points (series_id, tier, time_ms, end_offset, "
                                      "committed_offset, lag, log_start_offset) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const StoredLagPoint &p : std::as_const(m_pendingPoints)) {
            const qint64 series = seriesId(p.key, why);
            if (series < 0) {
                const QString seriesWhy = *why;
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                m_seriesIds.clear();
                m_seriesLoaded = false;
                *why = seriesWhy;
                return false;
            }
            insert.bindValue(0, series);
            insert.bindValue(1, int(p.tier));
            insert.bindValue(2, p.point.timeMs);
            insert.bindValue(3, p.point.endOffset);
            insert.bindValue(4, p.point.committedOffset);
            insert.bindValue(5, p.point.lag);
            insert.bindValue(6, p.point.logStartOffset);
            if (!insert.exec())
                return fail(insert);
        }
    }
    if (!m_pendingEvents.isEmpty()) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO group_events (group_id, time_ms, kind, state, previous_state, generation, member_id, "
                                      "client_id, host, group_instance_id, partitions_added, partitions_removed, duration_ms, "
                                      "partitions_moved, unowned_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const GroupEvent &e : std::as_const(m_pendingEvents)) {
            int i = 0;
            insert.bindValue(i++, nonNull(e.groupId));
            insert.bindValue(i++, e.timeMs);
            insert.bindValue(i++, groupEventKindName(e.kind));
            insert.bindValue(i++, groupStateToString(e.state));
            insert.bindValue(i++, groupStateToString(e.previousState));
            insert.bindValue(i++, e.generation);
            insert.bindValue(i++, nonNull(e.memberId));
            insert.bindValue(i++, nonNull(e.clientId));
            insert.bindValue(i++, nonNull(e.host));
            insert.bindValue(i++, nonNull(e.groupInstanceId));
            insert.bindValue(i++, partitionsText(e.partitionsAdded));
            insert.bindValue(i++, partitionsText(e.partitionsRemoved));
            insert.bindValue(i++, e.durationMs);
            insert.bindValue(i++, e.partitionsMoved);
            insert.bindValue(i++, e.unownedMs);
            insert.bindValue(i++, nonNull(e.reason));
            if (!insert.exec())
                return fail(insert);
        }
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    return true;
}

QList<StoredLagPoint> HistoryWorker::loadPoints(qint64 fromMs)
{
    flush();
    QList<StoredLagPoint> out;
    if (!m_ready)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.group_id, s.topic, s.partition, p.tier, p.time_ms, p.end_offset, "
                             "p.committed_offset, p.lag, p.log_start_offset FROM lag_points p "
                             "JOIN lag_series s ON s.id = p.series_id WHERE p.tier IN (0, 1, 2) AND p.time_ms >= ? "
                             "ORDER BY p.tier, p.time_ms"));
    q.addBindValue(fromMs);
    if (!q.exec()) {
        say(translated("The history in %1 could not be read (%2).").arg(QDir::toNativeSeparators(m_filePath), q.lastError().text()));
        return out;
    }
    while (q.next()) {
        StoredLagPoint p;
        p.key = {q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()};
        p.tier = LagTier(q.value(3).toInt());
        p.point.timeMs = q.value(4).toLongLong();
        p.point.endOffset = q.value(5).toLongLong();
        p.point.committedOffset = q.value(6).toLongLong();
        p.point.lag = q.value(7).toLongLong();
        p.point.logStartOffset = q.value(8).toLongLong();
        out.append(std::move(p));
    }
    q.finish();
    QSqlQuery chunks(QSqlDatabase::database(m_connectionName, false));
    chunks.setForwardOnly(true);
    chunks.prepare(QStringLiteral("SELECT s.group_id, s.topic, s.partition, c.tier, c.points FROM lag_chunks c "
                                  "JOIN lag_series s ON s.id = c.series_id WHERE c.tier IN (0, 1, 2) AND c.end_ms >= ?"));
    chunks.addBindValue(fromMs);
    if (!chunks.exec()) {
        say(translated("The history in %1 could not be read (%2).")
                .arg(QDir::toNativeSeparators(m_filePath), chunks.lastError().text()));
        return out;
    }
    int unreadable = 0;
    while (chunks.next()) {
        const std::optional<QList<LagPoint>> points = LagPointCodec::decode(chunks.value(4).toByteArray());
        if (!points) {
            ++unreadable;
            continue;
        }
        const LagSeriesKey key{chunks.value(0).toString(), chunks.value(1).toString(), chunks.value(2).toInt()};
        const LagTier tier = LagTier(chunks.value(3).toInt());
        for (const LagPoint &p : *points)
            if (p.timeMs >= fromMs)
                out.append(StoredLagPoint{key, tier, p});
    }
    if (unreadable > 0)
        say(QCoreApplication::translate("HistoryStore", "%n part(s) of the history in %1 could not be read and were left out.", nullptr,
                                        unreadable)
                .arg(QDir::toNativeSeparators(m_filePath)));
    // The restore takes each series in time order: (tier, time), as the rows came.
    std::stable_sort(out.begin(), out.end(), [](const StoredLagPoint &a, const StoredLagPoint &b) {
        return std::pair(int(a.tier), a.point.timeMs) < std::pair(int(b.tier), b.point.timeMs);
    });
    return out;
}

QList<GroupEvent> HistoryWorker::loadEvents(qint64 fromMs, const QString &groupId)
{
    flush();
    QList<GroupEvent> out;
    if (!m_ready)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT group_id, time_ms, kind, state, previous_state, generation, member_id, client_id, "
                             "host, group_instance_id, partitions_added, partitions_removed, duration_ms, "
                             "partitions_moved, unowned_ms, reason FROM group_events WHERE time_ms >= ?")
              + (groupId.isEmpty() ? QString() : QStringLiteral(" AND group_id = ?")) + QStringLiteral(" ORDER BY time_ms, id"));
    q.addBindValue(fromMs);
    if (!groupId.isEmpty())
        q.addBindValue(groupId);
    if (!q.exec()) {
        say(translated("The history in %1 could not be read (%2).").arg(QDir::toNativeSeparators(m_filePath), q.lastError().text()));
        return out;
    }
    while (q.next()) {
        const std::optional<GroupEventKind> kind = kindFromName(q.value(2).toString());
        if (!kind)
            continue;   // a kind a later Cohort wrote: not one this one can show
        GroupEvent e;
        int i = 0;
        e.groupId = q.value(i++).toString();
        e.timeMs = q.value(i++).toLongLong();
        e.kind = *kind;
        ++i;
        e.state = groupStateFromString(q.value(i++).toString());
        e.previousState = groupStateFromString(q.value(i++).toString());
        e.generation = q.value(i++).toInt();
        e.memberId = q.value(i++).toString();
        e.clientId = q.value(i++).toString();
        e.host = q.value(i++).toString();
        e.groupInstanceId = q.value(i++).toString();
        e.partitionsAdded = partitionsFromText(q.value(i++).toString());
        e.partitionsRemoved = partitionsFromText(q.value(i++).toString());
        e.durationMs = q.value(i++).toLongLong();
        e.partitionsMoved = q.value(i++).toInt();
        e.unownedMs = q.value(i++).toLongLong();
        e.reason = q.value(i++).toString();
        out.append(std::move(e));
    }
    return out;
}

QHash<QString, int> HistoryWorker::countEventsSince(GroupEventKind kind, qint64 fromMs)
{
    flush();
    QHash<QString, int> out;
    if (!m_ready)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT group_id, COUNT(*) FROM group_events WHERE kind = ? AND time_ms >= ? GROUP BY group_id"));
    q.addBindValue(groupEventKindName(kind));
    q.addBindValue(fromMs);
    if (!q.exec()) {
        say(translated("The history in %1 could not be read (%2).").arg(QDir::toNativeSeparators(m_filePath), q.lastError().text()));
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

void HistoryWorker::prune(qint64 nowMs, const HistoryRetention &retention)
{
    flush();
    if (!m_ready)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    QString why;
    const auto run = [&](const QString &sql, std::initializer_list<QVariant> values) {
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (q.exec())
            return true;
        why = q.lastError().text();
        return false;
    };
    bool ok = run(QStringLiteral("BEGIN IMMEDIATE"), {});
    for (LagTier tier : {LagTier::FiveSeconds, LagTier::OneMinute, LagTier::TenMinutes}) {
        const qint64 cutoff = nowMs - retention.forTier(tier);
        ok = ok && run(QStringLiteral("DELETE FROM lag_points WHERE tier = ? AND time_ms < ?"), {int(tier), cutoff});
        ok = ok && run(QStringLiteral("DELETE FROM lag_chunks WHERE tier = ? AND end_ms < ?"), {int(tier), cutoff});
        if (ok && !trimChunks(tier, cutoff, &why))
            ok = false;
    }
    ok = ok && run(QStringLiteral("DELETE FROM group_events WHERE time_ms < ?"), {nowMs - retention.eventsMs});
    // A series with no point left (a group deleted a week ago) goes too.
    ok = ok
         && run(QStringLiteral("DELETE FROM lag_series WHERE NOT EXISTS (SELECT 1 FROM lag_points p WHERE p.series_id = lag_series.id) "
                            "AND NOT EXISTS (SELECT 1 FROM lag_chunks c WHERE c.series_id = lag_series.id)"),
                {});
    ok = ok && run(QStringLiteral("COMMIT"), {});
    m_seriesIds.clear();
    m_seriesLoaded = false;
    if (!ok) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        say(translated("Old history in %1 could not be deleted (%2).").arg(QDir::toNativeSeparators(m_filePath), why));
    }
}

}   // namespace cohort
