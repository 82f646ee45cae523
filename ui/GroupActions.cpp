// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GroupActions.h"

#include "core/session/ClusterSession.h"
#include "ui/DeleteGroupDialog.h"
#include "ui/DeleteOffsetsDialog.h"
#include "ui/RemoveMembersDialog.h"
#include "ui/TriggerRebalanceDialog.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QWidget>

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
    QAction *trigger = make(GroupAction::TriggerRebalance, QStringLiteral("groupTriggerRebalance"), tr("Trigger &Rebalance…"),
                            tr("Make the group rebalance, by joining and leaving as a temporary member that takes no partitions"));
    trigger->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
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
    connect(trigger, &QAction::triggered, this, [this] { openTriggerRebalance(); });
    connect(action(GroupAction::RemoveMembers), &QAction::triggered, this, [this] { openRemoveMembers(); });
    connect(action(GroupAction::DeleteOffsets), &QAction::triggered, this, [this] { openDeleteOffsets(); });
    connect(del, &QAction::triggered, this, [this] { openDeleteGroup(); });
    update();
}

GroupActions::~GroupActions() = default;

QList<QAction *> GroupActions::actions() const
{
    QList<QAction *> list;
    for (GroupAction a : {GroupAction::Open, GroupAction::CopyId, GroupAction::TriggerRebalance, GroupAction::RemoveMembers,
                          GroupAction::DeleteOffsets, GroupAction::DeleteGroup})
        list << action(a);
    return list;
}

void GroupActions::addTo(QMenu *menu) const
{
    menu->addAction(action(GroupAction::Open));
    menu->addAction(action(GroupAction::CopyId));
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
    update();
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

GroupActionAvailability GroupActions::availability(GroupAction a) const
{
    auto words = [](const KafkaError &e) { return e.hint.isEmpty() ? e.message : e.message + QLatin1Char(' ') + e.hint; };
    QString refusal;
    QString groupProtocol;
    if (!m_session) {
        refusal = tr("Not connected to a cluster.");
    } else if (const Result<ClusterAdmin *> admin = m_session->admin(); !admin) {
        refusal = words(admin.error());
    } else if (const KafkaError e = admin.value()->groupProtocolRefusal(); e.isError()) {
        groupProtocol = words(e);
    }
    return GroupActionAvailability::of(a, m_target, targetSnapshot(), refusal, groupProtocol);
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
