// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/RdKafkaClusterClient.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/kafka/RdKafkaHandle.h"
#include "core/kafka/RetryBackoff.h"
#include "core/util/LogCategories.h"
#include "core/wire/DirectBrokerRequests.h"
#include "core/wire/ListOffsetsCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QMutex>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>

#include <librdkafka/rdkafka.h>

namespace cohort {

using Handle = RdKafkaClusterClient::Handle;
using rdkafka::runAsync;
using rdkafka::str;

namespace {

void onError(rd_kafka_t *, int, const char *reason, void *opaque)
{
    auto *h = static_cast<RdKafkaClusterClient::Handle *>(opaque);
    QString text = QString::fromUtf8(reason);
    // Through the relay librdkafka names its listeners: say which broker.
    if (h->relay)
        text = h->relay->withBrokerAddresses(text);
    QMutexLocker lock(&h->mutex);
    h->lastError = text;
}

}   // namespace

Result<std::shared_ptr<RdKafkaClusterClient>> RdKafkaClusterClient::create(const Properties &properties, int timeoutMs, OwnConnections own)
{
    std::shared_ptr<RdKafkaClusterClient> client(new RdKafkaClusterClient);
    client->m_timeoutMs = timeoutMs;
    auto handle = std::make_shared<Handle>();
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    // librdkafka would print connection failures to stderr; they reach the
    // user through error_cb and the hints instead.
    Properties all{{QStringLiteral("log_level"), QStringLiteral("0")},
                   {QStringLiteral("socket.timeout.ms"), QString::number(qMax(timeoutMs, 1000))}};
    all += properties;
    QString protocol = QStringLiteral("plaintext");
    QString mechanism = QStringLiteral("GSSAPI");
    KafkaWireConnection::Sasl sasl;
    RelayUpstream upstream;
    const TlsSettings tls = TlsSettings::fromProperties(all);
    for (const auto &[key, value] : std::as_const(all)) {
        if (rd_kafka_conf_set(conf, key.toUtf8().constData(), value.toUtf8().constData(), err, sizeof err) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), QString::fromUtf8(err),
                                    KafkaErrorHints::hintFor(QStringLiteral("_INVALID_ARG")));
        }
        if (key == QLatin1String("isolation.level"))
            client->m_readCommitted = value != QLatin1String("read_uncommitted");
        if (key == QLatin1String("bootstrap.servers"))
            client->m_bootstrap = value;
        if (key == QLatin1String("security.protocol"))
            protocol = value.toLower();
        if (key == QLatin1String("sasl.mechanism") || key == QLatin1String("sasl.mechanisms"))
            mechanism = value.toUpper();
        if (key == QLatin1String("sasl.username"))
            sasl.user = value;
        if (key == QLatin1String("sasl.password"))
            sasl.password = value;
    }
    if (mechanism == QLatin1String("SCRAM-SHA-256"))
        sasl.mechanism = SaslCredentials::Mechanism::ScramSha256;
    else if (mechanism == QLatin1String("SCRAM-SHA-512"))
        sasl.mechanism = SaslCredentials::Mechanism::ScramSha512;
    const bool saslProtocol = protocol == QLatin1String("sasl_plaintext") || protocol == QLatin1String("sasl_ssl");
    if (saslProtocol && BrokerRelay::neededFor(sasl, rd_kafka_version())) {
        // librdkafka's SCRAM is refused by Kafka 4.x: it logs in to the
        // relay with PLAIN instead, and the relay speaks SCRAM to the brokers.
        upstream.login = sasl;
        if (protocol == QLatin1String("sasl_ssl"))
            upstream.tls = tls;
        QList<KafkaWireConnection::Address> bootstrap;
        for (const QString &entry : client->m_bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (const auto address = KafkaWireConnection::splitHostPort(entry))
                bootstrap << *address;
        auto relay = BrokerRelay::start(upstream, bootstrap);
        if (!relay) {
            rd_kafka_conf_destroy(conf);
            return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), relay.error(),
                                    KafkaErrorHints::hintFor(QStringLiteral("_INVALID_ARG")));
        }
        handle->relay = std::move(relay).value();
        const Properties throughRelay{{QStringLiteral("bootstrap.servers"), handle->relay->bootstrapServers()},
                                      {QStringLiteral("security.protocol"), QStringLiteral("sasl_plaintext")},
                                      {QStringLiteral("sasl.mechanisms"), QStringLiteral("PLAIN")},
                                      {QStringLiteral("sasl.username"), handle->relay->localUser()},
                                      {QStringLiteral("sasl.password"), handle->relay->localPassword()}};
        for (const auto &[key, value] : throughRelay) {
            if (rd_kafka_conf_set(conf, key.toUtf8().constData(), value.toUtf8().constData(), err, sizeof err) != RD_KAFKA_CONF_OK) {
                rd_kafka_conf_destroy(conf);
                return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), QString::fromUtf8(err));
            }
        }
        all += throughRelay;   // the record reader's handle goes through the relay too
    }
    if (own == OwnConnections::WhenPossible) {
        // The same transport librdkafka uses: TLS with the same CA,
        // certificate and checks (TlsSettings) for SSL and SASL_SSL.
        const bool tlsProtocol = protocol == QLatin1String("ssl") || protocol == QLatin1String("sasl_ssl");
        const bool plainOrScram = mechanism == QLatin1String("PLAIN") || sasl.isScram();
        const bool known = protocol == QLatin1String("plaintext") || protocol == QLatin1String("ssl")
                           || (saslProtocol && plainOrScram);
        if (known) {
            handle->bootstrap = client->m_bootstrap;
            if (saslProtocol)
                handle->sasl = sasl;
            if (tlsProtocol)
                handle->tls = tls;
            handle->direct = std::make_unique<DirectBrokerRequests>(timeoutMs, handle->sasl, handle->tls);
        }
    }
    rd_kafka_conf_set_opaque(conf, handle.get());
    rd_kafka_conf_set_error_cb(conf, onError);
    // A consumer handle: offsets_for_times and the admin API both work on it,
    // and it never joins a group because nothing subscribes.
    if (rd_kafka_conf_set(conf, "group.id", "cohort-admin", err, sizeof err) != RD_KAFKA_CONF_OK) {
        rd_kafka_conf_destroy(conf);
        return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), QString::fromUtf8(err));
    }
    handle->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    if (!handle->rk)
        return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), QString::fromUtf8(err),
                                KafkaErrorHints::hintFor(QStringLiteral("_INVALID_ARG")));
    handle->properties = all;
    client->m_handle = std::move(handle);
    return client;
}

RdKafkaClusterClient::~RdKafkaClusterClient()
{
    // rd_kafka_destroy may take a moment: never on the caller's (GUI) thread.
    Handle::pool()->start([h = std::move(m_handle)]() mutable { h.reset(); });
}

namespace {

// What is left of the deadline for one blocking librdkafka call (at least
// 1 ms: 0 would mean "do not wait" to some calls and "forever" to none).
int waitMs(const RefreshProgress &progress)
{
    return qMax(1, progress.remainingMs());
}

// librdkafka sends Metadata to one broker it picks at random among those
// up; a slow one would take the whole deadline (and librdkafka drops the
// connection of a request that timed out: _TRANSPORT). A third of what is
// left per attempt lets the next attempt pick another broker.
constexpr int kMetadataAttempts = 3;

Result<ClusterMetadata> readMetadata(const std::shared_ptr<RdKafkaClusterClient::Handle> &h, const RefreshProgress &progress)
{
    const rd_kafka_metadata_t *md = nullptr;
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__TIMED_OUT;
    auto anotherBrokerMayAnswer = [](rd_kafka_resp_err_t e) {
        return e == RD_KAFKA_RESP_ERR__TIMED_OUT || e == RD_KAFKA_RESP_ERR__TRANSPORT || e == RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE;
    };
    for (int attempt = 0; attempt < kMetadataAttempts && anotherBrokerMayAnswer(err) && !progress.shouldStop(); ++attempt) {
        const int left = kMetadataAttempts - attempt;
        err = rd_kafka_metadata(h->rk, 1, nullptr, &md, qMax(1, progress.remainingMs() / left));
    }
    if (err) {
        // librdkafka asks the brokers it has connections up to, often only
        // one: when that one is slow, the refresh goes on with the last
        // metadata (brokers and partitions rarely change) and says so.
        std::optional<ClusterMetadata> last = anotherBrokerMayAnswer(err) ? h->rememberedMetadata() : std::nullopt;
        if (!last)
            return h->withDetail(err);
        last->notRefreshed = h->withDetail(err);
        return *last;
    }
    ClusterMetadata out;
    for (int i = 0; i < md->broker_cnt; ++i) {
        BrokerInfo broker{md->brokers[i].id, str(md->brokers[i].host), md->brokers[i].port, {}};
        // Through the relay librdkafka knows its listeners: show (and let the
        // own connections use) the brokers' own addresses.
        if (h->relay)
            if (const auto upstream = h->relay->upstreamOf(broker.host, broker.port)) {
                broker.host = upstream->host;
                broker.port = upstream->port;
            }
        out.brokers.append(broker);
    }
    std::sort(out.brokers.begin(), out.brokers.end(), [](const BrokerInfo &a, const BrokerInfo &b) { return a.id < b.id; });
    for (int t = 0; t < md->topic_cnt; ++t) {
        const rd_kafka_metadata_topic &mt = md->topics[t];
        TopicInfo ti;
        ti.name = str(mt.topic);
        ti.internal = ti.name.startsWith(QLatin1String("__"));
        ti.errorCode = mt.err;
        for (int p = 0; p < mt.partition_cnt; ++p) {
            PartitionInfo pi;
            pi.partition = mt.partitions[p].id;
            pi.leader = mt.partitions[p].leader;
            pi.errorCode = mt.partitions[p].err;
            for (int r = 0; r < mt.partitions[p].replica_cnt; ++r)
                pi.replicas.append(mt.partitions[p].replicas[r]);
            ti.partitions.append(pi);
        }
        std::sort(ti.partitions.begin(), ti.partitions.end(), [](const auto &a, const auto &b) { return a.partition < b.partition; });
        out.topics.append(ti);
    }
    rd_kafka_metadata_destroy(md);
    std::sort(out.topics.begin(), out.topics.end(), [](const TopicInfo &a, const TopicInfo &b) { return a.name < b.name; });
    if (h->direct)
        h->direct->learnMetadata(out);
    h->rememberPartitions(out.partitions());
    out.controllerId = rd_kafka_controllerid(h->rk, waitMs(progress));
    if (char *id = rd_kafka_clusterid(h->rk, waitMs(progress))) {
        out.clusterId = QString::fromUtf8(id);
        rd_kafka_mem_free(h->rk, id);
    }
    h->rememberMetadata(out);
    return out;
}

}   // namespace

QFuture<Result<ClusterMetadata>> RdKafkaClusterClient::fetchMetadata(Progress progress)
{
    return runAsync<ClusterMetadata>([h = m_handle, p = progressOrOwn(std::move(progress))] { return readMetadata(h, *p); });
}

RdKafkaClusterClient::Progress RdKafkaClusterClient::progressOrOwn(Progress progress) const
{
    return progress ? std::move(progress) : std::make_shared<RefreshProgress>(QDeadlineTimer(m_timeoutMs));
}

namespace {

// ListGroups + DescribeGroups on every broker in one librdkafka call; gives
// raw member metadata and assignments, which the admin API does not. With
// `onlyGroup`, librdkafka still lists every broker's groups but describes
// only that one, on its coordinator. A partial listing (some brokers did not
// answer; librdkafka does not say which) gives what the others listed and
// sets *partial. A group whose coordinator answered with an error is
// described with that error (errorCode/errorName); the callers decide.
Result<QList<GroupDescription>> legacyDescribeAll(const std::shared_ptr<RdKafkaClusterClient::Handle> &h, int timeout,
                                                  const QString &onlyGroup = {}, KafkaError *partial = nullptr)
{
    const struct rd_kafka_group_list *list = nullptr;
    const QByteArray only = onlyGroup.toUtf8();
    const rd_kafka_resp_err_t err = rd_kafka_list_groups(h->rk, onlyGroup.isEmpty() ? nullptr : only.constData(), &list, timeout);
    if (err && err != RD_KAFKA_RESP_ERR__PARTIAL)
        return h->withDetail(err);
    if (err && partial)
        *partial = h->withDetail(err);
    QList<GroupDescription> out;
    for (int i = 0; list && i < list->group_cnt; ++i) {
        const rd_kafka_group_info &gi = list->groups[i];
        GroupDescription d;
        d.groupId = str(gi.group);
        d.state = groupStateFromString(str(gi.state));
        d.protocolType = str(gi.protocol_type);
        d.protocol = str(gi.protocol);
        d.coordinatorId = gi.broker.id;
        if (gi.err) {
            d.errorCode = gi.err;
            d.errorName = str(rd_kafka_err2name(gi.err));
        }
        for (int m = 0; m < gi.member_cnt; ++m) {
            const rd_kafka_group_member_info &mi = gi.members[m];
            GroupMember gm;
            gm.memberId = str(mi.member_id);
            gm.clientId = str(mi.client_id);
            gm.host = str(mi.client_host);
            gm.rawMetadata = QByteArray(static_cast<const char *>(mi.member_metadata), mi.member_metadata_size);
            gm.rawAssignment = QByteArray(static_cast<const char *>(mi.member_assignment), mi.member_assignment_size);
            d.members.append(gm);
        }
        out.append(d);
    }
    if (list)
        rd_kafka_group_list_destroy(list);
    if (h->direct)
        h->direct->learnCoordinators(out);
    return out;
}

// group.instance.id per member id, from DescribeConsumerGroups (the legacy call lacks it).
QHash<QString, QString> instanceIds(const std::shared_ptr<RdKafkaClusterClient::Handle> &h, const QStringList &groups, int timeout)
{
    QHash<QString, QString> out;
    if (groups.isEmpty())
        return out;
    QList<QByteArray> utf8;
    std::vector<const char *> names;
    for (const QString &g : groups) {
        utf8.append(g.toUtf8());
        names.push_back(utf8.last().constData());
    }
    rd_kafka_queue_t *q = rd_kafka_queue_new(h->rk);
    rd_kafka_AdminOptions_t *o = h->adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, timeout);
    rd_kafka_DescribeConsumerGroups(h->rk, names.data(), names.size(), o, q);
    if (rd_kafka_event_t *ev = Handle::awaitEvent(q, timeout)) {
        if (const auto *res = rd_kafka_event_DescribeConsumerGroups_result(ev)) {
            size_t n = 0;
            const auto **descs = rd_kafka_DescribeConsumerGroups_result_groups(res, &n);
            for (size_t i = 0; i < n; ++i) {
                const size_t mc = rd_kafka_ConsumerGroupDescription_member_count(descs[i]);
                for (size_t m = 0; m < mc; ++m) {
                    const auto *md = rd_kafka_ConsumerGroupDescription_member(descs[i], m);
                    const QString instance = str(rd_kafka_MemberDescription_group_instance_id(md));
                    if (!instance.isEmpty())
                        out.insert(str(rd_kafka_MemberDescription_consumer_id(md)), instance);
                }
            }
        }
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_AdminOptions_destroy(o);
    rd_kafka_queue_destroy(q);
    return out;
}

// Errors after which librdkafka might still read what Cohort's own
// connection could not: an answer Cohort could not decode, a coordinator it
// could not find. Not a broker that is down or slow: librdkafka would wait
// for that same broker until the deadline.
bool librdkafkaMayDoBetter(const KafkaError &error)
{
    return error.code < 0 && error.code != RD_KAFKA_RESP_ERR__TRANSPORT && error.code != RD_KAFKA_RESP_ERR__TIMED_OUT;
}

// The groups the own connections failed whose error librdkafka might get past.
QStringList forLibrdkafka(const QHash<QString, KafkaError> &failed)
{
    QStringList out;
    for (auto it = failed.cbegin(); it != failed.cend(); ++it)
        if (librdkafkaMayDoBetter(it.value()))
            out << it.key();
    return out;
}

// Partitions that could not be read, per leader, as the requests went.
QList<LeaderFailure> byLeader(const RdKafkaClusterClient::Handle &h, const QHash<TopicPartition, KafkaError> &failed)
{
    QMap<int, LeaderFailure> byLeader;
    for (auto it = failed.cbegin(); it != failed.cend(); ++it) {
        const int leader = h.direct ? h.direct->leaderOf(it.key()) : -1;
        LeaderFailure &f = byLeader[leader];
        if (f.partitions.isEmpty())
            f.broker = BrokerFailure{leader, h.direct ? h.direct->addressOf(leader) : QString(), it.value()};
        f.partitions.append(it.key());
    }
    QList<LeaderFailure> out;
    for (LeaderFailure &f : byLeader) {
        std::sort(f.partitions.begin(), f.partitions.end());
        out.append(std::move(f));
    }
    return out;
}

KafkaError outOfTime()
{
    return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TIMED_OUT,
                                        QCoreApplication::translate("RdKafkaClusterClient", "not read before the deadline"));
}

// Asks `ask` for `keys`, then again, after RetryBackoff's wait, for those
// that failed retriably, finding their coordinators again first where the
// error says it moved (`relocate`), until nothing is left to retry or the
// deadline is near. Returns what still failed, with the last error of each.
template<typename Key, typename Ask, typename Relocate>
QHash<Key, KafkaError> withRetries(QList<Key> keys, const RefreshProgress &progress, Ask ask, Relocate relocate)
{
    QHash<Key, KafkaError> failed;
    RetryBackoff backoff;
    while (!keys.isEmpty()) {
        const QHash<Key, KafkaError> now = ask(keys);
        keys.clear();
        QList<Key> relocating;
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            failed.insert(it.key(), it.value());
            if (backoff.mayRetry(it.value())) {
                keys.append(it.key());
                if (RetryBackoff::needsNewCoordinator(it.value()))
                    relocating.append(it.key());
            }
        }
        if (keys.isEmpty() || !backoff.waitBeforeRetry(progress))
            break;
        qCDebug(lcRefresh, "retry %d for %lld: %s", backoff.attempts(), qlonglong(keys.size()),
                qUtf8Printable(now.value(keys.first()).toString()));
        relocate(relocating);
        for (const Key &k : std::as_const(keys))
            failed.remove(k);
    }
    return failed;
}

}   // namespace

QFuture<Result<GroupListingAnswer>> RdKafkaClusterClient::listGroups(Progress progress)
{
    return runAsync<GroupListingAnswer>([h = m_handle, p = progressOrOwn(std::move(progress))]() -> Result<GroupListingAnswer> {
        GroupListingAnswer out;
        if (h->direct) {
            // The loader reads the metadata at the same time: on the first
            // refresh the brokers are not known yet.
            if (h->direct->brokerCount() == 0) {
                const Result<ClusterMetadata> md = readMetadata(h, *p);
                if (!md)
                    return md.error();
            }
            const QList<int> brokers = h->direct->brokerIds();
            const QHash<int, KafkaError> failed = withRetries(
                brokers, *p,
                [&](const QList<int> &ask) {
                    auto answer = h->direct->listGroups(*p, ask);
                    out.groups += answer.answered;
                    return answer.failed;
                },
                [](const QList<int> &) {});
            if (!failed.isEmpty() && failed.size() == brokers.size())
                return failed.cbegin().value();
            for (auto it = failed.cbegin(); it != failed.cend(); ++it)
                out.failedBrokers.append(BrokerFailure{it.key(), h->direct->addressOf(it.key()), it.value()});
            std::sort(out.failedBrokers.begin(), out.failedBrokers.end(),
                      [](const BrokerFailure &a, const BrokerFailure &b) { return a.brokerId < b.brokerId; });
            return out;
        }
        // librdkafka retries nothing here itself, and on a partial listing
        // does not say which broker failed.
        KafkaError partial;
        auto all = legacyDescribeAll(h, waitMs(*p), {}, &partial);
        if (!all)
            return all.error();
        for (const GroupDescription &d : all.value())
            out.groups.append(GroupListing{d.groupId, d.protocolType, d.state, d.coordinatorId});
        if (partial.isError())
            out.failedBrokers.append(BrokerFailure{-1, {}, partial});
        return out;
    });
}

QFuture<Result<GroupDescriptionAnswer>> RdKafkaClusterClient::describeGroups(const QStringList &groupIds, Progress progress)
{
    return runAsync<GroupDescriptionAnswer>(
        [h = m_handle, p = progressOrOwn(std::move(progress)), groupIds]() -> Result<GroupDescriptionAnswer> {
            GroupDescriptionAnswer out;
            QStringList rest = groupIds;
            if (h->direct) {
                // A group not seen in a listing yet (a one-group refresh): a
                // FindCoordinator each, pipelined to one broker, costs less than
                // a listing of every broker.
                QStringList unknown;
                for (const QString &g : groupIds)
                    if (h->direct->coordinatorOf(g) < 0)
                        unknown << g;
                if (!unknown.isEmpty())
                    h->direct->findCoordinators(unknown, *p);
                out.failed = withRetries(
                    groupIds, *p,
                    [&](const QStringList &ask) {
                        auto answer = h->direct->describeGroups(ask, *p);
                        out.groups += answer.answered;
                        return answer.failed;
                    },
                    [&](const QStringList &moved) { h->direct->findCoordinators(moved, *p); });
                rest = forLibrdkafka(out.failed);
                if (rest.isEmpty() || p->shouldStop())
                    return out;
            }
            // librdkafka only (or what the own connections could not do). For a
            // single group the legacy call restricted to it: one ListGroups per
            // broker (small answers, served from memory) and one DescribeGroups on
            // the coordinator, then DescribeConsumerGroups of that group for
            // group.instance.id (one DescribeGroups; its coordinator is cached).
            // DescribeConsumerGroups alone would spare the ListGroups, but
            // librdkafka 2.0.2 drops the members' subscriptions and user data
            // there and refuses non-consumer protocol types, so the group would
            // not look as it does in the whole-cluster snapshot. librdkafka does
            // not retry a group's error here: a retriable one is retried below.
            QStringList withMembers;
            const qsizetype legacyFrom = out.groups.size();
            const QHash<QString, KafkaError> failed = withRetries(
                rest, *p,
                [&](const QStringList &ask) {
                    QHash<QString, KafkaError> why;
                    KafkaError partial;
                    auto all = legacyDescribeAll(h, waitMs(*p), ask.size() == 1 ? ask.first() : QString(), &partial);
                    if (!all) {
                        for (const QString &g : ask)
                            why.insert(g, all.error());
                        return why;
                    }
                    QSet<QString> wanted(ask.cbegin(), ask.cend());
                    for (GroupDescription d : all.value()) {
                        if (!wanted.remove(d.groupId))
                            continue;
                        const KafkaError error = KafkaErrorHints::fromRdKafka(d.errorCode);
                        if (d.errorCode != 0 && RetryBackoff::isRetriable(error)) {
                            why.insert(d.groupId, error);
                            continue;
                        }
                        if (d.errorCode != 0)
                            d.markNotDescribable();
                        if (!d.members.isEmpty() && d.protocolType == QLatin1String("consumer"))
                            withMembers << d.groupId;
                        out.groups.append(std::move(d));
                    }
                    // Not listed by any broker that answered.
                    for (const QString &g : std::as_const(wanted))
                        why.insert(g, partial.isError() ? partial : KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND));
                    return why;
                },
                [](const QStringList &) {});   // librdkafka finds coordinators itself
            for (const QString &g : std::as_const(rest))
                out.failed.remove(g);
            out.failed.insert(failed);
            // A group no broker listed although all answered is one the cluster
            // does not have: described as a classic coordinator describes it (Dead, no members).
            for (auto it = out.failed.begin(); it != out.failed.end();) {
                if (it.value().code == RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND) {
                    GroupDescription dead;
                    dead.groupId = it.key();
                    dead.state = GroupState::Dead;
                    out.groups.append(dead);
                    it = out.failed.erase(it);
                } else {
                    ++it;
                }
            }
            // Batched so that one huge request never carries thousands of groups.
            QHash<QString, QString> instances;
            for (qsizetype i = 0; i < withMembers.size() && !p->shouldStop(); i += 200)
                instances.insert(instanceIds(h, withMembers.mid(i, 200), waitMs(*p)));
            for (qsizetype i = legacyFrom; i < out.groups.size(); ++i)
                for (GroupMember &m : out.groups[i].members)
                    m.groupInstanceId = instances.value(m.memberId);
            return out;
        });
}

namespace {

// librdkafka matches every partition of an OffsetFetch or ListOffsets answer
// against its request list linearly, so one request of n partitions costs n²
// string compares (20,000 partitions: seconds of CPU). Requests are kept at
// most this long; the number of requests still grows with groups and brokers
// and only past this size with partitions.
constexpr qsizetype kMaxPartitionsPerRequest = 1000;

// Committed offsets through librdkafka's admin API: one request per (group,
// slice of partitions), many at once. librdkafka's admin OffsetFetch does not
// retry a group's error (NOT_COORDINATOR...): the caller does. Returns the
// groups that failed, with why.
QHash<QString, KafkaError> librdkafkaOffsets(const std::shared_ptr<RdKafkaClusterClient::Handle> &h, const RefreshProgress &progress,
                                             const QHash<QString, QList<TopicPartition>> &rest, QHash<QString, GroupOffsets> &out)
{
    QHash<QString, KafkaError> failed;
    // "every partition" becomes every partition of the cluster, as
    // librdkafka 2.0.2 cannot ask for null topics.
    std::optional<QList<TopicPartition>> everything;   // the cluster's partitions, read on first need
    QList<QPair<QString, QList<TopicPartition>>> jobs;
    for (auto it = rest.cbegin(); it != rest.cend(); ++it) {
        if (it.value().isEmpty() && !everything)
            everything = h->rememberedPartitions();
        if (it.value().isEmpty() && !everything) {
            const Result<ClusterMetadata> md = readMetadata(h, progress);
            everything = md ? md->partitions() : QList<TopicPartition>{};
        }
        const QList<TopicPartition> &tps = it.value().isEmpty() ? *everything : it.value();
        for (qsizetype i = 0; i < tps.size(); i += kMaxPartitionsPerRequest)
            jobs.append({it.key(), tps.mid(i, kMaxPartitionsPerRequest)});
    }

    rd_kafka_queue_t *q = rd_kafka_queue_new(h->rk);
    rd_kafka_AdminOptions_t *o = h->adminOptions(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, waitMs(progress));
    constexpr int kInFlight = 32;   // one group per call (librdkafka limit), many at once
    qsizetype next = 0;
    int pending = 0;
    QSet<QString> answered;
    while ((next < jobs.size() || pending > 0) && !progress.shouldStop()) {
        while (pending < kInFlight && next < jobs.size()) {
            const auto &[id, tps] = jobs.at(next++);
            const QByteArray g = id.toUtf8();
            rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(tps.size()));
            for (const TopicPartition &tp : tps)
                rd_kafka_topic_partition_list_add(list, tp.topic.toUtf8().constData(), tp.partition);
            rd_kafka_ListConsumerGroupOffsets_t *req = rd_kafka_ListConsumerGroupOffsets_new(g.constData(), list);
            rd_kafka_ListConsumerGroupOffsets(h->rk, &req, 1, o, q);
            rd_kafka_ListConsumerGroupOffsets_destroy(req);
            rd_kafka_topic_partition_list_destroy(list);
            ++pending;
        }
        rd_kafka_event_t *ev = RdKafkaClusterClient::Handle::awaitEvent(q, waitMs(progress));
        if (!ev)
            break;
        --pending;
        if (rd_kafka_event_error(ev)) {
            // Which group it was is not said: the groups never answered get it below.
            const KafkaError error = h->withDetail(rd_kafka_event_error(ev));
            for (const auto &job : std::as_const(jobs))
                if (!answered.contains(job.first) && !failed.contains(job.first)) {
                    failed.insert(job.first, error);
                    break;
                }
        } else if (const auto *res = rd_kafka_event_ListConsumerGroupOffsets_result(ev)) {
            size_t n = 0;
            const rd_kafka_group_result_t **groups = rd_kafka_ListConsumerGroupOffsets_result_groups(res, &n);
            for (size_t i = 0; i < n; ++i) {
                const QString groupId = str(rd_kafka_group_result_name(groups[i]));
                if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[i])) {
                    failed.insert(groupId, KafkaErrorHints::fromRdKafka(rd_kafka_error_code(e), str(rd_kafka_error_string(e))));
                    continue;
                }
                answered.insert(groupId);
                GroupOffsets &go = out[groupId];
                go.groupId = groupId;
                const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(groups[i]);
                for (int pi = 0; parts && pi < parts->cnt; ++pi) {
                    const rd_kafka_topic_partition_t &tp = parts->elems[pi];
                    CommittedOffset c;
                    c.tp = TopicPartition{str(tp.topic), tp.partition};
                    c.offset = tp.err ? -1 : tp.offset;
                    if (c.offset < 0)
                        continue;   // asked for, never committed
                    c.metadata = QString::fromUtf8(static_cast<const char *>(tp.metadata), qsizetype(tp.metadata_size));
                    go.offsets.append(c);
                }
            }
        }
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_AdminOptions_destroy(o);
    rd_kafka_queue_destroy(q);
    for (auto it = rest.cbegin(); it != rest.cend(); ++it) {
        if (failed.contains(it.key()))
            out.remove(it.key());   // one slice failed: the group's offsets are not whole
        else if (!answered.contains(it.key()))
            failed.insert(it.key(), outOfTime());
    }
    return failed;
}

}   // namespace

QFuture<Result<CommittedOffsetsAnswer>> RdKafkaClusterClient::fetchCommittedOffsets(
    const QHash<QString, QList<TopicPartition>> &partitionsByGroup, Progress progress)
{
    return runAsync<CommittedOffsetsAnswer>(
        [h = m_handle, p = progressOrOwn(std::move(progress)), partitionsByGroup]() -> Result<CommittedOffsetsAnswer> {
            CommittedOffsetsAnswer out;
            auto subset = [&](const QStringList &groups) {
                QHash<QString, QList<TopicPartition>> s;
                for (const QString &g : groups)
                    s.insert(g, partitionsByGroup.value(g));
                return s;
            };
            QStringList rest = partitionsByGroup.keys();
            if (h->direct) {
                QStringList unknown;
                for (const QString &g : std::as_const(rest))
                    if (h->direct->coordinatorOf(g) < 0)
                        unknown << g;
                if (!unknown.isEmpty())
                    h->direct->findCoordinators(unknown, *p);
                out.failed = withRetries(
                    rest, *p,
                    [&](const QStringList &ask) {
                        auto answer = h->direct->fetchCommittedOffsets(subset(ask), *p);
                        out.offsets.insert(answer.answered);
                        return answer.failed;
                    },
                    [&](const QStringList &moved) { h->direct->findCoordinators(moved, *p); });
                rest = forLibrdkafka(out.failed);
                if (rest.isEmpty() || p->shouldStop())
                    return out;
            }
            for (const QString &g : std::as_const(rest))
                out.failed.remove(g);
            out.failed.insert(withRetries(
                rest, *p, [&](const QStringList &ask) { return librdkafkaOffsets(h, *p, subset(ask), out.offsets); },
                [](const QStringList &) {}));
            if (out.offsets.isEmpty() && !out.failed.isEmpty() && out.failed.size() == partitionsByGroup.size())
                return out.failed.cbegin().value();
            return out;
        });
}

QFuture<Result<WatermarksAnswer>> RdKafkaClusterClient::fetchWatermarks(const QList<TopicPartition> &partitions, Progress progress)
{
    return runAsync<WatermarksAnswer>(
        [h = m_handle, p = progressOrOwn(std::move(progress)), readCommitted = m_readCommitted, partitions]() -> Result<WatermarksAnswer> {
            WatermarksAnswer out;
            QHash<TopicPartition, KafkaError> failed;
            QList<TopicPartition> rest = partitions;
            if (h->direct && !partitions.isEmpty()) {
                auto direct = h->direct->fetchWatermarks(partitions, readCommitted, *p);
                out.watermarks = std::move(direct.answered);
                rest.clear();
                for (auto it = direct.failed.cbegin(); it != direct.failed.cend(); ++it) {
                    if (librdkafkaMayDoBetter(it.value()))
                        rest << it.key();
                    else
                        failed.insert(it.key(), it.value());
                }
            }
            // The rest through librdkafka: offsets_for_times batches ListOffsets
            // per leader (and retries a moved leader itself); slices keep its
            // answer matching (quadratic) cheap.
            for (qsizetype from = 0; from < rest.size(); from += kMaxPartitionsPerRequest) {
                const QList<TopicPartition> slice = rest.mid(from, kMaxPartitionsPerRequest);
                QHash<TopicPartition, Watermarks> read;
                for (const qint64 which : {ListOffsetsCodec::kLatest, ListOffsetsCodec::kEarliest}) {
                    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(slice.size()));
                    QList<QByteArray> names;
                    names.reserve(slice.size());
                    for (const TopicPartition &tp : slice) {
                        names.append(tp.topic.toUtf8());
                        rd_kafka_topic_partition_list_add(list, names.last().constData(), tp.partition)->offset = which;
                    }
                    const rd_kafka_resp_err_t err
                        = p->shouldStop() ? RD_KAFKA_RESP_ERR__TIMED_OUT : rd_kafka_offsets_for_times(h->rk, list, waitMs(*p));
                    for (int i = 0; i < list->cnt; ++i) {
                        const rd_kafka_topic_partition_t &e = list->elems[i];
                        const TopicPartition tp{str(e.topic), e.partition};
                        if (err && err != RD_KAFKA_RESP_ERR__PARTIAL) {
                            failed.insert(tp, h->withDetail(err));
                            continue;
                        }
                        if (e.err || e.offset < 0) {
                            failed.insert(tp, KafkaErrorHints::fromRdKafka(e.err ? e.err : RD_KAFKA_RESP_ERR__PARTIAL));
                            continue;
                        }
                        Watermarks &w = read[tp];
                        (which == ListOffsetsCodec::kLatest ? w.high : w.low) = e.offset;
                    }
                    rd_kafka_topic_partition_list_destroy(list);
                }
                for (auto it = read.cbegin(); it != read.cend(); ++it)
                    if (!failed.contains(it.key()))
                        out.watermarks.insert(it.key(), it.value());
            }
            if (out.watermarks.isEmpty() && !failed.isEmpty())
                return failed.cbegin().value();
            out.failed = byLeader(*h, failed);
            return out;
        });
}

QFuture<Result<OffsetsForTimesAnswer>> RdKafkaClusterClient::offsetsForTimes(const QList<TopicPartition> &partitions, qint64 timestampMs,
                                                                             Progress progress)
{
    return runAsync<OffsetsForTimesAnswer>(
        [h = m_handle, p = progressOrOwn(std::move(progress)), partitions, timestampMs]() -> Result<OffsetsForTimesAnswer> {
            OffsetsForTimesAnswer out;
            QHash<TopicPartition, KafkaError> failed;
            // Few partitions ask by time (one reset's scope): librdkafka's
            // batching per leader and its own retry of a moved leader suffice.
            for (qsizetype from = 0; from < partitions.size(); from += kMaxPartitionsPerRequest) {
                const QList<TopicPartition> slice = partitions.mid(from, kMaxPartitionsPerRequest);
                rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(slice.size()));
                QList<QByteArray> names;
                names.reserve(slice.size());
                for (const TopicPartition &tp : slice) {
                    names.append(tp.topic.toUtf8());
                    rd_kafka_topic_partition_list_add(list, names.last().constData(), tp.partition)->offset = timestampMs;
                }
                const rd_kafka_resp_err_t err
                    = p->shouldStop() ? RD_KAFKA_RESP_ERR__TIMED_OUT : rd_kafka_offsets_for_times(h->rk, list, waitMs(*p));
                for (int i = 0; i < list->cnt; ++i) {
                    const rd_kafka_topic_partition_t &e = list->elems[i];
                    const TopicPartition tp{str(e.topic), e.partition};
                    if (err && err != RD_KAFKA_RESP_ERR__PARTIAL)
                        failed.insert(tp, h->withDetail(err));
                    else if (e.err)
                        failed.insert(tp, KafkaErrorHints::fromRdKafka(e.err));
                    else
                        out.offsets.insert(tp, e.offset < 0 ? -1 : e.offset);   // -1: no record at or after the time
                }
                rd_kafka_topic_partition_list_destroy(list);
            }
            if (out.offsets.isEmpty() && !failed.isEmpty())
                return failed.cbegin().value();
            out.failed = byLeader(*h, failed);
            return out;
        });
}

namespace {

// The record reader: the connection's properties and fetches as small as
// Kafka allows (one batch). No group.id: it reads with the simple consumer
// API (no group, so no coordinator lookups and no offsets of its own).
Result<rd_kafka_t *> makeRecordReader(const RdKafkaClusterClient::Properties &properties)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    RdKafkaClusterClient::Properties all;
    for (const auto &[key, value] : properties)
        if (key != QLatin1String("group.id"))
            all.append({key, value});
    all += {
        {QStringLiteral("enable.auto.commit"), QStringLiteral("false")},    {QStringLiteral("auto.offset.reset"), QStringLiteral("error")},
        {QStringLiteral("max.partition.fetch.bytes"), QStringLiteral("1")}, {QStringLiteral("fetch.max.bytes"), QStringLiteral("1048576")},
        {QStringLiteral("fetch.wait.max.ms"), QStringLiteral("100")},       {QStringLiteral("queued.min.messages"), QStringLiteral("1")}};
    for (const auto &[key, value] : std::as_const(all)) {
        if (rd_kafka_conf_set(conf, key.toUtf8().constData(), value.toUtf8().constData(), err, sizeof err) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), QString::fromUtf8(err));
        }
    }
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    if (!rk)
        return KafkaError::make(RD_KAFKA_RESP_ERR__INVALID_ARG, QStringLiteral("_INVALID_ARG"), QString::fromUtf8(err));
    return rk;
}

Result<RecordTimestampsAnswer> readRecordTimestamps(const std::shared_ptr<Handle> &h, const QHash<TopicPartition, qint64> &offsets,
                                                    const RefreshProgress &progress)
{
    RecordTimestampsAnswer out;
    if (offsets.isEmpty())
        return out;
    QMutexLocker lock(&h->readerMutex);
    if (!h->recordReader) {
        auto made = makeRecordReader(h->properties);
        if (!made)
            return made.error();
        h->recordReader = made.value();
    }
    rd_kafka_t *rk = h->recordReader;
    // Every partition fetched from its offset into one queue.
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    QHash<QString, rd_kafka_topic_t *> topics;
    QList<QPair<rd_kafka_topic_t *, int>> started;
    QSet<TopicPartition> left;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        rd_kafka_topic_t *&rkt = topics[it.key().topic];
        if (!rkt)
            rkt = rd_kafka_topic_new(rk, it.key().topic.toUtf8().constData(), nullptr);
        if (!rkt || rd_kafka_consume_start_queue(rkt, it.key().partition, it.value(), q) == -1) {
            out.failed.insert(it.key(), KafkaErrorHints::fromRdKafka(rd_kafka_last_error()));
            continue;
        }
        started.append({rkt, it.key().partition});
        left.insert(it.key());
    }
    while (!left.isEmpty() && !progress.shouldStop()) {
        rd_kafka_message_t *m = rd_kafka_consume_queue(q, qMin(100, waitMs(progress)));
        if (!m)
            continue;
        if (m->rkt) {
            const TopicPartition tp{str(rd_kafka_topic_name(m->rkt)), int(m->partition)};
            // Never a record before the one asked for (a fetch of an earlier read).
            const bool before = !m->err && m->offset < offsets.value(tp, -1);
            if (!before && left.remove(tp)) {
                if (m->err) {
                    out.failed.insert(tp, KafkaErrorHints::fromRdKafka(m->err, str(rd_kafka_message_errstr(m))));
                } else {
                    rd_kafka_timestamp_type_t type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
                    const qint64 ts = rd_kafka_message_timestamp(m, &type);
                    if (type == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE)
                        out.failed.insert(tp,
                                          KafkaError::make(0, QStringLiteral("_NO_TIMESTAMP"),
                                                           QCoreApplication::translate("RdKafkaClusterClient",
                                                                                       "the record has no timestamp (message format v0)")));
                    else
                        out.timestamps.insert(tp, RecordTimestamp{m->offset, ts});
                }
            }
        }
        rd_kafka_message_destroy(m);
    }
    for (const auto &[rkt, partition] : std::as_const(started))
        rd_kafka_consume_stop(rkt, partition);
    for (rd_kafka_topic_t *rkt : std::as_const(topics))
        if (rkt)
            rd_kafka_topic_destroy(rkt);
    rd_kafka_queue_destroy(q);
    for (const TopicPartition &tp : std::as_const(left))
        out.failed.insert(tp, outOfTime());
    return out;
}

Result<TopicRetentionAnswer> readTopicRetention(const std::shared_ptr<Handle> &h, const QStringList &topics,
                                                const RefreshProgress &progress)
{
    TopicRetentionAnswer out;
    if (topics.isEmpty())
        return out;
    std::vector<rd_kafka_ConfigResource_t *> resources;
    for (const QString &t : topics)
        resources.push_back(rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, t.toUtf8().constData()));
    const int timeout = waitMs(progress);
    rd_kafka_queue_t *q = rd_kafka_queue_new(h->rk);
    rd_kafka_AdminOptions_t *o = h->adminOptions(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, timeout);
    rd_kafka_DescribeConfigs(h->rk, resources.data(), resources.size(), o, q);
    rd_kafka_event_t *ev = Handle::awaitEvent(q, timeout);
    Result<TopicRetentionAnswer> result = out;
    if (!ev) {
        result = outOfTime();
    } else if (rd_kafka_event_error(ev)) {
        result = KafkaErrorHints::fromRdKafka(rd_kafka_event_error(ev), str(rd_kafka_event_error_string(ev)));
    } else if (const auto *res = rd_kafka_event_DescribeConfigs_result(ev)) {
        size_t n = 0;
        const rd_kafka_ConfigResource_t **rs = rd_kafka_DescribeConfigs_result_resources(res, &n);
        for (size_t i = 0; i < n; ++i) {
            const QString topic = str(rd_kafka_ConfigResource_name(rs[i]));
            if (const rd_kafka_resp_err_t err = rd_kafka_ConfigResource_error(rs[i])) {
                out.failed.insert(topic, KafkaErrorHints::fromRdKafka(err, str(rd_kafka_ConfigResource_error_string(rs[i]))));
                continue;
            }
            TopicRetention r;
            size_t cn = 0;
            const rd_kafka_ConfigEntry_t **entries = rd_kafka_ConfigResource_configs(rs[i], &cn);
            for (size_t c = 0; c < cn; ++c) {
                const QString name = str(rd_kafka_ConfigEntry_name(entries[c]));
                bool ok = false;
                const qint64 v = str(rd_kafka_ConfigEntry_value(entries[c])).toLongLong(&ok);
                if (ok && name == QLatin1String("retention.ms"))
                    r.retentionMs = v;
                else if (ok && name == QLatin1String("retention.bytes"))
                    r.retentionBytes = v;
            }
            out.topics.insert(topic, r);
        }
        result = out;
    }
    if (ev)
        rd_kafka_event_destroy(ev);
    rd_kafka_AdminOptions_destroy(o);
    rd_kafka_queue_destroy(q);
    for (rd_kafka_ConfigResource_t *r : resources)
        rd_kafka_ConfigResource_destroy(r);
    return result;
}

}   // namespace

QFuture<Result<RecordTimestampsAnswer>> RdKafkaClusterClient::fetchRecordTimestamps(const QHash<TopicPartition, qint64> &offsets,
                                                                                    Progress progress)
{
    return runAsync<RecordTimestampsAnswer>(
        [h = m_handle, offsets, p = progressOrOwn(std::move(progress))] { return readRecordTimestamps(h, offsets, *p); });
}

QFuture<Result<TopicRetentionAnswer>> RdKafkaClusterClient::fetchTopicRetention(const QStringList &topics, Progress progress)
{
    return runAsync<TopicRetentionAnswer>(
        [h = m_handle, topics, p = progressOrOwn(std::move(progress))] { return readTopicRetention(h, topics, *p); });
}

QHash<int, QHash<qint16, qint16>> RdKafkaClusterClient::brokerApiVersions() const
{
    return m_handle && m_handle->direct ? m_handle->direct->knownApiVersions() : QHash<int, QHash<qint16, qint16>>{};
}

QFuture<Result<ConnectionReport>> RdKafkaClusterClient::testConnection()
{
    auto metadata = fetchMetadata();
    return metadata.then(Handle::pool(), [h = m_handle, bootstrap = m_bootstrap](Result<ClusterMetadata> md) -> Result<ConnectionReport> {
        if (!md)
            return md.error();
        ConnectionReport r;
        r.metadata = md.value();
        if (h->direct) {
            QElapsedTimer t;
            t.start();
            r.apiVersions = h->direct->apiVersions(bootstrap);
            r.roundTripMs = t.elapsed();
        }
        return r;
    });
}

}   // namespace cohort
