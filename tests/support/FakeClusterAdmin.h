// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeClusterClient.h"
#include "core/kafka/ClusterAdmin.h"

#include <QHash>
#include <QList>
#include <QMutex>

#include <functional>
#include <memory>

namespace cohort::test {

// A ClusterAdmin whose offset commits and offset deletes land in a
// FakeClusterClient's offsets at once, as an admin commit (or OffsetDelete)
// to an Empty group does, with scripted refusals: for tests of what writes
// without a cluster. The other writes are not its business and fail with _TEST.
class FakeClusterAdmin final : public ClusterAdmin
{
public:
    explicit FakeClusterAdmin(std::shared_ptr<FakeClusterClient> cluster);

    // The next commits answer these errors for every partition (one per call), then commits succeed.
    void refuseNextCommits(const QList<KafkaError> &errors);
    // Every commit from now on refuses this partition with this error and
    // writes the others, as a broker answers per partition (e.g.
    // TOPIC_AUTHORIZATION_FAILED for a topic the principal may not read).
    void refusePartition(const TopicPartition &tp, const KafkaError &error);
    // The next commit calls fail as a whole with these errors (one per call,
    // before any per-partition refusal), as a call to a coordinator that moved does.
    void failNextCommitCalls(const QList<KafkaError> &errors);
    // Called after each commit that was written (e.g. another tool moving an offset at once).
    void setAfterCommit(std::function<void()> afterCommit);
    // Called after each offset delete that was done (e.g. a consumer committing the offset again at once).
    void setAfterDelete(std::function<void()> afterDelete);
    int commitCalls() const;
    int deleteCalls() const;

    QFuture<Result<QList<PartitionWriteOutcome>>> commitOffsets(const QString &groupId,
                                                                const QHash<TopicPartition, qint64> &offsets) override;
    QFuture<Result<Done>> deleteGroup(const QString &groupId) override;
    QFuture<Result<QList<PartitionWriteOutcome>>> deleteOffsets(const QString &groupId, const QStringList &topics) override;
    QFuture<Result<QList<PartitionWriteOutcome>>> deletePartitionOffsets(const QString &groupId,
                                                                         const QList<TopicPartition> &partitions) override;
    QFuture<Result<QList<MemberRemovalOutcome>>> removeMembers(const QString &groupId, const QList<MemberRef> &members) override;
    QFuture<Result<RebalanceTriggerReport>> triggerRebalance(const QString &groupId, const QString &protocolType,
                                                             const QString &assignor) override;

private:
    std::shared_ptr<FakeClusterClient> m_cluster;
    mutable QMutex m_mutex;
    QList<KafkaError> m_refusals;
    QHash<TopicPartition, KafkaError> m_partitionRefusals;
    QList<KafkaError> m_callFailures;
    std::function<void()> m_afterCommit;
    std::function<void()> m_afterDelete;
    int m_commitCalls = 0;
    int m_deleteCalls = 0;
};

}   // namespace cohort::test
