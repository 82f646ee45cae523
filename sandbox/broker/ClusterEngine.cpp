// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/broker/ClusterEngine.h"

#include "core/util/LogCategories.h"
#include "sandbox/broker/BrokerConnection.h"
#include "sandbox/coordinator/GroupCoordinator.h"
#include "sandbox/protocol/SupportedApis.h"

#include <climits>

using namespace cohort::ApiKey;

namespace cohort::sandbox {

namespace {

// Kafka's Java String.hashCode, so coordinators spread like utils.abs(hash) % n.
qint32 javaHash(const QString &s)
{
    qint32 h = 0;
    for (const QChar c : s)
        h = qint32(31u * quint32(h) + c.unicode());
    return h;
}

}   // namespace

ClusterEngine::ClusterEngine(const SandboxConfig &config)
    : m_config(config)
    , m_network(*this, m_config)
    , m_data(*this, m_config, m_network)
    , m_faults(m_network)
{
    m_coordinator = std::make_unique<GroupCoordinator>(*this, m_config, this);
}

ClusterEngine::~ClusterEngine()
{
    shutdown();
}

bool ClusterEngine::start(QString *error)
{
    if (!m_network.start(error))
        return false;
    for (const auto &[name, partitions] : m_config.topics)
        createTopic(name, partitions);
    return true;
}

void ClusterEngine::shutdown()
{
    m_data.shutdown();
    m_network.shutdown();
}

void ClusterEngine::log(const QString &line)
{
    // cohort-sandbox prints logLine; in process (cohort --demo, the tests) nothing
    // does, so the same line goes to the category too.
    qCDebug(lcSandbox, "%s", qUtf8Printable(line));
    Q_EMIT logLine(line);
}

// --- ClusterView ----------------------------------------------------------

int ClusterEngine::coordinatorFor(const QString &groupId) const
{
    const QList<int> brokers = m_network.brokerIds();
    if (brokers.isEmpty())
        return -1;
    if (const auto moved = m_faults.movedCoordinator(groupId); moved && isBrokerUp(*moved))
        return *moved;
    const qint32 h = javaHash(groupId);
    const int index = int((h == INT_MIN ? 0 : qAbs(h)) % brokers.size());
    return m_network.liveBrokerAtOrAfter(index);
}

bool ClusterEngine::partitionExists(const QString &topic, int partition) const
{
    return m_data.partitionExists(topic, partition);
}

int ClusterEngine::partitionCount(const QString &topic) const
{
    return m_data.partitionCount(topic);
}

bool ClusterEngine::createTopic(const QString &topic, int partitions)
{
    return m_data.createTopic(topic, partitions);
}

qint64 ClusterEngine::logEndOffset(const QString &topic, int partition) const
{
    return m_data.logEndOffset(topic, partition);
}

// --- counters and connections -------------------------------------------------

qint64 ClusterEngine::requestCount(qint16 apiKey) const
{
    if (apiKey >= 0)
        return m_requestCounts.value(apiKey, 0);
    qint64 total = 0;
    for (qint64 v : m_requestCounts)
        total += v;
    return total;
}

void ClusterEngine::connectionClosed(BrokerConnection *conn, const QString &reason)
{
    if (!m_network.forget(conn))
        return;
    m_coordinator->connectionClosed(conn->id());
    log(QStringLiteral("broker %1: connection %2 from %3 closed (%4)").arg(conn->brokerId()).arg(conn->id()).arg(conn->peer(), reason));
}

// --- dispatch ---------------------------------------------------------------

bool ClusterEngine::dispatch(BrokerConnection *conn, const RequestContext &ctx, ByteReader &body, Responder respond)
{
    m_requestCounts[ctx.apiKey] += 1;
    const ApiVersionRange *api = findApi(ctx.apiKey);
    if (ctx.apiKey == ApiVersions)
        return m_data.handleApiVersions(ctx, respond);   // any version: v3+ gets the v0-shaped fallback
    if (!api || ctx.apiVersion < api->minVersion || ctx.apiVersion > api->maxVersion) {
        log(QStringLiteral("broker %1: %2: unsupported API %3 v%4, closing")
                .arg(ctx.brokerId)
                .arg(conn->peer())
                .arg(ctx.apiKey)
                .arg(ctx.apiVersion));
        return false;
    }
    if (ctx.apiKey == SaslHandshake)
        return m_network.handleSaslHandshake(conn, ctx, body, respond);
    if (ctx.apiKey == SaslAuthenticate)
        return m_network.handleSaslAuthenticate(conn, ctx, body, respond);
    if (!m_config.saslPlainUsers.isEmpty() && !conn->authenticated()) {
        log(QStringLiteral("broker %1: %2: %3 before SASL authentication, closing")
                .arg(ctx.brokerId)
                .arg(conn->peer(), QLatin1String(api->name)));
        return false;
    }

    const qint16 forced = m_faults.takeInjectedError(ctx);
    if (GroupCoordinator::handles(ctx.apiKey)) {
        if (forced) {
            const auto errorBody = GroupCoordinator::errorResponse(ctx, body, forced);
            if (!errorBody)
                return false;
            respond(*errorBody);
            return true;
        }
        const bool ok = m_coordinator->handle(ctx, body, std::move(respond));
        if (!ok)
            log(QStringLiteral("broker %1: %2: malformed %3 v%4, closing")
                    .arg(ctx.brokerId)
                    .arg(conn->peer(), QLatin1String(api->name))
                    .arg(ctx.apiVersion));
        return ok;
    }

    bool ok = false;
    switch (ctx.apiKey) {
    case Metadata: ok = m_data.handleMetadata(ctx, body, respond, forced); break;
    case Produce: ok = m_data.handleProduce(ctx, body, respond, forced); break;
    case Fetch: ok = m_data.handleFetch(ctx, body, respond, forced); break;
    case ListOffsets: ok = m_data.handleListOffsets(ctx, body, respond, forced); break;
    case FindCoordinator: ok = m_data.handleFindCoordinator(ctx, body, respond, forced); break;
    case CreateTopics: ok = m_data.handleCreateTopics(ctx, body, respond, forced); break;
    case DeleteRecords: ok = m_data.handleDeleteRecords(ctx, body, respond, forced); break;
    case InitProducerId: ok = m_data.handleInitProducerId(ctx, body, respond, forced); break;
    case DescribeConfigs: ok = m_data.handleDescribeConfigs(ctx, body, respond); break;
    default: ok = false; break;
    }
    if (!ok)
        log(QStringLiteral("broker %1: %2: malformed %3 v%4, closing")
                .arg(ctx.brokerId)
                .arg(conn->peer(), QLatin1String(api->name))
                .arg(ctx.apiVersion));
    return ok;
}

}   // namespace cohort::sandbox
