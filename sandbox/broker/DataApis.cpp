// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/broker/DataApis.h"

#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "sandbox/broker/BrokerNetwork.h"
#include "sandbox/broker/ClusterEngine.h"
#include "sandbox/protocol/SupportedApis.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <climits>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

namespace cohort::sandbox {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Reads a request's [topic [partition ...]] and writes the response's matching
// [topic [partition ...]] in step; perPartition reads the rest of a request
// partition and writes the whole response partition.
template<typename F>
void mirrorTopicPartitions(ByteReader &r, ByteWriter &w, F perPartition)
{
    const qint32 nt = r.arrayLength(6);
    w.arrayLength(qMax(nt, 0));
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        const QString topic = r.string();
        w.string(topic);
        const qint32 np = r.arrayLength(12);
        w.arrayLength(qMax(np, 0));
        for (qint32 j = 0; j < np && r.ok(); ++j)
            perPartition(topic, r.int32());
    }
}

}   // namespace

// A Fetch waiting for min_bytes or max_wait_ms.
struct DataApis::FetchWait
{
    RequestContext ctx;
    Responder respond;
    qint32 minBytes = 1;
    qint32 maxBytes = 0;
    struct Part
    {
        QString topic;
        int partition;
        qint64 offset;
        qint32 maxBytes;
    };
    QList<Part> parts;
    QTimer *timer = nullptr;
    bool done = false;
};

DataApis::DataApis(ClusterEngine &engine, const SandboxConfig &config, const BrokerNetwork &network)
    : m_engine(engine)
    , m_config(config)
    , m_network(network)
{ }

DataApis::~DataApis() = default;

void DataApis::shutdown()
{
    for (auto &w : m_fetchWaits)
        if (w->timer)
            w->timer->stop();
    m_fetchWaits.clear();
}

bool DataApis::partitionExists(const QString &topic, int partition) const
{
    return partition >= 0 && partition < partitionCount(topic);
}

int DataApis::partitionCount(const QString &topic) const
{
    const auto it = m_topics.constFind(topic);
    return it == m_topics.cend() ? 0 : int(it->partitions.size());
}

bool DataApis::createTopic(const QString &topic, int partitions)
{
    if (topic.isEmpty() || partitions <= 0 || m_topics.contains(topic))
        return false;
    Topic t;
    t.partitions.reserve(size_t(partitions));
    for (int p = 0; p < partitions; ++p)
        t.partitions.push_back(std::make_shared<PartitionLog>(m_config.retentionBytesPerPartition));
    m_topics.insert(topic, std::move(t));
    return true;
}

qint64 DataApis::logEndOffset(const QString &topic, int partition) const
{
    const PartitionLog *l = log(topic, partition);
    return l ? l->endOffset() : -1;
}

PartitionLog *DataApis::log(const QString &topic, int partition) const
{
    const auto it = m_topics.constFind(topic);
    if (it == m_topics.cend() || partition < 0 || partition >= int(it->partitions.size()))
        return nullptr;
    return it->partitions[size_t(partition)].get();
}

// Partitions are spread round-robin; while the preferred leader is down the
// next live broker leads (the data is shared in process, so nothing is lost and
// clients recover by refreshing metadata, as after a Kafka leader election).
int DataApis::leaderOf(const QString &topic, int partition) const
{
    const QList<int> brokers = m_network.brokerIds();
    if (!partitionExists(topic, partition) || brokers.isEmpty())
        return -1;
    const int index = (int(qHash(topic) % 7919) + partition) % int(brokers.size());
    return m_network.liveBrokerAtOrAfter(index);
}

qint16 DataApis::partitionError(int brokerId, const QString &topic, int partition, qint16 forced) const
{
    if (forced)
        return forced;
    if (!log(topic, partition))
        return UnknownTopicOrPartition;
    if (leaderOf(topic, partition) != brokerId)
        return NotLeaderOrFollower;
    return None;
}

qint64 DataApis::appendRecords(const QString &topic, int partition, const QList<QPair<QByteArray, QByteArray>> &records, qint64 ts)
{
    PartitionLog *l = log(topic, partition);
    if (!l || records.isEmpty())
        return -1;
    QByteArray batch = RecordBatch::build(records, ts < 0 ? nowMs() : ts);
    RecordBatchHeader h;
    if (RecordBatch::parse(batch.constData(), batch.size(), &h) != RecordBatch::Check::Ok)
        return -1;
    const qint64 base = l->append(std::move(batch), h);
    wakeFetches(topic, partition);
    return base;
}

qint64 DataApis::storedBytes() const
{
    qint64 total = 0;
    for (const auto &t : m_topics)
        for (const auto &p : t.partitions)
            total += p->storedBytes();
    return total;
}

bool DataApis::handleApiVersions(const RequestContext &ctx, Responder &respond)
{
    const ApiVersionRange *self = findApi(ApiVersions);
    const bool supported = ctx.apiVersion <= self->maxVersion;
    ByteWriter w;
    w.int16(supported ? None : UnsupportedVersion);
    w.arrayLength(qsizetype(kSupportedApis.size()));
    for (const auto &a : kSupportedApis) {
        w.int16(a.key);
        w.int16(a.minVersion);
        w.int16(a.maxVersion);
    }
    if (supported && ctx.apiVersion >= 1)
        w.int32(0);
    respond(w.take());
    return true;
}

bool DataApis::handleMetadata(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced)
{
    const qint16 v = ctx.apiVersion;
    const qint32 n = r.arrayLength(2);
    QStringList wanted;
    for (qint32 i = 0; i < n; ++i)
        wanted << r.string();
    bool allowCreate = true;
    if (v >= 4)
        allowCreate = r.boolean();
    if (v >= 8) {
        r.boolean();
        r.boolean();
    }
    if (!r.ok())
        return false;
    const bool all = n < 0 || (v == 0 && n == 0);
    if (all)
        wanted = m_topics.keys();
    else if (allowCreate && m_config.autoCreateTopics)
        for (const QString &t : std::as_const(wanted))
            if (!t.isEmpty() && !t.startsWith(QLatin1String("__")))
                createTopic(t, m_config.defaultPartitions);

    ByteWriter w;
    if (v >= 3)
        w.int32(0);
    const QList<int> brokers = m_network.brokerIds();
    int live = 0;
    for (int id : brokers)
        live += m_network.isBrokerUp(id) ? 1 : 0;
    w.arrayLength(live);
    for (int id : brokers) {
        if (!m_network.isBrokerUp(id))
            continue;
        w.int32(id);
        w.string(m_config.host);
        w.int32(m_network.brokerPort(id));
        if (v >= 1)
            w.nullableString(std::nullopt);
    }
    if (v >= 2)
        w.nullableString(QStringLiteral("cohort-sandbox"));
    if (v >= 1)
        w.int32(m_network.controllerId());
    w.arrayLength(wanted.size());
    for (const QString &t : std::as_const(wanted)) {
        const int parts = partitionCount(t);
        w.int16(forced ? forced : qint16(parts ? None : UnknownTopicOrPartition));
        w.string(t);
        if (v >= 1)
            w.boolean(false);
        w.arrayLength(parts);
        for (int p = 0; p < parts; ++p) {
            const int leader = leaderOf(t, p);
            w.int16(leader < 0 ? LeaderNotAvailable : None);
            w.int32(p);
            w.int32(leader);
            if (v >= 7)
                w.int32(0);
            w.arrayLength(1);
            w.int32(leader);
            w.arrayLength(leader < 0 ? 0 : 1);
            if (leader >= 0)
                w.int32(leader);
            if (v >= 5)
                w.arrayLength(0);
        }
        if (v >= 8)
            w.int32(INT_MIN);
    }
    if (v >= 8)
        w.int32(INT_MIN);
    respond(w.take());
    return true;
}

bool DataApis::handleProduce(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced)
{
    const qint16 v = ctx.apiVersion;
    if (v < 3) {
        m_engine.log(QStringLiteral("broker %1: Produce v%2 (message sets) is not served, closing").arg(ctx.brokerId).arg(v));
        return false;
    }
    r.nullableString();   // transactional id
    const qint16 acks = r.int16();
    r.int32();   // timeout
    struct PartResult
    {
        int partition;
        qint16 error;
        qint64 base;
        qint64 logStart;
    };
    QList<QPair<QString, QList<PartResult>>> results;
    const qint32 nt = r.arrayLength(6);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        const QString topic = r.string();
        QList<PartResult> parts;
        const qint32 np = r.arrayLength(8);
        for (qint32 j = 0; j < np && r.ok(); ++j) {
            const int partition = r.int32();
            const QByteArray records = r.nullableBytes().value_or(QByteArray());
            if (!r.ok())
                break;
            PartResult pr{partition, None, -1, -1};
            PartitionLog *l = log(topic, partition);
            QList<QPair<qsizetype, RecordBatchHeader>> batches;
            RecordBatch::Check why = RecordBatch::Check::Ok;
            pr.error = partitionError(ctx.brokerId, topic, partition, forced);
            if (pr.error == None && !RecordBatch::split(records, &batches, &why))
                pr.error = CorruptMessage;
            if (pr.error == None) {
                for (const auto &[pos, h] : std::as_const(batches)) {
                    if (h.producerId >= 0 && h.baseSequence >= 0) {
                        const QString key
                            = QString::number(h.producerId) + QLatin1Char('/') + topic + QLatin1Char('/') + QString::number(partition);
                        const auto it = m_sequences.constFind(key);
                        const qint32 expected = it == m_sequences.cend() ? 0 : *it;
                        if (it != m_sequences.cend() && h.baseSequence < expected) {
                            pr.error = DuplicateSequenceNumber;
                            break;
                        }
                        if (it != m_sequences.cend() && h.baseSequence > expected) {
                            pr.error = OutOfOrderSequenceNumber;
                            break;
                        }
                        m_sequences.insert(key, h.baseSequence + h.lastOffsetDelta + 1);
                    }
                    const qint64 base = l->append(records.mid(pos, h.totalSize()), h);
                    if (pr.base < 0)
                        pr.base = base;
                }
                pr.logStart = l->startOffset();
                wakeFetches(topic, partition);
            } else if (pr.error == CorruptMessage) {
                m_engine.log(QStringLiteral("broker %1: Produce to %2-%3: invalid record batch (%4)")
                                 .arg(ctx.brokerId)
                                 .arg(topic)
                                 .arg(partition)
                                 .arg(int(why)));
            }
            parts.append(pr);
        }
        results.append({topic, parts});
    }
    if (!r.ok())
        return false;
    if (acks == 0) {
        respond(QByteArray());
        return true;
    }
    ByteWriter w;
    w.arrayLength(results.size());
    for (const auto &[topic, parts] : std::as_const(results)) {
        w.string(topic);
        w.arrayLength(parts.size());
        for (const PartResult &p : parts) {
            w.int32(p.partition);
            w.int16(p.error);
            w.int64(p.base);
            w.int64(-1);   // log append time: CreateTime topics
            if (v >= 5)
                w.int64(p.logStart);
            if (v >= 8) {
                w.arrayLength(0);
                w.nullableString(std::nullopt);
            }
        }
    }
    w.int32(0);
    respond(w.take());
    return true;
}

bool DataApis::handleFetch(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced)
{
    const qint16 v = ctx.apiVersion;
    r.int32();   // replica id
    const qint32 maxWait = r.int32();
    const qint32 minBytes = r.int32();
    const qint32 maxBytes = r.int32();
    r.int8();   // isolation level: no transactions, LSO = HW
    if (v >= 7) {
        r.int32();   // session id
        r.int32();   // session epoch
    }
    auto wait = std::make_unique<FetchWait>();
    wait->ctx = ctx;
    wait->minBytes = minBytes;
    wait->maxBytes = maxBytes > 0 ? maxBytes : 52428800;
    const qint32 nt = r.arrayLength(6);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        const QString topic = r.string();
        const qint32 np = r.arrayLength(16);
        for (qint32 j = 0; j < np && r.ok(); ++j) {
            FetchWait::Part p;
            p.topic = topic;
            p.partition = r.int32();
            if (v >= 9)
                r.int32();
            p.offset = r.int64();
            if (v >= 5)
                r.int64();
            p.maxBytes = r.int32();
            wait->parts.append(p);
        }
    }
    if (v >= 7) {
        const qint32 nf = r.arrayLength(6);
        for (qint32 i = 0; i < nf && r.ok(); ++i) {
            r.string();
            const qint32 np = r.arrayLength(4);
            for (qint32 j = 0; j < np; ++j)
                r.int32();
        }
    }
    if (v >= 11)
        r.string();
    if (!r.ok())
        return false;
    wait->respond = std::move(respond);

    if (forced) {
        for (auto &p : wait->parts)
            p.offset = -forced - 1000;   // marks the partition as failed with `forced` (see answerFetch)
        answerFetch(*wait);
        return true;
    }
    // Answer now on an error, when min_bytes are there, or when no wait was
    // asked for; otherwise wait for a produce to one of the partitions (which
    // re-checks) or for max_wait_ms, as Kafka's delayed fetch does.
    bool ready = maxWait <= 0 || fetchReady(*wait);
    if (ready) {
        answerFetch(*wait);
        return true;
    }
    FetchWait *raw = wait.get();
    raw->timer = new QTimer(&m_engine);
    raw->timer->setSingleShot(true);
    QObject::connect(raw->timer, &QTimer::timeout, &m_engine, [this, raw] {
        answerFetch(*raw);
        m_fetchWaits.erase(std::remove_if(m_fetchWaits.begin(), m_fetchWaits.end(), [](const auto &w) { return w->done; }),
                           m_fetchWaits.end());
    });
    raw->timer->start(maxWait);
    m_fetchWaits.push_back(std::move(wait));
    return true;
}

bool DataApis::fetchReady(const FetchWait &w) const
{
    qint64 bytes = 0;
    for (const auto &p : std::as_const(w.parts)) {
        const PartitionLog *l = log(p.topic, p.partition);
        if (!l || leaderOf(p.topic, p.partition) != w.ctx.brokerId || p.offset < l->startOffset() || p.offset > l->endOffset())
            return true;   // an error to report
        if (p.offset < l->endOffset())
            bytes += qMin<qint64>(l->bytesFrom(p.offset), p.maxBytes);
    }
    return bytes > 0 && bytes >= w.minBytes;
}

void DataApis::wakeFetches(const QString &topic, int partition)
{
    bool any = false;
    for (auto &w : m_fetchWaits) {
        if (w->done)
            continue;
        for (const auto &p : std::as_const(w->parts)) {
            if (p.topic == topic && p.partition == partition && fetchReady(*w)) {
                answerFetch(*w);
                any = true;
                break;
            }
        }
    }
    if (any)
        m_fetchWaits.erase(std::remove_if(m_fetchWaits.begin(), m_fetchWaits.end(), [](const auto &w) { return w->done; }),
                           m_fetchWaits.end());
}

void DataApis::answerFetch(FetchWait &w)
{
    if (w.done)
        return;
    w.done = true;
    if (w.timer) {
        w.timer->stop();
        w.timer->deleteLater();
        w.timer = nullptr;
    }
    const qint16 v = w.ctx.apiVersion;
    ByteWriter out;
    out.int32(0);   // throttle
    if (v >= 7) {
        out.int16(None);
        out.int32(0);   // session id 0: fetch sessions are not supported
    }
    // Group parts by topic, keeping request order.
    QList<QString> order;
    QHash<QString, QList<const FetchWait::Part *>> byTopic;
    for (const auto &p : std::as_const(w.parts)) {
        if (!byTopic.contains(p.topic))
            order.append(p.topic);
        byTopic[p.topic].append(&p);
    }
    qint64 budget = w.maxBytes;
    out.arrayLength(order.size());
    for (const QString &topic : std::as_const(order)) {
        out.string(topic);
        const auto &parts = byTopic[topic];
        out.arrayLength(parts.size());
        for (const FetchWait::Part *p : parts) {
            const PartitionLog *l = log(p->topic, p->partition);
            qint16 error = None;
            QByteArray records;
            if (p->offset <= -1000)
                error = qint16(-(p->offset + 1000));
            else if (const qint16 e = partitionError(w.ctx.brokerId, p->topic, p->partition, None); e != None)
                error = e;
            else if (p->offset < l->startOffset() || p->offset > l->endOffset())
                error = OffsetOutOfRange;
            else if (budget > 0 && p->offset < l->endOffset()) {
                records = l->read(p->offset, qMin<qint64>(p->maxBytes, budget));
                budget -= records.size();
            }
            out.int32(p->partition);
            out.int16(error);
            out.int64(l ? l->endOffset() : -1);
            out.int64(l ? l->endOffset() : -1);   // last stable offset = high watermark (no transactions)
            if (v >= 5)
                out.int64(l ? l->startOffset() : -1);
            out.arrayLength(0);   // aborted transactions
            if (v >= 11)
                out.int32(-1);   // preferred read replica
            out.bytes(records);
        }
    }
    w.respond(out.take());
}

bool DataApis::handleListOffsets(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced)
{
    const qint16 v = ctx.apiVersion;
    r.int32();   // replica id
    if (v >= 2)
        r.int8();
    ByteWriter w;
    if (v >= 2)
        w.int32(0);
    mirrorTopicPartitions(r, w, [&](const QString &topic, int partition) {
        if (v >= 4)
            r.int32();
        const qint64 ts = r.int64();
        const PartitionLog *l = log(topic, partition);
        const qint16 error = partitionError(ctx.brokerId, topic, partition, forced);
        qint64 offset = -1, timestamp = -1;
        if (!error) {
            if (ts == -1)
                offset = l->endOffset();
            else if (ts == -2)
                offset = l->startOffset();
            else
                offset = l->offsetForTimestamp(ts, &timestamp);
        }
        w.int32(partition);
        w.int16(error);
        w.int64(timestamp);
        w.int64(offset);
        if (v >= 4)
            w.int32(0);
    });
    if (!r.ok())
        return false;
    respond(w.take());
    return true;
}

bool DataApis::handleFindCoordinator(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced)
{
    const qint16 v = ctx.apiVersion;
    const QString key = r.string();
    const qint8 keyType = v >= 1 ? r.int8() : 0;
    if (!r.ok())
        return false;
    const int node = forced ? -1 : (keyType == 0 ? m_engine.coordinatorFor(key) : m_network.liveBrokerAtOrAfter(0));
    const qint16 error = forced ? forced : qint16(node < 0 ? CoordinatorNotAvailable : None);
    ByteWriter w;
    if (v >= 1)
        w.int32(0);
    w.int16(error);
    if (v >= 1)
        w.nullableString(error ? std::optional<QString>(QString::fromLatin1(ErrorCode::name(error))) : std::nullopt);
    w.int32(node);
    w.string(node < 0 ? QString() : m_config.host);
    w.int32(node < 0 ? -1 : m_network.brokerPort(node));
    respond(w.take());
    return true;
}

bool DataApis::handleCreateTopics(const RequestContext &, ByteReader &r, Responder &respond, qint16 forced)
{
    struct Item
    {
        QString name;
        qint16 error;
        QString message;
    };
    QList<Item> items;
    QList<QPair<QString, int>> toCreate;
    const qint32 n = r.arrayLength(10);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        Item it;
        it.name = r.string();
        qint32 partitions = r.int32();
        const qint16 rf = r.int16();
        const qint32 na = r.arrayLength(8);
        int assigned = 0;
        for (qint32 a = 0; a < na && r.ok(); ++a) {
            r.int32();
            const qint32 nb = r.arrayLength(4);
            for (qint32 b = 0; b < nb; ++b)
                r.int32();
            ++assigned;
        }
        const qint32 nc = r.arrayLength(4);
        for (qint32 c = 0; c < nc && r.ok(); ++c) {
            r.string();
            r.nullableString();
        }
        if (partitions == -1)
            partitions = assigned > 0 ? assigned : m_config.defaultPartitions;
        it.error = None;
        if (forced)
            it.error = forced;
        else if (it.name.isEmpty() || it.name.size() > 249)
            it.error = InvalidTopicException, it.message = QStringLiteral("invalid topic name");
        else if (m_topics.contains(it.name))
            it.error = TopicAlreadyExists, it.message = QStringLiteral("Topic '%1' already exists.").arg(it.name);
        else if (partitions <= 0)
            it.error = InvalidPartitions, it.message = QStringLiteral("Number of partitions must be larger than 0.");
        else if (rf != -1 && (rf <= 0 || rf > m_network.brokerIds().size()))
            it.error = InvalidReplicationFactor,
            it.message = QStringLiteral("Replication factor must be between 1 and %1.").arg(m_network.brokerIds().size());
        else
            toCreate.append({it.name, partitions});
        items.append(it);
    }
    r.int32();   // timeout
    const bool validateOnly = r.boolean();
    if (!r.ok())
        return false;
    if (!validateOnly)
        for (const auto &[name, partitions] : std::as_const(toCreate))
            createTopic(name, partitions);
    ByteWriter w;
    w.int32(0);
    w.arrayLength(items.size());
    for (const Item &it : std::as_const(items)) {
        w.string(it.name);
        w.int16(it.error);
        w.nullableString(it.message.isEmpty() ? std::nullopt : std::optional<QString>(it.message));
    }
    respond(w.take());
    return true;
}

bool DataApis::handleDeleteRecords(const RequestContext &ctx, ByteReader &r, Responder &respond, qint16 forced)
{
    ByteWriter w;
    w.int32(0);
    mirrorTopicPartitions(r, w, [&](const QString &topic, int partition) {
        qint64 offset = r.int64();
        PartitionLog *l = log(topic, partition);
        qint16 error = partitionError(ctx.brokerId, topic, partition, forced);
        if (!error) {
            if (offset == -1)
                offset = l->endOffset();
            if (offset < 0 || offset > l->endOffset())
                error = OffsetOutOfRange;
            else
                l->deleteBefore(offset);
        }
        w.int32(partition);
        w.int64(l && !error ? l->startOffset() : -1);
        w.int16(error);
    });
    r.int32();
    if (!r.ok())
        return false;
    respond(w.take());
    return true;
}

bool DataApis::handleInitProducerId(const RequestContext &, ByteReader &r, Responder &respond, qint16 forced)
{
    r.nullableString();
    r.int32();
    if (!r.ok())
        return false;
    ByteWriter w;
    w.int32(0);
    w.int16(forced);
    w.int64(forced ? -1 : m_nextProducerId++);
    w.int16(forced ? -1 : 0);
    respond(w.take());
    return true;
}

bool DataApis::handleDescribeConfigs(const RequestContext &ctx, ByteReader &r, Responder &respond)
{
    const qint16 v = ctx.apiVersion;
    struct Resource
    {
        qint8 type;
        QString name;
        std::optional<QStringList> keys;
    };
    QList<Resource> resources;
    const qint32 n = r.arrayLength(4);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        Resource res;
        res.type = r.int8();
        res.name = r.string();
        const qint32 nk = r.arrayLength(2);
        if (nk >= 0) {
            res.keys = QStringList();
            for (qint32 k = 0; k < nk; ++k)
                res.keys->append(r.string());
        }
        resources.append(res);
    }
    r.boolean();   // include synonyms
    if (v >= 3)
        r.boolean();
    if (!r.ok())
        return false;

    const QList<QPair<QString, QString>> topicConfigs{
        {QStringLiteral("cleanup.policy"), QStringLiteral("delete")},
        {QStringLiteral("retention.ms"), QStringLiteral("604800000")},
        {QStringLiteral("retention.bytes"), QString::number(m_config.retentionBytesPerPartition)},
        {QStringLiteral("segment.bytes"), QStringLiteral("1073741824")},
        {QStringLiteral("min.insync.replicas"), QStringLiteral("1")},
        {QStringLiteral("message.timestamp.type"), QStringLiteral("CreateTime")},
        {QStringLiteral("max.message.bytes"), QStringLiteral("1048588")},
    };
    const QList<QPair<QString, QString>> brokerConfigs{
        {QStringLiteral("auto.create.topics.enable"), m_config.autoCreateTopics ? QStringLiteral("true") : QStringLiteral("false")},
        {QStringLiteral("num.partitions"), QString::number(m_config.defaultPartitions)},
        {QStringLiteral("group.initial.rebalance.delay.ms"), QString::number(m_config.initialRebalanceDelayMs)},
        {QStringLiteral("group.min.session.timeout.ms"), QString::number(m_config.minSessionTimeoutMs)},
        {QStringLiteral("group.max.session.timeout.ms"), QString::number(m_config.maxSessionTimeoutMs)},
        {QStringLiteral("offsets.topic.num.partitions"), QStringLiteral("50")},
        {QStringLiteral("socket.request.max.bytes"), QString::number(m_config.maxRequestBytes)},
    };
    constexpr qint8 kTopic = 2, kBroker = 4;
    ByteWriter w;
    w.int32(0);
    w.arrayLength(resources.size());
    for (const Resource &res : std::as_const(resources)) {
        qint16 error = None;
        QString message;
        const QList<QPair<QString, QString>> *configs = nullptr;
        if (res.type == kTopic) {
            if (m_topics.contains(res.name))
                configs = &topicConfigs;
            else
                error = UnknownTopicOrPartition, message = QStringLiteral("Topic %1 does not exist").arg(res.name);
        } else if (res.type == kBroker) {
            bool okId = false;
            const int id = res.name.toInt(&okId);
            if (res.name.isEmpty() || (okId && m_network.hasBroker(id)))
                configs = &brokerConfigs;
            else
                error = InvalidRequest, message = QStringLiteral("unknown broker %1").arg(res.name);
        } else {
            error = InvalidRequest;
            message = QStringLiteral("unsupported resource type %1").arg(res.type);
        }
        w.int16(error);
        w.nullableString(message.isEmpty() ? std::nullopt : std::optional<QString>(message));
        w.int8(res.type);
        w.string(res.name);
        QList<QPair<QString, QString>> shown;
        if (configs)
            for (const auto &c : *configs)
                if (!res.keys || res.keys->isEmpty() || res.keys->contains(c.first))
                    shown.append(c);
        w.arrayLength(shown.size());
        for (const auto &[name, value] : std::as_const(shown)) {
            w.string(name);
            w.nullableString(value);
            w.boolean(true);                      // read-only in the sandbox
            w.int8(res.type == kTopic ? 5 : 4);   // DEFAULT_CONFIG / STATIC_BROKER_CONFIG
            w.boolean(false);
            w.arrayLength(0);   // synonyms
            if (v >= 3) {
                w.int8(0);
                w.nullableString(std::nullopt);
            }
        }
    }
    respond(w.take());
    return true;
}

}   // namespace cohort::sandbox
