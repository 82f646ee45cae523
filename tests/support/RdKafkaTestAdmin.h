// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <librdkafka/rdkafka.h>

namespace cohort::test {

// librdkafka's admin API on a handle of its own, for the set-up and clean-up
// of tests and benchmarks on any cluster (the sandbox or a real Kafka): topics
// made and deleted, groups deleted, records deleted. Not Cohort's
// ClusterAdmin: Cohort never creates topics, and a test's set-up must not
// depend on the code it tests (Cohort's writes are tested through
// ClusterAdmin). Each call blocks and returns an empty string or the error.
class RdKafkaTestAdmin
{
public:
    // `extra`: more librdkafka properties (security settings).
    explicit RdKafkaTestAdmin(const QString &bootstrap, const QList<QPair<QString, QString>> &extra = {});
    ~RdKafkaTestAdmin();
    RdKafkaTestAdmin(const RdKafkaTestAdmin &) = delete;
    RdKafkaTestAdmin &operator=(const RdKafkaTestAdmin &) = delete;

    QString createTopic(const QString &name, int partitions) { return createTopics({name}, partitions); }
    // In requests of at most `perRequest` topics (a KRaft controller refuses a
    // request of more than 10,000 partitions); replicationFactor -1 is the
    // broker's default. With existingIsFine, TOPIC_ALREADY_EXISTS is no error.
    // Returns once every broker of the bootstrap list has the topics and a
    // leader for each partition in its metadata: a controller's answer comes
    // before the brokers learn of the topic, and a consumer whose first
    // Metadata misses a topic may join its group without it (librdkafka 2.0's
    // cooperative-sticky then never takes the topic's partitions).
    QString createTopics(const QStringList &names, int partitions, int replicationFactor = -1, bool existingIsFine = false,
                         int perRequest = 50);
    QString deleteTopic(const QString &name);
    QString deleteGroup(const QString &name);
    // DeleteRecords: the partition's log then starts at beforeOffset.
    QString deleteRecords(const QString &topic, int partition, qint64 beforeOffset);

private:
    QString awaitTopicsOnEveryBroker(const QStringList &names, int partitions, bool anyPartitionCount) const;
    // The event's own error, or the last per-item error of the result it carries.
    QString awaitResult(bool existingIsFine = false);

    QString m_bootstrap;
    QList<QPair<QString, QString>> m_extra;
    QString m_error;   // why there is no handle
    rd_kafka_t *m_rk = nullptr;
    rd_kafka_queue_t *m_queue = nullptr;
};

}   // namespace cohort::test
