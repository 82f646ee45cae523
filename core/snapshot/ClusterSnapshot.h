// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The digested picture of a cluster after one refresh: what models, the CLI and
// the UI read. Built by SnapshotBuilder (pure) from ClusterClient results.

#include "core/kafka/KafkaError.h"
#include "core/snapshot/ClusterTypes.h"
#include "core/snapshot/Freshness.h"
#include "core/snapshot/MissingPart.h"
#include "core/util/OptionalInt64.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>

#include <optional>

namespace cohort {

// One partition a group has a committed offset for or is assigned. A
// snapshot holds a million of these at 10,000 groups, so 72 bytes: the
// optional numbers in 8 bytes each (OptionalInt64), and the commit metadata,
// which few clients set, in its group's side table (GroupSnapshot::commitMetadata).
struct PartitionLag
{
    TopicPartition tp;
    OptionalInt64 committedOffset;   // none: no commit
    OptionalInt64 endOffset;         // none: watermark unknown (leader down)
    OptionalInt64 startOffset;
    // end - committed, as kafka-consumer-groups.sh computes it: negative when
    // the committed offset is past the log end (a truncated or recreated
    // topic), which is how users notice one; none when unknown.
    OptionalInt64 lag;
    // The member that owns it now: an index into the group's
    // description.members, -1 when unassigned (GroupSnapshot::ownerOf). An
    // index, not copies of the member's strings: a snapshot holds hundreds
    // of thousands of these.
    qint32 ownerIndex = -1;

    bool committedAheadOfEnd() const { return lag && *lag < 0; }
};
static_assert(sizeof(PartitionLag) <= 72, "a snapshot holds a million of these");

struct TopicLag
{
    QString topic;
    int partitionCount = 0;      // partitions of this topic the group touches
    std::optional<qint64> lag;   // sum of known lags ≥ 0; nullopt when none is known
    int unknownLagPartitions = 0;
    int aheadOfEndPartitions = 0;   // committed past the log end: not in lag, counted here
};

struct GroupSnapshot
{
    GroupDescription description;     // groupId, state, protocolType, protocol, members, coordinator
    QList<PartitionLag> partitions;   // sorted by topic, partition
    // The metadata committed with an offset, for the partitions that have
    // any (most clients commit none): commitMetadataOf() reads it.
    QHash<TopicPartition, QString> commitMetadata;
    QList<TopicLag> topics;           // sorted by topic
    std::optional<qint64> totalLag;   // sum of known lags ≥ 0; nullopt when no lag is known
    int unknownLagPartitions = 0;
    int aheadOfEndPartitions = 0;   // committed past the log end: not in totalLag, counted here
    int generationId = -1;          // from subscription v2+ when known; a KIP-848 group's group epoch
    // How current the description (state, members, assignment) and the
    // committed offsets (and so the lag) are: fresh, the last good value with
    // its age and the error that kept it from being read again, or never read.
    Freshness describedFreshness;
    Freshness offsetsFreshness;

    // Something shown is not from this refresh, or was never read.
    bool isStale() const { return !describedFreshness.isFresh() || !offsetsFreshness.isFresh(); }

    const QString &groupId() const { return description.groupId; }
    QString commitMetadataOf(const TopicPartition &tp) const { return commitMetadata.value(tp); }
    // The member owning this partition, nullptr when unassigned.
    const GroupMember *ownerOf(const PartitionLag &p) const
    {
        return p.ownerIndex >= 0 && p.ownerIndex < description.members.size() ? &description.members.at(p.ownerIndex) : nullptr;
    }
};

// A topic's end offsets summed over its partitions (from the watermarks):
// the Topics page shows the sum, the lag history takes the produce rate from it.
struct TopicEnds
{
    qint64 knownSum = 0;          // over the partitions whose end offset is known
    int knownPartitions = 0;
    int unknownPartitions = 0;    // leader down: no watermark
    bool allKnown() const { return knownPartitions > 0 && unknownPartitions == 0; }
};

struct ClusterSnapshot
{
    QDateTime takenAt;       // when the refresh finished (UTC)
    qint64 durationMs = 0;   // how long the refresh took
    ClusterMetadata metadata;
    QList<GroupSnapshot> groups;   // sorted by group id
    QHash<TopicPartition, Watermarks> watermarks;
    bool readCommitted = true;   // end offsets are last stable offsets
    // What this refresh could not read at its deadline, after retries, with
    // since when each part has been missing. Empty: the snapshot is complete.
    MissingParts missing;

    bool isPartial() const { return !missing.isEmpty(); }

    const GroupSnapshot *group(const QString &groupId) const;

    // Per metadata topic, from the watermarks: computed once by the loader
    // (a hundred thousand lookups at scale, off the GUI thread) into
    // topicEnds; endsOf() falls back to computing it for a snapshot made
    // without (tests, hand-made ones).
    QHash<QString, TopicEnds> topicEnds;
    void computeTopicEnds();
    TopicEnds endsOf(const TopicInfo &topic) const;
};

}   // namespace cohort

Q_DECLARE_METATYPE(cohort::ClusterSnapshot)
Q_DECLARE_METATYPE(cohort::GroupSnapshot)
