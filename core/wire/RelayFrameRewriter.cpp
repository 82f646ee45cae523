// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/RelayFrameRewriter.h"

#include "core/wire/ApiKey.h"
#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"

#include <QList>

namespace cohort {

namespace {

constexpr qint16 kRemoved = -1;
constexpr qint16 kMaxMetadata = 8;
constexpr qint16 kMaxFindCoordinator = 2;

}   // namespace

qint16 RelayFrameRewriter::maxVersion(qint16 apiKey)
{
    switch (apiKey) {
    case ApiKey::Metadata: return kMaxMetadata;
    case ApiKey::FindCoordinator: return kMaxFindCoordinator;
    case ApiKey::Produce: return 9;
    case ApiKey::Fetch: return 15;
    case ApiKey::SaslAuthenticate: return 1;   // the relay answers it itself, v2 is flexible
    case ApiKey::DescribeCluster:
    case ApiKey::DescribeQuorum:
    case ApiKey::ShareFetch:
    case ApiKey::ShareAcknowledge: return kRemoved;
    default: return kUncapped;
    }
}

RelayFrameRewriter::Treatment RelayFrameRewriter::treatmentOf(qint16 apiKey, qint16 apiVersion)
{
    const qint16 cap = maxVersion(apiKey);
    if (cap != kUncapped && apiVersion > cap)
        return Treatment::Refuse;   // never offered: a client that asks anyway is not librdkafka
    switch (apiKey) {
    case ApiKey::ApiVersions: return Treatment::CapVersions;
    case ApiKey::Metadata: return Treatment::RewriteMetadata;
    case ApiKey::FindCoordinator: return Treatment::RewriteCoordinator;
    default: return Treatment::PassThrough;
    }
}

std::optional<QByteArray> RelayFrameRewriter::capApiVersions(const QByteArray &body, qint16 version)
{
    ByteReader r(body);
    const qint16 error = r.int16();
    if (!r.ok())
        return std::nullopt;
    if (error != ErrorCode::None)
        return body;
    const bool flexible = version >= ApiKey::firstFlexibleVersion(ApiKey::ApiVersions);
    const qint32 count = flexible ? r.compactArrayLength(7) : r.arrayLength(6);
    struct Entry
    {
        qint16 key, min, max;
        QByteArray tags;   // a flexible entry's tagged fields, as they came
    };
    QList<Entry> kept;
    for (qint32 i = 0; i < count && r.ok(); ++i) {
        Entry e{r.int16(), r.int16(), r.int16(), {}};
        if (flexible) {
            const qsizetype from = r.position();
            r.skipTaggedFields();
            e.tags = body.mid(from, r.position() - from);
        }
        const qint16 cap = maxVersion(e.key);
        if (cap == kRemoved || cap < e.min)
            continue;
        e.max = qMin(e.max, cap);
        kept.append(e);
    }
    if (!r.ok())
        return std::nullopt;
    ByteWriter w(body.size());
    w.int16(error);
    if (flexible)
        w.compactArrayLength(kept.size());
    else
        w.arrayLength(kept.size());
    for (const Entry &e : std::as_const(kept)) {
        w.int16(e.key);
        w.int16(e.min);
        w.int16(e.max);
        if (flexible)
            w.raw(e.tags);
    }
    w.raw(body.mid(r.position()));   // throttle time, the features' tagged fields
    return w.take();
}

std::optional<QByteArray> RelayFrameRewriter::rewriteMetadata(const QByteArray &body, qint16 version, const AddressMap &map)
{
    if (version < 0 || version > kMaxMetadata)
        return std::nullopt;
    ByteReader r(body);
    ByteWriter w(body.size() + 64);
    if (version >= 3)
        w.int32(r.int32());   // throttle_time_ms
    const qint32 brokers = r.arrayLength(10);
    w.arrayLength(qMax(brokers, 0));
    for (qint32 i = 0; i < brokers && r.ok(); ++i) {
        const qint32 nodeId = r.int32();
        const QString host = r.string();
        const qint32 port = r.int32();
        const Address mapped = map(Address{host, port});
        w.int32(nodeId);
        w.string(mapped.host);
        w.int32(mapped.port);
        if (version >= 1)
            w.nullableString(r.nullableString());   // rack
    }
    if (!r.ok())
        return std::nullopt;
    w.raw(body.mid(r.position()));   // cluster id, controller, topics: untouched
    return w.take();
}

std::optional<QByteArray> RelayFrameRewriter::rewriteFindCoordinator(const QByteArray &body, qint16 version, const AddressMap &map)
{
    if (version < 0 || version > kMaxFindCoordinator)
        return std::nullopt;
    ByteReader r(body);
    ByteWriter w(body.size() + 32);
    if (version >= 1)
        w.int32(r.int32());   // throttle_time_ms
    const qint16 error = r.int16();
    w.int16(error);
    if (version >= 1)
        w.nullableString(r.nullableString());
    const qint32 nodeId = r.int32();
    const QString host = r.string();
    const qint32 port = r.int32();
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    const Address mapped = error == ErrorCode::None ? map(Address{host, port}) : Address{host, port};
    w.int32(nodeId);
    w.string(mapped.host);
    w.int32(mapped.port);
    return w.take();
}

}   // namespace cohort
