// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <librdkafka/rdkafka.h>

namespace cohort::test {

// Topic and group housekeeping for tests and benchmarks on a real cluster
// (CreateTopics, DeleteTopics, DeleteGroups), each call blocking on its own
// librdkafka handle. Not Cohort's ClusterAdmin: Cohort never creates topics,
// and a test's set-up must not depend on the code it tests.
class RdKafkaTestAdmin
{
public:
    // `extra`: more librdkafka properties (security settings).
    explicit RdKafkaTestAdmin(const QString &bootstrap, const QList<QPair<QString, QString>> &extra = {});
    ~RdKafkaTestAdmin();
    RdKafkaTestAdmin(const RdKafkaTestAdmin &) = delete;
    RdKafkaTestAdmin &operator=(const RdKafkaTestAdmin &) = delete;

    // Empty on success, else the (last) error.
    QString createTopic(const QString &name, int partitions) { return createTopics({name}, partitions); }
    // In requests of at most `perRequest` topics (a KRaft controller refuses a
    // request of more than 10,000 partitions); replicationFactor -1 is the
    // broker's default. With existingIsFine, TOPIC_ALREADY_EXISTS is no error.
    QString createTopics(const QStringList &names, int partitions, int replicationFactor = -1, bool existingIsFine = false,
                         int perRequest = 50);
    void deleteTopic(const QString &name);
    void deleteGroup(const QString &name);

private:
    QString awaitTopicResults(bool existingIsFine);

    QString m_error;   // why there is no handle
    rd_kafka_t *m_rk = nullptr;
    rd_kafka_queue_t *m_queue = nullptr;
};

}   // namespace cohort::test
