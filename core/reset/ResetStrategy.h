// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>

namespace cohort {

// Where a reset moves each partition, one of kafka-consumer-groups.sh's
// scenarios (--to-earliest ... --from-file) or a copy of another group's
// committed offsets. A value, planned by ResetPlanner; it reads nothing.
class ResetStrategy
{
    Q_DECLARE_TR_FUNCTIONS(ResetStrategy)

public:
    enum class Kind { ToEarliest, ToLatest, ToDateTime, ByDuration, ShiftBy, ToOffset, ToCurrent, FromFile, FromGroup };
    // Offsets per group, as a kcg CSV (or a backup) gives them.
    using OffsetsByGroup = QHash<QString, QHash<TopicPartition, qint64>>;
    using PartitionsByGroup = QHash<QString, QList<TopicPartition>>;

    static ResetStrategy toEarliest();
    static ResetStrategy toLatest();
    static ResetStrategy toDateTime(const QDateTime &time);
    // durationMs before the moment of planning (negative: after it).
    static ResetStrategy byDuration(qint64 durationMs, const QString &asWritten);
    static ResetStrategy shiftBy(qint64 n);
    static ResetStrategy toOffset(qint64 offset);
    static ResetStrategy toCurrent();
    // The offsets a file (or a backup) lists, per group; `source` names it.
    static ResetStrategy fromOffsets(const OffsetsByGroup &offsets, const QString &source);
    // A backup put back (undo, re-apply): its offsets, and the partitions
    // that had none before that reset, whose offsets are deleted again.
    static ResetStrategy restoring(const OffsetsByGroup &offsets, const PartitionsByGroup &deletions, const QString &source);
    static ResetStrategy fromGroup(const QString &sourceGroupId);

    Kind kind() const { return m_kind; }
    qint64 value() const { return m_value; }             // the shift, the offset, the duration (ms) or the time (ms since the epoch)
    const QString &source() const { return m_source; }   // FromFile's file, FromGroup's group
    const OffsetsByGroup &offsets() const { return m_offsets; }
    const PartitionsByGroup &deletions() const { return m_deletions; }

    // Whether planning asks ListOffsets by timestamp, and for which time.
    bool needsOffsetsForTimes() const { return m_kind == Kind::ToDateTime || m_kind == Kind::ByDuration; }
    qint64 timestampMs(const QDateTime &now) const;
    // Whether the partitions come from the strategy (a file, another group) rather than the scope alone.
    bool listsItsPartitions() const { return m_kind == Kind::FromFile || m_kind == Kind::FromGroup; }

    // As kafka-consumer-groups.sh's option says it ("--to-datetime 2026-03-29T14:30:00.000Z"), for records and history.
    QString describe() const;

private:
    Kind m_kind = Kind::ToCurrent;
    qint64 m_value = 0;
    QString m_source;
    OffsetsByGroup m_offsets;
    PartitionsByGroup m_deletions;
};

}   // namespace cohort
