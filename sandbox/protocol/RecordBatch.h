// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace cohort::sandbox {

// The header of one record batch (magic 2) as stored; the batch bytes themselves
// are kept as received, only base_offset is rewritten on append.
struct RecordBatchHeader
{
    qint64 baseOffset = 0;
    qint32 batchLength = 0;   // bytes after the length field
    qint8 magic = 0;
    quint32 crc = 0;
    qint16 attributes = 0;
    qint32 lastOffsetDelta = 0;
    qint64 baseTimestamp = 0;
    qint64 maxTimestamp = 0;
    qint64 producerId = -1;
    qint16 producerEpoch = -1;
    qint32 baseSequence = -1;
    qint32 recordCount = 0;

    int compression() const { return attributes & 0x7; }
    qsizetype totalSize() const { return 12 + qsizetype(batchLength); }
};

namespace RecordBatch {

inline constexpr qsizetype kHeaderSize = 61;

enum class Check { Ok, Truncated, BadMagic, BadCrc, BadCount };

// Parses the header at data[0..size) without trusting any field; Ok only when
// the whole batch is present, magic is 2 and the CRC-32C matches.
Check parse(const char *data, qsizetype size, RecordBatchHeader *out);

// Splits a produce request's records into batches; false when any is invalid.
bool split(const QByteArray &records, QList<QPair<qsizetype, RecordBatchHeader>> *batches, Check *why);

// Writes a new base offset into stored batch bytes (not covered by the CRC).
void setBaseOffset(QByteArray &batch, qint64 baseOffset);

// First offset in the batch whose record timestamp is >= target, or -1.
// Uncompressed batches are read record by record; compressed ones answer from
// max_timestamp (the first offset of the batch), a documented approximation.
qint64 firstOffsetAtOrAfter(const QByteArray &batch, const RecordBatchHeader &h, qint64 target, qint64 *timestamp);

// Builds an uncompressed batch of (key, value) records (for tests and the fixture API).
QByteArray build(const QList<QPair<QByteArray, QByteArray>> &records, qint64 timestampMs);

}   // namespace RecordBatch
}   // namespace cohort::sandbox
