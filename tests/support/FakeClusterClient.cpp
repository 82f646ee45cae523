// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeClusterClient.h"

#include "core/wire/ConsumerProtocolDecoder.h"

#include <QPromise>

#include <memory>

namespace cohort::test {

template<typename T>
static QFuture<Result<T>> ready(Result<T> r)
{
    return QtFuture::makeReadyFuture(std::move(r));
}

KafkaError FakeClusterClient::downError() const
{
    return KafkaError::make(-195, QStringLiteral("_TRANSPORT"), QStringLiteral("the fake cluster is down"));
}

QFuture<Result<ClusterMetadata>> FakeClusterClient::fetchMetadata(Progress)
{
    m_metadataCalls.ref();
    QMutexLocker lock(&m_mutex);
    return ready(m_down ? Result<ClusterMetadata>(downError()) : Result<ClusterMetadata>(m_metadata));
}

QFuture<Result<GroupListingAnswer>> FakeClusterClient::listGroups(Progress)
{
    m_listCalls.ref();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return ready(Result<GroupListingAnswer>(downError()));
    GroupListingAnswer out;
    for (const GroupDescription &g : std::as_const(m_groups))
        if (!m_listingFailures.contains(g.coordinatorId))
            out.groups.append(GroupListing{g.groupId, g.protocolType, g.state, g.coordinatorId, g.type});
    for (auto it = m_listingFailures.cbegin(); it != m_listingFailures.cend(); ++it)
        out.failedBrokers.append(BrokerFailure{it.key(), QStringLiteral("fake:%1").arg(it.key()), it.value()});
    return ready(Result<GroupListingAnswer>(out));
}

QFuture<Result<GroupDescriptionAnswer>> FakeClusterClient::describeGroups(const QStringList &ids, Progress)
{
    QMutexLocker lock(&m_mutex);
    m_described.append(ids);
    if (m_down)
        return ready(Result<GroupDescriptionAnswer>(downError()));
    GroupDescriptionAnswer out;
    for (const QString &id : ids) {
        if (const auto failure = m_describeFailures.constFind(id); failure != m_describeFailures.cend()) {
            out.failed.insert(id, *failure);
            continue;
        }
        GroupDescription d;
        d.groupId = id;
        d.state = GroupState::Dead;
        for (const GroupDescription &g : std::as_const(m_groups))
            if (g.groupId == id)
                d = g;
        out.groups.append(d);
    }
    if (!m_hold)
        return ready(Result<GroupDescriptionAnswer>(out));
    auto promise = std::make_shared<QPromise<Result<GroupDescriptionAnswer>>>();
    promise->start();
    m_held.append([promise, out] {
        promise->addResult(Result<GroupDescriptionAnswer>(out));
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<CommittedOffsetsAnswer>> FakeClusterClient::fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &byGroup,
                                                                                 Progress)
{
    QMutexLocker lock(&m_mutex);
    QStringList keys = byGroup.keys();
    keys.sort();
    m_offsetsAskedFor.append(keys);
    if (m_down)
        return ready(Result<CommittedOffsetsAnswer>(downError()));
    CommittedOffsetsAnswer out;
    for (const QString &g : std::as_const(keys)) {
        if (const auto failure = m_offsetsFailures.constFind(g); failure != m_offsetsFailures.cend())
            out.failed.insert(g, *failure);
        else
            out.offsets.insert(g, m_offsets.value(g, GroupOffsets{g, {}}));
    }
    return ready(Result<CommittedOffsetsAnswer>(out));
}

QFuture<Result<WatermarksAnswer>> FakeClusterClient::fetchWatermarks(const QList<TopicPartition> &tps, Progress)
{
    QMutexLocker lock(&m_mutex);
    m_watermarksAskedFor.append(tps);
    if (m_down)
        return ready(Result<WatermarksAnswer>(downError()));
    WatermarksAnswer out;
    for (const TopicPartition &tp : tps)
        if (const auto it = m_watermarks.constFind(tp); it != m_watermarks.cend())
            out.watermarks.insert(tp, *it);
    return ready(Result<WatermarksAnswer>(out));
}

QFuture<Result<RecordTimestampsAnswer>> FakeClusterClient::fetchRecordTimestamps(const QHash<TopicPartition, qint64> &offsets, Progress)
{
    QMutexLocker lock(&m_mutex);
    m_recordTimestampsAskedFor.append(offsets);
    if (m_down)
        return ready(Result<RecordTimestampsAnswer>(downError()));
    RecordTimestampsAnswer out;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it) {
        const QMap<qint64, qint64> records = m_recordTimestamps.value(it.key());
        const auto at = records.lowerBound(it.value());
        if (at == records.cend())
            out.failed.insert(it.key(), KafkaError::make(1, QStringLiteral("OFFSET_OUT_OF_RANGE"),
                                                         QStringLiteral("no record at or after offset %1").arg(it.value())));
        else
            out.timestamps.insert(it.key(), RecordTimestamp{at.key(), at.value()});
    }
    return ready(Result<RecordTimestampsAnswer>(out));
}

QFuture<Result<TopicRetentionAnswer>> FakeClusterClient::fetchTopicRetention(const QStringList &topics, Progress)
{
    QMutexLocker lock(&m_mutex);
    m_retentionAskedFor.append(topics);
    if (m_down)
        return ready(Result<TopicRetentionAnswer>(downError()));
    TopicRetentionAnswer out;
    for (const QString &t : topics) {
        bool known = m_retention.contains(t);
        for (const TopicInfo &ti : std::as_const(m_metadata.topics))
            known = known || ti.name == t;
        if (known)
            out.topics.insert(t, m_retention.value(t));
        else
            out.failed.insert(t, KafkaError::make(3, QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION"),
                                                  QStringLiteral("This server does not host this topic-partition.")));
    }
    return ready(Result<TopicRetentionAnswer>(out));
}

void FakeClusterClient::setRecordTimestamps(const TopicPartition &tp, const QMap<qint64, qint64> &timestampByOffset)
{
    QMutexLocker lock(&m_mutex);
    m_recordTimestamps.insert(tp, timestampByOffset);
}

void FakeClusterClient::setTopicRetention(const QString &topic, const TopicRetention &retention)
{
    QMutexLocker lock(&m_mutex);
    m_retention.insert(topic, retention);
}

QList<QHash<TopicPartition, qint64>> FakeClusterClient::recordTimestampsAskedFor() const
{
    QMutexLocker lock(&m_mutex);
    return m_recordTimestampsAskedFor;
}

QList<QStringList> FakeClusterClient::retentionAskedFor() const
{
    QMutexLocker lock(&m_mutex);
    return m_retentionAskedFor;
}

QFuture<Result<OffsetsForTimesAnswer>> FakeClusterClient::offsetsForTimes(const QList<TopicPartition> &tps, qint64 timestampMs, Progress)
{
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return ready(Result<OffsetsForTimesAnswer>(downError()));
    OffsetsForTimesAnswer out;
    for (const TopicPartition &tp : tps) {
        const auto w = m_watermarks.constFind(tp);
        if (w == m_watermarks.cend())
            continue;
        const QList<qint64> times = m_timestampsFromLogStart.value(tp);
        qint64 offset = -1;
        for (qsizetype i = 0; i < times.size(); ++i)
            if (times.at(i) >= timestampMs) {
                offset = w->low + i;
                break;
            }
        out.offsets.insert(tp, offset);
    }
    return ready(Result<OffsetsForTimesAnswer>(out));
}

void FakeClusterClient::setRecordTimestampsFromLogStart(const TopicPartition &tp, const QList<qint64> &timestampsMs)
{
    QMutexLocker lock(&m_mutex);
    m_timestampsFromLogStart.insert(tp, timestampsMs);
}

GroupOffsets FakeClusterClient::offsetsOf(const QString &groupId) const
{
    QMutexLocker lock(&m_mutex);
    return m_offsets.value(groupId);
}

QFuture<Result<ConnectionReport>> FakeClusterClient::testConnection()
{
    QMutexLocker lock(&m_mutex);
    return ready(Result<ConnectionReport>(ConnectionReport{m_metadata, {}, 0}));
}

void FakeClusterClient::setCluster(const ClusterMetadata &metadata, const QList<GroupDescription> &groups,
                                   const QHash<QString, GroupOffsets> &offsets, const QHash<TopicPartition, Watermarks> &watermarks)
{
    QMutexLocker lock(&m_mutex);
    m_metadata = metadata;
    m_groups = groups;
    m_offsets = offsets;
    m_watermarks = watermarks;
}

void FakeClusterClient::setOffsets(const QString &groupId, const GroupOffsets &offsets)
{
    QMutexLocker lock(&m_mutex);
    m_offsets.insert(groupId, offsets);
}

void FakeClusterClient::setDown(bool down)
{
    QMutexLocker lock(&m_mutex);
    m_down = down;
}

namespace {

template<typename K>
void setOrClear(QHash<K, KafkaError> &failures, const K &key, const KafkaError &error)
{
    if (error.isError())
        failures.insert(key, error);
    else
        failures.remove(key);
}

}   // namespace

void FakeClusterClient::setListingFailure(int brokerId, const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    setOrClear(m_listingFailures, brokerId, error);
}

void FakeClusterClient::setDescribeFailure(const QString &groupId, const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    setOrClear(m_describeFailures, groupId, error);
}

void FakeClusterClient::setOffsetsFailure(const QString &groupId, const KafkaError &error)
{
    QMutexLocker lock(&m_mutex);
    setOrClear(m_offsetsFailures, groupId, error);
}

void FakeClusterClient::setHoldDescribe(bool hold)
{
    QMutexLocker lock(&m_mutex);
    m_hold = hold;
}

void FakeClusterClient::release()
{
    QList<std::function<void()>> answers;
    {
        QMutexLocker lock(&m_mutex);
        answers.swap(m_held);
    }
    for (const auto &answer : std::as_const(answers))
        answer();
}

int FakeClusterClient::heldCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_held.size());
}

QList<QStringList> FakeClusterClient::described() const
{
    QMutexLocker lock(&m_mutex);
    return m_described;
}

QList<QStringList> FakeClusterClient::offsetsAskedFor() const
{
    QMutexLocker lock(&m_mutex);
    return m_offsetsAskedFor;
}

QList<QList<TopicPartition>> FakeClusterClient::watermarksAskedFor() const
{
    QMutexLocker lock(&m_mutex);
    return m_watermarksAskedFor;
}

void FakeClusterClient::forget()
{
    QMutexLocker lock(&m_mutex);
    m_recordTimestampsAskedFor.clear();
    m_retentionAskedFor.clear();
    m_described.clear();
    m_offsetsAskedFor.clear();
    m_watermarksAskedFor.clear();
    m_metadataCalls.storeRelaxed(0);
    m_listCalls.storeRelaxed(0);
}

GroupMember fakeMember(const QString &memberId, const QString &clientId, const QStringList &topics, const QList<TopicPartition> &owned)
{
    GroupMember m;
    m.memberId = memberId;
    m.clientId = clientId;
    m.host = QStringLiteral("/10.0.0.1");
    m.rawMetadata = ConsumerProtocolDecoder::encodeSubscription(ConsumerSubscription{0, topics, {}, {}, -1, {}});
    m.rawAssignment = ConsumerProtocolDecoder::encodeAssignment(ConsumerAssignment{0, owned, {}});
    return m;
}

}   // namespace cohort::test
