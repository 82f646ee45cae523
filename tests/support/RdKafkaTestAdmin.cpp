// SPDX-License-Identifier: GPL-3.0-or-later
#include "RdKafkaTestAdmin.h"

namespace cohort::test {

RdKafkaTestAdmin::RdKafkaTestAdmin(const QString &bootstrap)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char err[256];
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err);
    m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    m_queue = rd_kafka_queue_new(m_rk);
}

RdKafkaTestAdmin::~RdKafkaTestAdmin()
{
    rd_kafka_queue_destroy(m_queue);
    rd_kafka_destroy(m_rk);
}

QString RdKafkaTestAdmin::createTopic(const QString &name, int partitions)
{
    char err[256];
    rd_kafka_NewTopic_t *t = rd_kafka_NewTopic_new(name.toUtf8().constData(), partitions, -1, err, sizeof err);
    if (!t)
        return QString::fromUtf8(err);
    rd_kafka_CreateTopics(m_rk, &t, 1, nullptr, m_queue);
    rd_kafka_NewTopic_destroy(t);
    return awaitResult();
}

QString RdKafkaTestAdmin::deleteTopic(const QString &name)
{
    rd_kafka_DeleteTopic_t *t = rd_kafka_DeleteTopic_new(name.toUtf8().constData());
    rd_kafka_DeleteTopics(m_rk, &t, 1, nullptr, m_queue);
    rd_kafka_DeleteTopic_destroy(t);
    return awaitResult();
}

QString RdKafkaTestAdmin::deleteGroup(const QString &name)
{
    rd_kafka_DeleteGroup_t *g = rd_kafka_DeleteGroup_new(name.toUtf8().constData());
    rd_kafka_DeleteGroups(m_rk, &g, 1, nullptr, m_queue);
    rd_kafka_DeleteGroup_destroy(g);
    return awaitResult();
}

QString RdKafkaTestAdmin::deleteRecords(const QString &topic, int partition, qint64 beforeOffset)
{
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), partition)->offset = beforeOffset;
    rd_kafka_DeleteRecords_t *d = rd_kafka_DeleteRecords_new(list);
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_DeleteRecords(m_rk, &d, 1, nullptr, m_queue);
    rd_kafka_DeleteRecords_destroy(d);
    return awaitResult();
}

// The event's own error, or the first per-item error of the result it carries.
QString RdKafkaTestAdmin::awaitResult()
{
    rd_kafka_event_t *ev = rd_kafka_queue_poll(m_queue, 30000);
    if (!ev)
        return QStringLiteral("no answer within 30 s");
    QString out;
    if (rd_kafka_event_error(ev))
        out = QString::fromUtf8(rd_kafka_event_error_string(ev));
    size_t n = 0;
    if (const auto *c = rd_kafka_event_CreateTopics_result(ev)) {
        const rd_kafka_topic_result_t **results = rd_kafka_CreateTopics_result_topics(c, &n);
        for (size_t i = 0; i < n; ++i)
            if (rd_kafka_topic_result_error(results[i]))
                out = QString::fromUtf8(rd_kafka_topic_result_error_string(results[i]));
    } else if (const auto *d = rd_kafka_event_DeleteTopics_result(ev)) {
        const rd_kafka_topic_result_t **results = rd_kafka_DeleteTopics_result_topics(d, &n);
        for (size_t i = 0; i < n; ++i)
            if (rd_kafka_topic_result_error(results[i]))
                out = QString::fromUtf8(rd_kafka_topic_result_error_string(results[i]));
    } else if (const auto *g = rd_kafka_event_DeleteGroups_result(ev)) {
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
