// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/protocol/RecordBatch.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "sandbox/protocol/Crc32c.h"

namespace cohort::sandbox::RecordBatch {

Check parse(const char *data, qsizetype size, RecordBatchHeader *h)
{
    if (size < kHeaderSize)
        return Check::Truncated;
    ByteReader r(data, size);
    h->baseOffset = r.int64();
    h->batchLength = r.int32();
    r.int32();   // partition leader epoch
    h->magic = r.int8();
    h->crc = r.uint32();
    h->attributes = r.int16();
    h->lastOffsetDelta = r.int32();
    h->baseTimestamp = r.int64();
    h->maxTimestamp = r.int64();
    h->producerId = r.int64();
    h->producerEpoch = r.int16();
    h->baseSequence = r.int32();
    h->recordCount = r.int32();
    if (h->batchLength < kHeaderSize - 12 || h->totalSize() > size)
        return Check::Truncated;
    if (h->magic != 2)
        return Check::BadMagic;
    if (h->recordCount < 0 || h->lastOffsetDelta < 0 || h->lastOffsetDelta >= qMax(1, h->recordCount) + 0x7fffffff / 2)
        return Check::BadCount;
    if (crc32c(data + 21, h->totalSize() - 21) != h->crc)
        return Check::BadCrc;
    return Check::Ok;
}

bool split(const QByteArray &records, QList<QPair<qsizetype, RecordBatchHeader>> *batches, Check *why)
{
    qsizetype pos = 0;
    while (pos < records.size()) {
        RecordBatchHeader h;
        const Check c = parse(records.constData() + pos, records.size() - pos, &h);
        if (c != Check::Ok) {
            *why = c;
            return false;
        }
        batches->append({pos, h});
        pos += h.totalSize();
    }
    *why = Check::Ok;
    return !batches->isEmpty();
}

void setBaseOffset(QByteArray &batch, qint64 baseOffset)
{
    const quint64 u = quint64(baseOffset);
    char *p = batch.data();
    for (int i = 0; i < 8; ++i)
        p[i] = char(u >> (56 - 8 * i));
}

qint64 firstOffsetAtOrAfter(const QByteArray &batch, const RecordBatchHeader &h, qint64 target, qint64 *timestamp)
{
    if (h.maxTimestamp < target)
        return -1;
    if (h.compression() != 0) {
        *timestamp = h.maxTimestamp;
        return h.baseOffset;
    }
    ByteReader r(batch.constData() + kHeaderSize, h.totalSize() - kHeaderSize);
    for (int i = 0; i < h.recordCount && r.ok(); ++i) {
        const qint32 len = r.varint();
        const qsizetype start = r.position();
        r.int8();
        const qint64 tsDelta = r.varlong();
        const qint32 offDelta = r.varint();
        if (!r.ok() || len < 0)
            break;
        if (h.baseTimestamp + tsDelta >= target) {
            *timestamp = h.baseTimestamp + tsDelta;
            return h.baseOffset + offDelta;
        }
        r.skip(len - (r.position() - start));
    }
    *timestamp = h.maxTimestamp;
    return h.baseOffset;
}

QByteArray build(const QList<QPair<QByteArray, QByteArray>> &records, qint64 timestampMs)
{
    ByteWriter body;
    for (int i = 0; i < records.size(); ++i) {
        ByteWriter rec;
        rec.int8(0);
        rec.varlong(0);
        rec.varint(i);
        const auto &[key, value] = records.at(i);
        if (key.isNull())
            rec.varint(-1);
        else {
            rec.varint(qint32(key.size()));
            rec.raw(key);
        }
        if (value.isNull())
            rec.varint(-1);
        else {
            rec.varint(qint32(value.size()));
            rec.raw(value);
        }
        rec.varint(0);
        body.varint(qint32(rec.size()));
        body.raw(rec.data());
    }
    ByteWriter crcPart;
    crcPart.int16(0);
    crcPart.int32(qint32(qMax<qsizetype>(records.size(), 1) - 1));
    crcPart.int64(timestampMs);
    crcPart.int64(timestampMs);
    crcPart.int64(-1);
    crcPart.int16(-1);
    crcPart.int32(-1);
    crcPart.int32(qint32(records.size()));
    crcPart.raw(body.data());
    ByteWriter out;
    out.int64(0);
    out.int32(qint32(4 + 1 + 4 + crcPart.size()));
    out.int32(0);
    out.int8(2);
    out.uint32(crc32c(crcPart.data().constData(), crcPart.size()));
    out.raw(crcPart.data());
    return out.take();
}

}   // namespace cohort::sandbox::RecordBatch
