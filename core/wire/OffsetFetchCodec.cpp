// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/OffsetFetchCodec.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"

#include <QCoreApplication>

#include <librdkafka/rdkafka.h>

namespace cohort::OffsetFetchCodec {

QByteArray encodeRequest(const QString &groupId, const QList<TopicPartition> &partitions)
{
    OffsetFetchRequest request;
    request.groupId = groupId;
    if (!partitions.isEmpty()) {
        const QMap<QString, QList<int>> byTopic = partitionsByTopic(partitions);
        request.topics.emplace();
        request.topics->reserve(byTopic.size());
        for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it)
            request.topics->append({it.key(), it.value()});
    }
    return GroupApiCodec::encode(request, kVersion);
}

Result<GroupOffsets> decodeResponse(const QString &groupId, const QByteArray &body)
{
    ByteReader r(body);
    std::optional<OffsetFetchResponse> response = GroupApiCodec::decodeOffsetFetchResponse(r, kVersion);
    if (!response)
        return KafkaErrorHints::fromRdKafka(
            RD_KAFKA_RESP_ERR__BAD_MSG,
            QCoreApplication::translate("OffsetFetchCodec", "malformed OffsetFetch response for group %1").arg(groupId));
    if (response->errorCode != ErrorCode::None)
        return KafkaErrorHints::fromRdKafka(response->errorCode,
                                            QCoreApplication::translate("OffsetFetchCodec", "OffsetFetch for group %1").arg(groupId));
    GroupOffsets out;
    out.groupId = groupId;
    qsizetype partitions = 0;
    for (const OffsetFetchResponse::Topic &t : std::as_const(response->topics))
        partitions += t.partitions.size();
    out.offsets.reserve(partitions);
    for (OffsetFetchResponse::Topic &t : response->topics) {
        for (OffsetFetchResponse::Partition &p : t.partitions) {
            if (p.errorCode != ErrorCode::None || p.committedOffset < 0)
                continue;   // never committed, or not readable: as the librdkafka path leaves it out
            CommittedOffset c;
            c.tp = TopicPartition{t.name, p.partitionIndex};
            c.offset = p.committedOffset;
            c.leaderEpoch = p.committedLeaderEpoch;
            c.metadata = std::move(p.metadata).value_or(QString());
            out.offsets.append(std::move(c));
        }
    }
    return out;
}

}   // namespace cohort::OffsetFetchCodec
