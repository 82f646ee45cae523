// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"
#include "core/wire/KafkaWireConnection.h"

#include <QString>

#include <memory>
#include <optional>

namespace cohort {

// Finds a group's coordinator (FindCoordinator v2 to the first bootstrap broker
// that answers) and opens a KafkaWireConnection to it, for the group requests
// Cohort sends itself (an admin LeaveGroup, the DescribeGroups before a
// triggered rebalance). Blocking like KafkaWireConnection: pool threads only.
class CoordinatorLocator
{
public:
    static constexpr qint16 kFindCoordinatorVersion = 2;

    // bootstrap is a bootstrap.servers list; each request waits at most
    // timeoutMs; with TLS settings both connections are TLS (SSL, SASL_SSL).
    // Errors carry the Kafka error name (COORDINATOR_NOT_AVAILABLE...) or
    // _TRANSPORT when no broker could be reached, with a hint.
    static Result<std::shared_ptr<KafkaWireConnection>> open(const QString &bootstrap, const QString &groupId,
                                                             const std::optional<KafkaWireConnection::Sasl> &sasl, int timeoutMs,
                                                             const std::optional<TlsSettings> &tls = std::nullopt);
};

}   // namespace cohort
