// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"

#include <QList>
#include <QMutex>
#include <QPromise>
#include <QStringList>

#include <functional>
#include <memory>

namespace cohort::test {

// A ClusterAdmin that writes nothing and records every call (what was asked
// of which group), answering each with what the test set (success by
// default), at once or, while held, on release(): for dialogs and pages that
// must call the write side only after confirmation.
class RecordingClusterAdmin final : public ClusterAdmin
{
public:
    struct Call
    {
        QString method;   // "commitOffsets", "deleteGroup", "deleteOffsets", "deletePartitionOffsets", "removeMembers", "triggerRebalance"
        QString groupId;
        QStringList topics;               // deleteOffsets; deletePartitionOffsets: "topic-partition" names
        QList<MemberRef> members;         // removeMembers
        QString protocolType, assignor;   // triggerRebalance
    };

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
    void setGroupProtocolRefusal(const KafkaError &error);

    // What the next calls answer (an error that is no error: success).
    void setDeleteGroupError(const KafkaError &error);
    // Per-partition answers of deleteOffsets: each topic's partitions 0..n-1 fail with this error.
    void setDeleteOffsetsRefusal(const QString &topic, int partitions, const KafkaError &error);
    void setTriggerReport(const RebalanceTriggerReport &report);
    // While held, answers wait for release() (a call in flight).
    void setHold(bool hold);
    void release();

    QList<Call> calls() const;

private:
    template<typename T>
    QFuture<Result<T>> answer(Result<T> result);

    mutable QMutex m_mutex;
    QList<Call> m_calls;
    KafkaError m_deleteGroupError;
    QHash<QString, std::pair<int, KafkaError>> m_offsetRefusals;
    RebalanceTriggerReport m_report;
    KafkaError m_groupProtocolRefusal;
    bool m_hold = false;
    QList<std::function<void()>> m_held;
};

}   // namespace cohort::test
