// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/DescribeGroupsCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"

#include <librdkafka/rdkafka.h>

namespace cohort::DescribeGroupsCodec {

QByteArray encodeRequest(const QStringList &groupIds)
{
    return GroupApiCodec::encode(DescribeGroupsRequest{groupIds, false}, kVersion);
}

std::optional<QList<GroupDescription>> decodeResponse(const QByteArray &body)
{
    ByteReader r(body);
    std::optional<DescribeGroupsResponse> response = GroupApiCodec::decodeDescribeGroupsResponse(r, kVersion);
    if (!response)
        return std::nullopt;
    // Moved, not copied: this runs for thousands of groups per refresh.
    QList<GroupDescription> out;
    out.reserve(response->groups.size());
    for (DescribeGroupsResponse::Group &g : response->groups) {
        GroupDescription d;
        d.errorCode = g.errorCode;
        d.groupId = std::move(g.groupId);
        d.state = groupStateFromString(g.groupState);
        d.protocolType = std::move(g.protocolType);
        d.protocol = std::move(g.protocolData);
        d.members.reserve(g.members.size());
        for (DescribeGroupsResponse::Member &m : g.members) {
            GroupMember gm;
            gm.memberId = std::move(m.memberId);
            gm.groupInstanceId = std::move(m.groupInstanceId).value_or(QString());
            gm.clientId = std::move(m.clientId);
            gm.host = std::move(m.clientHost);
            gm.rawMetadata = std::move(m.memberMetadata);
            gm.rawAssignment = std::move(m.memberAssignment);
            d.members.append(std::move(gm));
        }
        if (d.errorCode != ErrorCode::None)
            d.errorName = QString::fromUtf8(rd_kafka_err2name(rd_kafka_resp_err_t(d.errorCode)));
        out.append(std::move(d));
    }
    return out;
}

}   // namespace cohort::DescribeGroupsCodec
