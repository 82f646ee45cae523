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
    QFuture<Result<ClusterMetadata>> fetchMetadata(Progress progress = nullptr) override;
    QFuture<Result<GroupListingAnswer>> listGroups(Progress progress = nullptr) override;
    QFuture<Result<GroupDescriptionAnswer>> describeGroups(const QStringList &ids, Progress progress = nullptr) override;
    QFuture<Result<CommittedOffsetsAnswer>> fetchCommittedOffsets(const QHash<QString, QList<TopicPartition>> &byGroup,
                                                                  Progress progress = nullptr) override;
    QFuture<Result<WatermarksAnswer>> fetchWatermarks(const QList<TopicPartition> &tps, Progress progress = nullptr) override;
    QFuture<Result<RecordTimestampsAnswer>> fetchRecordTimestamps(const QHash<TopicPartition, qint64> &offsets,
                                                                  Progress progress = nullptr) override;
    QFuture<Result<TopicRetentionAnswer>> fetchTopicRetention(const QStringList &topics, Progress progress = nullptr) override;
    // As Kafka answers: the first offset at or after the log start whose
    // record timestamp (setRecordTimestampsFromLogStart) is at least timestampMs, else -1.
    QFuture<Result<OffsetsForTimesAnswer>> offsetsForTimes(const QList<TopicPartition> &tps, qint64 timestampMs,
                                                           Progress progress = nullptr) override;
    QFuture<Result<ConnectionReport>> testConnection() override;
    bool readCommitted() const override { return false; }
    // What setBrokerApiVersions set (none unless set: as a client that asks no broker).
    QHash<int, QHash<qint16, qint16>> brokerApiVersions() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_apiVersions;
    }
    void setBrokerApiVersions(const QHash<int, QHash<qint16, qint16>> &versions)
    {
        QMutexLocker lock(&m_mutex);
        m_apiVersions = versions;
    }

    // What it answers; change between calls (from the test thread) to move the cluster on.
    void setCluster(const ClusterMetadata &metadata, const QList<GroupDescription> &groups, const QHash<QString, GroupOffsets> &offsets,
                    const QHash<TopicPartition, Watermarks> &watermarks);
    void setOffsets(const QString &groupId, const GroupOffsets &offsets);
    // The records a one-record fetch finds: offset -> timestamp per
    // partition (answered with the first at or after the offset asked).
    void setRecordTimestamps(const TopicPartition &tp, const QMap<qint64, qint64> &timestampByOffset);
    // A topic's configs as DescribeConfigs answers them; a topic without any
    // gets Kafka's defaults when the metadata has it, else UNKNOWN_TOPIC_OR_PARTITION.
    void setTopicRetention(const QString &topic, const TopicRetention &retention);
    // The CreateTime of each record of the partition, from its log start offset on.
    void setRecordTimestampsFromLogStart(const TopicPartition &tp, const QList<qint64> &timestampsMs);
    // What a group has committed now (as an admin commit left it).
    GroupOffsets offsetsOf(const QString &groupId) const;
    // Every call fails with _TRANSPORT while set, as a cluster that stopped answering.
    void setDown(bool down);
    // Partial answers, as a cluster where one part does not answer: the
    // broker's ListGroups fails (its groups are left out of the listing),
    // a group's DescribeGroups or OffsetFetch fails. A KafkaError that is
    // no error clears it.
    void setListingFailure(int brokerId, const KafkaError &error);
    void setDescribeFailure(const QString &groupId, const KafkaError &error);
    void setOffsetsFailure(const QString &groupId, const KafkaError &error);
    // While set, describeGroups answers only on release().
    void setHoldDescribe(bool hold);
    void release();
    int heldCount() const;

    // What it was asked since the last forget().
    QList<QStringList> described() const;
    QList<QStringList> offsetsAskedFor() const;
    QList<QList<TopicPartition>> watermarksAskedFor() const;
    QList<QHash<TopicPartition, qint64>> recordTimestampsAskedFor() const;
    QList<QStringList> retentionAskedFor() const;
    int metadataCalls() const { return m_metadataCalls.loadRelaxed(); }
    int listCalls() const { return m_listCalls.loadRelaxed(); }
    void forget();

private:
    KafkaError downError() const;

    mutable QMutex m_mutex;
    QHash<int, QHash<qint16, qint16>> m_apiVersions;
    ClusterMetadata m_metadata;
    QList<GroupDescription> m_groups;
    QHash<QString, GroupOffsets> m_offsets;
    QHash<TopicPartition, Watermarks> m_watermarks;
    QHash<TopicPartition, QList<qint64>> m_timestampsFromLogStart;
    bool m_down = false;
    QHash<int, KafkaError> m_listingFailures;
    QHash<QString, KafkaError> m_describeFailures;
    QHash<QString, KafkaError> m_offsetsFailures;
    bool m_hold = false;
    QList<std::function<void()>> m_held;
    QList<QStringList> m_described;
    QList<QStringList> m_offsetsAskedFor;
    QList<QList<TopicPartition>> m_watermarksAskedFor;
    QHash<TopicPartition, QMap<qint64, qint64>> m_recordTimestamps;
    QHash<QString, TopicRetention> m_retention;
    QList<QHash<TopicPartition, qint64>> m_recordTimestampsAskedFor;
    QList<QStringList> m_retentionAskedFor;
    QAtomicInt m_metadataCalls = 0;
    QAtomicInt m_listCalls = 0;
};

// A consumer group member with this subscription and assignment, encoded as
// a broker sends them.
GroupMember fakeMember(const QString &memberId, const QString &clientId, const QStringList &topics, const QList<TopicPartition> &owned);

}   // namespace cohort::test
