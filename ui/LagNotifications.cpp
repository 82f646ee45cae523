// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LagNotifications.h"

#include "core/session/ClusterSession.h"
#include "models/LagAlertMonitor.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QWidget>

namespace cohort {

namespace {

const QString kEnabledKey = QStringLiteral("notifications/enabled");
const QString kMutedKey = QStringLiteral("notifications/muted");   // connection name -> muted group ids

}   // namespace

LagNotifications::LagNotifications(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_monitor(new LagAlertMonitor(this, this))
    , m_enable(new QAction(tr("Desktop &Notifications"), this))
    , m_mute(new QAction(tr("&Mute Notifications"), this))
{
    m_enable->setObjectName(QStringLiteral("desktopNotifications"));
    m_enable->setCheckable(true);
    m_enable->setStatusTip(tr("Notify when a group enters ERR, STOP or STALL, or its unread records are at risk of retention"));
    m_mute->setObjectName(QStringLiteral("muteNotifications"));
    m_mute->setCheckable(true);
    m_mute->setStatusTip(tr("No desktop notifications for this group on this connection"));
    connect(m_enable, &QAction::toggled, this, [this](bool on) {
        m_monitor->setEnabled(on);
        if (m_tray)
            m_tray->setVisible(on);
        if (m_settings)
            m_settings->setValue(kEnabledKey, on);
        updateMuteAction();
    });
    connect(m_mute, &QAction::triggered, this, [this](bool muted) {
        if (m_target.isEmpty())
            return;
        m_monitor->setMuted(m_target, muted);
        saveMuted();
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        QIcon icon = QApplication::windowIcon();
        if (icon.isNull())
            icon = window->style()->standardIcon(QStyle::SP_MessageBoxInformation);
        m_tray = new QSystemTrayIcon(icon, this);
        m_tray->setToolTip(tr("Cohort"));
    }
    updateMuteAction();
}

LagNotifications::~LagNotifications() = default;

void LagNotifications::setTarget(const QString &groupId)
{
    m_target = groupId;
    updateMuteAction();
}

void LagNotifications::updateMuteAction()
{
    m_mute->setEnabled(!m_target.isEmpty());
    m_mute->setChecked(!m_target.isEmpty() && m_monitor->isMuted(m_target));
    m_mute->setToolTip(m_target.isEmpty() ? tr("Choose a group first") : m_mute->statusTip());
}

void LagNotifications::setSession(ClusterSession *session)
{
    m_monitor->setLagHistory(session ? session->lagHistory() : nullptr);
    m_connection = session ? session->displayName() : QString();
    loadMuted();
}

void LagNotifications::setSettings(QSettings *settings)
{
    m_settings = settings;
    // Off until the user turns them on: the demo's groups stop and stall on purpose.
    m_enable->setChecked(settings && settings->value(kEnabledKey, false).toBool());
    loadMuted();
}

void LagNotifications::loadMuted()
{
    m_monitor->setMutedGroups(m_settings ? m_settings->value(kMutedKey).toMap().value(m_connection).toStringList() : QStringList{});
    updateMuteAction();
}

void LagNotifications::saveMuted()
{
    if (!m_settings || m_connection.isEmpty())
        return;
    QVariantMap all = m_settings->value(kMutedKey).toMap();
    const QStringList muted = m_monitor->mutedGroups();
    if (muted.isEmpty())
        all.remove(m_connection);
    else
        all.insert(m_connection, muted);
    m_settings->setValue(kMutedKey, all);
}

void LagNotifications::notify(const QString &title, const QString &text)
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning);
        return;
    }
    Q_EMIT fallback(tr("%1 — %2").arg(title, text));
}

}   // namespace cohort
