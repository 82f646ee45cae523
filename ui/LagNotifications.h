// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/DesktopNotifier.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QSettings;
class QSystemTrayIcon;
class QWidget;

namespace cohort {

class ClusterSession;
class LagAlertMonitor;

// The window's desktop notifications of lag trouble (LagAlertRules): View →
// Desktop Notifications turns them on (off until the user does, the demo
// included; remembered as notifications/enabled), "Mute Notifications" on a
// group (its context menu, the Group menu, which acts on the group page
// shown) silences that group on this connection (notifications/muted, per
// connection name). Shown through the system tray; where there is none, in
// the status bar (fallback()).
class LagNotifications : public QObject, public DesktopNotifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagNotifications)

public:
    explicit LagNotifications(QWidget *window);
    ~LagNotifications() override;

    QAction *enableAction() const { return m_enable; }
    // Checkable, follows setTarget(); disabled without a group.
    QAction *muteAction() const { return m_mute; }
    void setTarget(const QString &groupId);

    void setSession(ClusterSession *session);
    void setSettings(QSettings *settings);
    LagAlertMonitor *monitor() const { return m_monitor; }

    void notify(const QString &title, const QString &text) override;

Q_SIGNALS:
    // A notification where no system tray shows it.
    void fallback(const QString &message);

private:
    void loadMuted();
    void saveMuted();
    void updateMuteAction();

    QWidget *m_window;
    LagAlertMonitor *m_monitor;
    QAction *m_enable;
    QAction *m_mute;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<QSettings> m_settings;
    QString m_connection;
    QString m_target;
};

}   // namespace cohort
