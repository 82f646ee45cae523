// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryRetention.h"
#include "core/lag/LagPoint.h"
#include "core/rebalance/GroupEvent.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>

class QThread;

namespace cohort {

class HistoryWorker;

// The on-disk history of one connection: lag points and group events in one
// SQLite file (Qt SQL) in the user's data directory, written by a worker
// thread that owns its database connection, pruned by age. Never blocks the
// caller's thread and never throws: a missing, locked, read-only or corrupt
// file is reported once through problem() with what happened and what was
// done (a corrupt file is moved aside, never deleted), and the store carries
// on fresh (or in memory only when nothing can be written).
//
// CONTRACT (shared by core/history, core/lag, core/rebalance, ui/): keep these
// signatures; add, do not change.
class HistoryStore : public QObject
{
    Q_OBJECT
public:
    // The default file for a connection profile id, under
    // QStandardPaths::AppDataLocation/history/.
    static QString defaultPathFor(const QString &connectionId);

    explicit HistoryStore(const QString &filePath, QObject *parent = nullptr);
    ~HistoryStore() override;   // flushes what was appended, then stops the worker

    QString filePath() const;

    // Queued to the worker; written in batches (one transaction per batch).
    void append(const QList<StoredLagPoint> &points);
    void appendEvents(const QList<GroupEvent> &events);

    // What was stored since `fromMs` (all groups), finishing on the worker.
    QFuture<QList<StoredLagPoint>> loadPoints(qint64 fromMs);
    QFuture<QList<GroupEvent>> loadEvents(qint64 fromMs, const QString &groupId = {});

    // Deletes points and events older than these ages per tier (defaults:
    // the tiers' spans, 1 h / 24 h / 7 d; events 7 d).
    void prune(qint64 nowMs);

    // The ages prune keeps; applies to the prunes asked after this call.
    void setRetention(const HistoryRetention &retention);
    HistoryRetention retention() const;

    // How many events of one kind each group had since `fromMs` (the Groups
    // page's "rebalances in the last 24 h"); groups with none are absent.
    QFuture<QHash<QString, int>> countEventsSince(GroupEventKind kind, qint64 fromMs);

    // Writes what was appended now rather than with the next batch; finishes
    // when it is written (or was refused, which problem() says).
    QFuture<void> flush();

Q_SIGNALS:
    // Said once per problem, in words for people (already translated).
    void problem(const QString &message);

private:
    template<typename F>
    void onWorker(F &&f);

    QString m_filePath;
    HistoryRetention m_retention;
    QThread *m_thread = nullptr;
    HistoryWorker *m_worker = nullptr;
};

}   // namespace cohort
