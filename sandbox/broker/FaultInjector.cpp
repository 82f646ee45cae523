// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/broker/FaultInjector.h"

#include "core/wire/ErrorCode.h"
#include "sandbox/broker/BrokerNetwork.h"

namespace cohort::sandbox {

void FaultInjector::setLatency(int id, int ms)
{
    if (ms <= 0)
        m_latency.remove(id);
    else
        m_latency.insert(id, ms);
}

void FaultInjector::injectError(qint16 apiKey, qint16 errorCode, int count, int brokerId)
{
    if (count > 0)
        m_injected.append({apiKey, errorCode, count, brokerId});
}

qint16 FaultInjector::takeInjectedError(const RequestContext &ctx)
{
    for (int i = 0; i < m_injected.size(); ++i) {
        InjectedError &e = m_injected[i];
        if (e.apiKey != ctx.apiKey || (e.brokerId >= 0 && e.brokerId != ctx.brokerId))
            continue;
        const qint16 code = e.errorCode;
        if (--e.remaining <= 0)
            m_injected.removeAt(i);
        return code;
    }
    return ErrorCode::None;
}

void FaultInjector::moveCoordinator(const QString &groupId, int brokerId)
{
    m_movedCoordinators.insert(groupId, brokerId);
}

std::optional<int> FaultInjector::movedCoordinator(const QString &groupId) const
{
    if (const auto it = m_movedCoordinators.constFind(groupId); it != m_movedCoordinators.cend())
        return *it;
    return std::nullopt;
}

void FaultInjector::clear()
{
    m_latency.clear();
    m_injected.clear();
    m_movedCoordinators.clear();
    for (int id : m_network.brokerIds())
        m_network.startBroker(id);
}

}   // namespace cohort::sandbox
