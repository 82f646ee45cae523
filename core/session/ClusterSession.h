// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryStore.h"
#include "core/kafka/ClusterAdmin.h"
#include "core/kafka/ClusterClient.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/lag/LagHistory.h"
#include "core/snapshot/ClusterMonitor.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace cohort {

struct ConnectionProfile;
class GroupWatcher;

// One connected cluster, for as long as the window shows it: the read side
// (ClusterClient), the periodic whole-cluster refresh (ClusterMonitor), the
// fast refresh of one group, and the write side (ClusterAdmin) unless the
// connection is read-only. Pages hold a pointer to it and subscribe to its
// signals themselves; it outlives every page, so what must survive a page
// (lag history, group watchers) belongs here.
class ClusterSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterSession)

public:
    enum class Access { ReadOnly, ReadWrite };

    // Makes the write side from the client just created; called on a pool
    // thread, only for writable connections. May return null (no write side).
    using AdminFactory = std::function<std::shared_ptr<ClusterAdmin>(const std::shared_ptr<RdKafkaClusterClient> &)>;
    // The real write side, RdKafkaClusterAdmin on the session's client.
    static AdminFactory defaultAdminFactory();

    // How to open a session without a profile (e.g. --bootstrap-server, the demo).
    struct OpenRequest
    {
        RdKafkaClusterClient::Properties properties;
        QString displayName;
        Access access = Access::ReadWrite;
        bool production = false;   // ConnectionProfile::production
        int timeoutMs = 10000;
        RdKafkaClusterClient::OwnConnections ownConnections = RdKafkaClusterClient::OwnConnections::WhenPossible;
        AdminFactory adminFactory = defaultAdminFactory();   // empty: no write side
        QString historyFile;   // where the lag history is kept across runs (attachHistory); empty: this run only
    };

    // Creates the librdkafka client (and, for writable connections only, the
    // admin) on a pool thread, then the session on `context`'s thread; the
    // future is cancelled when `context` is destroyed first. A property
    // librdkafka refuses comes back as the error.
    static QFuture<Result<std::shared_ptr<ClusterSession>>> open(OpenRequest request, QObject *context);
    // The same from a saved connection: its name, properties and read-only flag.
    static QFuture<Result<std::shared_ptr<ClusterSession>>> open(const ConnectionProfile &profile, const QString &password,
                                                                 QObject *context, AdminFactory adminFactory = defaultAdminFactory());

    // For tests, fakes and callers that made the client themselves. A
    // read-only session takes no admin at all.
    ClusterSession(std::shared_ptr<ClusterClient> client, const QString &displayName, QObject *parent = nullptr);   // read-only
    ClusterSession(std::shared_ptr<ClusterClient> client, std::shared_ptr<ClusterAdmin> admin, const QString &displayName,
                   QObject *parent = nullptr);   // writable
    // For tests: a read-only session whose whole-cluster refreshes come from
    // `loader` (ClusterMonitor's), e.g. one the test holds open or fills with
    // a partial snapshot.
    static std::shared_ptr<ClusterSession> withLoader(std::shared_ptr<ClusterClient> client, ClusterMonitor::Loader loader,
                                                      const QString &displayName);
    ~ClusterSession() override;

    // A shared_ptr whose deleter destroys the session on its own thread
    // (deleteLater from elsewhere), whichever thread lets go last.
    static std::shared_ptr<ClusterSession> share(ClusterSession *session);

    QString displayName() const { return m_displayName; }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    // A production cluster (ConnectionProfile::production): destructive
    // actions ask for the group's name to be typed.
    bool isProduction() const { return m_production; }
    void setProduction(bool production) { m_production = production; }
    const std::shared_ptr<ClusterClient> &client() const { return m_client; }
    // The write side; _READ_ONLY for a read-only connection, _NO_ADMIN when
    // this session was made without one.
    Result<ClusterAdmin *> admin() const;

    // The periodic whole-cluster refresh (its behaviour: ClusterMonitor).
    ClusterMonitor *monitor() const { return m_monitor; }
    void start();   // the first refresh now, then every interval
    void refreshNow();
    void setIntervalMs(int ms);
    void setPaused(bool paused);
    bool hasSnapshot() const;
    const ClusterSnapshot &snapshot() const;
    bool isStale() const;
    QDateTime lastFresh() const;

    // One group now, in a few requests: its description, committed offsets
    // and the watermarks of its partitions, with the last snapshot's metadata
    // (SnapshotLoader::loadGroup). A call while one for the same group is in
    // flight waits for that one. The future completes on the session's
    // thread (its event loop must run); groupRefreshed follows a success.
    QFuture<Result<GroupSnapshot>> refreshGroup(const QString &groupId);

    // The lag history of this cluster, fed by every snapshot and one-group
    // refresh; the record timestamps and topic retention its assessments
    // need are read here after each whole refresh, off the GUI thread.
    LagHistory *lagHistory() const { return m_lagHistory; }

    // Keeps the lag history in this file across runs (HistoryStore): what a
    // previous run stored is read on the store's thread and restored before
    // the first refresh (start() waits for it: for the file at most
    // kHistoryLoadWaitMs, so a slow disk delays nothing more; then for the
    // restore, done in slices of kHistoryRestoreSlice points per turn), then every new point and event is
    // appended, and old ones are pruned every hour. A file that cannot be
    // used is said once through historyProblem(); the history then lives for
    // this run only.
    void attachHistory(const QString &filePath);
    HistoryStore *historyStore() const { return m_historyStore; }
    // The last historyProblem() said, for a window that connects after it came.
    QString lastHistoryProblem() const { return m_lastHistoryProblem; }
    static constexpr int kHistoryLoadWaitMs = 3000;
    static constexpr qsizetype kHistoryRestoreSlice = 20000;   // points per event-loop turn

    // The connection's request timeout (OpenRequest::timeoutMs), from which
    // the deadlines follow: a whole refresh (listing, descriptions, offsets,
    // watermarks, one after the other, and their retries) gets
    // kRefreshDeadlineFactor of it, a one-group refresh kGroupDeadlineFactor.
    // The watcher of one group's rebalances, made on first ask and kept (with
    // its events) for the session's lifetime; it polls only between its
    // start() and stop().
    GroupWatcher *groupWatcher(const QString &groupId);
    // Every group watched in this session so far, with their events.
    QList<GroupWatcher *> groupWatchers() const { return m_watchers.values(); }

    static constexpr int kRefreshDeadlineFactor = 3;
    static constexpr int kGroupDeadlineFactor = 2;
    void setRequestTimeoutMs(int ms);
    int requestTimeoutMs() const { return m_requestTimeoutMs; }

Q_SIGNALS:
    void refreshStarted();
    void snapshotReady(const cohort::ClusterSnapshot &snapshot);
    void refreshFailed(const cohort::KafkaError &error);
    void staleChanged(bool stale, const QDateTime &lastFresh);
    void groupRefreshed(const cohort::GroupSnapshot &group);
    // The history file could not be used as it is (HistoryStore::problem), in words.
    void historyProblem(const QString &message);
    // What a previous run stored is in the lag history now.
    void historyRestored();

private:
    ClusterSession(std::shared_ptr<ClusterClient> client, std::shared_ptr<ClusterAdmin> admin, Access access, const QString &displayName,
                   ClusterMonitor::Loader loader, QObject *parent);

    // Tells a failed refresh after a look at the bootstrap listener
    // (ConnectionDiagnosis) when it is a connection failure.
    void onRefreshFailed(const cohort::KafkaError &error);
    // Reads what the lag history asks for (record timestamps, retention), one read of each kind at a time.
    void readLagInputs();
    void wantRecordTimestamps();
    void onLagHistoryUpdated();

    std::shared_ptr<ClusterClient> m_client;
    std::shared_ptr<ClusterAdmin> m_admin;
    Access m_access;
    bool m_production = false;
    QString m_displayName;
    ClusterMonitor *m_monitor;                // a child
    LagHistory *m_lagHistory;                 // a child
    HistoryStore *m_historyStore = nullptr;   // a child, after attachHistory()
    bool m_historyLoading = false;
    QString m_lastHistoryProblem;
    bool m_startWhenLoaded = false;
    bool m_historyArrived = false;
    void finishHistoryLoad();
    void restoreHistorySlice(std::shared_ptr<const QList<StoredLagPoint>> points, const QList<GroupEvent> &events, qsizetype from);
    bool m_readingRecordTimes = false;
    bool m_readLagInputsWhenApplied = false;   // after the whole snapshot is in
    bool m_readingRetention = false;
    // How open() connected, for the diagnosis; empty for a session made from
    // a client (tests, fakes): their failures are told as they come.
    RdKafkaClusterClient::Properties m_connectionProperties;
    int m_diagnosisBudgetMs = 0;
    bool m_diagnosing = false;
    quint64 m_snapshotsSeen = 0;   // a diagnosis outrun by a good refresh is not told
    int m_requestTimeoutMs = 10000;
    // Callers waiting for a one-group refresh in flight, per group.
    QHash<QString, QList<std::shared_ptr<QPromise<Result<GroupSnapshot>>>>> m_groupsWaiting;
    QHash<QString, GroupWatcher *> m_watchers;   // children
};

}   // namespace cohort
