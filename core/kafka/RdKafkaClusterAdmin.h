// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"
#include "core/kafka/RdKafkaClusterClient.h"

#include <memory>

namespace cohort {

// ClusterAdmin over the librdkafka connection of an RdKafkaClusterClient (its
// handle, its pool threads and its timeout). Offsets and groups are written
// through librdkafka's admin API, which works on every security protocol;
// member removal and rebalance triggers, which librdkafka 2.0.2 cannot do, go
// over Cohort's own connection to the group's coordinator and therefore need
// a transport it speaks: PLAINTEXT or SSL, with SASL only as PLAIN or SCRAM
// (RdKafkaClusterClient::OwnConnections).
class RdKafkaClusterAdmin final : public ClusterAdmin
{
public:
    // Shares the client's handle: the admin keeps it alive, and calls in
    // flight outlive both.
    static std::shared_ptr<ClusterAdmin> create(const std::shared_ptr<RdKafkaClusterClient> &client);
    ~RdKafkaClusterAdmin() override;

    QFuture<Result<QList<PartitionWriteOutcome>>> commitOffsets(const QString &groupId,
                                                                const QHash<TopicPartition, qint64> &offsets) override;
    QFuture<Result<Done>> deleteGroup(const QString &groupId) override;
    QFuture<Result<QList<PartitionWriteOutcome>>> deleteOffsets(const QString &groupId, const QStringList &topics) override;
    QFuture<Result<QList<PartitionWriteOutcome>>> deletePartitionOffsets(const QString &groupId,
                                                                         const QList<TopicPartition> &partitions) override;
    QFuture<Result<QList<MemberRemovalOutcome>>> removeMembers(const QString &groupId, const QList<MemberRef> &members) override;
    QFuture<Result<RebalanceTriggerReport>> triggerRebalance(const QString &groupId, const QString &protocolType,
                                                             const QString &assignor) override;
    KafkaError groupProtocolRefusal() const override;

private:
    explicit RdKafkaClusterAdmin(const std::shared_ptr<RdKafkaClusterClient> &client);

    std::shared_ptr<RdKafkaClusterClient> m_client;
    std::shared_ptr<RdKafkaClusterClient::Handle> m_handle;
    int m_timeoutMs;
};

}   // namespace cohort
