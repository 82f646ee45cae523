// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterClient.h"

#include <QAtomicInt>
#include <QMutex>

#include <functional>

namespace cohort::test {

// A ClusterClient that answers from memory at once (or, for describeGroups,
// when released) and records what it was asked: for sessions, pages and
// loaders tested without a cluster. describeGroups answers a group it does
// not hold as a classic coordinator does, Dead with no error.
class FakeClusterClient final : public ClusterClient
{
public:
    QFuture<Result<ClusterMetadata>> fetchMetadata() override;
    QFuture<Result<QList<GroupListing>>> listGroups() override;
    QFuture<Result<QList<GroupDescription>>> describeGroups(const QStringList &ids) override;
    QFuture<Result<QHash<QString, GroupOffsets>>> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &byGroup) override;
    QFuture<Result<QHash<TopicPartition, Watermarks>>> fetchWatermarks(const QList<TopicPartition> &tps) override;
    QFuture<Result<ConnectionReport>> testConnection() override;
    bool readCommitted() const override { return false; }

    // What it answers; change between calls (from the test thread) to move the cluster on.
    void setCluster(const ClusterMetadata &metadata, const QList<GroupDescription> &groups, const QHash<QString, GroupOffsets> &offsets,
                    const QHash<TopicPartition, Watermarks> &watermarks);
    void setOffsets(const QString &groupId, const GroupOffsets &offsets);
    // Every call fails with _TRANSPORT while set, as a cluster that stopped answering.
    void setDown(bool down);
    // While set, describeGroups answers only on release().
    void setHoldDescribe(bool hold);
    void release();
    int heldCount() const;

    // What it was asked since the last forget().
    QList<QStringList> described() const;
    QList<QStringList> offsetsAskedFor() const;
    QList<QList<TopicPartition>> watermarksAskedFor() const;
    int metadataCalls() const { return m_metadataCalls.loadRelaxed(); }
    int listCalls() const { return m_listCalls.loadRelaxed(); }
    void forget();

private:
    KafkaError downError() const;

    mutable QMutex m_mutex;
    ClusterMetadata m_metadata;
    QList<GroupDescription> m_groups;
    QHash<QString, GroupOffsets> m_offsets;
    QHash<TopicPartition, Watermarks> m_watermarks;
    bool m_down = false;
    bool m_hold = false;
    QList<std::function<void()>> m_held;
    QList<QStringList> m_described;
    QList<QStringList> m_offsetsAskedFor;
    QList<QList<TopicPartition>> m_watermarksAskedFor;
    QAtomicInt m_metadataCalls = 0;
    QAtomicInt m_listCalls = 0;
};

// A consumer group member with this subscription and assignment, encoded as
// a broker sends them.
GroupMember fakeMember(const QString &memberId, const QString &clientId, const QStringList &topics, const QList<TopicPartition> &owned);

}   // namespace cohort::test
