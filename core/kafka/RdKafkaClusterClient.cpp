// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/RdKafkaClusterClient.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/kafka/RdKafkaHandle.h"
#include "core/util/LogCategories.h"
#include "core/wire/DirectBrokerRequests.h"
#include "core/wire/ListOffsetsCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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
    QMutexLocker lock(&h->mutex);
    h->lastError = QString::fromUtf8(reason);
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
    KafkaWireConnection::SaslPlain sasl;
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
    if (own == OwnConnections::WhenPossible) {
        if (protocol == QLatin1String("plaintext"))
            handle->direct = std::make_unique<DirectBrokerRequests>(timeoutMs, std::nullopt);
        else if (protocol == QLatin1String("sasl_plaintext") && mechanism == QLatin1String("PLAIN"))
            handle->direct = std::make_unique<DirectBrokerRequests>(timeoutMs, sasl);
        if (handle->direct) {
            handle->bootstrap = client->m_bootstrap;
            if (protocol != QLatin1String("plaintext"))
                handle->sasl = sasl;
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
    client->m_handle = std::move(handle);
    return client;
}

RdKafkaClusterClient::~RdKafkaClusterClient()
{
    // rd_kafka_destroy may take a moment: never on the caller's (GUI) thread.
    Handle::pool()->start([h = std::move(m_handle)]() mutable { h.reset(); });
}

namespace {

Result<ClusterMetadata> readMetadata(const std::shared_ptr<RdKafkaClusterClient::Handle> &h, int timeout)
{
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(h->rk, 1, nullptr, &md, timeout);
    if (err)
        return h->withDetail(err);
    ClusterMetadata out;
    for (int i = 0; i < md->broker_cnt; ++i)
        out.brokers.append(BrokerInfo{md->brokers[i].id, str(md->brokers[i].host), md->brokers[i].port, {}});
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
    out.controllerId = rd_kafka_controllerid(h->rk, timeout);
    if (char *id = rd_kafka_clusterid(h->rk, timeout)) {
        out.clusterId = QString::fromUtf8(id);
        rd_kafka_mem_free(h->rk, id);
    }
    return out;
}

}   // namespace

QFuture<Result<ClusterMetadata>> RdKafkaClusterClient::fetchMetadata()
{
    return runAsync<ClusterMetadata>([h = m_handle, timeout = m_timeoutMs] { return readMetadata(h, timeout); });
}

namespace {

// ListGroups + DescribeGroups on every broker in one librdkafka call; gives
// raw member metadata and assignments, which the admin API does not. With
// `onlyGroup`, librdkafka still lists every broker's groups but describes
// only that one, on its coordinator. A partial listing (some brokers did not
// answer) gives what the others listed.
Result<QList<GroupDescription>> legacyDescribeAll(const std::shared_ptr<RdKafkaClusterClient::Handle> &h, int timeout,
                                                  const QString &onlyGroup = {})
{
    const struct rd_kafka_group_list *list = nullptr;
    const QByteArray only = onlyGroup.toUtf8();
    const rd_kafka_resp_err_t err = rd_kafka_list_groups(h->rk, onlyGroup.isEmpty() ? nullptr : only.constData(), &list, timeout);
    if (err && err != RD_KAFKA_RESP_ERR__PARTIAL)
        return h->withDetail(err);
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
            d.markNotDescribable();
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

}   // namespace

QFuture<Result<QList<GroupListing>>> RdKafkaClusterClient::listGroups()
{
    return runAsync<QList<GroupListing>>([h = m_handle, timeout = m_timeoutMs]() -> Result<QList<GroupListing>> {
        // ListGroups v5 where every broker has it: one request per broker,
        // and the true state and type of KIP-848, share and streams groups,
        // which the legacy call below describes as Dead (kafka-protocol.md §8).
        QList<GroupListing> typed;
        if (h->direct) {
            // The first listing of a session runs beside the first metadata
            // request: the brokers come from a topic-less Metadata.
            if (h->direct->brokerCount() == 0) {
                const rd_kafka_metadata_t *md = nullptr;
                if (rd_kafka_metadata(h->rk, 0, nullptr, &md, timeout) == RD_KAFKA_RESP_ERR_NO_ERROR) {
                    QList<BrokerInfo> brokers;
                    for (int i = 0; i < md->broker_cnt; ++i)
                        brokers.append(BrokerInfo{md->brokers[i].id, str(md->brokers[i].host), md->brokers[i].port, {}});
                    rd_kafka_metadata_destroy(md);
                    h->direct->learnBrokers(brokers);
                }
            }
            auto listed = h->direct->listGroups();
            if (listed.failed.isEmpty())
                return listed.answered;
            typed = std::move(listed.answered);
        }
        auto all = legacyDescribeAll(h, timeout);
        if (!all)
            return all.error();
        QHash<QString, qsizetype> typedAt;
        for (qsizetype i = 0; i < typed.size(); ++i)
            typedAt.insert(typed.at(i).groupId, i);
        QList<GroupListing> out = typed;
        for (const GroupDescription &d : all.value())
            if (!typedAt.contains(d.groupId))
                out.append(GroupListing{d.groupId, d.protocolType, d.state, d.coordinatorId, GroupType::Unknown});
        return out;
    });
}

QFuture<Result<QList<GroupDescription>>> RdKafkaClusterClient::describeGroups(const QStringList &groupIds)
{
    return runAsync<QList<GroupDescription>>([h = m_handle, timeout = m_timeoutMs, groupIds]() -> Result<QList<GroupDescription>> {
        QList<GroupDescription> out;
        QStringList rest = groupIds;
        if (h->direct) {
            auto direct = h->direct->describeGroups(groupIds);
            out = std::move(direct.answered);
            rest = std::move(direct.failed);
            // A group not seen in a listing yet, or whose coordinator moved:
            // while they are fewer than the brokers, a FindCoordinator each
            // and a DescribeGroups to the coordinator cost less than the
            // listing below (two requests per broker). This is what keeps the
            // one-group refresh at a few requests.
            if (!rest.isEmpty() && rest.size() <= h->direct->brokerCount()) {
                const QStringList retry = h->direct->findCoordinators(rest);
                if (!retry.isEmpty()) {
                    auto again = h->direct->describeGroups(retry);
                    out += again.answered;
                    for (const QString &g : std::as_const(retry))
                        rest.removeOne(g);
                    rest += again.failed;
                }
            }
            if (rest.isEmpty())
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
        // not look as it does in the whole-cluster snapshot.
        auto all = legacyDescribeAll(h, timeout, rest.size() == 1 ? rest.first() : QString());
        if (!all) {
            if (out.isEmpty())
                return all.error();
            // Handled here: the groups the direct path described are shown, the rest are missing.
            qCWarning(lcRefresh, "%lld groups not described: %s", qlonglong(rest.size()), qUtf8Printable(all.error().toString()));
            return out;
        }
        const QSet<QString> wanted(rest.cbegin(), rest.cend());
        QStringList withMembers;
        const qsizetype legacyFrom = out.size();
        for (const GroupDescription &d : all.value()) {
            if (!wanted.contains(d.groupId))
                continue;
            out.append(d);
            if (!d.members.isEmpty() && d.protocolType == QLatin1String("consumer"))
                withMembers << d.groupId;
        }
        // Batched so that one huge request never carries thousands of groups.
        QHash<QString, QString> instances;
        for (qsizetype i = 0; i < withMembers.size(); i += 200)
            instances.insert(instanceIds(h, withMembers.mid(i, 200), timeout));
        for (qsizetype i = legacyFrom; i < out.size(); ++i)
            for (GroupMember &m : out[i].members)
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

}   // namespace

QFuture<Result<QHash<QString, GroupOffsets>>> RdKafkaClusterClient::fetchCommittedOffsets(
    const QHash<QString, QList<TopicPartition>> &partitionsByGroup)
{
    return runAsync<QHash<QString, GroupOffsets>>(
        [h = m_handle, timeout = m_timeoutMs, partitionsByGroup]() -> Result<QHash<QString, GroupOffsets>> {
            QHash<QString, GroupOffsets> out;
            QHash<QString, QList<TopicPartition>> rest = partitionsByGroup;
            if (h->direct) {
                auto direct = h->direct->fetchCommittedOffsets(partitionsByGroup);
                out = std::move(direct.answered);
                rest.clear();
                for (const QString &g : std::as_const(direct.failed))
                    rest.insert(g, partitionsByGroup.value(g));
            }
            // The rest through librdkafka: one request per (group, slice of
            // partitions); "every partition" becomes every partition of the
            // cluster, as librdkafka 2.0.2 cannot ask for null topics.
            std::optional<QList<TopicPartition>> everything;   // the cluster's partitions, read on first need
            QList<QPair<QString, QList<TopicPartition>>> jobs;
            for (auto it = rest.cbegin(); it != rest.cend(); ++it) {
                if (it.value().isEmpty() && !everything)
                    everything = h->rememberedPartitions();
                if (it.value().isEmpty() && !everything) {
                    const Result<ClusterMetadata> md = readMetadata(h, timeout);
                    everything = md ? md->partitions() : QList<TopicPartition>{};
                }
                const QList<TopicPartition> &tps = it.value().isEmpty() ? *everything : it.value();
                for (qsizetype i = 0; i < tps.size(); i += kMaxPartitionsPerRequest)
                    jobs.append({it.key(), tps.mid(i, kMaxPartitionsPerRequest)});
            }

            KafkaError lastError;
            rd_kafka_queue_t *q = rd_kafka_queue_new(h->rk);
            rd_kafka_AdminOptions_t *o = h->adminOptions(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, timeout);
            constexpr int kInFlight = 32;   // one group per call (librdkafka limit), many at once
            qsizetype next = 0;
            int pending = 0;
            QElapsedTimer timer;
            timer.start();
            while ((next < jobs.size() || pending > 0) && timer.elapsed() < qint64(timeout) * 3) {
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
                rd_kafka_event_t *ev = Handle::awaitEvent(q, timeout);
                if (!ev)
                    break;
                --pending;
                if (rd_kafka_event_error(ev)) {
                    lastError = h->withDetail(rd_kafka_event_error(ev));
                } else if (const auto *res = rd_kafka_event_ListConsumerGroupOffsets_result(ev)) {
                    size_t n = 0;
                    const rd_kafka_group_result_t **groups = rd_kafka_ListConsumerGroupOffsets_result_groups(res, &n);
                    for (size_t i = 0; i < n; ++i) {
                        if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[i])) {
                            lastError = KafkaErrorHints::fromRdKafka(rd_kafka_error_code(e), str(rd_kafka_error_string(e)));
                            continue;
                        }
                        const QString groupId = str(rd_kafka_group_result_name(groups[i]));
                        GroupOffsets &go = out[groupId];
                        go.groupId = groupId;
                        const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(groups[i]);
                        for (int p = 0; parts && p < parts->cnt; ++p) {
                            const rd_kafka_topic_partition_t &tp = parts->elems[p];
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
            if (out.isEmpty() && !partitionsByGroup.isEmpty() && lastError.isError())
                return lastError;
            if (out.isEmpty() && !partitionsByGroup.isEmpty() && pending > 0)
                return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TIMED_OUT);
            return out;
        });
}

QFuture<Result<QHash<TopicPartition, Watermarks>>> RdKafkaClusterClient::fetchWatermarks(const QList<TopicPartition> &partitions)
{
    return runAsync<QHash<TopicPartition, Watermarks>>(
        [h = m_handle, timeout = m_timeoutMs, readCommitted = m_readCommitted, partitions]() -> Result<QHash<TopicPartition, Watermarks>> {
            QHash<TopicPartition, Watermarks> out;
            QList<TopicPartition> rest = partitions;
            if (h->direct && !partitions.isEmpty()) {
                auto direct = h->direct->fetchWatermarks(partitions, readCommitted);
                out = std::move(direct.answered);
                rest = std::move(direct.failed);
            }
            // The rest through librdkafka: offsets_for_times batches ListOffsets
            // per leader; slices keep its answer matching (quadratic) cheap.
            for (qsizetype from = 0; from < rest.size(); from += kMaxPartitionsPerRequest)
                for (const qint64 which : {ListOffsetsCodec::kLatest, ListOffsetsCodec::kEarliest}) {
                    const QList<TopicPartition> slice = rest.mid(from, kMaxPartitionsPerRequest);
                    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(slice.size()));
                    QList<QByteArray> names;
                    names.reserve(slice.size());
                    for (const TopicPartition &tp : slice) {
                        names.append(tp.topic.toUtf8());
                        rd_kafka_topic_partition_list_add(list, names.last().constData(), tp.partition)->offset = which;
                    }
                    const rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(h->rk, list, timeout);
                    if (err && err != RD_KAFKA_RESP_ERR__PARTIAL && out.isEmpty()) {
                        rd_kafka_topic_partition_list_destroy(list);
                        return h->withDetail(err);
                    }
                    for (int i = 0; i < list->cnt; ++i) {
                        const rd_kafka_topic_partition_t &e = list->elems[i];
                        if (e.err || e.offset < 0)
                            continue;
                        Watermarks &w = out[TopicPartition{str(e.topic), e.partition}];
                        (which == ListOffsetsCodec::kLatest ? w.high : w.low) = e.offset;
                    }
                    rd_kafka_topic_partition_list_destroy(list);
                }
            return out;
        });
}

QFuture<Result<ConnectionReport>> RdKafkaClusterClient::testConnection()
{
    auto metadata = fetchMetadata();
    return metadata.then(
        Handle::pool(),
        [h = m_handle, bootstrap = m_bootstrap, timeout = m_timeoutMs](Result<ClusterMetadata> md) -> Result<ConnectionReport> {
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
