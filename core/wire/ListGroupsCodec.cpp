// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ListGroupsCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"

namespace cohort::ListGroupsCodec {

QByteArray encodeRequest(const QStringList &statesFilter, const QStringList &typesFilter)
{
    ByteWriter w;
    w.compactArrayLength(statesFilter.size());
    for (const QString &s : statesFilter)
        w.compactString(s);
    w.compactArrayLength(typesFilter.size());
    for (const QString &t : typesFilter)
        w.compactString(t);
    w.emptyTaggedFields();
    return w.take();
}

std::optional<Listing> decodeResponse(const QByteArray &body, int coordinatorId)
{
    ByteReader r(body);
    Listing out;
    r.int32();   // throttle_time_ms
    out.errorCode = r.int16();
    // Each group is at least four empty compact strings and its tagged fields.
    const qint32 n = r.compactArrayLength(5);
    for (qint32 i = 0; i < n && r.ok(); ++i) {
        GroupListing g;
        g.groupId = r.compactString();
        g.protocolType = r.compactString();
        g.state = groupStateFromString(r.compactString());
        g.type = groupTypeFromString(r.compactString());
        g.coordinatorId = coordinatorId;
        r.skipTaggedFields();
        out.groups.append(std::move(g));
    }
    r.skipTaggedFields();
    if (!r.ok() || n < 0 || !r.atEnd())
        return std::nullopt;
    return out;
}

}   // namespace cohort::ListGroupsCodec
