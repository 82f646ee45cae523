// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/DirectBrokerRequests.h"

#include "core/util/LogCategories.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/DescribeGroupsCodec.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/GroupMessages.h"
#include "core/wire/ListGroupsCodec.h"
#include "core/wire/ListOffsetsCodec.h"
#include "core/wire/OffsetFetchCodec.h"

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace cohort {

namespace {

constexpr int kWindow = 64;   // requests in flight per connection
constexpr qsizetype kGroupsPerDescribe = 500;

// One connection per broker, every broker's requests pipelined (window of
// kWindow) and all brokers asked before any answer is awaited. `Job` is what
// one request is about; encode builds its body, decode takes the answer and
// says whether it was usable. Returns the jobs whose broker is unreachable,
// whose connection broke, or whose answer was unusable.
template<typename Job, typename Encode, typename Decode>
QList<Job> pipelineByBroker(const QHash<int, QList<Job>> &jobsByBroker, const QHash<int, QPair<QString, quint16>> &addresses, int timeoutMs,
                            const std::optional<KafkaWireConnection::SaslPlain> &sasl, qint16 apiKey, qint16 apiVersion, Encode encode,
                            Decode decode)
{
    QList<Job> failed;
    struct Lane
    {
        std::unique_ptr<KafkaWireConnection> conn;
        QList<Job> jobs;
        QList<qint32> ids;
    };
    std::vector<Lane> lanes;
    for (auto it = jobsByBroker.cbegin(); it != jobsByBroker.cend(); ++it) {
        const auto address = addresses.constFind(it.key());
        Lane lane{std::make_unique<KafkaWireConnection>(timeoutMs), it.value(), {}};
        const Result<Done, QString> opened = address == addresses.cend() ? Result<Done, QString>(QStringLiteral("address unknown"))
                                                                         : lane.conn->open(address->first, address->second, sasl);
        if (!opened) {
            // Handled here: the caller asks librdkafka for these instead.
            qCDebug(lcWire, "broker %d: %s; %lld requests go through librdkafka", it.key(), qUtf8Printable(opened.error()),
                    qlonglong(it.value().size()));
            failed += it.value();
            continue;
        }
        lanes.push_back(std::move(lane));
    }
    auto sendUpTo = [&](Lane &lane, qsizetype received) {
        while (lane.ids.size() < lane.jobs.size() && lane.ids.size() - received < kWindow)
            lane.ids.append(lane.conn->send(apiKey, apiVersion, encode(lane.jobs.at(lane.ids.size()))));
    };
    for (Lane &lane : lanes)
        sendUpTo(lane, 0);
    for (Lane &lane : lanes) {
        for (qsizetype received = 0; received < lane.jobs.size(); ++received) {
            sendUpTo(lane, received);
            const Result<QByteArray, QString> body = lane.conn->receive(lane.ids.at(received));
            if (!body) {
                qCDebug(lcWire, "%s; %lld requests go through librdkafka", qUtf8Printable(body.error()),
                        qlonglong(lane.jobs.size() - received));
                failed += lane.jobs.mid(received);   // the connection is gone
                break;
            }
            if (!decode(lane.jobs.at(received), *body))
                failed.append(lane.jobs.at(received));
        }
    }
    return failed;
}

// An ApiVersions v0 response: [api_key, min_version, max_version] per API;
// nullopt for malformed bytes or an error.
std::optional<QList<std::array<qint16, 3>>> decodeApiVersions(const QByteArray &body)
{
    ByteReader r(body);
    const qint16 errorCode = r.int16();
    const qint32 n = r.arrayLength(6);
    QList<std::array<qint16, 3>> out;
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        const qint16 key = r.int16(), min = r.int16(), max = r.int16();
        out.append({key, min, max});
    }
    if (!r.ok() || errorCode != ErrorCode::None)
        return std::nullopt;
    return out;
}

}   // namespace

DirectBrokerRequests::DirectBrokerRequests(int timeoutMs, std::optional<KafkaWireConnection::SaslPlain> sasl)
    : m_timeoutMs(timeoutMs)
    , m_sasl(std::move(sasl))
{ }

void DirectBrokerRequests::learnMetadata(const ClusterMetadata &metadata)
{
    QMutexLocker lock(&m_mutex);
    m_brokers.clear();
    for (const BrokerInfo &b : metadata.brokers)
        m_brokers.insert(b.id, {b.host, quint16(b.port)});
    m_leaders.clear();
    for (const TopicInfo &t : metadata.topics)
        for (const PartitionInfo &p : t.partitions)
            m_leaders.insert(TopicPartition{t.name, p.partition}, p.leader);
}

void DirectBrokerRequests::learnBrokers(const QList<BrokerInfo> &brokers)
{
    QMutexLocker lock(&m_mutex);
    for (const BrokerInfo &b : brokers)
        m_brokers.insert(b.id, {b.host, quint16(b.port)});
}

void DirectBrokerRequests::learnCoordinators(const QList<GroupDescription> &groups)
{
    QMutexLocker lock(&m_mutex);
    for (const GroupDescription &g : groups)
        m_coordinators.insert(g.groupId, g.coordinatorId);
}

QHash<int, QPair<QString, quint16>> DirectBrokerRequests::addresses() const
{
    QMutexLocker lock(&m_mutex);
    return m_brokers;
}

Answered<QList<GroupDescription>, QString> DirectBrokerRequests::describeGroups(const QStringList &groupIds) const
{
    // Per coordinator, batches of group ids, each knowing its coordinator so
    // that decode can record it.
    QHash<int, QList<QPair<int, QStringList>>> jobs;
    {
        QMutexLocker lock(&m_mutex);
        QHash<int, QStringList> byCoordinator;
        for (const QString &g : groupIds)
            byCoordinator[m_coordinators.value(g, -1)].append(g);
        for (auto it = byCoordinator.cbegin(); it != byCoordinator.cend(); ++it)
            for (qsizetype i = 0; i < it.value().size(); i += kGroupsPerDescribe)
                jobs[it.key()].append({it.key(), it.value().mid(i, kGroupsPerDescribe)});
    }
    Answered<QList<GroupDescription>, QString> out;
    const QList<QPair<int, QStringList>> failedJobs = pipelineByBroker(
        jobs, addresses(), m_timeoutMs, m_sasl, DescribeGroupsCodec::kApiKey, DescribeGroupsCodec::kVersion,
        [](const QPair<int, QStringList> &job) { return DescribeGroupsCodec::encodeRequest(job.second); },
        [&](const QPair<int, QStringList> &job, const QByteArray &body) {
            const auto groups = DescribeGroupsCodec::decodeResponse(body);
            if (!groups)
                return false;
            for (GroupDescription g : *groups) {
                // Moved or still loading: librdkafka finds the new coordinator.
                if (g.errorCode == ErrorCode::NotCoordinator || g.errorCode == ErrorCode::CoordinatorLoadInProgress
                    || g.errorCode == ErrorCode::CoordinatorNotAvailable) {
                    out.failed.append(g.groupId);
                    continue;
                }
                g.coordinatorId = job.first;
                if (g.errorCode != ErrorCode::None)
                    g.markNotDescribable();
                out.answered.append(std::move(g));
            }
            return true;
        });
    for (const auto &job : failedJobs)
        out.failed += job.second;
    return out;
}

int DirectBrokerRequests::brokerCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_brokers.size());
}

QStringList DirectBrokerRequests::findCoordinators(const QStringList &groupIds)
{
    // v1 is the first version that names the key type; any broker answers it.
    constexpr qint16 kFindCoordinatorVersion = 1;
    const QHash<int, QPair<QString, quint16>> known = addresses();
    if (known.isEmpty() || groupIds.isEmpty())
        return {};
    QList<int> ids = known.keys();
    std::sort(ids.begin(), ids.end());
    QHash<QString, FindCoordinatorResponse> found;
    // One broker is enough; the next is tried only when the previous one cannot be reached.
    for (const int broker : std::as_const(ids)) {
        const QStringList unreachable = pipelineByBroker(
            QHash<int, QStringList>{{broker, groupIds}}, known, m_timeoutMs, m_sasl, ApiKey::FindCoordinator, kFindCoordinatorVersion,
            [](const QString &group) {
                return GroupApiCodec::encode(FindCoordinatorRequest{group, 0}, kFindCoordinatorVersion);
            },
            [&](const QString &group, const QByteArray &body) {
                ByteReader r(body);
                const auto answer = GroupApiCodec::decodeFindCoordinatorResponse(r, kFindCoordinatorVersion);
                if (!answer)
                    return false;
                if (answer->errorCode == ErrorCode::None && answer->nodeId >= 0)
                    found.insert(group, *answer);
                return true;   // an error answer (COORDINATOR_NOT_AVAILABLE) is an answer: not found
            });
        if (unreachable.size() < groupIds.size())
            break;
    }
    QMutexLocker lock(&m_mutex);
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        m_coordinators.insert(it.key(), it->nodeId);
        if (!m_brokers.contains(it->nodeId))
            m_brokers.insert(it->nodeId, {it->host, quint16(it->port)});
    }
    return found.keys();
}

Answered<QHash<QString, GroupOffsets>, QString> DirectBrokerRequests::fetchCommittedOffsets(
    const QHash<QString, QList<TopicPartition>> &partitionsByGroup) const
{
    QHash<int, QStringList> byCoordinator;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = partitionsByGroup.cbegin(); it != partitionsByGroup.cend(); ++it)
            byCoordinator[m_coordinators.value(it.key(), -1)].append(it.key());
    }
    Answered<QHash<QString, GroupOffsets>, QString> out;
    out.failed = pipelineByBroker(
        byCoordinator, addresses(), m_timeoutMs, m_sasl, OffsetFetchCodec::kApiKey, OffsetFetchCodec::kVersion,
        [&](const QString &group) { return OffsetFetchCodec::encodeRequest(group, partitionsByGroup.value(group)); },
        [&](const QString &group, const QByteArray &body) {
            Result<GroupOffsets> offsets = OffsetFetchCodec::decodeResponse(group, body);
            if (!offsets)
                return false;
            out.answered.insert(group, std::move(offsets).value());
            return true;
        });
    return out;
}

Answered<QHash<TopicPartition, Watermarks>, TopicPartition> DirectBrokerRequests::fetchWatermarks(const QList<TopicPartition> &partitions,
                                                                                                  bool readCommitted) const
{
    // Two requests per leader: latest, then earliest, over all its partitions.
    using Job = QPair<qint64, QList<TopicPartition>>;
    QHash<int, QList<Job>> jobs;
    {
        QMutexLocker lock(&m_mutex);
        QHash<int, QList<TopicPartition>> byLeader;
        for (const TopicPartition &tp : partitions)
            byLeader[m_leaders.value(tp, -1)].append(tp);
        for (auto it = byLeader.cbegin(); it != byLeader.cend(); ++it)
            jobs[it.key()] = {{ListOffsetsCodec::kLatest, it.value()}, {ListOffsetsCodec::kEarliest, it.value()}};
    }
    QHash<TopicPartition, qint64> latest, earliest;
    // A failed job's partitions are found missing from latest or earliest below.
    pipelineByBroker(
        jobs, addresses(), m_timeoutMs, m_sasl, ListOffsetsCodec::kApiKey, ListOffsetsCodec::kVersion,
        [&](const Job &job) { return ListOffsetsCodec::encodeRequest(job.second, job.first, readCommitted); },
        [&](const Job &job, const QByteArray &body) {
            const auto answer = ListOffsetsCodec::decodeResponse(body);
            if (!answer)
                return false;
            (job.first == ListOffsetsCodec::kLatest ? latest : earliest).insert(answer->offsets);
            return true;
        });
    Answered<QHash<TopicPartition, Watermarks>, TopicPartition> out;
    out.answered.reserve(latest.size());
    for (const TopicPartition &tp : partitions) {
        const auto hi = latest.constFind(tp);
        const auto lo = earliest.constFind(tp);
        if (hi == latest.cend() || lo == earliest.cend())
            out.failed.append(tp);
        else
            out.answered.insert(tp, Watermarks{lo.value(), hi.value()});
    }
    return out;
}

QList<QPair<int, QString>> DirectBrokerRequests::apiVersions(const QString &bootstrap) const
{
    QList<QPair<int, QString>> out;
    const auto address = KafkaWireConnection::splitHostPort(bootstrap.section(QLatin1Char(','), 0, 0));
    if (!address)
        return out;
    KafkaWireConnection conn(m_timeoutMs);
    if (const Result<Done, QString> opened = conn.open(address->host, address->port, m_sasl); !opened) {
        qCDebug(lcWire, "ApiVersions: %s", qUtf8Printable(opened.error()));   // the caller shows no versions
        return out;
    }
    const Result<QByteArray, QString> body = conn.roundTrip(ApiKey::ApiVersions, 0, {});
    if (!body) {
        qCDebug(lcWire, "ApiVersions: %s", qUtf8Printable(body.error()));
        return out;
    }
    if (const auto versions = decodeApiVersions(*body))
        for (const auto &[key, min, max] : *versions)
            out.append({key, QStringLiteral("%1-%2").arg(min).arg(max)});
    return out;
}

Answered<QList<GroupListing>, int> DirectBrokerRequests::listGroups()
{
    const QHash<int, QPair<QString, quint16>> known = addresses();
    if (known.isEmpty())
        return {{}, {-1}};   // no broker known yet: nothing listed, the caller lists the old way
    QHash<int, QList<int>> unasked;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = known.cbegin(); it != known.cend(); ++it)
            if (!m_listGroupsMaxVersion.contains(it.key()))
                unasked.insert(it.key(), {it.key()});
    }
    if (!unasked.isEmpty()) {
        QHash<int, qint16> learnt;
        pipelineByBroker(
            unasked, known, m_timeoutMs, m_sasl, ApiKey::ApiVersions, 0, [](int) { return QByteArray(); },
            [&](int broker, const QByteArray &body) {
                const auto versions = decodeApiVersions(body);
                if (!versions)
                    return false;
                qint16 max = -1;
                for (const auto &[key, min, maxVersion] : *versions)
                    if (key == ApiKey::ListGroups)
                        max = maxVersion;
                learnt.insert(broker, max);
                return true;
            });
        QMutexLocker lock(&m_mutex);
        m_listGroupsMaxVersion.insert(learnt);
    }
    Answered<QList<GroupListing>, int> out;
    QHash<int, QList<int>> jobs;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            if (m_listGroupsMaxVersion.value(it.key(), -1) >= ListGroupsCodec::kVersion)
                jobs.insert(it.key(), {it.key()});
            else
                out.failed.append(it.key());
        }
    }
    out.failed += pipelineByBroker(
        jobs, known, m_timeoutMs, m_sasl, ListGroupsCodec::kApiKey, ListGroupsCodec::kVersion,
        [](int) { return ListGroupsCodec::encodeRequest(); },
        [&](int broker, const QByteArray &body) {
            const auto listing = ListGroupsCodec::decodeResponse(body, broker);
            if (!listing || listing->errorCode != ErrorCode::None)
                return false;
            out.answered += listing->groups;
            return true;
        });
    QMutexLocker lock(&m_mutex);
    for (const GroupListing &g : std::as_const(out.answered))
        m_coordinators.insert(g.groupId, g.coordinatorId);
    return out;
}

}   // namespace cohort
