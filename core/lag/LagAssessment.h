// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagStatusRules.h"
#include "core/snapshot/ClusterTypes.h"

#include <QList>
#include <QString>
#include <optional>

namespace cohort {

// Everything derived from a partition's history at the latest sample (the
// numbers of docs/architecture.md, "Lag"), each with its unit in the name.
// nullopt = unknown; the *Reason strings say why in words.
struct PartitionAssessment
{
    TopicPartition tp;
    std::optional<qint64> committedOffset;
    std::optional<qint64> endOffset;
    std::optional<qint64> logStartOffset;
    std::optional<qint64> lag;           // msgs
    std::optional<qint64> timeLagMs;     // 0 when caught up
    QString timeLagUnknownReason;        // set when timeLagMs is nullopt
    std::optional<double> produceRate;   // msg/s, from end-offset deltas
    std::optional<double> consumeRate;   // msg/s, from committed-offset deltas
    std::optional<double> lagVelocity;   // msg/s, lag growth (+) or shrink (−)
    std::optional<double> etaSeconds;    // 0 caught up; nullopt: not catching up or unknown
    bool notCatchingUp = false;          // lag > 0 and consume ≤ produce
    LagStatusRules::Status status = LagStatusRules::Status::Ok;
    QString statusReason;                   // e.g. "orders-3: no commit for 4 min while 12,400 behind"
    std::optional<double> retentionShare;   // share (0..1+) of the retention window the lag spans
    std::optional<qint64> retentionEtaMs;   // estimated time until unconsumed records are deleted
    qint64 recordsLost = 0;                 // log start passed the committed offset by this many
    bool hot = false;                       // far behind its siblings in the same group
};

struct TopicAssessment
{
    QString topic;
    std::optional<qint64> lag;
    std::optional<qint64> timeLagMs;   // the worst partition's
    std::optional<double> produceRate;
    std::optional<double> consumeRate;
    std::optional<double> etaSeconds;
    LagStatusRules::Status status = LagStatusRules::Status::Ok;
    QString statusReason;
    qint64 recordsLost = 0;
};

// A group's assessment: its worst partition decides the status (STOP, STALL
// and REWIND make it ERR) and the reason names that partition.
struct GroupAssessment
{
    QString groupId;
    qint64 atMs = 0;   // time of the latest sample it was computed from
    std::optional<qint64> lag;
    std::optional<qint64> timeLagMs;   // the worst partition's
    std::optional<double> produceRate;
    std::optional<double> consumeRate;
    std::optional<double> lagVelocity;   // the trend, msg/s
    std::optional<double> etaSeconds;
    bool notCatchingUp = false;
    LagStatusRules::Status status = LagStatusRules::Status::Ok;
    QString statusReason;
    std::optional<double> retentionShare;   // the worst partition's
    std::optional<qint64> retentionEtaMs;   // the soonest
    qint64 recordsLost = 0;
    QList<TopicAssessment> topics;           // sorted by topic
    QList<PartitionAssessment> partitions;   // sorted by topic, partition; only for groups with partition history
};

}   // namespace cohort
