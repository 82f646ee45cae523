// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/DescribeGroupsCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"

#include <librdkafka/rdkafka.h>

namespace cohort::DescribeGroupsCodec {

QByteArray encodeRequest(const QStringList &groupIds)
{
    ByteWriter w;
    w.arrayLength(groupIds.size());
    for (const QString &g : groupIds)
        w.string(g);
    w.boolean(false);   // include_authorized_operations
    return w.take();
}

std::optional<QList<GroupDescription>> decodeResponse(const QByteArray &body)
{
    ByteReader r(body);
    QList<GroupDescription> out;
    r.int32();   // throttle_time_ms
    const qint32 groups = r.arrayLength(2 + 2 + 2 + 2 + 2 + 4 + 4);
    for (qint32 g = 0; g < groups && r.ok(); ++g) {
        GroupDescription d;
        d.errorCode = r.int16();
        d.groupId = r.string();
        d.state = groupStateFromString(r.string());
        d.protocolType = r.string();
        d.protocol = r.string();
        const qint32 members = r.arrayLength(2 + 2 + 2 + 2 + 4 + 4);
        for (qint32 m = 0; m < members && r.ok(); ++m) {
            GroupMember gm;
            gm.memberId = r.string();
            gm.groupInstanceId = r.nullableString().value_or(QString());
            gm.clientId = r.string();
            gm.host = r.string();
            gm.rawMetadata = r.bytes();
            gm.rawAssignment = r.bytes();
            d.members.append(std::move(gm));
        }
        r.int32();   // authorized_operations
        if (d.errorCode != 0)
            d.errorName = QString::fromUtf8(rd_kafka_err2name(rd_kafka_resp_err_t(d.errorCode)));
        out.append(std::move(d));
    }
    if (!r.ok())
        return std::nullopt;
    return out;
}

} // namespace cohort::DescribeGroupsCodec
