// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <librdkafka/rdkafka.h>

namespace cohort::test {

using Properties = QList<QPair<QString, QString>>;

// A librdkafka configuration for bootstrap plus props (quiet: log_level 3),
// or null with librdkafka's reason in *error; the caller owns it.
rd_kafka_conf_t *makeConf(const QString &bootstrap, const Properties &props, QString *error);
// A librdkafka handle of `type` on makeConf's configuration, or null with the
// reason in *error; the caller destroys it.
rd_kafka_t *makeHandle(rd_kafka_type_t type, const QString &bootstrap, const Properties &props, QString *error);

// Produces `count` messages "<prefix>-<i>" to topic (partition -1: librdkafka's
// partitioner) and waits for every delivery. Returns an empty string or the error.
QString produceMessages(const QString &bootstrap, const QString &topic, int partition, int count,
                        const QString &prefix = QStringLiteral("m"), const Properties &extra = {});

// Produces one message per timestamp (its CreateTime) to one partition, in
// order, and waits for every delivery. Returns an empty string or the error.
QString produceWithTimestamps(const QString &bootstrap, const QString &topic, int partition, const QList<qint64> &timestampsMs);

// Reads from the beginning of the given partitions (no group) until `expected`
// messages arrived or timeoutMs passed; returns their values in arrival order.
QList<QByteArray> consumeAssigned(const QString &bootstrap, const QString &topic, const QList<int> &partitions, int expected,
                                  int timeoutMs = 20000, const Properties &extra = {});

// Commits explicit offsets of one topic synchronously through rk (a group
// member's handle); returns librdkafka's answer.
rd_kafka_resp_err_t commitOffsets(rd_kafka_t *rk, const QString &topic, const QList<QPair<int, qint64>> &offsets);

// Commits explicit offsets of one topic for `groupId` without joining it (a
// consumer that never subscribes: generation -1, as kafka-consumer-groups.sh
// --reset-offsets does for an Empty group). Returns an empty string or the error.
QString commitWithoutJoining(const QString &bootstrap, const QString &groupId, const QString &topic,
                             const QList<QPair<int, qint64>> &offsets);

// A topic made with librdkafka alone (independent of the code under test),
// messages[p] records produced to each partition p and committed[p]
// committed for `groupId` without joining (a stopped group with known lag).
// Returns an empty string or the first error.
QString makeTopicWithCommittedGroup(const QString &bootstrap, const QString &topic, const QString &groupId,
                                    const QList<int> &messages, const QList<qint64> &committed);

// A librdkafka consumer in a group, driven by the test thread through poll().
class GroupConsumer
{
public:
    GroupConsumer(const QString &bootstrap, const QString &groupId, const QStringList &topics, const Properties &extra = {});
    ~GroupConsumer();   // closes (leaves the group) unless abandon() was called
    GroupConsumer(const GroupConsumer &) = delete;
    GroupConsumer &operator=(const GroupConsumer &) = delete;

    bool valid() const { return m_rk != nullptr; }
    QString error() const { return m_error; }
    // Polls for up to timeoutMs; returns the number of messages received by this call.
    int poll(int timeoutMs = 100);
    int received() const { return m_received.size(); }
    const QList<QByteArray> &messages() const { return m_received; }
    QList<QPair<QString, int>> assignment() const;
    QString commitSync();   // empty on success
    // Commits these offsets of topic as this member (commitOffsets).
    rd_kafka_resp_err_t commit(const QString &topic, const QList<QPair<int, qint64>> &offsets)
    {
        return commitOffsets(m_rk, topic, offsets);
    }
    void close();
    // Destroys the handle without leaving the group (like a crashed process
    // from the coordinator's point of view only if the session times out).
    rd_kafka_t *handle() const { return m_rk; }

private:
    rd_kafka_t *m_rk = nullptr;
    QString m_error;
    QList<QByteArray> m_received;
    bool m_closed = false;
};

}   // namespace cohort::test
