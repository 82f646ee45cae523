// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/DirectBrokerRequests.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/kafka/RetryBackoff.h"
#include "core/util/LogCategories.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ConsumerGroupDescribeCodec.h"
#include "core/wire/DescribeGroupsCodec.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/GroupMessages.h"
#include "core/wire/ListGroupsCodec.h"
#include "core/wire/ListOffsetsCodec.h"
#include "core/wire/OffsetFetchCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace cohort {

namespace {

constexpr int kWindow = 64;   // requests in flight per connection
constexpr qsizetype kGroupsPerDescribe = 500;

// A connection that failed or did not answer: timed out when the deadline is
// what ended the wait, a transport failure otherwise (both retriable).
KafkaError connectionError(const QString &detail, const RefreshProgress &progress)
{
    return KafkaErrorHints::fromRdKafka(progress.expired() ? RD_KAFKA_RESP_ERR__TIMED_OUT : RD_KAFKA_RESP_ERR__TRANSPORT, detail);
}

KafkaError malformed(const QString &what)
{
    return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__BAD_MSG,
                                        QCoreApplication::translate("DirectBrokerRequests", "malformed %1 response").arg(what));
}

// One connection per broker, every broker's requests pipelined (window of
// kWindow) and all brokers asked before any answer is awaited; each wait
// gets what is left of the deadline. `Job` is what one request is about;
// encode builds its body, decode takes the answer and returns an error when
// it was unusable. Returns the jobs whose broker is unreachable, whose
// connection broke or timed out, or whose answer was unusable, each with why.
template<typename Job, typename Encode, typename Decode>
QList<std::pair<Job, KafkaError>> pipelineByBroker(const QHash<int, QList<Job>> &jobsByBroker,
                                                   const QHash<int, QPair<QString, quint16>> &addresses, int timeoutMs,
                                                   const RefreshProgress &progress,
                                                   const std::optional<KafkaWireConnection::Sasl> &sasl,
                                                   const std::optional<TlsSettings> &tls, qint16 apiKey,
                                                   qint16 apiVersion, Encode encode, Decode decode)
{
    QList<std::pair<Job, KafkaError>> failed;
    auto failAll = [&failed](const QList<Job> &jobs, const KafkaError &why) {
        for (const Job &j : jobs)
            failed.append({j, why});
    };
    auto waitMs = [&] { return qMax(1, progress.remainingMs(timeoutMs)); };
    struct Lane
    {
        std::unique_ptr<KafkaWireConnection> conn;
        QList<Job> jobs;
        QList<qint32> ids;
        QString address;
        QElapsedTimer asked;   // since the requests were sent: what a timeout names
    };
    std::vector<Lane> lanes;
    for (auto it = jobsByBroker.cbegin(); it != jobsByBroker.cend(); ++it) {
        const auto address = addresses.constFind(it.key());
        if (address == addresses.cend()) {
            failAll(it.value(),
                    KafkaErrorHints::fromRdKafka(
                        RD_KAFKA_RESP_ERR__UNKNOWN_BROKER,
                        it.key() < 0 ? QCoreApplication::translate("DirectBrokerRequests",
                                                                   "its coordinator is not known (FindCoordinator found none)")
                                     : QCoreApplication::translate("DirectBrokerRequests", "broker %1 is not known").arg(it.key())));
            continue;
        }
        if (progress.shouldStop()) {
            failAll(it.value(), connectionError(QCoreApplication::translate("DirectBrokerRequests", "not asked: out of time"), progress));
            continue;
        }
        Lane lane{std::make_unique<KafkaWireConnection>(waitMs(), tls),
                  it.value(),
                  {},
                  QStringLiteral("%1:%2").arg(address->first).arg(address->second),
                  {}};
        const Result<Done, QString> opened = lane.conn->open(address->first, address->second, sasl);
        if (!opened) {
            qCDebug(lcWire, "broker %d: %s (%lld requests)", it.key(), qUtf8Printable(opened.error()), qlonglong(it.value().size()));
            // A refused certificate stays refused: said as a TLS failure, not retried.
            failAll(it.value(), lane.conn->tlsRefused() ? KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__SSL, opened.error())
                                                        : connectionError(opened.error(), progress));
            continue;
        }
        lanes.push_back(std::move(lane));
    }
    auto sendUpTo = [&](Lane &lane, qsizetype received) {
        while (lane.ids.size() < lane.jobs.size() && lane.ids.size() - received < kWindow)
            lane.ids.append(lane.conn->send(apiKey, apiVersion, encode(lane.jobs.at(lane.ids.size()))));
    };
    for (Lane &lane : lanes) {
        lane.asked.start();
        sendUpTo(lane, 0);
    }
    // The lanes are read as their answers arrive, not one after the other: a
    // slow broker must not keep a healthy one's answer waiting past the deadline.
    std::vector<qsizetype> received(lanes.size(), 0);
    std::vector<bool> done(lanes.size(), false);
    qsizetype open = qsizetype(lanes.size());
    for (size_t i = 0; i < lanes.size(); ++i)
        if (lanes[i].jobs.isEmpty()) {
            done[i] = true;
            --open;
        }
    constexpr int kPollMs = 10;
    while (open > 0) {
        bool any = false;
        for (size_t i = 0; i < lanes.size(); ++i) {
            if (done[i])
                continue;
            Lane &lane = lanes[i];
            const bool stop = progress.shouldStop();
            if (!stop && !lane.conn->hasIncoming(0))
                continue;
            any = true;
            qsizetype &r = received[i];
            if (stop && !progress.isCancelled() && !lane.conn->hasIncoming(0)) {
                // Out of time with nothing from this broker: say how long it
                // was waited for, not the last slice of the wait.
                failAll(lane.jobs.mid(r), connectionError(QCoreApplication::translate("DirectBrokerRequests", "no answer from %1 in %2 ms")
                                                              .arg(lane.address)
                                                              .arg(lane.asked.elapsed()),
                                                          progress));
                done[i] = true;
                --open;
                continue;
            }
            sendUpTo(lane, r);
            lane.conn->setTimeoutMs(progress.isCancelled() ? 1 : waitMs());
            const Result<QByteArray, QString> body = lane.conn->receive(lane.ids.at(r));
            if (!body) {
                qCDebug(lcWire, "%s (%lld requests unanswered)", qUtf8Printable(body.error()), qlonglong(lane.jobs.size() - r));
                failAll(lane.jobs.mid(r), connectionError(body.error(), progress));   // the connection is gone
                done[i] = true;
                --open;
                continue;
            }
            if (const KafkaError why = decode(lane.jobs.at(r), *body); why.isError())
                failed.append({lane.jobs.at(r), why});
            if (++r == lane.jobs.size()) {
                done[i] = true;
                --open;
            }
        }
        if (!any && open > 0) {
            // Nothing ready: wait a little on the first lane still open.
            for (size_t i = 0; i < lanes.size(); ++i)
                if (!done[i]) {
                    lanes[i].conn->hasIncoming(qMin(kPollMs, qMax(1, progress.remainingMs())));
                    break;
                }
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

DirectBrokerRequests::DirectBrokerRequests(int timeoutMs, std::optional<KafkaWireConnection::Sasl> sasl, std::optional<TlsSettings> tls)
    : m_timeoutMs(timeoutMs)
    , m_sasl(std::move(sasl))
    , m_tls(std::move(tls))
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

QString DirectBrokerRequests::addressOf(int brokerId) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_brokers.constFind(brokerId);
    return it == m_brokers.cend() ? QString() : QStringLiteral("%1:%2").arg(it->first).arg(it->second);
}

int DirectBrokerRequests::coordinatorOf(const QString &groupId) const
{
    QMutexLocker lock(&m_mutex);
    return m_coordinators.value(groupId, -1);
}

int DirectBrokerRequests::leaderOf(const TopicPartition &tp) const
{
    QMutexLocker lock(&m_mutex);
    return m_leaders.value(tp, -1);
}

Answered<QList<GroupListing>, int> DirectBrokerRequests::listGroups(const RefreshProgress &progress, const QList<int> &brokers)
{
    const QList<int> asked = brokers.isEmpty() ? brokerIds() : brokers;
    const QHash<int, QPair<QString, quint16>> known = addresses();
    Answered<QList<GroupListing>, int> out;

    // Which ListGroups each broker speaks, asked once per broker (ApiVersions)
    // and remembered: v5 names each group's type and gives KIP-848, share and
    // streams groups their true state (kafka-protocol.md §8); brokers without
    // it (before Kafka 3.8, the sandbox) get v2, whose rows carry no state
    // (the descriptions that follow do).
    out.failed = learnApiVersions(asked, progress);

    constexpr qint16 kClassicListGroupsVersion = 2;
    QHash<int, QList<int>> typed, classic;
    {
        QMutexLocker lock(&m_mutex);
        for (const int broker : asked) {
            if (out.failed.contains(broker))
                continue;
            (m_maxVersions.value(broker).value(ApiKey::ListGroups, -1) >= ListGroupsCodec::kVersion ? typed : classic)
                .insert(broker, {broker});
        }
    }
    if (!typed.isEmpty()) {
        const auto failed = pipelineByBroker(
            typed, known, m_timeoutMs, progress, m_sasl, m_tls, ListGroupsCodec::kApiKey, ListGroupsCodec::kVersion,
            [](int) { return ListGroupsCodec::encodeRequest(); },
            [&](int broker, const QByteArray &body) {
                const auto listing = ListGroupsCodec::decodeResponse(body, broker);
                if (!listing)
                    return malformed(QStringLiteral("ListGroups"));
                if (listing->errorCode != ErrorCode::None)
                    return KafkaErrorHints::fromRdKafka(listing->errorCode);
                out.answered += listing->groups;
                return KafkaError{};
            });
        for (const auto &[broker, why] : failed)
            out.failed.insert(broker, why);
    }
    if (!classic.isEmpty()) {
        const auto failed = pipelineByBroker(
            classic, known, m_timeoutMs, progress, m_sasl, m_tls, ApiKey::ListGroups, kClassicListGroupsVersion,
            [](int) { return GroupApiCodec::encode(ListGroupsRequest{}, kClassicListGroupsVersion); },
            [&](int broker, const QByteArray &body) {
                ByteReader r(body);
                const auto answer = GroupApiCodec::decodeListGroupsResponse(r, kClassicListGroupsVersion);
                if (!answer)
                    return malformed(QStringLiteral("ListGroups"));
                if (answer->errorCode != ErrorCode::None)
                    return KafkaErrorHints::fromRdKafka(answer->errorCode);
                for (const ListGroupsResponse::Group &g : answer->groups)
                    out.answered.append(GroupListing{g.groupId, g.protocolType, GroupState::Unknown, broker});
                return KafkaError{};
            });
        for (const auto &[broker, why] : failed)
            out.failed.insert(broker, why);
    }
    QMutexLocker lock(&m_mutex);
    for (const GroupListing &l : std::as_const(out.answered)) {
        m_coordinators.insert(l.groupId, l.coordinatorId);
        m_types.insert(l.groupId, l.type);
    }
    return out;
}

QHash<int, KafkaError> DirectBrokerRequests::learnApiVersions(const QList<int> &brokers, const RefreshProgress &progress)
{
    QHash<int, KafkaError> unanswered;
    QHash<int, QList<int>> unasked;
    {
        QMutexLocker lock(&m_mutex);
        for (const int broker : brokers)
            if (broker >= 0 && !m_maxVersions.contains(broker))
                unasked.insert(broker, {broker});
    }
    if (unasked.isEmpty())
        return unanswered;
    // At most half of what is left: a slow broker must not keep the others
    // from being asked what follows (its own part is then reported missing).
    RefreshProgress versionsProgress(QDeadlineTimer(qMax(1, progress.remainingMs() / 2)));
    if (progress.isCancelled())
        versionsProgress.cancel();
    QHash<int, QHash<qint16, qint16>> learnt;
    const auto failed = pipelineByBroker(
        unasked, addresses(), m_timeoutMs, versionsProgress, m_sasl, m_tls, ApiKey::ApiVersions, 0, [](int) { return QByteArray(); },
        [&](int broker, const QByteArray &body) {
            const auto versions = decodeApiVersions(body);
            if (!versions)
                return malformed(QStringLiteral("ApiVersions"));
            QHash<qint16, qint16> &max = learnt[broker];
            for (const auto &[key, min, maxVersion] : *versions)
                max.insert(key, maxVersion);
            return KafkaError{};
        });
    for (const auto &[broker, why] : failed)
        unanswered.insert(broker, why);
    QMutexLocker lock(&m_mutex);
    m_maxVersions.insert(learnt);
    return unanswered;
}

QHash<int, QHash<qint16, qint16>> DirectBrokerRequests::knownApiVersions() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxVersions;
}

qint16 DirectBrokerRequests::maxVersion(int broker, qint16 apiKey) const
{
    QMutexLocker lock(&m_mutex);
    return m_maxVersions.value(broker).value(apiKey, -1);
}

Answered<QList<GroupDescription>, QString> DirectBrokerRequests::describeGroups(const QStringList &groupIds,
                                                                                const RefreshProgress &progress)
{
    // KIP-848 groups, by the listing's word, go to ConsumerGroupDescribe
    // where their coordinator has it (Kafka 3.7+; ApiVersions asked once per
    // broker); the rest, and a coordinator without it, to DescribeGroups.
    QStringList consumer, classic;
    QList<int> coordinators;
    {
        QMutexLocker lock(&m_mutex);
        for (const QString &g : groupIds)
            if (m_types.value(g) == GroupType::Consumer) {
                consumer << g;
                coordinators << m_coordinators.value(g, -1);
            } else {
                classic << g;
            }
    }
    learnApiVersions(coordinators, progress);
    for (qsizetype i = consumer.size() - 1; i >= 0; --i)
        if (maxVersion(coordinatorOf(consumer.at(i)), ConsumerGroupDescribeCodec::kApiKey) < 0)
            classic << consumer.takeAt(i);

    Answered<QList<GroupDescription>, QString> out = describeClassicGroups(classic, progress);
    // A group the listing did not type (a one-group refresh of a group not
    // listed yet, or a listing without v5) that DescribeGroups answers Dead
    // with no members is a consumer group as often as an absent one
    // (kafka-protocol.md §8): ConsumerGroupDescribe tells them apart.
    QSet<QString> unsure;
    {
        QMutexLocker lock(&m_mutex);
        for (const GroupDescription &d : std::as_const(out.answered))
            if (d.state == GroupState::Dead && d.members.isEmpty() && d.errorCode == ErrorCode::None
                && m_types.value(d.groupId) == GroupType::Unknown)
                unsure.insert(d.groupId);
    }
    if (!unsure.isEmpty()) {
        QList<int> unsureCoordinators;
        for (const QString &g : std::as_const(unsure))
            unsureCoordinators << coordinatorOf(g);
        learnApiVersions(unsureCoordinators, progress);
        for (auto it = unsure.begin(); it != unsure.end();)
            it = maxVersion(coordinatorOf(*it), ConsumerGroupDescribeCodec::kApiKey) < 0 ? unsure.erase(it) : std::next(it);
        consumer += QStringList(unsure.cbegin(), unsure.cend());
    }
    if (consumer.isEmpty())
        return out;
    Answered<QList<GroupDescription>, QString> kip848 = describeConsumerGroups(consumer, unsure, progress);
    if (!unsure.isEmpty()) {
        // Described as consumer groups after all: their Dead answer goes.
        QSet<QString> described;
        for (const GroupDescription &d : std::as_const(kip848.answered))
            described.insert(d.groupId);
        out.answered.removeIf([&](const GroupDescription &d) { return unsure.contains(d.groupId) && described.contains(d.groupId); });
        for (auto it = kip848.failed.begin(); it != kip848.failed.end();)
            it = unsure.contains(it.key()) ? kip848.failed.erase(it) : std::next(it);   // the Dead answer stands
    }
    out.answered += std::move(kip848.answered);
    out.failed.insert(kip848.failed);
    return out;
}

Answered<QList<GroupDescription>, QString> DirectBrokerRequests::describeConsumerGroups(const QStringList &groupIds,
                                                                                        const QSet<QString> &onlyIfConsumerGroup,
                                                                                        const RefreshProgress &progress) const
{
    // Per version (a cluster being upgraded has both), per coordinator,
    // batches as DescribeGroups has.
    using Job = QPair<int, QStringList>;
    QHash<qint16, QHash<int, QList<Job>>> jobs;
    {
        QHash<int, QStringList> byCoordinator;
        for (const QString &g : groupIds)
            byCoordinator[coordinatorOf(g)].append(g);
        for (auto it = byCoordinator.cbegin(); it != byCoordinator.cend(); ++it) {
            const qint16 version = qMin(ConsumerGroupDescribeCodec::kMaxVersion, maxVersion(it.key(), ConsumerGroupDescribeCodec::kApiKey));
            for (qsizetype i = 0; i < it.value().size(); i += kGroupsPerDescribe)
                jobs[version][it.key()].append({it.key(), it.value().mid(i, kGroupsPerDescribe)});
        }
    }
    Answered<QList<GroupDescription>, QString> out;
    for (auto v = jobs.cbegin(); v != jobs.cend(); ++v) {
        const qint16 version = v.key();
        const auto failedJobs = pipelineByBroker(
            v.value(), addresses(), m_timeoutMs, progress, m_sasl, m_tls, ConsumerGroupDescribeCodec::kApiKey, version,
            [](const Job &job) { return ConsumerGroupDescribeCodec::encodeRequest(job.second); },
            [&](const Job &job, const QByteArray &body) {
                const auto groups = ConsumerGroupDescribeCodec::decodeResponse(body, version);
                if (!groups)
                    return malformed(QStringLiteral("ConsumerGroupDescribe"));
                for (GroupDescription g : *groups) {
                    const KafkaError why = KafkaErrorHints::fromRdKafka(g.errorCode);
                    if (g.errorCode != ErrorCode::None && RetryBackoff::isRetriable(why)) {
                        out.failed.insert(g.groupId, why);
                        continue;
                    }
                    // "Group g is not a consumer group." for a group that may be classic or absent.
                    if (g.errorCode == ErrorCode::GroupIdNotFound && onlyIfConsumerGroup.contains(g.groupId))
                        continue;
                    g.coordinatorId = job.first;
                    if (g.errorCode != ErrorCode::None) {
                        g.describedAsConsumerGroup = false;
                        g.markNotDescribable();
                    }
                    out.answered.append(std::move(g));
                }
                return KafkaError{};
            });
        for (const auto &[job, why] : failedJobs)
            for (const QString &g : job.second)
                out.failed.insert(g, why);
    }
    return out;
}

Answered<QList<GroupDescription>, QString> DirectBrokerRequests::describeClassicGroups(const QStringList &groupIds,
                                                                                       const RefreshProgress &progress) const
{
    if (groupIds.isEmpty())
        return {};
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
    const auto failedJobs = pipelineByBroker(
        jobs, addresses(), m_timeoutMs, progress, m_sasl, m_tls, DescribeGroupsCodec::kApiKey, DescribeGroupsCodec::kVersion,
        [](const QPair<int, QStringList> &job) { return DescribeGroupsCodec::encodeRequest(job.second); },
        [&](const QPair<int, QStringList> &job, const QByteArray &body) {
            const auto groups = DescribeGroupsCodec::decodeResponse(body);
            if (!groups)
                return malformed(QStringLiteral("DescribeGroups"));
            for (GroupDescription g : *groups) {
                // Moved, still loading, or timed out: the caller retries
                // (with a new FindCoordinator where the coordinator moved).
                const KafkaError why = KafkaErrorHints::fromRdKafka(g.errorCode);
                if (g.errorCode != ErrorCode::None && RetryBackoff::isRetriable(why)) {
                    out.failed.insert(g.groupId, why);
                    continue;
                }
                g.coordinatorId = job.first;
                if (g.errorCode != ErrorCode::None)
                    g.markNotDescribable();
                out.answered.append(std::move(g));
            }
            return KafkaError{};
        });
    for (const auto &[job, why] : failedJobs)
        for (const QString &g : job.second)
            out.failed.insert(g, why);
    return out;
}

int DirectBrokerRequests::brokerCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_brokers.size());
}

QList<int> DirectBrokerRequests::brokerIds() const
{
    QMutexLocker lock(&m_mutex);
    QList<int> ids = m_brokers.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList DirectBrokerRequests::findCoordinators(const QStringList &groupIds, const RefreshProgress &progress)
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
        if (progress.shouldStop())
            break;
        const auto unreachable = pipelineByBroker(
            QHash<int, QStringList>{{broker, groupIds}}, known, m_timeoutMs, progress, m_sasl, m_tls, ApiKey::FindCoordinator,
            kFindCoordinatorVersion,
            [](const QString &group) {
                return GroupApiCodec::encode(FindCoordinatorRequest{group, 0}, kFindCoordinatorVersion);
            },
            [&](const QString &group, const QByteArray &body) {
                ByteReader r(body);
                const auto answer = GroupApiCodec::decodeFindCoordinatorResponse(r, kFindCoordinatorVersion);
                if (!answer)
                    return malformed(QStringLiteral("FindCoordinator"));
                if (answer->errorCode == ErrorCode::None && answer->nodeId >= 0)
                    found.insert(group, *answer);
                return KafkaError{};   // an error answer (COORDINATOR_NOT_AVAILABLE) is an answer: not found
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
    const QHash<QString, QList<TopicPartition>> &partitionsByGroup, const RefreshProgress &progress) const
{
    QHash<int, QStringList> byCoordinator;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = partitionsByGroup.cbegin(); it != partitionsByGroup.cend(); ++it)
            byCoordinator[m_coordinators.value(it.key(), -1)].append(it.key());
    }
    Answered<QHash<QString, GroupOffsets>, QString> out;
    const auto failed = pipelineByBroker(
        byCoordinator, addresses(), m_timeoutMs, progress, m_sasl, m_tls, OffsetFetchCodec::kApiKey, OffsetFetchCodec::kVersion,
        [&](const QString &group) { return OffsetFetchCodec::encodeRequest(group, partitionsByGroup.value(group)); },
        [&](const QString &group, const QByteArray &body) {
            Result<GroupOffsets> offsets = OffsetFetchCodec::decodeResponse(group, body);
            if (!offsets)
                return offsets.error();
            out.answered.insert(group, std::move(offsets).value());
            return KafkaError{};
        });
    for (const auto &[group, why] : failed)
        out.failed.insert(group, why);
    return out;
}

Answered<QHash<TopicPartition, Watermarks>, TopicPartition> DirectBrokerRequests::fetchWatermarks(const QList<TopicPartition> &partitions,
                                                                                                  bool readCommitted,
                                                                                                  const RefreshProgress &progress) const
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
    const auto failedJobs = pipelineByBroker(
        jobs, addresses(), m_timeoutMs, progress, m_sasl, m_tls, ListOffsetsCodec::kApiKey, ListOffsetsCodec::kVersion,
        [&](const Job &job) { return ListOffsetsCodec::encodeRequest(job.second, job.first, readCommitted); },
        [&](const Job &job, const QByteArray &body) {
            const auto answer = ListOffsetsCodec::decodeResponse(body);
            if (!answer)
                return malformed(QStringLiteral("ListOffsets"));
            (job.first == ListOffsetsCodec::kLatest ? latest : earliest).insert(answer->offsets);
            return KafkaError{};
        });
    QHash<TopicPartition, KafkaError> why;
    for (const auto &[job, error] : failedJobs)
        for (const TopicPartition &tp : job.second)
            why.insert(tp, error);
    Answered<QHash<TopicPartition, Watermarks>, TopicPartition> out;
    out.answered.reserve(latest.size());
    for (const TopicPartition &tp : partitions) {
        const auto hi = latest.constFind(tp);
        const auto lo = earliest.constFind(tp);
        if (hi == latest.cend() || lo == earliest.cend())
            // Answered without this partition (e.g. NOT_LEADER_OR_FOLLOWER): unknown, as the leader left it out.
            out.failed.insert(tp, why.value(tp, KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__PARTIAL)));
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
    KafkaWireConnection conn(m_timeoutMs, m_tls);
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

}   // namespace cohort
