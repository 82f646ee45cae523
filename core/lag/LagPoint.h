// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>

namespace cohort {

// One sample of a lag series: what a refresh read at `timeMs` for a whole
// group, one topic of a group, or one partition. For a group or a topic the
// offsets are sums over its partitions whose values are known; -1 = unknown.
struct LagPoint
{
    qint64 timeMs = 0;             // UTC milliseconds since the epoch
    qint64 endOffset = -1;         // end offset (sum for group/topic)
    qint64 committedOffset = -1;   // committed offset (sum for group/topic)
    qint64 lag = -1;               // end − committed over the known partitions; -1 unknown
    qint64 logStartOffset = -1;    // partitions only: the log start (retention); -1 unknown

    bool operator==(const LagPoint &) const = default;
};

// Which series a point belongs to: a whole group (topic empty), one topic of a
// group (partition -1), or one partition.
struct LagSeriesKey
{
    QString groupId;
    QString topic;
    int partition = -1;

    bool isGroup() const { return topic.isEmpty(); }
    bool isTopic() const { return !topic.isEmpty() && partition < 0; }
    bool isPartition() const { return partition >= 0; }
    bool operator==(const LagSeriesKey &) const = default;
};

inline size_t qHash(const LagSeriesKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.groupId, k.topic, k.partition);
}

// The resolution a point is kept at. Each tier is a ring buffer of its own:
// every 5 s for an hour, one per minute for a day, one per 10 minutes for a
// week, so memory is bounded whatever the number of series.
enum class LagTier { FiveSeconds = 0, OneMinute = 1, TenMinutes = 2 };

// A point as persisted (core/history/HistoryStore) and restored into
// LagHistory on start.
struct StoredLagPoint
{
    LagSeriesKey key;
    LagTier tier = LagTier::FiveSeconds;
    LagPoint point;

    bool operator==(const StoredLagPoint &) const = default;
};

}   // namespace cohort
