// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/OffsetResetWizard.h"

#include "core/reset/ResetExecutor.h"
#include "core/session/ClusterSession.h"
#include "models/ResetPlanTableModel.h"
#include "ui/ResetApplyPage.h"
#include "ui/ResetPreviewPage.h"
#include "ui/ResetScopePage.h"
#include "ui/ResetStrategyPage.h"

#include <QLocale>

namespace cohort {

OffsetResetWizard::OffsetResetWizard(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, Mode mode,
                                     const QStringList &groups, const QList<TopicPartition> &selected, QWidget *parent)
    : QWizard(parent)
    , m_session(std::move(session))
    , m_executor(new ResetExecutor(m_session, store, this))
    , m_mode(mode)
    , m_groups(groups)
    , m_selected(selected)
    , m_planModel(new ResetPlanTableModel(this))
{
    setObjectName(QStringLiteral("offsetResetWizard"));
    setWizardStyle(QWizard::ClassicStyle);   // the same on every platform, and readable offscreen
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    // The same deadline for each step as the connection's refreshes get.
    m_executor->setTimeoutMs(m_session->requestTimeoutMs() * ClusterSession::kRefreshDeadlineFactor);
    if (mode == Mode::Reset) {
        m_scope = new ResetScopePage(this);
        m_strategy = new ResetStrategyPage(this);
        setPage(ScopePageId, m_scope);
        setPage(StrategyPageId, m_strategy);
    }
    m_preview = new ResetPreviewPage(this);
    m_apply = new ResetApplyPage(this);
    setPage(PreviewPageId, m_preview);
    setPage(ApplyPageId, m_apply);
    setStartId(mode == Mode::Reset ? ScopePageId : PreviewPageId);
    connect(m_apply, &ResetApplyPage::applied, this, &OffsetResetWizard::applyFinished);
    setWindowTitle(what());
    resize(900, 640);
}

OffsetResetWizard::OffsetResetWizard(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, const QStringList &groups,
                                     const QList<TopicPartition> &selected, QWidget *parent)
    : OffsetResetWizard(std::move(session), store, Mode::Reset, groups, selected, parent)
{ }

OffsetResetWizard *OffsetResetWizard::undo(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store, const QString &groupId,
                                           QWidget *parent)
{
    return new OffsetResetWizard(std::move(session), store, Mode::Undo, {groupId}, {}, parent);
}

OffsetResetWizard *OffsetResetWizard::reapply(std::shared_ptr<ClusterSession> session, const ResetBackupStore &store,
                                              const ResetBackup &backup, QWidget *parent)
{
    const ResetRequest request = backup.restoreRequest();
    auto *w = new OffsetResetWizard(std::move(session), store, Mode::Reapply, request.groups, {}, parent);
    w->m_fixedRequest = request;
    w->m_backupTime = QLocale().toString(backup.time.toLocalTime(), QLocale::ShortFormat);
    w->setWindowTitle(w->what());
    return w;
}

OffsetResetWizard::~OffsetResetWizard() = default;

QString OffsetResetWizard::what() const
{
    const QString names = m_groups.join(QStringLiteral(", "));
    switch (m_mode) {
    case Mode::Reset: return tr("Reset offsets of %1").arg(names);
    case Mode::Undo: return tr("Undo the last reset of %1").arg(names);
    case Mode::Reapply: return tr("Re-apply the backup of %1 to %2").arg(m_backupTime, names);
    }
    return {};
}

QFuture<Result<ResetPlan>> OffsetResetWizard::startPlan()
{
    switch (m_mode) {
    case Mode::Undo: return m_executor->planUndo(m_groups.constFirst());
    case Mode::Reapply: return m_executor->plan(*m_fixedRequest);
    case Mode::Reset: break;
    }
    ResetRequest request;
    request.groups = m_groups;
    request.scope = m_scope->scope();
    const Result<ResetStrategy, QString> strategy = m_strategy->strategy();
    if (!strategy)   // the page does not let Next through then; said all the same
        return QtFuture::makeReadyFuture(Result<ResetPlan>(KafkaError::make(0, QStringLiteral("_INVALID_RESET"), strategy.error())));
    request.strategy = strategy.value();
    return m_executor->plan(request);
}

void OffsetResetWizard::setPlan(const std::optional<ResetPlan> &plan)
{
    m_plan = plan;
    if (plan)
        m_planModel->setPlan(*plan);
    else
        m_planModel->clear();
}

void OffsetResetWizard::reject()
{
    if (m_apply->isApplying()) {
        hide();   // the commit is sent; its outcome still comes, to completed() and the status bar
        return;
    }
    QWizard::reject();
}

void OffsetResetWizard::applyFinished(bool ok, const QString &summary)
{
    Q_EMIT completed(ok, summary);
    // A reset changes what the window shows: refresh now rather than at the next tick.
    m_session->refreshNow();
    if (isHidden())
        deleteLater();
}

}   // namespace cohort
