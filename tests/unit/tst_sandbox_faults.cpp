// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's FaultInjector on its own: injected errors count down per API
// and broker as SandboxCluster::injectError documents, latency and moved
// coordinators hold until cleared, and clearing starts stopped brokers again.

#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"
#include "sandbox/broker/BrokerNetwork.h"
#include "sandbox/broker/ClusterEngine.h"
#include "sandbox/broker/FaultInjector.h"

#include <QTest>

using namespace cohort;
using namespace cohort::sandbox;

namespace {

RequestContext request(qint16 apiKey, int brokerId)
{
    RequestContext ctx;
    ctx.apiKey = apiKey;
    ctx.brokerId = brokerId;
    return ctx;
}

SandboxConfig twoBrokers()
{
    SandboxConfig config;
    config.brokers = 2;
    config.portBase = 0;   // ephemeral ports
    return config;
}

}   // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void injectedErrorsCountDownPerApiAndBroker()
    {
        const SandboxConfig config = twoBrokers();
        ClusterEngine engine(config);
        BrokerNetwork network(engine, config);
        FaultInjector faults(network);
        faults.injectError(ApiKey::ListOffsets, ErrorCode::NotLeaderOrFollower, 2, 2);
        // Another broker, another API: untouched.
        QCOMPARE(faults.takeInjectedError(request(ApiKey::ListOffsets, 1)), qint16(ErrorCode::None));
        QCOMPARE(faults.takeInjectedError(request(ApiKey::Fetch, 2)), qint16(ErrorCode::None));
        QCOMPARE(faults.takeInjectedError(request(ApiKey::ListOffsets, 2)), qint16(ErrorCode::NotLeaderOrFollower));
        QCOMPARE(faults.takeInjectedError(request(ApiKey::ListOffsets, 2)), qint16(ErrorCode::NotLeaderOrFollower));
        QCOMPARE(faults.takeInjectedError(request(ApiKey::ListOffsets, 2)), qint16(ErrorCode::None));

        // Any broker when brokerId < 0; a count of 0 injects nothing.
        faults.injectError(ApiKey::Fetch, ErrorCode::CorruptMessage, 0, -1);
        faults.injectError(ApiKey::Fetch, ErrorCode::RequestTimedOut, 1, -1);
        QCOMPARE(faults.takeInjectedError(request(ApiKey::Fetch, 1)), qint16(ErrorCode::RequestTimedOut));
        QCOMPARE(faults.takeInjectedError(request(ApiKey::Fetch, 2)), qint16(ErrorCode::None));
    }

    void latencyAndMovedCoordinatorsHoldUntilCleared()
    {
        const SandboxConfig config = twoBrokers();
        ClusterEngine engine(config);
        BrokerNetwork network(engine, config);
        FaultInjector faults(network);
        faults.setLatency(1, 300);
        faults.moveCoordinator(QStringLiteral("g"), 2);
        faults.injectError(ApiKey::Metadata, ErrorCode::LeaderNotAvailable, 5, -1);
        QCOMPARE(faults.latencyOf(1), 300);
        QCOMPARE(faults.latencyOf(2), 0);
        QCOMPARE(faults.movedCoordinator(QStringLiteral("g")), std::optional<int>(2));
        QCOMPARE(faults.movedCoordinator(QStringLiteral("h")), std::nullopt);
        faults.setLatency(1, 0);
        QCOMPARE(faults.latencyOf(1), 0);
        faults.setLatency(1, 300);

        faults.clear();
        QCOMPARE(faults.latencyOf(1), 0);
        QCOMPARE(faults.movedCoordinator(QStringLiteral("g")), std::nullopt);
        QCOMPARE(faults.takeInjectedError(request(ApiKey::Metadata, 1)), qint16(ErrorCode::None));
    }

    void clearingStartsStoppedBrokersOnTheirPorts()
    {
        const SandboxConfig config = twoBrokers();
        ClusterEngine engine(config);
        BrokerNetwork network(engine, config);
        FaultInjector faults(network);
        QString error;
        QVERIFY2(network.start(&error), qPrintable(error));
        const quint16 port = network.brokerPort(2);
        network.stopBroker(2);
        QVERIFY(!network.isBrokerUp(2));
        QVERIFY(network.isBrokerUp(1));
        faults.clear();
        QVERIFY(network.isBrokerUp(2));
        QCOMPARE(network.brokerPort(2), port);
        network.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
