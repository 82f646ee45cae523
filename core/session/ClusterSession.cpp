// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/ClusterSession.h"

#include "core/connection/ConnectionDiagnosis.h"
#include "core/connection/ConnectionProfile.h"
#include "core/kafka/RdKafkaClusterAdmin.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/snapshot/ClusterMonitor.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/util/LogCategories.h"
#include "core/util/TurnBudget.h"

#include <QCoreApplication>
#include <QPromise>
#include <QThread>
#include <QTimer>
#include <QtConcurrent>

namespace cohort {

namespace {

// What the pool thread makes before the session exists.
struct Made
{
    std::shared_ptr<RdKafkaClusterClient> client;
    std::shared_ptr<ClusterAdmin> admin;
};

}   // namespace

ClusterSession::ClusterSession(std::shared_ptr<ClusterClient> client, const QString &displayName, QObject *parent)
    : ClusterSession(std::move(client), nullptr, Access::ReadOnly, displayName, {}, parent)
{ }

std::shared_ptr<ClusterSession> ClusterSession::withLoader(std::shared_ptr<ClusterClient> client, ClusterMonitor::Loader loader,
                                                           const QString &displayName)
{
    return share(new ClusterSession(std::move(client), nullptr, Access::ReadOnly, displayName, std::move(loader), nullptr));
}

ClusterSession::ClusterSession(std::shared_ptr<ClusterClient> client, std::shared_ptr<ClusterAdmin> admin, const QString &displayName,
                               QObject *parent)
    : ClusterSession(std::move(client), std::move(admin), Access::ReadWrite, displayName, {}, parent)
{ }

ClusterSession::ClusterSession(std::shared_ptr<ClusterClient> client, std::shared_ptr<ClusterAdmin> admin, Access access,
                               const QString &displayName, ClusterMonitor::Loader loader, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_admin(access == Access::ReadWrite ? std::move(admin) : nullptr)
    , m_access(access)
    , m_displayName(displayName)
    , m_monitor(loader ? new ClusterMonitor(m_client, std::move(loader), this) : new ClusterMonitor(m_client, this))
    , m_lagHistory(new LagHistory(this))
{
    qRegisterMetaType<cohort::GroupSnapshot>();
    // A group whose watcher runs has its rebalances timed by the watcher;
    // the history tells the others' from the refreshes.
    m_lagHistory->setFollowedByWatcher([this](const QString &groupId) {
        const GroupWatcher *w = m_watchers.value(groupId);
        return w && w->isWatching();
    });
    // The history first: pages reading it on snapshotReady see this refresh in it.
    connect(m_monitor, &ClusterMonitor::snapshotReady, this, [this](const ClusterSnapshot &snapshot) {
        m_lagHistory->addSnapshot(snapshot);
        m_readLagInputsWhenApplied = true;
        if (!m_lagHistory->isApplying())
            onLagHistoryUpdated();
    });
    connect(m_lagHistory, &LagHistory::updated, this, &ClusterSession::onLagHistoryUpdated);
    connect(m_monitor, &ClusterMonitor::refreshStarted, this, &ClusterSession::refreshStarted);
    connect(m_monitor, &ClusterMonitor::snapshotReady, this, &ClusterSession::snapshotReady);
    connect(m_monitor, &ClusterMonitor::snapshotReady, this, [this] { ++m_snapshotsSeen; });
    connect(m_monitor, &ClusterMonitor::refreshFailed, this, &ClusterSession::onRefreshFailed);
    connect(m_monitor, &ClusterMonitor::staleChanged, this, &ClusterSession::staleChanged);
    setRequestTimeoutMs(m_requestTimeoutMs);
}

void ClusterSession::setRequestTimeoutMs(int ms)
{
    m_requestTimeoutMs = qMax(100, ms);
    m_monitor->setRefreshDeadlineMs(m_requestTimeoutMs * kRefreshDeadlineFactor);
}

ClusterSession::~ClusterSession() = default;

void ClusterSession::onRefreshFailed(const KafkaError &error)
{
    if (m_connectionProperties.isEmpty() || !ConnectionDiagnosis::worthDiagnosing(error)) {
        Q_EMIT refreshFailed(error);
        return;
    }
    if (m_diagnosing)
        return;   // the diagnosis under way tells this failure too
    m_diagnosing = true;
    const quint64 seen = m_snapshotsSeen;
    // The probe blocks on its sockets: a pool thread, never this one.
    QtConcurrent::run([error, props = m_connectionProperties, budget = m_diagnosisBudgetMs] {
        return ConnectionDiagnosis::explain(error, props, budget);
    }).then(this, [this, seen](const KafkaError &explained) {
        m_diagnosing = false;
        if (seen == m_snapshotsSeen)
            Q_EMIT refreshFailed(explained);
    });
}

void ClusterSession::onLagHistoryUpdated()
{
    // A large snapshot is applied over several turns: what it needs is known once it is all in.
    if (!m_readLagInputsWhenApplied || m_lagHistory->isApplying())
        return;
    m_readLagInputsWhenApplied = false;
    // In a turn of its own: updated() has other receivers that each take
    // a slice of this turn (the models re-read thousands of rows).
    QTimer::singleShot(0, this, &ClusterSession::readLagInputs);
}

void ClusterSession::readLagInputs()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int deadlineMs = m_requestTimeoutMs * kGroupDeadlineFactor;
    if (!m_readingRetention) {
        const QStringList topics = m_lagHistory->retentionWanted(now);
        if (!topics.isEmpty()) {
            m_readingRetention = true;
            m_client->fetchTopicRetention(topics, std::make_shared<RefreshProgress>(QDeadlineTimer(deadlineMs)))
                .then(this, [this](const Result<TopicRetentionAnswer> &answer) {
                    m_readingRetention = false;
                    if (answer)
                        m_lagHistory->setTopicRetention(answer.value());
                    else
                        qCDebug(lcSession, "topic retention not read: %s", qUtf8Printable(answer.error().toString()));
                });
        }
    }
    if (!m_readingRecordTimes) {
        m_readingRecordTimes = true;
        // Its first slice in a turn of its own too, not beside retention's question.
        QTimer::singleShot(0, this, &ClusterSession::wantRecordTimestamps);
    }
}

// The walk over every partition of every group is sliced like the snapshot's
// apply (a million partitions at scale took 150 ms in one turn).
void ClusterSession::wantRecordTimestamps()
{
    std::optional<QHash<TopicPartition, qint64>> wanted;
    {
        const TurnBudget::Slice turn;
        // The turn's budget went to other slices: the walk waits for the next.
        if (!turn.spent())
            wanted = m_lagHistory->recordTimestampsWantedSome(QDateTime::currentMSecsSinceEpoch(), turn.remainingMs());
    }
    if (!wanted) {
        QTimer::singleShot(0, this, &ClusterSession::wantRecordTimestamps);
        return;
    }
    const QHash<TopicPartition, qint64> asked = *wanted;
    if (asked.isEmpty()) {
        m_readingRecordTimes = false;
        return;
    }
    const int deadlineMs = m_requestTimeoutMs * kGroupDeadlineFactor;
    m_client->fetchRecordTimestamps(asked, std::make_shared<RefreshProgress>(QDeadlineTimer(deadlineMs)))
        .then(this, [this, asked](const Result<RecordTimestampsAnswer> &answer) {
            m_readingRecordTimes = false;
            RecordTimestampsAnswer read;
            if (answer)
                read = answer.value();
            else
                for (auto it = asked.cbegin(); it != asked.cend(); ++it)
                    read.failed.insert(it.key(), answer.error());
            m_lagHistory->addRecordTimestamps(asked, read);
        });
}

std::shared_ptr<ClusterSession> ClusterSession::share(ClusterSession *session)
{
    return std::shared_ptr<ClusterSession>(session, [](ClusterSession *s) {
        if (QThread::currentThread() == s->thread())
            delete s;
        else
            s->deleteLater();
    });
}

QFuture<Result<std::shared_ptr<ClusterSession>>> ClusterSession::open(OpenRequest request, QObject *context)
{
    // rd_kafka_new resolves nothing yet but starts librdkafka's threads and
    // may read certificate files: never on the GUI thread.
    QFuture<Result<Made>> made = QtConcurrent::run([request]() -> Result<Made> {
        auto client = RdKafkaClusterClient::create(request.properties, request.timeoutMs, request.ownConnections);
        if (!client)
            return client.error();
        Made m{client.value(), nullptr};
        // The refusal to write on a read-only connection starts here: its
        // admin is never even made.
        if (request.access == Access::ReadWrite && request.adminFactory)
            m.admin = request.adminFactory(m.client);
        return m;
    });
    return made.then(context, [request](const Result<Made> &m) -> Result<std::shared_ptr<ClusterSession>> {
        if (!m)
            return m.error();
        auto *session = request.access == Access::ReadOnly ? new ClusterSession(m->client, request.displayName)
                                                           : new ClusterSession(m->client, m->admin, request.displayName);
        session->m_connectionProperties = request.properties;
        session->m_production = request.production;
        session->m_diagnosisBudgetMs = qMin(request.timeoutMs, ConnectionDiagnosis::kMaxBudgetMs);
        session->setRequestTimeoutMs(request.timeoutMs);
        if (!request.historyFile.isEmpty())
            session->attachHistory(request.historyFile);
        return share(session);
    });
}

ClusterSession::AdminFactory ClusterSession::defaultAdminFactory()
{
    return &RdKafkaClusterAdmin::create;
}

QFuture<Result<std::shared_ptr<ClusterSession>>> ClusterSession::open(const ConnectionProfile &profile, const QString &password,
                                                                      QObject *context, AdminFactory adminFactory)
{
    OpenRequest request;
    request.properties = profile.librdkafkaProperties(password);
    request.displayName = profile.name;
    request.access = profile.readOnly ? Access::ReadOnly : Access::ReadWrite;
    request.production = profile.production;
    request.adminFactory = std::move(adminFactory);
    request.historyFile = HistoryStore::defaultPathFor(profile.name);
    return open(std::move(request), context);
}

Result<ClusterAdmin *> ClusterSession::admin() const
{
    if (isReadOnly())
        return KafkaError::make(
            0, QStringLiteral("_READ_ONLY"),
            QCoreApplication::translate("ClusterSession", "The connection \"%1\" is read-only: Cohort changes nothing on this cluster.")
                .arg(m_displayName),
            QCoreApplication::translate("ClusterSession",
                                        "To allow changes, clear \"Read-only\" for this connection under Connections… and connect again."));
    if (!m_admin)
        return KafkaError::make(
            0, QStringLiteral("_NO_ADMIN"),
            QCoreApplication::translate("ClusterSession", "Changes to the cluster are not available on the connection \"%1\".")
                .arg(m_displayName));
    return m_admin.get();
}

void ClusterSession::start()
{
    // The first samples must come after what a previous run stored: a
    // series restored after live points would lose its older part.
    if (m_historyLoading) {
        m_startWhenLoaded = true;
        return;
    }
    m_monitor->start();
}

void ClusterSession::attachHistory(const QString &filePath)
{
    if (m_historyStore)
        return;
    m_historyStore = new HistoryStore(filePath, this);
    connect(m_historyStore, &HistoryStore::problem, this, [this](const QString &message) {
        m_lastHistoryProblem = message;
        Q_EMIT historyProblem(message);
    });
    connect(m_lagHistory, &LagHistory::pointsRecorded, m_historyStore, &HistoryStore::append);
    connect(m_lagHistory, &LagHistory::eventsRecorded, m_historyStore, &HistoryStore::appendEvents);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_historyStore->prune(now);
    auto *pruneTimer = new QTimer(this);
    pruneTimer->setInterval(3600 * 1000);
    connect(pruneTimer, &QTimer::timeout, m_historyStore, [store = m_historyStore] { store->prune(QDateTime::currentMSecsSinceEpoch()); });
    pruneTimer->start();

    m_historyLoading = true;
    const qint64 from = now - qMax(m_historyStore->retention().tenMinutesMs, m_historyStore->retention().eventsMs);
    QFuture<QList<GroupEvent>> events = m_historyStore->loadEvents(from);
    m_historyStore->loadPoints(from).then(this, [this, events](const QList<StoredLagPoint> &points) mutable {
        events.then(this, [this, points](const QList<GroupEvent> &stored) {
            // Arrived: the wait below no longer starts refreshing without it.
            m_historyArrived = true;
            restoreHistorySlice(std::make_shared<const QList<StoredLagPoint>>(points), stored, 0);
        });
    });
    QTimer::singleShot(kHistoryLoadWaitMs, this, [this] {
        if (m_historyArrived)
            return;
        if (m_historyLoading)
            qCWarning(lcSession) << "the lag history took over" << kHistoryLoadWaitMs << "ms to load; refreshing without waiting for it";
        finishHistoryLoad();
    });
}

void ClusterSession::restoreHistorySlice(std::shared_ptr<const QList<StoredLagPoint>> points, const QList<GroupEvent> &events,
                                         qsizetype from)
{
    // A week of a large cluster is millions of points: restored a slice per
    // event-loop turn so that the window stays responsive. The store reads
    // them in (tier, time) order, so every slice keeps each series in time
    // order, which LagHistory::restore needs.
    const qsizetype to = qMin(points->size(), from + kHistoryRestoreSlice);
    const bool last = to == points->size();
    m_lagHistory->restore(points->mid(from, to - from), last ? events : QList<GroupEvent>{});
    if (!last) {
        QTimer::singleShot(0, this, [this, points, events, to] { restoreHistorySlice(points, events, to); });
        return;
    }
    qCInfo(lcSession) << "restored" << points->size() << "lag points and" << events.size() << "group events from"
                      << m_historyStore->filePath();
    Q_EMIT historyRestored();
    finishHistoryLoad();
}

void ClusterSession::finishHistoryLoad()
{
    if (!m_historyLoading)
        return;
    m_historyLoading = false;
    if (m_startWhenLoaded) {
        m_startWhenLoaded = false;
        m_monitor->start();
    }
}

void ClusterSession::refreshNow()
{
    m_monitor->refreshNow();
}

void ClusterSession::setIntervalMs(int ms)
{
    m_monitor->setIntervalMs(ms);
}

void ClusterSession::setPaused(bool paused)
{
    m_monitor->setPaused(paused);
}

bool ClusterSession::hasSnapshot() const
{
    return m_monitor->hasSnapshot();
}

const ClusterSnapshot &ClusterSession::snapshot() const
{
    return m_monitor->snapshot();
}

bool ClusterSession::isStale() const
{
    return m_monitor->isStale();
}

QDateTime ClusterSession::lastFresh() const
{
    return m_monitor->lastFresh();
}

QFuture<Result<GroupSnapshot>> ClusterSession::refreshGroup(const QString &groupId)
{
    // Each caller gets a future of its own (a QFuture takes one continuation),
    // but a group is asked for once at a time: a watcher polling faster than
    // a slow cluster answers must not pile requests up.
    auto promise = std::make_shared<QPromise<Result<GroupSnapshot>>>();
    promise->start();
    QFuture<Result<GroupSnapshot>> future = promise->future();
    QList<std::shared_ptr<QPromise<Result<GroupSnapshot>>>> &waiting = m_groupsWaiting[groupId];
    waiting.append(promise);
    if (waiting.size() > 1)
        return future;
    std::optional<ClusterMetadata> metadata;
    if (hasSnapshot())
        metadata = snapshot().metadata;
    auto progress = std::make_shared<RefreshProgress>(QDeadlineTimer(m_requestTimeoutMs * kGroupDeadlineFactor));
    SnapshotLoader::loadGroup(m_client, groupId, std::move(metadata), std::move(progress))
        .then(this, [this, groupId](Result<GroupSnapshot> result) {
            const auto waiting = m_groupsWaiting.take(groupId);
            // The group's type comes from the listing, which a one-group
            // refresh reads only for a group DescribeGroups calls Dead: the
            // last whole refresh's listing says it otherwise.
            if (result && result->description.type == GroupType::Unknown && hasSnapshot())
                if (const GroupSnapshot *listed = snapshot().group(groupId))
                    result.value().description.type = listed->description.type;
            if (result) {
                // A sample; what it needs read waits for the next whole
                // refresh, so that a fast refresh stays its few requests.
                m_lagHistory->addGroup(result.value(), QDateTime::currentDateTimeUtc());
                Q_EMIT groupRefreshed(result.value());
            }
            for (const auto &p : waiting) {
                p->addResult(result);
                p->finish();
            }
        });
    return future;
}

GroupWatcher *ClusterSession::groupWatcher(const QString &groupId)
{
    GroupWatcher *&watcher = m_watchers[groupId];
    if (!watcher) {
        watcher = new GroupWatcher(this, groupId, this);
        // The one place watcher events reach the lag history (so the charts'
        // markers and the history store get them). Not the state changes:
        // the history records those itself from the same reads (the watcher
        // reads through refreshGroup, which samples the group into it).
        connect(watcher, &GroupWatcher::eventsSeen, m_lagHistory, [history = m_lagHistory](const QList<GroupEvent> &events) {
            QList<GroupEvent> kept;
            for (const GroupEvent &e : events)
                if (e.kind != GroupEventKind::StateChanged)
                    kept.append(e);
            if (!kept.isEmpty())
                history->addEvents(kept);
        });
    }
    return watcher;
}

}   // namespace cohort
