// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetStrategy.h"

namespace cohort {

ResetStrategy ResetStrategy::toEarliest()
{
    ResetStrategy s;
    s.m_kind = Kind::ToEarliest;
    return s;
}

ResetStrategy ResetStrategy::toLatest()
{
    ResetStrategy s;
    s.m_kind = Kind::ToLatest;
    return s;
}

ResetStrategy ResetStrategy::toDateTime(const QDateTime &time)
{
    ResetStrategy s;
    s.m_kind = Kind::ToDateTime;
    s.m_value = time.toMSecsSinceEpoch();
    s.m_source = time.toString(Qt::ISODateWithMs);
    return s;
}

ResetStrategy ResetStrategy::byDuration(qint64 durationMs, const QString &asWritten)
{
    ResetStrategy s;
    s.m_kind = Kind::ByDuration;
    s.m_value = durationMs;
    s.m_source = asWritten;
    return s;
}

ResetStrategy ResetStrategy::shiftBy(qint64 n)
{
    ResetStrategy s;
    s.m_kind = Kind::ShiftBy;
    s.m_value = n;
    return s;
}

ResetStrategy ResetStrategy::toOffset(qint64 offset)
{
    ResetStrategy s;
    s.m_kind = Kind::ToOffset;
    s.m_value = offset;
    return s;
}

ResetStrategy ResetStrategy::toCurrent()
{
    ResetStrategy s;
    s.m_kind = Kind::ToCurrent;
    return s;
}

ResetStrategy ResetStrategy::fromOffsets(const OffsetsByGroup &offsets, const QString &source)
{
    ResetStrategy s;
    s.m_kind = Kind::FromFile;
    s.m_offsets = offsets;
    s.m_source = source;
    return s;
}

ResetStrategy ResetStrategy::restoring(const OffsetsByGroup &offsets, const PartitionsByGroup &deletions, const QString &source)
{
    ResetStrategy s = fromOffsets(offsets, source);
    s.m_deletions = deletions;
    return s;
}

ResetStrategy ResetStrategy::fromGroup(const QString &sourceGroupId)
{
    ResetStrategy s;
    s.m_kind = Kind::FromGroup;
    s.m_source = sourceGroupId;
    return s;
}

qint64 ResetStrategy::timestampMs(const QDateTime &now) const
{
    return m_kind == Kind::ByDuration ? now.toMSecsSinceEpoch() - m_value : m_value;
}

QString ResetStrategy::describe() const
{
    switch (m_kind) {
    case Kind::ToEarliest: return QStringLiteral("--to-earliest");
    case Kind::ToLatest: return QStringLiteral("--to-latest");
    case Kind::ToDateTime: return QStringLiteral("--to-datetime ") + m_source;
    case Kind::ByDuration: return QStringLiteral("--by-duration ") + m_source;
    case Kind::ShiftBy: return QStringLiteral("--shift-by ") + QString::number(m_value);
    case Kind::ToOffset: return QStringLiteral("--to-offset ") + QString::number(m_value);
    case Kind::ToCurrent: return QStringLiteral("--to-current");
    case Kind::FromFile: return QStringLiteral("--from-file ") + m_source;
    case Kind::FromGroup: return QStringLiteral("--from-group ") + m_source;
    }
    Q_UNREACHABLE();
}

}   // namespace cohort
