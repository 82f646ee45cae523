// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GroupActions.h"

#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetExecutor.h"
#include "core/session/ClusterSession.h"
#include "ui/DeleteGroupDialog.h"
#include "ui/DeleteOffsetsDialog.h"
#include "ui/OffsetResetWizard.h"
#include "ui/ResetHistoryDialog.h"
#include "ui/RemoveMembersDialog.h"
#include "ui/TriggerRebalanceDialog.h"

#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QWidget>
#include <QtConcurrent>

namespace cohort {

GroupActions::GroupActions(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    auto make = [this](GroupAction a, const QString &objectName, const QString &text, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        m_actions.insert(int(a), action);
        m_tips.insert(int(a), tip);
        return action;
    };
    make(GroupAction::Open, QStringLiteral("groupOpen"), tr("&Open Group"),
         tr("Open the group's page in its own tab (also Enter or a double-click on its row)"));
    QAction *copy
        = make(GroupAction::CopyId, QStringLiteral("groupCopyId"), tr("&Copy Group ID"), tr("Copy the group's id to the clipboard"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *exportOffsets
        = make(GroupAction::ExportOffsets, QStringLiteral("groupExportOffsets"), tr("&Export Offsets…"),
               tr("Save the group's committed offsets (or the selected groups') as a kafka-consumer-groups.sh CSV, as read now; "
                  "what Reset Offsets… and kafka-consumer-groups.sh --from-file read back"));
    // E for Export, with Shift as the other group actions have it (Ctrl+E is free, but the group keys go together).
    exportOffsets->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *trigger = make(GroupAction::TriggerRebalance, QStringLiteral("groupTriggerRebalance"), tr("Trigger &Rebalance…"),
                            tr("Make the group rebalance, by joining and leaving as a temporary member that takes no partitions"));
    trigger->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QAction *reset = make(GroupAction::ResetOffsets, QStringLiteral("groupResetOffsets"), tr("Re&set Offsets…"),
                          tr("Move the group's committed offsets (to a time, the start or end, a shift, a file, another group's), "
                             "after a preview; also for several selected groups"));
    // Ctrl+R is Refresh: Ctrl+Shift+R is the nearest free key, as Ctrl+Shift+C and Ctrl+Shift+B are.
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    make(GroupAction::UndoLastReset, QStringLiteral("groupUndoLastReset"), tr("&Undo Last Reset…"),
         tr("Put back the offsets the group had before its last reset, after the same preview"));
    m_history = new QAction(tr("Reset &History…"), this);
    m_history->setObjectName(QStringLiteral("groupResetHistory"));
    m_history->setToolTip(tr("Every reset Cohort backed up, newest first; any can be put back"));
    m_history->setStatusTip(m_history->toolTip());
    make(GroupAction::RemoveMembers, QStringLiteral("groupRemoveMembers"), tr("Remove &Members…"),
         tr("Remove chosen members from the group, as if they had left"));
    make(GroupAction::DeleteOffsets, QStringLiteral("groupDeleteOffsets"), tr("Delete O&ffsets…"),
         tr("Delete the group's committed offsets of chosen topics"));
    QAction *del = make(GroupAction::DeleteGroup, QStringLiteral("groupDelete"), tr("&Delete Group…"),
                        tr("Delete the group and all its committed offsets (only when it is Empty)"));
    del->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    // The shortcuts work wherever the window has focus, as the menu bar's do.
    for (QAction *a : std::as_const(m_actions))
        a->setShortcutContext(Qt::WindowShortcut);

    connect(action(GroupAction::Open), &QAction::triggered, this, [this] {
        if (!m_target.isEmpty())
            Q_EMIT openRequested(m_target);
    });
    connect(copy, &QAction::triggered, this, [this] {
        if (m_target.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(m_target);
        Q_EMIT statusMessage(tr("Copied \"%1\" to the clipboard").arg(m_target));
    });
    connect(exportOffsets, &QAction::triggered, this, &GroupActions::openExportOffsets);
    connect(trigger, &QAction::triggered, this, [this] { openTriggerRebalance(); });
    connect(action(GroupAction::RemoveMembers), &QAction::triggered, this, [this] { openRemoveMembers(); });
    connect(action(GroupAction::DeleteOffsets), &QAction::triggered, this, [this] { openDeleteOffsets(); });
    connect(del, &QAction::triggered, this, [this] { openDeleteGroup(); });
    connect(reset, &QAction::triggered, this, [this] {
        const ResetTarget t = m_resetTarget ? m_resetTarget() : ResetTarget{};
        openResetOffsets(t.groups, t.partitions);
    });
    connect(action(GroupAction::UndoLastReset), &QAction::triggered, this, [this] { openUndoLastReset(); });
    connect(m_history, &QAction::triggered, this, [this] { openResetHistory(); });
    update();
}

GroupActions::~GroupActions() = default;

QList<QAction *> GroupActions::actions() const
{
    QList<QAction *> list;
    for (GroupAction a : {GroupAction::Open, GroupAction::CopyId, GroupAction::ExportOffsets, GroupAction::ResetOffsets, GroupAction::UndoLastReset,
                          GroupAction::TriggerRebalance, GroupAction::RemoveMembers, GroupAction::DeleteOffsets, GroupAction::DeleteGroup})
        list << action(a);
    list << m_history;
    return list;
}

void GroupActions::addTo(QMenu *menu) const
{
    menu->addAction(action(GroupAction::Open));
    menu->addAction(action(GroupAction::CopyId));
    menu->addAction(action(GroupAction::ExportOffsets));
    menu->addSeparator();
    menu->addAction(action(GroupAction::ResetOffsets));
    menu->addAction(action(GroupAction::UndoLastReset));
    menu->addAction(m_history);
    menu->addSeparator();
    menu->addAction(action(GroupAction::TriggerRebalance));
    menu->addAction(action(GroupAction::RemoveMembers));
    menu->addSeparator();
    menu->addAction(action(GroupAction::DeleteOffsets));
    menu->addAction(action(GroupAction::DeleteGroup));
}

void GroupActions::setSession(std::shared_ptr<ClusterSession> session)
{
    if (m_session)
        disconnect(m_session.get(), nullptr, this, nullptr);
    m_session = std::move(session);
    m_refreshed.reset();
    if (m_session) {
        connect(m_session.get(), &ClusterSession::snapshotReady, this, [this] {
            m_refreshed.reset();
            update();
        });
        connect(m_session.get(), &ClusterSession::groupRefreshed, this, [this](const GroupSnapshot &g) {
            if (g.groupId() != m_target)
                return;
            m_refreshed = g;
            update();
        });
    }
    reloadResetBackups();
    update();
}

void GroupActions::setResetBackupStore(const ResetBackupStore &store)
{
    m_backups = store;
    reloadResetBackups();
}

void GroupActions::reloadResetBackups()
{
    const quint64 generation = ++m_backupsGeneration;
    // A folder of small files, read on a pool thread: the actions update on every refresh.
    QtConcurrent::run([store = m_backups] {
        QSet<QString> groups;
        for (const ResetBackup &b : store.history())
            for (auto it = b.previous.cbegin(); it != b.previous.cend(); ++it)
                groups.insert(it.key());
        return groups;
    }).then(this, [this, generation](const QSet<QString> &groups) {
        if (generation != m_backupsGeneration)
            return;
        m_groupsWithBackups = groups;
        update();
    });
}

void GroupActions::setTarget(const QString &groupId)
{
    if (groupId == m_target)
        return;
    m_target = groupId;
    m_refreshed.reset();
    update();
}

const GroupSnapshot *GroupActions::targetSnapshot() const
{
    if (m_target.isEmpty() || !m_session)
        return nullptr;
    if (m_refreshed)
        return &*m_refreshed;
    return m_session->hasSnapshot() ? m_session->snapshot().group(m_target) : nullptr;
}

QString GroupActions::writeRefusal() const
{
    if (!m_session)
        return tr("Not connected to a cluster.");
    if (const Result<ClusterAdmin *> admin = m_session->admin(); !admin)
        return admin.error().hint.isEmpty() ? admin.error().message : admin.error().message + QLatin1Char(' ') + admin.error().hint;
    return {};
}

GroupActionAvailability GroupActions::availability(GroupAction a) const
{
    auto words = [](const KafkaError &e) { return e.hint.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.hint; };
    const QString refusal = writeRefusal();
    QString groupProtocol;
    if (refusal.isEmpty())
        if (const KafkaError e = m_session->admin().value()->groupProtocolRefusal(); e.isError())
            groupProtocol = words(e);
    return GroupActionAvailability::of(a, m_target, targetSnapshot(), refusal, groupProtocol, m_groupsWithBackups.contains(m_target));
}

void GroupActions::update()
{
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const GroupActionAvailability av = availability(GroupAction(it.key()));
        QAction *a = it.value();
        a->setEnabled(av.enabled);
        const QString tip = av.enabled ? m_tips.value(it.key()) : av.reason;
        a->setToolTip(tip);
        a->setStatusTip(tip);
    }
}

AdminOperationDialog *GroupActions::show(AdminOperationDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AdminOperationDialog::completed, this, [this](bool, const QString &summary) { Q_EMIT statusMessage(summary); });
    dialog->open();
    Q_EMIT dialogOpened(dialog);
    return dialog;
}

OffsetResetWizard *GroupActions::show(OffsetResetWizard *wizard)
{
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &OffsetResetWizard::completed, this, [this](bool, const QString &summary) {
        Q_EMIT statusMessage(summary);
        reloadResetBackups();   // Undo Last Reset has something to undo now
    });
    wizard->open();
    Q_EMIT resetWizardOpened(wizard);
    return wizard;
}

OffsetResetWizard *GroupActions::openResetOffsets(const QStringList &groups, const QList<TopicPartition> &partitions)
{
    QStringList chosen = groups.isEmpty() && !m_target.isEmpty() ? QStringList{m_target} : groups;
    chosen.removeDuplicates();
    chosen.sort();
    if (chosen.isEmpty()) {
        Q_EMIT statusMessage(GroupActionAvailability::of(GroupAction::ResetOffsets, {}, nullptr, {}).reason);
        return nullptr;
    }
    // Every group must be resettable: the wizard resets them together or not at all.
    const QString refusal = writeRefusal();
    for (const QString &g : std::as_const(chosen)) {
        const GroupSnapshot *snapshot = g == m_target ? targetSnapshot()
                                        : m_session && m_session->hasSnapshot() ? m_session->snapshot().group(g)
                                                                                : nullptr;
        const GroupActionAvailability av = GroupActionAvailability::of(GroupAction::ResetOffsets, g, snapshot, refusal);
        if (!av.enabled) {
            Q_EMIT statusMessage(av.reason);
            return nullptr;
        }
    }
    // A partitions selection belongs to one group's page.
    return show(new OffsetResetWizard(m_session, m_backups, chosen, chosen.size() == 1 ? partitions : QList<TopicPartition>{}, m_window));
}

OffsetResetWizard *GroupActions::openUndoLastReset()
{
    const GroupActionAvailability av = availability(GroupAction::UndoLastReset);
    if (!av.enabled) {
        Q_EMIT statusMessage(av.reason);
        return nullptr;
    }
    return show(OffsetResetWizard::undo(m_session, m_backups, m_target, m_window));
}

ResetHistoryDialog *GroupActions::openResetHistory()
{
    auto *dialog = new ResetHistoryDialog(m_backups, m_target, writeRefusal(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ResetHistoryDialog::reapplyRequested, this, [this, dialog](const ResetBackup &backup) {
        if (const QString refusal = writeRefusal(); !refusal.isEmpty()) {
            Q_EMIT statusMessage(refusal);
            return;
        }
        dialog->close();
        show(OffsetResetWizard::reapply(m_session, m_backups, backup, m_window));
    });
    dialog->open();
    Q_EMIT historyDialogOpened(dialog);
    return dialog;
}

void GroupActions::openExportOffsets()
{
    const ResetTarget t = m_resetTarget ? m_resetTarget() : ResetTarget{};
    QStringList groups = t.groups.isEmpty() && !m_target.isEmpty() ? QStringList{m_target} : t.groups;
    groups.removeDuplicates();
    groups.sort();
    if (groups.isEmpty()) {
        Q_EMIT statusMessage(availability(GroupAction::ExportOffsets).reason);
        return;
    }
    for (const QString &g : std::as_const(groups)) {
        const GroupSnapshot *snapshot = g == m_target ? targetSnapshot()
                                        : m_session && m_session->hasSnapshot() ? m_session->snapshot().group(g)
                                                                                : nullptr;
        if (const GroupActionAvailability av = GroupActionAvailability::of(GroupAction::ExportOffsets, g, snapshot, {}); !av.enabled) {
            Q_EMIT statusMessage(av.reason);
            return;
        }
    }
    // A file name made of the group's id, safe on every file system.
    QString suggested = groups.size() == 1 ? groups.constFirst() + QStringLiteral("-offsets.csv") : QStringLiteral("offsets.csv");
    suggested.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString path = m_chooseSaveFile ? m_chooseSaveFile(suggested)
                                          : QFileDialog::getSaveFileName(m_window, tr("Export the committed offsets"), suggested,
                                                                         tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    exportOffsets(groups, path).then(this, [this](const Result<int, QString> &done) {
        if (done)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), done.error(), QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setObjectName(QStringLiteral("exportOffsetsFailed"));
        box->open();
    });
}

QFuture<Result<int, QString>> GroupActions::exportOffsets(const QStringList &groups, const QString &path)
{
    if (!m_session || groups.isEmpty()) {
        const QString why = !m_session ? tr("Not connected to a cluster.") : availability(GroupAction::ExportOffsets).reason;
        Q_EMIT offsetsExported(false, why);
        return QtFuture::makeReadyFuture(Result<int, QString>(why));
    }
    // A read, on any connection; the same deadline as a reset's reads.
    auto *executor = new ResetExecutor(m_session, m_backups, this);
    executor->setTimeoutMs(m_session->requestTimeoutMs() * ClusterSession::kRefreshDeadlineFactor);
    const QString names = groups.join(QStringLiteral(", "));
    return executor->readCommittedOffsets(groups)
        .then([path, names, withGroup = groups.size() > 1](const Result<ResetStrategy::OffsetsByGroup> &read) -> Result<int, QString> {
            // On the pool thread that read them: the file is written off the GUI thread too.
            if (!read)
                return tr("The committed offsets of %1 could not be read, so nothing was written: %2").arg(names, read.error().message);
            int rows = 0;
            for (const auto &offsets : read.value())
                rows += int(offsets.size());
            if (rows == 0)
                return tr("%1 has no committed offsets: nothing was written.").arg(names);
            if (const auto saved = OffsetsCsv::save(path, read.value(), withGroup); !saved)
                return tr("The offsets were not exported: %1. Choose a folder you can write to.").arg(saved.error());
            return rows;
        })
        .then(this, [this, executor, names, path](const Result<int, QString> &done) {
            executor->deleteLater();
            const QString words = done ? tr("Exported %n committed offset(s) of %1 to %2.", nullptr, done.value()).arg(names, path) : done.error();
            Q_EMIT statusMessage(words);
            Q_EMIT offsetsExported(bool(done), words);
            return done;
        });
}

AdminOperationDialog *GroupActions::openDeleteGroup()
{
    if (!availability(GroupAction::DeleteGroup).enabled)
        return nullptr;
    return show(new DeleteGroupDialog(m_session, *targetSnapshot(), m_window));
}

AdminOperationDialog *GroupActions::openDeleteOffsets(const QStringList &topics)
{
    if (!availability(GroupAction::DeleteOffsets).enabled)
        return nullptr;
    return show(new DeleteOffsetsDialog(m_session, *targetSnapshot(), topics, m_window));
}

AdminOperationDialog *GroupActions::openRemoveMembers(const QStringList &memberIds)
{
    if (!availability(GroupAction::RemoveMembers).enabled)
        return nullptr;
    return show(new RemoveMembersDialog(m_session, *targetSnapshot(), memberIds, m_window));
}

AdminOperationDialog *GroupActions::openTriggerRebalance()
{
    if (!availability(GroupAction::TriggerRebalance).enabled)
        return nullptr;
    return show(new TriggerRebalanceDialog(m_session, *targetSnapshot(), m_window));
}

}   // namespace cohort
