// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/broker/PartitionLog.h"

#include <algorithm>

namespace cohort::sandbox {

qint64 PartitionLog::append(QByteArray batch, const RecordBatchHeader &header)
{
    const qint64 base = m_endOffset;
    RecordBatch::setBaseOffset(batch, base);
    RecordBatchHeader h = header;
    h.baseOffset = base;
    m_bytes += batch.size();
    m_batches.push_back(Stored{base, base + header.lastOffsetDelta, h, std::move(batch)});
    m_endOffset = base + header.lastOffsetDelta + 1;
    enforceRetention();
    return base;
}

void PartitionLog::enforceRetention()
{
    while (m_bytes > m_retentionBytes && m_batches.size() > 1) {
        m_bytes -= m_batches.front().bytes.size();
        m_batches.pop_front();
        m_startOffset = std::max(m_startOffset, m_batches.front().baseOffset);
    }
}

std::deque<PartitionLog::Stored>::const_iterator PartitionLog::batchFor(qint64 offset) const
{
    // First batch whose last offset is >= offset.
    return std::lower_bound(m_batches.begin(), m_batches.end(), offset, [](const Stored &s, qint64 o) { return s.lastOffset < o; });
}

QByteArray PartitionLog::read(qint64 offset, qint64 maxBytes) const
{
    QByteArray out;
    for (auto it = batchFor(offset); it != m_batches.end(); ++it) {
        if (!out.isEmpty() && out.size() + it->bytes.size() > maxBytes)
            break;
        out.append(it->bytes);
    }
    return out;
}

qint64 PartitionLog::bytesFrom(qint64 offset) const
{
    qint64 total = 0;
    for (auto it = batchFor(offset); it != m_batches.end(); ++it)
        total += it->bytes.size();
    return total;
}

qint64 PartitionLog::offsetForTimestamp(qint64 target, qint64 *timestamp) const
{
    for (auto it = batchFor(m_startOffset); it != m_batches.end(); ++it) {
        const qint64 o = RecordBatch::firstOffsetAtOrAfter(it->bytes, it->header, target, timestamp);
        if (o >= 0)
            return std::max(o, m_startOffset);
    }
    return -1;
}

void PartitionLog::deleteBefore(qint64 offset)
{
    offset = std::clamp(offset, m_startOffset, m_endOffset);
    m_startOffset = offset;
    while (!m_batches.empty() && m_batches.front().lastOffset < offset) {
        m_bytes -= m_batches.front().bytes.size();
        m_batches.pop_front();
    }
}

}   // namespace cohort::sandbox
