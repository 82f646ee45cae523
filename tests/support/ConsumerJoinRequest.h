// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/ConsumerProtocolDecoder.h"
#include "core/wire/GroupMessages.h"

#include <QString>

#include <optional>

namespace cohort::test {

// The JoinGroup request a consumer of TOPIC using the range assignor sends
// (ConsumerProtocolSubscription v1, as the Java client writes it), for tests
// that speak the classic group protocol by hand. No member id: the first join
// of a dynamic member, which the coordinator answers MEMBER_ID_REQUIRED.
inline JoinGroupRequest rangeConsumerJoin(const QString &group, const QString &topic, int sessionTimeoutMs, int rebalanceTimeoutMs,
                                          const std::optional<QString> &instanceId = std::nullopt)
{
    ConsumerSubscription sub;
    sub.version = 1;
    sub.topics = {topic};
    JoinGroupRequest join;
    join.groupId = group;
    join.sessionTimeoutMs = sessionTimeoutMs;
    join.rebalanceTimeoutMs = rebalanceTimeoutMs;
    join.groupInstanceId = instanceId;
    join.protocolType = QStringLiteral("consumer");
    join.protocols = {{QStringLiteral("range"), ConsumerProtocolDecoder::encodeSubscription(sub)}};
    return join;
}

}   // namespace cohort::test
