// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/coordinator/ConsumerProtocol.h"

#include "core/ByteReader.h"
#include "core/ByteWriter.h"

namespace cohort::sandbox {

namespace {

void writeTopicPartitions(ByteWriter &w, const QList<ConsumerProtocol::TopicPartitions> &list)
{
    w.arrayLength(list.size());
    for (const auto &tp : list) {
        w.string(tp.topic);
        w.arrayLength(tp.partitions.size());
        for (qint32 p : tp.partitions)
            w.int32(p);
    }
}

QList<ConsumerProtocol::TopicPartitions> readTopicPartitions(ByteReader &r)
{
    QList<ConsumerProtocol::TopicPartitions> out;
    const qint32 n = r.arrayLength(2 + 4);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        ConsumerProtocol::TopicPartitions tp;
        tp.topic = r.string();
        const qint32 np = r.arrayLength(4);
        tp.partitions.reserve(qMax(np, 0));
        for (qint32 j = 0; j < np && r.ok(); ++j)
            tp.partitions.append(r.int32());
        out.append(std::move(tp));
    }
    return out;
}

} // namespace

QByteArray ConsumerProtocol::encodeSubscription(const Subscription &s)
{
    ByteWriter w;
    w.int16(s.version);
    w.arrayLength(s.topics.size());
    for (const auto &t : s.topics)
        w.string(t);
    if (s.userData.isNull())
        w.int32(-1);
    else
        w.bytes(s.userData);
    if (s.version >= 1)
        writeTopicPartitions(w, s.ownedPartitions);
    if (s.version >= 2)
        w.int32(s.generationId);
    if (s.version >= 3)
        w.nullableString(s.rackId);
    return w.take();
}

std::optional<ConsumerProtocol::Subscription> ConsumerProtocol::decodeSubscription(const QByteArray &bytes)
{
    ByteReader r(bytes);
    Subscription s;
    s.version = r.int16();
    if (s.version < 0)
        return std::nullopt;
    const qint32 n = r.arrayLength(2);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        s.topics.append(r.string());
    // user_data, and everything after it, is optional in practice: some clients
    // end the v0 struct early.
    if (r.ok() && !r.atEnd())
        s.userData = r.nullableBytes().value_or(QByteArray());
    if (s.version >= 1 && r.ok() && !r.atEnd())
        s.ownedPartitions = readTopicPartitions(r);
    if (s.version >= 2 && r.ok() && !r.atEnd())
        s.generationId = r.int32();
    if (s.version >= 3 && r.ok() && !r.atEnd())
        s.rackId = r.nullableString();
    if (!r.ok())
        return std::nullopt;
    return s;
}

QByteArray ConsumerProtocol::encodeAssignment(const Assignment &a)
{
    ByteWriter w;
    w.int16(a.version);
    writeTopicPartitions(w, a.partitions);
    if (a.userData.isNull())
        w.int32(-1);
    else
        w.bytes(a.userData);
    return w.take();
}

std::optional<ConsumerProtocol::Assignment> ConsumerProtocol::decodeAssignment(const QByteArray &bytes)
{
    ByteReader r(bytes);
    Assignment a;
    a.version = r.int16();
    if (a.version < 0)
        return std::nullopt;
    a.partitions = readTopicPartitions(r);
    if (r.ok() && !r.atEnd())
        a.userData = r.nullableBytes().value_or(QByteArray());
    if (!r.ok())
        return std::nullopt;
    return a;
}

} // namespace cohort::sandbox
