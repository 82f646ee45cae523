// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LagAlertMonitor.h"

#include "models/DesktopNotifier.h"

namespace cohort {

LagAlertMonitor::LagAlertMonitor(DesktopNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
{ }

void LagAlertMonitor::setLagHistory(LagHistory *history)
{
    if (m_history == history)
        return;
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    m_rules = LagAlertRules();
    if (!history)
        return;
    connect(history, &LagHistory::updated, this, &LagAlertMonitor::check);
    connect(history, &LagHistory::groupsForgotten, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            m_rules.forget(id);
    });
    check();
}

void LagAlertMonitor::setEnabled(bool enabled)
{
    m_enabled = enabled;
}

void LagAlertMonitor::setMuted(const QString &groupId, bool muted)
{
    if (muted == m_muted.contains(groupId))
        return;
    if (muted)
        m_muted.insert(groupId);
    else
        m_muted.remove(groupId);
    Q_EMIT mutedChanged();
}

QStringList LagAlertMonitor::mutedGroups() const
{
    QStringList out(m_muted.cbegin(), m_muted.cend());
    out.sort();
    return out;
}

void LagAlertMonitor::setMutedGroups(const QStringList &groupIds)
{
    const QSet<QString> next(groupIds.cbegin(), groupIds.cend());
    if (next == m_muted)
        return;
    m_muted = next;
    Q_EMIT mutedChanged();
}

void LagAlertMonitor::check()
{
    if (!m_history)
        return;
    for (const QString &id : m_history->groups()) {
        const GroupAssessment *a = m_history->assessment(id);
        if (!a)
            continue;
        for (const LagAlert &alert : m_rules.update(*a)) {
            if (!m_enabled || m_muted.contains(id))
                continue;
            m_notifier->notify(alert.title, alert.text);
            Q_EMIT alerted(alert);
        }
    }
}

}   // namespace cohort
