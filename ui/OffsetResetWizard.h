// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetBackupStore.h"
#include "core/reset/ResetPlan.h"
#include "core/reset/ResetRequest.h"

#include <QFuture>
#include <QWizard>

#include <memory>
#include <optional>

namespace cohort {

class ClusterSession;
class ResetApplyPage;
class ResetExecutor;
class ResetPlanTableModel;
class ResetPreviewPage;
class ResetScopePage;
class ResetStrategyPage;

// Group → Reset Offsets…: a wizard over core/reset for one group or several.
// Scope (all topics, chosen topics or partitions, topics without offsets
// added), strategy (every kafka-consumer-groups.sh scenario and a copy from
// another group, each with its input checked), a dry-run preview planned by
// ResetExecutor off the GUI thread (a production connection asks for the
// group's name), then the guard (active members listed; wait until Empty, or
// cancel: never half-applied), the apply and the read-back. Undo Last Reset
// and a backup re-applied from the history open the same wizard at the
// preview, so they pass the same preview and guard. Writes only through the
// session's ClusterAdmin (ResetExecutor::apply), so a read-only connection is
// refused in core even if the wizard were opened on one.
class OffsetResetWizard : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OffsetResetWizard)

public:
    enum PageId { ScopePageId, StrategyPageId, PreviewPageId, ApplyPageId };
    enum class Mode { Reset, Undo, Reapply };

    // A new reset of these groups; `selected` partitions (a selection in the
    // group page's partitions table) start the scope as chosen partitions.
    OffsetResetWizard(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, const QStringList &groups,
                      const QList<TopicPartition> &selected, QWidget *parent = nullptr);
    // Undo Last Reset of `groupId`: its last backup, planned and previewed.
    static OffsetResetWizard *undo(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, const QString &groupId,
                                   QWidget *parent = nullptr);
    // A backup from the history, re-applied to the groups it holds offsets of
    // (the first offsets that reset gave are deleted again).
    static OffsetResetWizard *reapply(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, const ResetBackup &backup,
                                      QWidget *parent = nullptr);
    ~OffsetResetWizard() override;

    Mode mode() const { return m_mode; }
    ClusterSession *session() const { return m_session.get(); }
    ResetExecutor *executor() const { return m_executor; }
    const QStringList &groups() const { return m_groups; }
    const QList<TopicPartition> &selectedPartitions() const { return m_selected; }
    // What is being done, in a few words ("Reset offsets of orders-app").
    QString what() const;

    // The request the scope and strategy pages describe (Reset mode), or the
    // backup's (Reapply); Undo plans through ResetExecutor::planUndo.
    QFuture<Result<ResetPlan>> startPlan();
    void setPlan(const std::optional<ResetPlan> &plan);
    const std::optional<ResetPlan> &plan() const { return m_plan; }
    ResetPlanTableModel *planModel() const { return m_planModel; }

    ResetScopePage *scopePage() const { return m_scope; }
    ResetStrategyPage *strategyPage() const { return m_strategy; }
    ResetPreviewPage *previewPage() const { return m_preview; }
    ResetApplyPage *applyPage() const { return m_apply; }

    // While a write is in flight the wizard hides instead of closing: the
    // commit cannot be taken back, and its outcome still reaches completed().
    void reject() override;

Q_SIGNALS:
    // The reset was applied (ok: every partition holds the planned offset);
    // `summary` in one line for the status bar.
    void completed(bool ok, const QString &summary);

private:
    OffsetResetWizard(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, Mode mode, const QStringList &groups,
                      const QList<TopicPartition> &selected, QWidget *parent);
    void applyFinished(bool ok, const QString &summary);

    std::shared_ptr<ClusterSession> m_session;
    ResetExecutor *m_executor;
    Mode m_mode;
    QStringList m_groups;
    QList<TopicPartition> m_selected;
    std::optional<ResetRequest> m_fixedRequest;   // Reapply: the backup's offsets and deletes
    QString m_backupTime;                         // Reapply: when the backup was made, as shown
    std::optional<ResetPlan> m_plan;
    ResetPlanTableModel *m_planModel;
    ResetScopePage *m_scope = nullptr;
    ResetStrategyPage *m_strategy = nullptr;
    ResetPreviewPage *m_preview;
    ResetApplyPage *m_apply;
};

}   // namespace cohort
