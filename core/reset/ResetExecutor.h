// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/reset/ResetBackupStore.h"
#include "core/reset/ResetOutcome.h"
#include "core/reset/ResetPlan.h"
#include "core/reset/ResetRequest.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace cohort {

class ClusterSession;

// Plans, guards, applies, verifies and undoes offset resets on one session's
// cluster. Every call returns at once; the work runs on a pool of its own
// (waiting on the session's client, so never on the client's threads nor the
// GUI thread). Writes go through the session's ClusterAdmin, so a read-only
// connection is refused here, in core; planning reads only and works on any.
class ResetExecutor : public QObject
{
    Q_OBJECT

public:
    ResetExecutor(std::shared_ptr<ClusterSession> session, ResetBackupStore store, QObject *parent = nullptr);
    ~ResetExecutor() override;

    // The deadline of each call (reading, retries and writing included).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    const ResetBackupStore &backups() const { return m_store; }

    // Reads what the plan needs (metadata, the groups' state and committed
    // offsets, log start and end, offsets for a time, another group's
    // offsets) and plans every group; _INVALID_RESET lists every problem.
    QFuture<Result<ResetPlan>> plan(const ResetRequest &request);
    // The plan that restores the group's last backup (through the same guard
    // when applied): the offsets it replaced committed again, and the first
    // offsets it gave partitions that had none deleted again (delete rows).
    QFuture<Result<ResetPlan>> planUndo(const QString &groupId);
    // The groups' committed offsets, read now: what kafka-consumer-groups.sh
    // exports of them (Group → Export Offsets…). A read, so on any connection.
    QFuture<Result<ResetStrategy::OffsetsByGroup>> readCommittedOffsets(const QStringList &groupIds);
    // The groups, freshly described, that may not be reset now (ResetGuard).
    QFuture<Result<QList<GroupDescription>>> activeGroups(const QStringList &groupIds);
    // Completes with Empty (or Dead) once the group has no members, asking
    // every pollMs and telling each answer (waiting()); cancelWait() ends it
    // with _CANCELLED. Runs on this object's thread, which it never blocks.
    QFuture<Result<GroupState>> waitUntilEmpty(const QString &groupId, int pollMs = 1000);
    void cancelWait();
    // Guard (every group, before anything is written), backup, one commit
    // per group (retrying a moved or loading coordinator), then one
    // OffsetDelete for the plan's delete rows, then the offsets read back and
    // compared with the plan (a deleted one must read back as none).
    QFuture<Result<ResetOutcome>> apply(const ResetPlan &plan);

Q_SIGNALS:
    void waiting(const cohort::GroupWaitState &seen);

private:
    void pollGroup();
    void finishWait(const Result<GroupState> &result);

    std::shared_ptr<ClusterSession> m_session;
    ResetBackupStore m_store;
    int m_timeoutMs = 30000;
    // The one wait in progress.
    struct Wait
    {
        QString groupId;
        std::shared_ptr<QPromise<Result<GroupState>>> promise;
        QTimer timer;
        bool asking = false;
    };
    std::unique_ptr<Wait> m_wait;
};

}   // namespace cohort
