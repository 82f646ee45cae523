// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ListOffsetsCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"

namespace cohort::ListOffsetsCodec {

QByteArray encodeRequest(const QList<TopicPartition> &partitions, qint64 timestamp, bool readCommitted)
{
    const QMap<QString, QList<int>> byTopic = partitionsByTopic(partitions);
    ByteWriter w(16 + partitions.size() * 12 + byTopic.size() * 32);
    w.int32(-1);                     // replica_id: a client
    w.int8(readCommitted ? 1 : 0);   // isolation_level
    w.arrayLength(byTopic.size());
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        w.string(it.key());
        w.arrayLength(it.value().size());
        for (int p : it.value()) {
            w.int32(p);
            w.int64(timestamp);
        }
    }
    return w.take();
}

std::optional<Answer> decodeResponse(const QByteArray &body)
{
    ByteReader r(body);
    Answer out;
    r.int32();   // throttle_time_ms
    const qint32 topics = r.arrayLength(2 + 4);
    for (qint32 t = 0; t < topics && r.ok(); ++t) {
        const QString topic = r.string();
        const qint32 partitions = r.arrayLength(4 + 2 + 8 + 8);
        out.offsets.reserve(out.offsets.size() + partitions);
        for (qint32 p = 0; p < partitions && r.ok(); ++p) {
            const TopicPartition tp{topic, r.int32()};
            const qint16 error = r.int16();
            r.int64();   // timestamp
            const qint64 offset = r.int64();
            if (error != ErrorCode::None || offset < 0)
                out.failed.append(tp);
            else
                out.offsets.insert(tp, offset);
        }
    }
    if (!r.ok())
        return std::nullopt;
    return out;
}

}   // namespace cohort::ListOffsetsCodec
