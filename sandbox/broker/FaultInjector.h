// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/RequestContext.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cohort::sandbox {

class BrokerNetwork;

// The faults a sandbox cluster can be told to show (SandboxCluster's fault
// injection): per-broker latency, injected error codes and coordinators moved to
// another broker, each until clear(), which also starts stopped brokers again
// (BrokerNetwork stops them). Part of ClusterEngine, on its thread.
class FaultInjector
{
    Q_DISABLE_COPY_MOVE(FaultInjector)

public:
    explicit FaultInjector(BrokerNetwork &network)
        : m_network(network)
    { }

    void setLatency(int id, int ms);   // 0 or less clears
    int latencyOf(int id) const { return m_latency.value(id, 0); }

    // The next count requests of apiKey (to brokerId only when >= 0) fail with errorCode.
    void injectError(qint16 apiKey, qint16 errorCode, int count, int brokerId);
    // The error code the request ctx is to fail with (and one fewer to come), or
    // ErrorCode::None.
    qint16 takeInjectedError(const RequestContext &ctx);

    void moveCoordinator(const QString &groupId, int brokerId);
    // The broker a fault moved the group's coordinator to, if any.
    std::optional<int> movedCoordinator(const QString &groupId) const;

    // Ends every fault: stopped brokers start again.
    void clear();

private:
    struct InjectedError
    {
        qint16 apiKey;
        qint16 errorCode;
        int remaining;
        int brokerId;
    };

    BrokerNetwork &m_network;
    QHash<int, int> m_latency;
    QList<InjectedError> m_injected;
    QHash<QString, int> m_movedCoordinators;
};

}   // namespace cohort::sandbox
