// SPDX-License-Identifier: GPL-3.0-or-later
#include "RdKafkaTestAdmin.h"

#include "RdKafkaTestClient.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QThread>

namespace cohort::test {

namespace {

constexpr int kTimeoutMs = 120000;   // 20,000 partitions take a while on a small machine
constexpr int kPropagationMs = 60000;   // a loaded 2-core machine can take seconds

// What `address`'s own metadata lacks of `names` (a fresh handle knows only
// that broker, so its first Metadata goes there); empty when it has them all.
QString missingOn(const QString &address, const QList<QPair<QString, QString>> &extra, const QSet<QString> &names, int partitions,
                  bool anyPartitionCount)
{
    QString error;
    rd_kafka_t *rk = makeHandle(RD_KAFKA_PRODUCER, address, extra, &error);
    if (!rk)
        return error;
    const rd_kafka_metadata_t *md = nullptr;
    QSet<QString> missing = names;
    if (const rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 1, nullptr, &md, 5000); e != RD_KAFKA_RESP_ERR_NO_ERROR) {
        error = QString::fromUtf8(rd_kafka_err2name(e));
    } else {
        for (int t = 0; t < md->topic_cnt; ++t) {
            const rd_kafka_metadata_topic_t &topic = md->topics[t];
            const QString name = QString::fromUtf8(topic.topic);
            if (!missing.contains(name) || topic.err || (!anyPartitionCount && topic.partition_cnt != partitions) || topic.partition_cnt == 0)
                continue;
            bool led = true;
            for (int p = 0; p < topic.partition_cnt; ++p)
                led = led && topic.partitions[p].leader >= 0;
            if (led)
                missing.remove(name);
        }
        if (!missing.isEmpty())
            error = QStringLiteral("%1 of %2 topics (first %3)").arg(missing.size()).arg(names.size()).arg(*missing.cbegin());
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_destroy(rk);
    return error;
}


}   // namespace

RdKafkaTestAdmin::RdKafkaTestAdmin(const QString &bootstrap, const QList<QPair<QString, QString>> &extra)
    : m_bootstrap(bootstrap)
    , m_extra(extra)
{
    m_rk = makeHandle(RD_KAFKA_PRODUCER, bootstrap, extra, &m_error);
    if (m_rk)
        m_queue = rd_kafka_queue_new(m_rk);
}

RdKafkaTestAdmin::~RdKafkaTestAdmin()
{
    if (m_queue)
        rd_kafka_queue_destroy(m_queue);
    if (m_rk)
        rd_kafka_destroy(m_rk);
}

QString RdKafkaTestAdmin::createTopics(const QStringList &names, int partitions, int replicationFactor, bool existingIsFine, int perRequest)
{
    if (!m_rk)
        return m_error;
    QString error;
    for (qsizetype from = 0; from < names.size(); from += perRequest) {
        QList<rd_kafka_NewTopic_t *> topics;
        char err[256];
        for (const QString &name : names.mid(from, perRequest))
            if (rd_kafka_NewTopic_t *t = rd_kafka_NewTopic_new(name.toUtf8().constData(), partitions, replicationFactor, err, sizeof err))
                topics.append(t);
            else
                error = QString::fromUtf8(err);
        rd_kafka_AdminOptions_t *options = rd_kafka_AdminOptions_new(m_rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
        rd_kafka_AdminOptions_set_request_timeout(options, kTimeoutMs, err, sizeof err);
        rd_kafka_CreateTopics(m_rk, topics.data(), size_t(topics.size()), options, m_queue);
        rd_kafka_AdminOptions_destroy(options);
        for (rd_kafka_NewTopic_t *t : std::as_const(topics))
            rd_kafka_NewTopic_destroy(t);
        if (const QString e = awaitResult(existingIsFine); !e.isEmpty())
            error = e;
    }
    return error.isEmpty() ? awaitTopicsOnEveryBroker(names, partitions, existingIsFine) : error;
}

QString RdKafkaTestAdmin::awaitTopicsOnEveryBroker(const QStringList &names, int partitions, bool anyPartitionCount) const
{
    const QSet<QString> wanted(names.cbegin(), names.cend());
    const QDeadlineTimer deadline(kPropagationMs);
    for (const QString &address : m_bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        for (;;) {
            const QString missing = missingOn(address.trimmed(), m_extra, wanted, partitions, anyPartitionCount);
            if (missing.isEmpty())
                break;
            if (deadline.hasExpired())
                return QStringLiteral("broker %1 still lacks %2 after %3 s").arg(address, missing).arg(kPropagationMs / 1000);
            QThread::msleep(100);   // polling another process's state: nothing to wait on
        }
    }
    return {};
}

QString RdKafkaTestAdmin::deleteTopic(const QString &name)
{
    if (!m_rk)
        return m_error;
    rd_kafka_DeleteTopic_t *t = rd_kafka_DeleteTopic_new(name.toUtf8().constData());
    rd_kafka_DeleteTopics(m_rk, &t, 1, nullptr, m_queue);
    rd_kafka_DeleteTopic_destroy(t);
    return awaitResult();
}

QString RdKafkaTestAdmin::deleteGroup(const QString &name)
{
    if (!m_rk)
        return m_error;
    rd_kafka_DeleteGroup_t *g = rd_kafka_DeleteGroup_new(name.toUtf8().constData());
    rd_kafka_DeleteGroups(m_rk, &g, 1, nullptr, m_queue);
    rd_kafka_DeleteGroup_destroy(g);
    return awaitResult();
}

QString RdKafkaTestAdmin::deleteRecords(const QString &topic, int partition, qint64 beforeOffset)
{
    if (!m_rk)
        return m_error;
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), partition)->offset = beforeOffset;
    rd_kafka_DeleteRecords_t *d = rd_kafka_DeleteRecords_new(list);
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_DeleteRecords(m_rk, &d, 1, nullptr, m_queue);
    rd_kafka_DeleteRecords_destroy(d);
    return awaitResult();
}

QString RdKafkaTestAdmin::awaitResult(bool existingIsFine)
{
    rd_kafka_event_t *ev = rd_kafka_queue_poll(m_queue, kTimeoutMs + 1000);
    if (!ev)
        return QStringLiteral("no answer within %1 s").arg(kTimeoutMs / 1000);
    QString out;
    if (rd_kafka_event_error(ev))
        out = QString::fromUtf8(rd_kafka_event_error_string(ev));
    size_t n = 0;
    const rd_kafka_topic_result_t **topics = nullptr;
    if (const auto *c = rd_kafka_event_CreateTopics_result(ev))
        topics = rd_kafka_CreateTopics_result_topics(c, &n);
    else if (const auto *d = rd_kafka_event_DeleteTopics_result(ev))
        topics = rd_kafka_DeleteTopics_result_topics(d, &n);
    for (size_t i = 0; topics && i < n; ++i) {
        const rd_kafka_resp_err_t err = rd_kafka_topic_result_error(topics[i]);
        if (err && !(existingIsFine && err == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS))
            out = QStringLiteral("%1: %2").arg(QString::fromUtf8(rd_kafka_topic_result_name(topics[i])),
                                               QString::fromUtf8(rd_kafka_topic_result_error_string(topics[i])));
    }
    if (const auto *g = rd_kafka_event_DeleteGroups_result(ev)) {
        const rd_kafka_group_result_t **results = rd_kafka_DeleteGroups_result_groups(g, &n);
        for (size_t i = 0; i < n; ++i)
            if (const rd_kafka_error_t *e = rd_kafka_group_result_error(results[i]))
                out = QString::fromUtf8(rd_kafka_error_name(e));
    } else if (const auto *r = rd_kafka_event_DeleteRecords_result(ev)) {
        const rd_kafka_topic_partition_list_t *offsets = rd_kafka_DeleteRecords_result_offsets(r);
        for (int i = 0; offsets && i < offsets->cnt; ++i)
            if (offsets->elems[i].err)
                out = QString::fromUtf8(rd_kafka_err2name(offsets->elems[i].err));
    }
    rd_kafka_event_destroy(ev);
    return out;
}

}   // namespace cohort::test
