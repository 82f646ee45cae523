// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/ClusterMonitor.h"

#include "core/snapshot/SnapshotCarryForward.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/util/LogCategories.h"

#include <QThreadPool>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <utility>

namespace cohort {

ClusterMonitor::ClusterMonitor(std::shared_ptr<ClusterClient> client, QObject *parent)
    : ClusterMonitor(
        std::move(client),
        [](std::shared_ptr<ClusterClient> c, std::shared_ptr<RefreshProgress> p) {
            return SnapshotLoader::load(std::move(c), std::move(p));
        },
        parent)
{ }

ClusterMonitor::ClusterMonitor(std::shared_ptr<ClusterClient> client, Loader loader, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_loader(std::move(loader))
{
    qRegisterMetaType<cohort::ClusterSnapshot>();
    qRegisterMetaType<cohort::KafkaError>();
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &ClusterMonitor::refreshNow);
}

ClusterMonitor::~ClusterMonitor()
{
    ++m_generation;   // anything still in flight is dropped by its context (this) anyway
}

void ClusterMonitor::start()
{
    if (!m_paused)
        m_timer.start();
    refreshNow();
}

void ClusterMonitor::setIntervalMs(int ms)
{
    m_timer.setInterval(qMax(500, ms));
}

void ClusterMonitor::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        m_timer.stop();
    else
        m_timer.start();
}

void ClusterMonitor::refreshNow()
{
    if (m_inFlight)
        return;   // the running refresh answers soon; never pile requests up on a slow cluster
    m_inFlight = true;
    const quint64 generation = ++m_generation;
    m_progress = std::make_shared<RefreshProgress>(QDeadlineTimer(m_deadlineMs));
    Q_EMIT refreshStarted();
    m_loader(m_client, m_progress).then(this, [this, generation](const Result<ClusterSnapshot> &result) { onResult(generation, result); });
}

void ClusterMonitor::cancelRefresh()
{
    if (!m_inFlight)
        return;
    if (m_progress)
        m_progress->cancel();   // the loader stops waiting at its next check
    ++m_generation;             // and whatever it still returns is dropped
    m_inFlight = false;
    m_progress.reset();
    Q_EMIT refreshCancelled();
}

void ClusterMonitor::onResult(quint64 generation, const Result<ClusterSnapshot> &result)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    m_progress.reset();
    if (!result) {
        // The window shows the error and the next tick retries: a debug line only.
        qCDebug(lcRefresh) << "refresh failed:" << result.error().toString();
        setStale(m_hasSnapshot);
        Q_EMIT refreshFailed(result.error());
        return;
    }
    // What this refresh missed is shown as last read, marked stale.
    ClusterSnapshot previous = std::exchange(
        m_snapshot, m_hasSnapshot ? SnapshotCarryForward::apply(m_snapshot, result.value()) : result.value());
    m_hasSnapshot = true;
    setStale(false);
    Q_EMIT snapshotReady(m_snapshot);
    // The snapshot replaced holds a million partitions at scale: freeing them
    // is a pool thread's work, not a GUI turn's. Held until the receivers
    // above have let go of their copies (the models keep one each), so that
    // the last holder is this pool thread, not whichever receiver came last.
    if (!previous.groups.isEmpty())
        QThreadPool::globalInstance()->start([dropped = std::move(previous)]() mutable {
            dropped = ClusterSnapshot();
#ifdef __GLIBC__
            // glibc keeps freed memory in its arenas; a million partitions
            // freed are hundreds of MB the process would go on holding.
            malloc_trim(0);
#endif
        });
}

void ClusterMonitor::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    Q_EMIT staleChanged(stale, m_snapshot.takenAt);
}

}   // namespace cohort
