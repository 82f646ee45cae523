// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClusterAdmin.h"

namespace cohort::test {

namespace {
template<typename T>
QFuture<Result<T>> notHere()
{
    return QtFuture::makeReadyFuture(Result<T>(KafkaError::make(-1, QStringLiteral("_TEST"), QStringLiteral("not in this fake"))));
}
}   // namespace

FakeClusterAdmin::FakeClusterAdmin(std::shared_ptr<FakeClusterClient> cluster)
    : m_cluster(std::move(cluster))
{ }

void FakeClusterAdmin::refuseNextCommits(const QList<KafkaError> &errors)
{
    QMutexLocker lock(&m_mutex);
    m_refusals = errors;
}

void FakeClusterAdmin::refusePartition(const TopicPartition &tp, const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    m_partitionRefusals.insert(tp, error);
}

void FakeClusterAdmin::failNextCommitCalls(const QList<KafkaError> &errors)
{
    QMutexLocker lock(&m_mutex);
    m_callFailures = errors;
}

void FakeClusterAdmin::setAfterCommit(std::function<void()> afterCommit)
{
    QMutexLocker lock(&m_mutex);
    m_afterCommit = std::move(afterCommit);
}

void FakeClusterAdmin::setAfterDelete(std::function<void()> afterDelete)
{
    QMutexLocker lock(&m_mutex);
    m_afterDelete = std::move(afterDelete);
}

int FakeClusterAdmin::commitCalls() const
{
    QMutexLocker lock(&m_mutex);
    return m_commitCalls;
}

int FakeClusterAdmin::deleteCalls() const
{
    QMutexLocker lock(&m_mutex);
    return m_deleteCalls;
}

QFuture<Result<QList<PartitionWriteOutcome>>> FakeClusterAdmin::commitOffsets(const QString &groupId,
                                                                              const QHash<TopicPartition, qint64> &offsets)
{
    QList<PartitionWriteOutcome> out;
    std::function<void()> after;
    QHash<TopicPartition, KafkaError> refused;
    {
        QMutexLocker lock(&m_mutex);
        ++m_commitCalls;
        if (!m_callFailures.isEmpty())
            return QtFuture::makeReadyFuture(Result<QList<PartitionWriteOutcome>>(m_callFailures.takeFirst()));
        const KafkaError refusal = m_refusals.isEmpty() ? KafkaError{} : m_refusals.takeFirst();
        for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
            out << PartitionWriteOutcome{it.key(), it.value(), refusal.isError() ? refusal : m_partitionRefusals.value(it.key())};
        if (refusal.isError())
            return QtFuture::makeReadyFuture(Result<QList<PartitionWriteOutcome>>(out));
        refused = m_partitionRefusals;
        after = m_afterCommit;
    }
    GroupOffsets now = m_cluster->offsetsOf(groupId);
    now.groupId = groupId;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        if (refused.contains(it.key()))
            continue;
        auto c = std::find_if(now.offsets.begin(), now.offsets.end(), [&](const CommittedOffset &o) { return o.tp == it.key(); });
        if (c == now.offsets.end())
            now.offsets << CommittedOffset{it.key(), it.value(), -1, {}};
        else
            c->offset = it.value();
    }
    m_cluster->setOffsets(groupId, now);
    if (after)
        after();
    return QtFuture::makeReadyFuture(Result<QList<PartitionWriteOutcome>>(out));
}

QFuture<Result<Done>> FakeClusterAdmin::deleteGroup(const QString &)
{
    return notHere<Done>();
}

QFuture<Result<QList<PartitionWriteOutcome>>> FakeClusterAdmin::deleteOffsets(const QString &, const QStringList &)
{
    return notHere<QList<PartitionWriteOutcome>>();
}

QFuture<Result<QList<PartitionWriteOutcome>>> FakeClusterAdmin::deletePartitionOffsets(const QString &groupId,
                                                                                       const QList<TopicPartition> &partitions)
{
    std::function<void()> after;
    {
        QMutexLocker lock(&m_mutex);
        ++m_deleteCalls;
        after = m_afterDelete;
    }
    GroupOffsets now = m_cluster->offsetsOf(groupId);
    now.groupId = groupId;
    QList<PartitionWriteOutcome> out;
    for (const TopicPartition &tp : partitions) {
        now.offsets.removeIf([&](const CommittedOffset &o) { return o.tp == tp; });
        out << PartitionWriteOutcome{tp, -1, {}};
    }
    m_cluster->setOffsets(groupId, now);
    if (after)
        after();
    return QtFuture::makeReadyFuture(Result<QList<PartitionWriteOutcome>>(out));
}

QFuture<Result<QList<MemberRemovalOutcome>>> FakeClusterAdmin::removeMembers(const QString &, const QList<MemberRef> &)
{
    return notHere<QList<MemberRemovalOutcome>>();
}

QFuture<Result<RebalanceTriggerReport>> FakeClusterAdmin::triggerRebalance(const QString &, const QString &, const QString &)
{
    return notHere<RebalanceTriggerReport>();
}

}   // namespace cohort::test
