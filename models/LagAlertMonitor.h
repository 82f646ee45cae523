// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagHistory.h"
#include "models/LagAlertRules.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace cohort {

class DesktopNotifier;
class SlicedWork;

// Follows a session's lag history and hands each LagAlertRules alert to a
// DesktopNotifier while notifications are on and the group is not muted.
// The rules follow every group even while off or muted, so turning them on
// says what begins from then on, not what was already so.
class LagAlertMonitor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagAlertMonitor)

public:
    // `notifier` must outlive the monitor.
    explicit LagAlertMonitor(DesktopNotifier *notifier, QObject *parent = nullptr);

    void setLagHistory(LagHistory *history);   // null: none (a new session starts over)
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    void setMuted(const QString &groupId, bool muted);
    bool isMuted(const QString &groupId) const { return m_muted.contains(groupId); }
    QStringList mutedGroups() const;   // sorted
    void setMutedGroups(const QStringList &groupIds);

Q_SIGNALS:
    void alerted(const cohort::LagAlert &alert);   // each one handed to the notifier
    void mutedChanged();

private:
    void check();
    bool checkSome(const QDeadlineTimer &sliceEnd);

    DesktopNotifier *m_notifier;
    SlicedWork *m_checkWork;
    QStringList m_checkIds;   // the walk under way
    qsizetype m_checkNext = 0;
    QPointer<LagHistory> m_history;
    LagAlertRules m_rules;
    bool m_enabled = false;
    QSet<QString> m_muted;
};

}   // namespace cohort
