// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"
#include "core/rebalance/GroupEvent.h"
#include "core/rebalance/GroupEventDetector.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace cohort {

class ClusterSession;

// Watches one group of a session for rebalances (GUI thread): reads it with
// ClusterSession::refreshGroup about every second, about every 250 ms while a
// rebalance is under way, never with more than one read in flight, and turns
// the reads into GroupEvents (GroupEventDetector). The events stay for the
// session's lifetime (up to kMaxEvents, the oldest dropped first), so a page
// opened later, the lag history and the timeline read what happened before.
// Made and kept by ClusterSession::groupWatcher.
class GroupWatcher : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupWatcher)

public:
    static constexpr int kIdleIntervalMs = 1000;
    static constexpr int kRebalanceIntervalMs = 250;
    static constexpr int kMaxEvents = 10000;

    GroupWatcher(ClusterSession *session, const QString &groupId, QObject *parent = nullptr);

    QString groupId() const { return m_groupId; }
    // Starts polling now (a read at once); each start() wants one stop():
    // the group is polled while anyone watches it.
    void start();
    void stop();
    bool isWatching() const { return m_watchers > 0; }
    bool isReading() const { return m_inFlight; }
    bool rebalanceInProgress() const { return m_detector.rebalanceInProgress(); }

    // Every event seen, oldest first.
    const QList<GroupEvent> &events() const { return m_events; }
    // The last read of the group (check hasObserved first).
    const GroupSnapshot &lastSnapshot() const { return m_last; }
    bool hasObserved() const { return m_detector.hasObserved(); }
    quint64 readsDone() const { return m_reads; }

    // The wait between the starts of two reads now: the rebalance interval
    // while one is under way, the idle one otherwise.
    int currentIntervalMs() const { return rebalanceInProgress() ? m_rebalanceMs : m_idleMs; }
    // For tests and the benchmark: other intervals than the defaults.
    void setIntervals(int idleMs, int rebalanceMs);

Q_SIGNALS:
    // The events one read brought, in order; only when there are some.
    void eventsSeen(const QList<cohort::GroupEvent> &events);
    // After every read, with or without events.
    void groupRead(const cohort::GroupSnapshot &group);
    // A read failed; the watcher goes on reading at its idle interval.
    void readFailed(const cohort::KafkaError &error);

private:
    void poll();
    void scheduleNext();

    QPointer<ClusterSession> m_session;
    QString m_groupId;
    GroupEventDetector m_detector;
    QList<GroupEvent> m_events;
    GroupSnapshot m_last;
    QTimer m_timer;
    QElapsedTimer m_sinceRead;   // from the start of the last read
    int m_watchers = 0;
    bool m_inFlight = false;
    quint64 m_reads = 0;
    int m_idleMs = kIdleIntervalMs;
    int m_rebalanceMs = kRebalanceIntervalMs;
};

}   // namespace cohort
