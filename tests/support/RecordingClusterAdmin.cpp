// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordingClusterAdmin.h"

namespace cohort::test {

template<typename T>
QFuture<Result<T>> RecordingClusterAdmin::answer(Result<T> result)
{
    QMutexLocker lock(&m_mutex);
    if (!m_hold)
        return QtFuture::makeReadyFuture(std::move(result));
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    m_held.append([promise, result] {
        promise->addResult(result);
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<QList<PartitionWriteOutcome>>> RecordingClusterAdmin::commitOffsets(const QString &groupId,
                                                                                   const QHash<TopicPartition, qint64> &offsets)
{
    QList<PartitionWriteOutcome> out;
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(Call{QStringLiteral("commitOffsets"), groupId, {}, {}, {}, {}});
        for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
            out.append(PartitionWriteOutcome{it.key(), it.value(), {}});
    }
    return answer(Result<QList<PartitionWriteOutcome>>(out));
}

QFuture<Result<Done>> RecordingClusterAdmin::deleteGroup(const QString &groupId)
{
    KafkaError error;
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(Call{QStringLiteral("deleteGroup"), groupId, {}, {}, {}, {}});
        error = m_deleteGroupError;
    }
    return answer(error ? Result<Done>(error) : Result<Done>(Done{}));
}

QFuture<Result<QList<PartitionWriteOutcome>>> RecordingClusterAdmin::deleteOffsets(const QString &groupId, const QStringList &topics)
{
    QList<PartitionWriteOutcome> out;
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(Call{QStringLiteral("deleteOffsets"), groupId, topics, {}, {}, {}});
        for (const QString &t : topics) {
            const auto refusal = m_offsetRefusals.value(t, {1, KafkaError{}});
            for (int p = 0; p < refusal.first; ++p)
                out.append(PartitionWriteOutcome{TopicPartition{t, p}, -1, refusal.second});
        }
    }
    return answer(Result<QList<PartitionWriteOutcome>>(out));
}

QFuture<Result<QList<PartitionWriteOutcome>>> RecordingClusterAdmin::deletePartitionOffsets(const QString &groupId,
                                                                                            const QList<TopicPartition> &partitions)
{
    QList<PartitionWriteOutcome> out;
    {
        QMutexLocker lock(&m_mutex);
        QStringList names;
        for (const TopicPartition &tp : partitions) {
            names << tp.name();
            out.append(PartitionWriteOutcome{tp, -1, {}});
        }
        m_calls.append(Call{QStringLiteral("deletePartitionOffsets"), groupId, names, {}, {}, {}});
    }
    return answer(Result<QList<PartitionWriteOutcome>>(out));
}

QFuture<Result<QList<MemberRemovalOutcome>>> RecordingClusterAdmin::removeMembers(const QString &groupId, const QList<MemberRef> &members)
{
    QList<MemberRemovalOutcome> out;
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(Call{QStringLiteral("removeMembers"), groupId, {}, members, {}, {}});
        for (const MemberRef &m : members)
            out.append(MemberRemovalOutcome{m, {}});
    }
    return answer(Result<QList<MemberRemovalOutcome>>(out));
}

QFuture<Result<RebalanceTriggerReport>> RecordingClusterAdmin::triggerRebalance(const QString &groupId, const QString &protocolType,
                                                                                const QString &assignor)
{
    RebalanceTriggerReport report;
    {
        QMutexLocker lock(&m_mutex);
        m_calls.append(Call{QStringLiteral("triggerRebalance"), groupId, {}, {}, protocolType, assignor});
        report = m_report;
    }
    return answer(Result<RebalanceTriggerReport>(report));
}

KafkaError RecordingClusterAdmin::groupProtocolRefusal() const
{
    QMutexLocker lock(&m_mutex);
    return m_groupProtocolRefusal;
}

void RecordingClusterAdmin::setGroupProtocolRefusal(const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    m_groupProtocolRefusal = error;
}

void RecordingClusterAdmin::setDeleteGroupError(const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    m_deleteGroupError = error;
}

void RecordingClusterAdmin::setDeleteOffsetsRefusal(const QString &topic, int partitions, const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    m_offsetRefusals.insert(topic, {partitions, error});
}

void RecordingClusterAdmin::setTriggerReport(const RebalanceTriggerReport &report)
{
    QMutexLocker lock(&m_mutex);
    m_report = report;
}

void RecordingClusterAdmin::setHold(bool hold)
{
    QMutexLocker lock(&m_mutex);
    m_hold = hold;
}

void RecordingClusterAdmin::release()
{
    QList<std::function<void()>> held;
    {
        QMutexLocker lock(&m_mutex);
        held.swap(m_held);
    }
    for (const auto &f : held)
        f();
}

QList<RecordingClusterAdmin::Call> RecordingClusterAdmin::calls() const
{
    QMutexLocker lock(&m_mutex);
    return m_calls;
}

}   // namespace cohort::test
