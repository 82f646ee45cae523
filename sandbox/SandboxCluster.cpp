// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SandboxCluster.h"

#include "sandbox/broker/ClusterEngine.h"
#include "sandbox/coordinator/GroupCoordinator.h"

#include <QThread>

namespace cohort::sandbox {

class SandboxCluster::Private
{
public:
    SandboxConfig config;
    QThread thread;
    ClusterEngine *engine = nullptr;   // lives on `thread`

    // Runs f on the cluster thread and returns its value (direct call when
    // already there, so handlers and tests on that thread cannot deadlock).
    template<typename F>
    auto call(F f) const -> decltype(f())
    {
        using R = decltype(f());
        if (!engine) {
            if constexpr (std::is_void_v<R>)
                return;
            else
                return R{};
        }
        if (QThread::currentThread() == &thread) {
            return f();
        }
        if constexpr (std::is_void_v<R>) {
            QMetaObject::invokeMethod(
                engine, [&] { f(); }, Qt::BlockingQueuedConnection);
        } else {
            R out{};
            QMetaObject::invokeMethod(
                engine, [&] { out = f(); }, Qt::BlockingQueuedConnection);
            return out;
        }
    }
};

SandboxCluster::SandboxCluster(SandboxConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->config = std::move(config);
    d->thread.setObjectName(QStringLiteral("cohort-sandbox"));
}

SandboxCluster::~SandboxCluster()
{
    stop();
}

bool SandboxCluster::start(QString *error)
{
    if (d->engine)
        return true;
    d->thread.start();
    auto *engine = new ClusterEngine(d->config);
    engine->moveToThread(&d->thread);
    connect(engine, &ClusterEngine::logLine, this, &SandboxCluster::logLine, Qt::QueuedConnection);
    d->engine = engine;
    QString why;
    const bool ok = d->call([&] { return engine->start(&why); });
    if (!ok) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    return true;
}

void SandboxCluster::stop()
{
    if (!d->engine)
        return;
    ClusterEngine *engine = d->engine;
    if (QThread::currentThread() == &d->thread) {
        delete engine;
    } else {
        QMetaObject::invokeMethod(
            engine, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
    }
    d->engine = nullptr;
    d->thread.quit();
    d->thread.wait();
}

bool SandboxCluster::isRunning() const
{
    return d->engine != nullptr;
}
QString SandboxCluster::bootstrapServers() const
{
    return d->call([&] { return d->engine->bootstrapServers(); });
}
QList<int> SandboxCluster::brokerIds() const
{
    return d->call([&] { return d->engine->brokerIds(); });
}
quint16 SandboxCluster::brokerPort(int brokerId) const
{
    return d->call([&] { return d->engine->brokerPort(brokerId); });
}
int SandboxCluster::controllerId() const
{
    return d->call([&] { return d->engine->controllerId(); });
}

bool SandboxCluster::createTopic(const QString &name, int partitions, QString *error)
{
    const bool ok = d->call([&] { return d->engine->createTopic(name, partitions); });
    if (!ok && error)
        *error = tr("cannot create topic '%1' with %2 partitions (exists already, bad name or count)").arg(name).arg(partitions);
    return ok;
}

QStringList SandboxCluster::topics() const
{
    return d->call([&] { return d->engine->topicNames(); });
}
int SandboxCluster::partitionCount(const QString &topic) const
{
    return d->call([&] { return d->engine->partitionCount(topic); });
}
int SandboxCluster::leaderOf(const QString &topic, int partition) const
{
    return d->call([&] { return d->engine->leaderOf(topic, partition); });
}

qint64 SandboxCluster::appendRecords(const QString &topic, int partition, const QList<QPair<QByteArray, QByteArray>> &records,
                                     qint64 timestampMs)
{
    return d->call([&] { return d->engine->appendRecords(topic, partition, records, timestampMs); });
}

qint64 SandboxCluster::logStartOffset(const QString &topic, int partition) const
{
    return d->call([&]() -> qint64 {
        auto *l = d->engine->log(topic, partition);
        return l ? l->startOffset() : -1;
    });
}

qint64 SandboxCluster::logEndOffset(const QString &topic, int partition) const
{
    return d->call([&] { return d->engine->logEndOffset(topic, partition); });
}

QStringList SandboxCluster::groupIds() const
{
    return d->call([&] { return d->engine->coordinator().groupIds(); });
}

SandboxGroupInfo SandboxCluster::groupInfo(const QString &groupId) const
{
    if (!d->engine) {
        SandboxGroupInfo dead;
        dead.groupId = groupId;
        dead.state = QStringLiteral("Dead");
        return dead;
    }
    return d->call([&] { return d->engine->coordinator().groupInfo(groupId); });
}

qint64 SandboxCluster::committedOffset(const QString &groupId, const QString &topic, int partition) const
{
    return d->call([&] { return d->engine->coordinator().committedOffset(groupId, topic, partition); });
}

int SandboxCluster::coordinatorOf(const QString &groupId) const
{
    return d->call([&] { return d->engine->coordinatorFor(groupId); });
}
void SandboxCluster::addSyntheticGroups(const SyntheticGroupSpec &spec)
{
    d->call([&] { d->engine->coordinator().addSyntheticGroups(spec); });
}
void SandboxCluster::stopBroker(int brokerId)
{
    d->call([&] { d->engine->stopBroker(brokerId); });
}
void SandboxCluster::startBroker(int brokerId)
{
    d->call([&] { d->engine->startBroker(brokerId); });
}
bool SandboxCluster::isBrokerUp(int brokerId) const
{
    return d->call([&] { return d->engine->isBrokerUp(brokerId); });
}
void SandboxCluster::setLatency(int brokerId, int ms)
{
    d->call([&] { d->engine->setLatency(brokerId, ms); });
}
void SandboxCluster::injectError(qint16 apiKey, qint16 errorCode, int count, int brokerId)
{
    d->call([&] { d->engine->injectError(apiKey, errorCode, count, brokerId); });
}
void SandboxCluster::moveCoordinator(const QString &groupId, int brokerId)
{
    d->call([&] { d->engine->moveCoordinator(groupId, brokerId); });
}
void SandboxCluster::clearFaults()
{
    d->call([&] { d->engine->clearFaults(); });
}
qint64 SandboxCluster::requestCount(qint16 apiKey) const
{
    return d->call([&] { return d->engine->requestCount(apiKey); });
}
qint64 SandboxCluster::connectionCount() const
{
    return d->call([&] { return d->engine->connectionCount(); });
}
qint64 SandboxCluster::storedBytes() const
{
    return d->call([&] { return d->engine->storedBytes(); });
}

}   // namespace cohort::sandbox
