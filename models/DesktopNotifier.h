// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cohort {

// Where LagAlertMonitor sends a notification: the system tray in the window
// (ui/TrayNotifier), a recording fake in tests.
class DesktopNotifier
{
public:
    virtual ~DesktopNotifier() = default;
    virtual void notify(const QString &title, const QString &text) = 0;
};

}   // namespace cohort
