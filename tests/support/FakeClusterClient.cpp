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

QFuture<Result<ClusterMetadata>> FakeClusterClient::fetchMetadata()
{
    m_metadataCalls.ref();
    QMutexLocker lock(&m_mutex);
    return ready(m_down ? Result<ClusterMetadata>(downError()) : Result<ClusterMetadata>(m_metadata));
}

QFuture<Result<QList<GroupListing>>> FakeClusterClient::listGroups()
{
    m_listCalls.ref();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return ready(Result<QList<GroupListing>>(downError()));
    QList<GroupListing> out;
    for (const GroupDescription &g : std::as_const(m_groups))
        out.append(GroupListing{g.groupId, g.protocolType, g.state, g.coordinatorId, g.type});
    return ready(Result<QList<GroupListing>>(out));
}

QFuture<Result<QList<GroupDescription>>> FakeClusterClient::describeGroups(const QStringList &ids)
{
    QMutexLocker lock(&m_mutex);
    m_described.append(ids);
    if (m_down)
        return ready(Result<QList<GroupDescription>>(downError()));
    QList<GroupDescription> out;
    for (const QString &id : ids) {
        GroupDescription d;
        d.groupId = id;
        d.state = GroupState::Dead;
        for (const GroupDescription &g : std::as_const(m_groups))
            if (g.groupId == id)
                d = g;
        out.append(d);
    }
    if (!m_hold)
        return ready(Result<QList<GroupDescription>>(out));
    auto promise = std::make_shared<QPromise<Result<QList<GroupDescription>>>>();
    promise->start();
    m_held.append([promise, out] {
        promise->addResult(Result<QList<GroupDescription>>(out));
        promise->finish();
    });
    return promise->future();
}

QFuture<Result<QHash<QString, GroupOffsets>>> FakeClusterClient::fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &byGroup)
{
    QMutexLocker lock(&m_mutex);
    QStringList keys = byGroup.keys();
    keys.sort();
    m_offsetsAskedFor.append(keys);
    if (m_down)
        return ready(Result<QHash<QString, GroupOffsets>>(downError()));
    QHash<QString, GroupOffsets> out;
    for (const QString &g : std::as_const(keys))
        out.insert(g, m_offsets.value(g, GroupOffsets{g, {}}));
    return ready(Result<QHash<QString, GroupOffsets>>(out));
}

QFuture<Result<QHash<TopicPartition, Watermarks>>> FakeClusterClient::fetchWatermarks(const QList<TopicPartition> &tps)
{
    QMutexLocker lock(&m_mutex);
    m_watermarksAskedFor.append(tps);
    if (m_down)
        return ready(Result<QHash<TopicPartition, Watermarks>>(downError()));
    QHash<TopicPartition, Watermarks> out;
    for (const TopicPartition &tp : tps)
        if (const auto it = m_watermarks.constFind(tp); it != m_watermarks.cend())
            out.insert(tp, *it);
    return ready(Result<QHash<TopicPartition, Watermarks>>(out));
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
