// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ListGroupsCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/GroupApiCodec.h"

namespace cohort::ListGroupsCodec {

// The bytes are GroupApiCodec's, which speaks every ListGroups version (the
// sandbox answers with it); this is the v5 view Cohort's listing needs.
QByteArray encodeRequest(const QStringList &statesFilter, const QStringList &typesFilter)
{
    return GroupApiCodec::encode(ListGroupsRequest{statesFilter, typesFilter}, kVersion);
}

std::optional<Listing> decodeResponse(const QByteArray &body, int coordinatorId)
{
    ByteReader r(body);
    const auto decoded = GroupApiCodec::decodeListGroupsResponse(r, kVersion);
    if (!decoded || !r.atEnd())
        return std::nullopt;
    Listing out;
    out.errorCode = decoded->errorCode;
    for (const auto &dg : decoded->groups) {
        GroupListing g;
        g.groupId = dg.groupId;
        g.protocolType = dg.protocolType;
        g.state = groupStateFromString(dg.groupState);
        g.type = groupTypeFromString(dg.groupType);
        g.coordinatorId = coordinatorId;
        out.groups.append(std::move(g));
    }
    return out;
}

}   // namespace cohort::ListGroupsCodec
