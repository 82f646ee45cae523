// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <librdkafka/rdkafka.h>

namespace cohort::test {

// librdkafka's admin API on a handle of its own, for the tests' set-up and
// clean-up on any cluster (the sandbox or a real Kafka): topics made and
// deleted, groups deleted, records deleted. Cohort's own writes are tested
// through ClusterAdmin, never through this. Each call waits up to 30 s and
// returns an empty string or the error.
class RdKafkaTestAdmin
{
public:
    explicit RdKafkaTestAdmin(const QString &bootstrap);
    ~RdKafkaTestAdmin();
    RdKafkaTestAdmin(const RdKafkaTestAdmin &) = delete;
    RdKafkaTestAdmin &operator=(const RdKafkaTestAdmin &) = delete;

    QString createTopic(const QString &name, int partitions);
    QString deleteTopic(const QString &name);
    QString deleteGroup(const QString &name);
    // DeleteRecords: the partition's log then starts at beforeOffset.
    QString deleteRecords(const QString &topic, int partition, qint64 beforeOffset);

private:
    QString awaitResult();

    rd_kafka_t *m_rk = nullptr;
    rd_kafka_queue_t *m_queue = nullptr;
};

}   // namespace cohort::test
