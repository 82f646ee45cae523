// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryRetention.h"
#include "core/lag/LagPoint.h"
#include "core/rebalance/GroupEvent.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <array>
#include <climits>

class QSqlDatabase;
class QSqlError;

namespace cohort {

// HistoryStore's worker: lives on the store's thread and owns its SQLite
// connection (Qt SQL connections may only be used on the thread that made
// them). Opens and checks the file, moves a damaged one aside, falls back to
// an in-memory database when the file cannot be written, and writes what was
// appended in one transaction per batch. Points older than the open chunk of
// their tier (kPointsPerChunk buckets: 150 s, 30 min, 5 h) are compacted into
// one row per series and chunk (LagPointCodec), so a day of thousands of
// series takes tens of megabytes, not hundreds. Every public function runs on the
// worker's thread only (HistoryStore queues them there).
class HistoryWorker : public QObject
{
    Q_OBJECT
public:
    HistoryWorker(const QString &filePath, const QString &connectionName);
    ~HistoryWorker() override;

    void open();
    void close();   // writes what is pending, then closes the connection

    void enqueuePoints(const QList<StoredLagPoint> &points);
    void enqueueEvents(const QList<GroupEvent> &events);
    void flush();

    QList<StoredLagPoint> loadPoints(qint64 fromMs);
    QList<GroupEvent> loadEvents(qint64 fromMs, const QString &groupId);
    QHash<QString, int> countEventsSince(GroupEventKind kind, qint64 fromMs);
    void prune(qint64 nowMs, const HistoryRetention &retention);

    bool isInMemory() const { return m_inMemory; }

    // A chunk holds this many buckets of its tier.
    static constexpr int kPointsPerChunk = 30;
    static qint64 chunkMs(LagTier tier);

Q_SIGNALS:
    void problem(const QString &message);

private:
    // Why a file could not be used, from SQLite's result code.
    enum class Failure { None, Corrupt, Locked, NotWritable, Other };
    struct Outcome
    {
        Failure failure = Failure::None;
        QString detail;   // SQLite's words, or what the check found
    };

    Outcome openFile();
    Outcome openDatabase(const QString &databaseName);
    Outcome createSchema();
    static Outcome failed(const QSqlError &error);
    void openInMemory();
    void closeDatabase();
    // Renames the file (and its -wal/-shm) to "<name>.corrupt-<UTC time>"; the new name, or empty.
    QString moveAside(QString *why);
    // A write failed on the file: say so once and carry on in memory, pending rows included.
    void fallBackToMemory(const QString &why);
    bool writePending(QString *why);
    // Moves each tier's rows before the chunk of its latest point into chunks.
    void compactClosedChunks();
    bool compactTier(LagTier tier, qint64 beforeMs, QString *why);
    // Drops the points before cutoffMs from the chunks of `tier` that straddle it.
    bool trimChunks(LagTier tier, qint64 cutoffMs, QString *why);
    qint64 seriesId(const LagSeriesKey &key, QString *why);
    void say(const QString &message);

    QString m_filePath;
    QString m_connectionName;
    bool m_ready = false;   // a database (file or memory) is open with the schema
    bool m_inMemory = false;
    QTimer m_flushTimer;
    QList<StoredLagPoint> m_pendingPoints;
    QList<GroupEvent> m_pendingEvents;
    QHash<LagSeriesKey, qint64> m_seriesIds;
    bool m_seriesLoaded = false;
    QSet<QString> m_said;
    // Per tier: the latest point time written, and where compaction stands.
    std::array<qint64, 3> m_latestMs{LLONG_MIN, LLONG_MIN, LLONG_MIN};
    std::array<qint64, 3> m_compactedBeforeMs{LLONG_MIN, LLONG_MIN, LLONG_MIN};
};

}   // namespace cohort
