// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/LagAlertMonitor.h"

#include "core/util/SlicedWork.h"
#include "models/DesktopNotifier.h"

namespace cohort {

LagAlertMonitor::LagAlertMonitor(DesktopNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_checkWork(new SlicedWork([this](const QDeadlineTimer &end) { return checkSome(end); }, this))
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
    // Every group of the history, ten thousand at scale: in slices, the
    // walk under way starting over with the new assessments.
    m_checkIds = m_history ? m_history->unsortedGroups() : QStringList();
    m_checkNext = 0;
    m_checkWork->start();
}

bool LagAlertMonitor::checkSome(const QDeadlineTimer &sliceEnd)
{
    while (m_history && m_checkNext < m_checkIds.size()) {
        const QString &id = m_checkIds.at(m_checkNext++);
        if (const GroupAssessment *a = m_history->assessment(id)) {   // null: forgotten meanwhile
            for (const LagAlert &alert : m_rules.update(*a)) {
                if (!m_enabled || m_muted.contains(id))
                    continue;
                m_notifier->notify(alert.title, alert.text);
                Q_EMIT alerted(alert);
            }
        }
        if (sliceEnd.hasExpired())
            break;
    }
    return !m_history || m_checkNext >= m_checkIds.size();
}

}   // namespace cohort
