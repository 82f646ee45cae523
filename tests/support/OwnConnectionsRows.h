// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/RdKafkaClusterClient.h"

#include <QTest>

Q_DECLARE_METATYPE(cohort::RdKafkaClusterClient::OwnConnections)

namespace cohort::test {

// The data rows of a test that must hold on both of RdKafkaClusterClient's
// paths: Cohort's own broker connections where it can, and librdkafka only.
// The test reads them with QFETCH(RdKafkaClusterClient::OwnConnections, own).
inline void addOwnConnectionsRows()
{
    QTest::addColumn<RdKafkaClusterClient::OwnConnections>("own");
    QTest::newRow("own connections") << RdKafkaClusterClient::OwnConnections::WhenPossible;
    QTest::newRow("librdkafka only") << RdKafkaClusterClient::OwnConnections::Never;
}

}   // namespace cohort::test
