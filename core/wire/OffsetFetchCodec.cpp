// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/OffsetFetchCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/kafka/KafkaErrorHints.h"

#include <QCoreApplication>

#include <librdkafka/rdkafka.h>

namespace cohort::OffsetFetchCodec {

QByteArray encodeRequest(const QString &groupId, const QList<TopicPartition> &partitions)
{
    ByteWriter w(64 + partitions.size() * 4);
    w.string(groupId);
    if (partitions.isEmpty()) {
        w.arrayLength(-1);
        return w.take();
    }
    const QMap<QString, QList<int>> byTopic = partitionsByTopic(partitions);
    w.arrayLength(byTopic.size());
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        w.string(it.key());
        w.arrayLength(it.value().size());
        for (int p : it.value())
            w.int32(p);
    }
    return w.take();
}

Result<GroupOffsets> decodeResponse(const QString &groupId, const QByteArray &body)
{
    ByteReader r(body);
    GroupOffsets out;
    out.groupId = groupId;
    r.int32();   // throttle_time_ms
    const qint32 topics = r.arrayLength(2 + 4);
    for (qint32 t = 0; t < topics && r.ok(); ++t) {
        const QString topic = r.string();
        const qint32 partitions = r.arrayLength(4 + 8 + 2 + 2);
        out.offsets.reserve(out.offsets.size() + qMax(partitions, 0));
        for (qint32 p = 0; p < partitions && r.ok(); ++p) {
            CommittedOffset c;
            c.tp = TopicPartition{topic, r.int32()};
            c.offset = r.int64();
            c.metadata = r.nullableString().value_or(QString());
            const qint16 error = r.int16();
            if (error == 0 && c.offset >= 0)
                out.offsets.append(std::move(c));
        }
    }
    const qint16 error = r.int16();
    if (!r.ok())
        return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__BAD_MSG,
                                            QCoreApplication::translate("OffsetFetchCodec", "malformed OffsetFetch response for group %1").arg(groupId));
    if (error != 0)
        return KafkaErrorHints::fromRdKafka(error, QCoreApplication::translate("OffsetFetchCodec", "OffsetFetch for group %1").arg(groupId));
    return out;
}

} // namespace cohort::OffsetFetchCodec
