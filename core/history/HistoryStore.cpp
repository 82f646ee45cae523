// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"

#include "core/history/HistoryWorker.h"

#include <QDir>
#include <QMetaObject>
#include <QPromise>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <memory>

namespace cohort {

QString HistoryStore::defaultPathFor(const QString &connectionId)
{
    // Percent-encoded, so that any profile id is one safe file name and two ids never share one.
    const QString name = QString::fromLatin1(QUrl::toPercentEncoding(connectionId));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history/") + name
           + QStringLiteral(".sqlite");
}

HistoryStore::HistoryStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
    , m_thread(new QThread)
{
    // Qt SQL connections are named per process: each store's own name.
    static std::atomic<int> stores{0};
    m_worker = new HistoryWorker(filePath, QStringLiteral("cohort-history-%1").arg(++stores));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &HistoryWorker::problem, this, &HistoryStore::problem);
    m_thread->setObjectName(QStringLiteral("cohort-history"));
    m_thread->start();
    onWorker([w = m_worker] { w->open(); });
}

HistoryStore::~HistoryStore()
{
    // Queued after every append, so the close writes them all; then the
    // thread ends and the worker, no longer running, is deleted here.
    onWorker([w = m_worker] {
        w->close();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

template<typename F>
void HistoryStore::onWorker(F &&f)
{
    QMetaObject::invokeMethod(m_worker, std::forward<F>(f), Qt::QueuedConnection);
}

QString HistoryStore::filePath() const
{
    return m_filePath;
}

void HistoryStore::append(const QList<StoredLagPoint> &points)
{
    if (!points.isEmpty())
        onWorker([w = m_worker, points] { w->enqueuePoints(points); });
}

void HistoryStore::appendEvents(const QList<GroupEvent> &events)
{
    if (!events.isEmpty())
        onWorker([w = m_worker, events] { w->enqueueEvents(events); });
}

QFuture<QList<StoredLagPoint>> HistoryStore::loadPoints(qint64 fromMs)
{
    auto promise = std::make_shared<QPromise<QList<StoredLagPoint>>>();
    promise->start();
    onWorker([w = m_worker, promise, fromMs] {
        promise->addResult(w->loadPoints(fromMs));
        promise->finish();
    });
    return promise->future();
}

QFuture<QList<GroupEvent>> HistoryStore::loadEvents(qint64 fromMs, const QString &groupId)
{
    auto promise = std::make_shared<QPromise<QList<GroupEvent>>>();
    promise->start();
    onWorker([w = m_worker, promise, fromMs, groupId] {
        promise->addResult(w->loadEvents(fromMs, groupId));
        promise->finish();
    });
    return promise->future();
}

QFuture<QHash<QString, int>> HistoryStore::countEventsSince(GroupEventKind kind, qint64 fromMs)
{
    auto promise = std::make_shared<QPromise<QHash<QString, int>>>();
    promise->start();
    onWorker([w = m_worker, promise, kind, fromMs] {
        promise->addResult(w->countEventsSince(kind, fromMs));
        promise->finish();
    });
    return promise->future();
}

QFuture<void> HistoryStore::flush()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    onWorker([w = m_worker, promise] {
        w->flush();
        promise->finish();
    });
    return promise->future();
}

void HistoryStore::prune(qint64 nowMs)
{
    onWorker([w = m_worker, nowMs, retention = m_retention] { w->prune(nowMs, retention); });
}

void HistoryStore::setRetention(const HistoryRetention &retention)
{
    m_retention = retention;
}

HistoryRetention HistoryStore::retention() const
{
    return m_retention;
}

}   // namespace cohort
