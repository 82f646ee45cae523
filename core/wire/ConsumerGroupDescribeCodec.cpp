// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ConsumerGroupDescribeCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/KafkaUuid.h"

#include <librdkafka/rdkafka.h>

namespace cohort::ConsumerGroupDescribeCodec {

namespace {

constexpr qsizetype kUuidSize = 16;

// Assignment: topic_partitions: compact [] of (topic_id uuid, topic_name
// compact string, partitions compact [] int32, tagged fields), tagged fields.
// Each topic's id goes into `topicIds` (by name): the rest of Cohort names
// topics, but the uniform assignor's order is by id.
QList<TopicPartition> readAssignment(ByteReader &r, QHash<QString, QString> &topicIds)
{
    QList<TopicPartition> out;
    const qint32 topics = r.compactArrayLength(kUuidSize + 3);
    for (qint32 t = 0; t < topics && r.ok(); ++t) {
        const QByteArray id = r.raw(kUuidSize);
        const QString topic = r.compactString();
        if (r.ok() && !KafkaUuid::isZero(id))
            topicIds.insert(topic, KafkaUuid::toString(id));
        const qint32 partitions = r.compactArrayLength(4);
        for (qint32 p = 0; p < partitions && r.ok(); ++p)
            out.append(TopicPartition{topic, r.int32()});
        r.skipTaggedFields();
    }
    r.skipTaggedFields();
    return out;
}

}   // namespace

QByteArray encodeRequest(const QStringList &groupIds, bool includeAuthorizedOperations)
{
    ByteWriter w;
    w.compactArrayLength(groupIds.size());   // group_ids: compact [] compact string
    for (const QString &g : groupIds)
        w.compactString(g);
    w.int8(includeAuthorizedOperations ? 1 : 0);   // include_authorized_operations: bool
    w.emptyTaggedFields();
    return w.take();
}

std::optional<QList<GroupDescription>> decodeResponse(const QByteArray &body, qint16 version)
{
    if (version < 0 || version > kMaxVersion)
        return std::nullopt;
    ByteReader r(body);
    r.int32();   // throttle_time_ms
    QList<GroupDescription> out;
    // A group is at least an error code, four empty strings, three int32s,
    // an empty member array and tagged fields.
    const qint32 groups = r.compactArrayLength(2 + 4 + 3 * 4 + 1 + 1);
    for (qint32 gi = 0; gi < groups && r.ok(); ++gi) {
        GroupDescription d;
        d.describedAsConsumerGroup = true;
        d.type = GroupType::Consumer;
        d.protocolType = QStringLiteral("consumer");
        d.errorCode = r.int16();
        d.errorMessage = r.compactString();   // nullable: null reads as empty
        d.groupId = r.compactString();
        d.state = groupStateFromString(r.compactString());
        d.groupEpoch = r.int32();
        d.assignmentEpoch = r.int32();
        d.protocol = r.compactString();   // assignor_name: "uniform", "range", or the client's own
        const qint32 members = r.compactArrayLength(1 + 1 + 1 + 4 + 1 + 1 + 1 + 1 + 2 + 2 + 1);
        for (qint32 mi = 0; mi < members && r.ok(); ++mi) {
            GroupMember m;
            m.memberId = r.compactString();
            m.groupInstanceId = r.compactString();   // nullable: null (a dynamic member) reads as empty
            ConsumerSubscription subscription;
            subscription.rackId = r.compactString();   // nullable
            m.memberEpoch = r.int32();
            m.clientId = r.compactString();
            m.host = r.compactString();
            const qint32 topics = r.compactArrayLength(1);
            for (qint32 t = 0; t < topics && r.ok(); ++t)
                subscription.topics.append(r.compactString());
            m.subscribedTopicRegex = r.compactString();   // nullable
            m.subscription = std::move(subscription);
            m.assignment = ConsumerAssignment{0, readAssignment(r, d.topicIds), {}};
            m.targetAssignment = readAssignment(r, d.topicIds);
            if (version >= 1) {
                const qint8 type = r.int8();   // -1 unknown, 0 classic, 1 consumer
                m.type = type == 0 ? MemberType::Classic : type == 1 ? MemberType::Consumer : MemberType::Unknown;
            }
            r.skipTaggedFields();
            d.members.append(std::move(m));
        }
        r.int32();   // authorized_operations
        r.skipTaggedFields();
        if (d.errorCode != ErrorCode::None)
            d.errorName = QString::fromUtf8(rd_kafka_err2name(rd_kafka_resp_err_t(d.errorCode)));
        out.append(std::move(d));
    }
    r.skipTaggedFields();
    if (!r.ok())
        return std::nullopt;
    return out;
}

}   // namespace cohort::ConsumerGroupDescribeCodec
