// SPDX-License-Identifier: GPL-3.0-or-later
#include "RdKafkaTestClient.h"

#include "RdKafkaTestAdmin.h"

#include <QElapsedTimer>

namespace cohort::test {

rd_kafka_conf_t *makeConf(const QString &bootstrap, const Properties &props, QString *error)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[512];
    Properties all{{QStringLiteral("bootstrap.servers"), bootstrap}, {QStringLiteral("log_level"), QStringLiteral("3")}};
    all += props;
    for (const auto &[k, v] : std::as_const(all)) {
        if (rd_kafka_conf_set(conf, k.toUtf8().constData(), v.toUtf8().constData(), err, sizeof err) != RD_KAFKA_CONF_OK) {
            *error = QString::fromUtf8(err);
            rd_kafka_conf_destroy(conf);
            return nullptr;
        }
    }
    return conf;
}

rd_kafka_t *makeHandle(rd_kafka_type_t type, const QString &bootstrap, const Properties &props, QString *error)
{
    rd_kafka_conf_t *conf = makeConf(bootstrap, props, error);
    if (!conf)
        return nullptr;
    char err[512];
    rd_kafka_t *rk = rd_kafka_new(type, conf, err, sizeof err);   // owns conf on success, not on failure
    if (!rk) {
        rd_kafka_conf_destroy(conf);
        *error = QString::fromUtf8(err);
    }
    return rk;
}

namespace {

struct DeliveryCounter
{
    int ok = 0;
    int failed = 0;
    QString lastError;
};

void onDelivery(rd_kafka_t *, const rd_kafka_message_t *m, void *opaque)
{
    auto *c = static_cast<DeliveryCounter *>(opaque);
    if (m->err) {
        ++c->failed;
        c->lastError = QString::fromUtf8(rd_kafka_err2str(m->err));
    } else {
        ++c->ok;
    }
}

}   // namespace

namespace {

// One message per value (timestamps[i] as its CreateTime where given, else
// now), every delivery waited for.
QString produce(const QString &bootstrap, const QString &topic, int partition, const QList<QByteArray> &values,
                const QList<qint64> &timestamps, const Properties &extra)
{
    QString error;
    rd_kafka_conf_t *conf = makeConf(bootstrap, Properties{{QStringLiteral("linger.ms"), QStringLiteral("5")}} + extra, &error);
    if (!conf)
        return error;
    DeliveryCounter counter;
    rd_kafka_conf_set_opaque(conf, &counter);
    rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    char err[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk)
        return QString::fromUtf8(err);
    const QByteArray t = topic.toUtf8();
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QByteArray &value = values[i];
        const qint64 timestamp = i < timestamps.size() ? timestamps[i] : 0;   // 0: librdkafka stamps it now
        rd_kafka_resp_err_t e;
        while ((e = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(t.constData()), RD_KAFKA_V_PARTITION(partition),
                                      RD_KAFKA_V_VALUE(const_cast<char *>(value.constData()), size_t(value.size())),
                                      RD_KAFKA_V_TIMESTAMP(timestamp), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END))
               == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(rk, 10);
        if (e) {
            rd_kafka_destroy(rk);
            return QString::fromUtf8(rd_kafka_err2str(e));
        }
    }
    rd_kafka_flush(rk, 30000);
    rd_kafka_destroy(rk);
    if (counter.ok != values.size())
        return QStringLiteral("%1 of %2 messages delivered (%3)").arg(counter.ok).arg(values.size()).arg(counter.lastError);
    return {};
}

}   // namespace

QString produceMessages(const QString &bootstrap, const QString &topic, int partition, int count, const QString &prefix,
                        const Properties &extra)
{
    QList<QByteArray> values;
    for (int i = 0; i < count; ++i)
        values << (prefix + QLatin1Char('-') + QString::number(i)).toUtf8();
    return produce(bootstrap, topic, partition, values, {}, extra);
}

QString produceWithTimestamps(const QString &bootstrap, const QString &topic, int partition, const QList<qint64> &timestampsMs)
{
    QList<QByteArray> values;
    for (qsizetype i = 0; i < timestampsMs.size(); ++i)
        values << QByteArray::number(timestampsMs[i]);
    return produce(bootstrap, topic, partition, values, timestampsMs, {});
}

QList<QByteArray> consumeAssigned(const QString &bootstrap, const QString &topic, const QList<int> &partitions, int expected, int timeoutMs,
                                  const Properties &extra)
{
    QString error;
    rd_kafka_t *rk = makeHandle(RD_KAFKA_CONSUMER, bootstrap,
                                Properties{{QStringLiteral("group.id"), QStringLiteral("cohort-test-assign")},
                                           {QStringLiteral("enable.auto.commit"), QStringLiteral("false")}}
                                    + extra,
                                &error);
    if (!rk)
        return {};
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(partitions.size()));
    const QByteArray t = topic.toUtf8();
    for (int p : partitions)
        rd_kafka_topic_partition_list_add(list, t.constData(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(rk, list);
    rd_kafka_topic_partition_list_destroy(list);
    QList<QByteArray> out;
    QElapsedTimer timer;
    timer.start();
    while (out.size() < expected && timer.elapsed() < timeoutMs) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        if (!m)
            continue;
        if (!m->err)
            out.append(QByteArray(static_cast<const char *>(m->payload), qsizetype(m->len)));
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return out;
}

GroupConsumer::GroupConsumer(const QString &bootstrap, const QString &groupId, const QStringList &topics, const Properties &extra)
{
    m_rk = makeHandle(RD_KAFKA_CONSUMER, bootstrap,
                      Properties{{QStringLiteral("group.id"), groupId},
                                 {QStringLiteral("auto.offset.reset"), QStringLiteral("earliest")},
                                 {QStringLiteral("enable.auto.commit"), QStringLiteral("false")},
                                 {QStringLiteral("session.timeout.ms"), QStringLiteral("6000")},
                                 {QStringLiteral("heartbeat.interval.ms"), QStringLiteral("500")}}
                          + extra,
                      &m_error);
    if (!m_rk)
        return;
    rd_kafka_poll_set_consumer(m_rk);
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(topics.size()));
    QList<QByteArray> names;
    for (const QString &t : topics) {
        names.append(t.toUtf8());
        rd_kafka_topic_partition_list_add(list, names.last().constData(), RD_KAFKA_PARTITION_UA);
    }
    if (rd_kafka_resp_err_t e = rd_kafka_subscribe(m_rk, list))
        m_error = QString::fromUtf8(rd_kafka_err2str(e));
    rd_kafka_topic_partition_list_destroy(list);
}

GroupConsumer::~GroupConsumer()
{
    close();
}

int GroupConsumer::poll(int timeoutMs)
{
    if (!m_rk || m_closed)
        return 0;
    int n = 0;
    QElapsedTimer timer;
    timer.start();
    do {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(m_rk, qMax(1, int(timeoutMs - timer.elapsed())));
        if (!m)
            break;
        if (!m->err) {
            m_received.append(QByteArray(static_cast<const char *>(m->payload), qsizetype(m->len)));
            ++n;
        }
        rd_kafka_message_destroy(m);
    } while (timer.elapsed() < timeoutMs);
    return n;
}

QList<QPair<QString, int>> GroupConsumer::assignment() const
{
    QList<QPair<QString, int>> out;
    rd_kafka_topic_partition_list_t *list = nullptr;
    if (!m_rk || rd_kafka_assignment(m_rk, &list))
        return out;
    for (int i = 0; i < list->cnt; ++i)
        out.append({QString::fromUtf8(list->elems[i].topic), list->elems[i].partition});
    rd_kafka_topic_partition_list_destroy(list);
    return out;
}

rd_kafka_resp_err_t commitOffsets(rd_kafka_t *rk, const QString &topic, const QList<QPair<int, qint64>> &offsets)
{
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(offsets.size()));
    const QByteArray t = topic.toUtf8();
    for (const auto &[p, o] : offsets)
        rd_kafka_topic_partition_list_add(list, t.constData(), p)->offset = o;
    const rd_kafka_resp_err_t err = rd_kafka_commit(rk, list, 0);
    rd_kafka_topic_partition_list_destroy(list);
    return err;
}

QString commitWithoutJoining(const QString &bootstrap, const QString &groupId, const QString &topic,
                             const QList<QPair<int, qint64>> &offsets)
{
    QString error;
    rd_kafka_t *rk = makeHandle(
        RD_KAFKA_CONSUMER, bootstrap,
        Properties{{QStringLiteral("group.id"), groupId}, {QStringLiteral("enable.auto.commit"), QStringLiteral("false")}}, &error);
    if (!rk)
        return error;
    const rd_kafka_resp_err_t e = commitOffsets(rk, topic, offsets);
    rd_kafka_destroy(rk);
    return e ? QString::fromUtf8(rd_kafka_err2str(e)) : QString();
}

QString GroupConsumer::commitSync()
{
    if (!m_rk)
        return m_error;
    const rd_kafka_resp_err_t e = rd_kafka_commit(m_rk, nullptr, 0);
    return e ? QString::fromUtf8(rd_kafka_err2str(e)) : QString();
}

void GroupConsumer::close()
{
    if (!m_rk || m_closed)
        return;
    m_closed = true;
    rd_kafka_consumer_close(m_rk);
    rd_kafka_destroy(m_rk);
    m_rk = nullptr;
}

QString makeTopicWithCommittedGroup(const QString &bootstrap, const QString &topic, const QString &groupId,
                                    const QList<int> &messages, const QList<qint64> &committed)
{
    RdKafkaTestAdmin admin(bootstrap);
    if (QString e = admin.createTopic(topic, int(messages.size())); !e.isEmpty())
        return e;
    QList<QPair<int, qint64>> offsets;
    for (int p = 0; p < messages.size(); ++p) {
        if (QString e = produceMessages(bootstrap, topic, p, messages[p]); !e.isEmpty())
            return e;
        offsets.append({p, committed.value(p)});
    }
    return commitWithoutJoining(bootstrap, groupId, topic, offsets);
}

}   // namespace cohort::test
