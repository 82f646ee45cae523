// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/protocol/RecordBatch.h"

#include <QByteArray>

#include <deque>

namespace cohort::sandbox {

// One partition's log: record batches as received (base offset rewritten), a
// log start offset that retention and DeleteRecords advance, and a byte cap so
// that a sandbox running for days keeps bounded memory.
class PartitionLog
{
public:
    explicit PartitionLog(qint64 retentionBytes)
        : m_retentionBytes(retentionBytes)
    { }

    qint64 startOffset() const { return m_startOffset; }
    qint64 endOffset() const { return m_endOffset; }
    qint64 storedBytes() const { return m_bytes; }

    // Appends one validated batch; returns its base offset.
    qint64 append(QByteArray batch, const RecordBatchHeader &header);

    // Whole batches from the one holding `offset`, up to maxBytes (at least one
    // batch even when it is larger, as Kafka does so that consumers progress).
    QByteArray read(qint64 offset, qint64 maxBytes) const;

    // Bytes a fetch from `offset` could return (whole batches to the end).
    qint64 bytesFrom(qint64 offset) const;

    // Offset of the first record with timestamp >= target; -1 when none.
    qint64 offsetForTimestamp(qint64 target, qint64 *timestamp) const;

    // Moves the log start to `offset` (<= end), dropping whole batches before it.
    void deleteBefore(qint64 offset);

private:
    struct Stored
    {
        qint64 baseOffset;
        qint64 lastOffset;
        RecordBatchHeader header;
        QByteArray bytes;
    };
    void enforceRetention();
    std::deque<Stored>::const_iterator batchFor(qint64 offset) const;

    std::deque<Stored> m_batches;
    qint64 m_startOffset = 0;
    qint64 m_endOffset = 0;
    qint64 m_bytes = 0;
    qint64 m_retentionBytes;
};

}   // namespace cohort::sandbox
