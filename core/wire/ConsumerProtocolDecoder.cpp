// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ConsumerProtocolDecoder.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"

#include <QCoreApplication>
#include <QMap>

namespace cohort::ConsumerProtocolDecoder {

namespace {

KafkaError decodeError(const QString &what)
{
    return KafkaError::make(
        -1, QStringLiteral("CONSUMER_PROTOCOL_DECODE"),
        QCoreApplication::translate("ConsumerProtocolDecoder", "The %1 bytes are not valid consumer-protocol data.").arg(what),
        QCoreApplication::translate("ConsumerProtocolDecoder", "The member may use a custom protocol; its raw bytes are shown instead."));
}

QList<TopicPartition> readTopicPartitions(ByteReader &r)
{
    QList<TopicPartition> out;
    const qint32 nt = r.arrayLength(2 + 4);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        const QString topic = r.string();
        const qint32 np = r.arrayLength(4);
        if (nt == 1)
            out.reserve(qMax(0, np));
        for (qint32 j = 0; j < np && r.ok(); ++j)
            out.append(TopicPartition{topic, r.int32()});
    }
    // Exactly the room needed: a snapshot holds every member's list (a
    // million partitions at scale), and growth's slack would stay with it.
    out.squeeze();
    return out;
}

void writeTopicPartitions(ByteWriter &w, const QList<TopicPartition> &tps)
{
    const QMap<QString, QList<int>> byTopic = partitionsByTopic(tps);
    w.arrayLength(byTopic.size());
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        w.string(it.key());
        w.arrayLength(it->size());
        for (int p : *it)
            w.int32(p);
    }
}

}   // namespace

Result<ConsumerSubscription> decodeSubscription(const QByteArray &bytes)
{
    ByteReader r(bytes);
    ConsumerSubscription s;
    s.version = r.int16();
    if (!r.ok() || s.version < 0)
        return decodeError(QStringLiteral("subscription"));
    const qint32 n = r.arrayLength(2);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        s.topics << r.string();
    s.userData = r.bytes();
    if (s.version >= 1)
        s.ownedPartitions = readTopicPartitions(r);
    if (s.version >= 2)
        s.generationId = r.int32();
    if (s.version >= 3)
        s.rackId = r.string();
    if (!r.ok())
        return decodeError(QStringLiteral("subscription"));
    return s;
}

Result<ConsumerAssignment> decodeAssignment(const QByteArray &bytes)
{
    ConsumerAssignment a;
    if (bytes.isEmpty())
        return a;   // a member that has no assignment yet (or owns nothing)
    ByteReader r(bytes);
    a.version = r.int16();
    if (!r.ok() || a.version < 0)
        return decodeError(QStringLiteral("assignment"));
    a.partitions = readTopicPartitions(r);
    a.userData = r.bytes();
    if (!r.ok())
        return decodeError(QStringLiteral("assignment"));
    return a;
}

QByteArray encodeSubscription(const ConsumerSubscription &s)
{
    ByteWriter w;
    w.int16(qint16(s.version));
    w.arrayLength(s.topics.size());
    for (const QString &t : s.topics)
        w.string(t);
    w.bytes(s.userData);
    if (s.version >= 1)
        writeTopicPartitions(w, s.ownedPartitions);
    if (s.version >= 2)
        w.int32(s.generationId);
    if (s.version >= 3)
        w.nullableString(s.rackId.isEmpty() ? std::nullopt : std::optional<QString>(s.rackId));
    return w.take();
}

QByteArray encodeAssignment(const ConsumerAssignment &a)
{
    ByteWriter w;
    w.int16(qint16(a.version));
    writeTopicPartitions(w, a.partitions);
    w.bytes(a.userData);
    return w.take();
}

}   // namespace cohort::ConsumerProtocolDecoder
