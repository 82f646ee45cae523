// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterClient.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "core/snapshot/RefreshProgress.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <memory>

namespace cohort {

// Refreshes one cluster's snapshot periodically, off the GUI thread. Never two
// refreshes at once; an answer that arrives after the monitor is gone is
// dropped (the monitor is its context object). Keeps the last good snapshot
// and says when it went stale (the cluster stopped answering) and when it is
// fresh again. One per ClusterSession; another cluster is another session.
class ClusterMonitor : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterMonitor)

public:
    using Loader = std::function<QFuture<Result<ClusterSnapshot>>(std::shared_ptr<ClusterClient>, std::shared_ptr<RefreshProgress>)>;

    explicit ClusterMonitor(std::shared_ptr<ClusterClient> client, QObject *parent = nullptr);
    // For tests: a loader other than SnapshotLoader::load.
    ClusterMonitor(std::shared_ptr<ClusterClient> client, Loader loader, QObject *parent = nullptr);
    ~ClusterMonitor() override;

    void start();   // refresh now, then every interval
    void setIntervalMs(int ms);
    int intervalMs() const { return m_timer.interval(); }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void refreshNow();

    bool hasSnapshot() const { return m_hasSnapshot; }
    const ClusterSnapshot &snapshot() const { return m_snapshot; }
    bool isStale() const { return m_stale; }
    QDateTime lastFresh() const { return m_snapshot.takenAt; }
    bool isRefreshing() const { return m_inFlight; }

    // The one deadline of each whole refresh (listing, descriptions, offsets,
    // watermarks and their retries together).
    void setRefreshDeadlineMs(int ms) { m_deadlineMs = qMax(100, ms); }
    int refreshDeadlineMs() const { return m_deadlineMs; }
    // The refresh in flight (what it waits for, for how long), nullptr when idle.
    std::shared_ptr<const RefreshProgress> progress() const { return m_progress; }
    // Stops the refresh in flight: its answer is dropped, the last snapshot
    // stays, refreshCancelled() is emitted; the next tick refreshes again.
    void cancelRefresh();

Q_SIGNALS:
    void refreshStarted();
    void snapshotReady(const cohort::ClusterSnapshot &snapshot);
    void refreshFailed(const cohort::KafkaError &error);
    void refreshCancelled();
    void staleChanged(bool stale, const QDateTime &lastFresh);

private:
    void onResult(quint64 generation, const Result<ClusterSnapshot> &result);
    void setStale(bool stale);

    std::shared_ptr<ClusterClient> m_client;
    Loader m_loader;
    QTimer m_timer;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_paused = false;
    bool m_hasSnapshot = false;
    bool m_stale = false;
    int m_deadlineMs = 30000;
    std::shared_ptr<RefreshProgress> m_progress;
    ClusterSnapshot m_snapshot;
};

}   // namespace cohort
