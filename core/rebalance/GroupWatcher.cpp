// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/GroupWatcher.h"

#include "core/session/ClusterSession.h"

#include <QDateTime>

namespace cohort {

GroupWatcher::GroupWatcher(ClusterSession *session, const QString &groupId, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_groupId(groupId)
{
    qRegisterMetaType<cohort::GroupEvent>();
    qRegisterMetaType<QList<cohort::GroupEvent>>();
    m_timer.setSingleShot(true);
    // Interval timing, not display timing: coarse timers may fire 5% late.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &GroupWatcher::poll);
}

void GroupWatcher::setIntervals(int idleMs, int rebalanceMs)
{
    m_idleMs = qMax(10, idleMs);
    m_rebalanceMs = qMax(10, rebalanceMs);
}

void GroupWatcher::start()
{
    if (m_watchers++ > 0)
        return;
    if (!m_inFlight)
        poll();
}

void GroupWatcher::stop()
{
    if (m_watchers == 0 || --m_watchers > 0)
        return;
    m_timer.stop();
}

void GroupWatcher::poll()
{
    if (m_inFlight || !m_session || m_watchers == 0)
        return;
    m_inFlight = true;
    m_sinceRead.start();
    m_session->refreshGroup(m_groupId).then(this, [this](const Result<GroupSnapshot> &result) {
        m_inFlight = false;
        ++m_reads;
        if (!result) {
            Q_EMIT readFailed(result.error());
        } else {
            // When the coordinator answered, as near as this thread knows it.
            const GroupSnapshot &group = result.value();
            const qint64 readAtMs = QDateTime::currentMSecsSinceEpoch();
            QList<GroupEvent> seen = m_detector.observe(group, readAtMs);
            m_last = group;
            if (!seen.isEmpty()) {
                m_events += seen;
                if (m_events.size() > kMaxEvents)
                    m_events.remove(0, m_events.size() - kMaxEvents);
            }
            Q_EMIT groupRead(group);
            if (!seen.isEmpty())
                Q_EMIT eventsSeen(seen);
        }
        scheduleNext();
    });
}

void GroupWatcher::scheduleNext()
{
    if (m_watchers == 0)
        return;
    // The interval counts from the start of the read, so a slow answer does
    // not stretch the cadence; a read slower than the interval is followed
    // by the next one at once, never by two.
    m_timer.start(int(qMax<qint64>(0, currentIntervalMs() - m_sinceRead.elapsed())));
}

}   // namespace cohort
