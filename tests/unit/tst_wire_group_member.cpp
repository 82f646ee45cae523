// SPDX-License-Identifier: GPL-3.0-or-later
// WireGroupMember and KafkaWireClient over real TCP against the GroupCoordinator,
// behind a two-listener stand-in broker (FindCoordinator + group APIs only), so
// the whole classic member cycle is tested without the rest of the sandbox.

#include "core/wire/ApiKey.h"
#include "core/wire/ByteWriter.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/WireGroupMember.h"
#include "sandbox/coordinator/ClusterView.h"
#include "sandbox/coordinator/GroupCoordinator.h"

#include <QHostAddress>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <deque>
#include <memory>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

using namespace cohort;
using namespace cohort::sandbox;
using namespace Qt::StringLiterals;

namespace {

class FakeCluster : public ClusterView
{
public:
    int coordinatorFor(const QString &) const override { return coordinator; }
    bool partitionExists(const QString &, int) const override { return false; }
    int partitionCount(const QString &) const override { return 0; }
    bool createTopic(const QString &, int) override { return false; }
    qint64 logEndOffset(const QString &, int) const override { return 0; }
    int coordinator = 1;
};

// Brokers 1 and 2 on loopback: FindCoordinator answers with the fake cluster's
// coordinator, group APIs go to the coordinator, answers leave in request order.
class StandInBrokers : public QObject
{
public:
    StandInBrokers(FakeCluster &cluster, GroupCoordinator &coordinator)
        : cluster(cluster)
        , coordinator(coordinator)
    {
        for (int id = 1; id <= 2; ++id) {
            auto *server = new QTcpServer(this);
            server->listen(QHostAddress::LocalHost, 0);
            servers.insert(id, server);
            connect(server, &QTcpServer::newConnection, this, [this, id, server] {
                while (QTcpSocket *s = server->nextPendingConnection())
                    accept(id, s);
            });
        }
    }
    quint16 port(int id) const { return servers.value(id)->serverPort(); }

private:
    struct Slot
    {
        qint32 correlationId = 0;
        bool done = false;
        QByteArray body;
    };
    struct Connection
    {
        QPointer<QTcpSocket> socket;
        QByteArray inbox;
        std::deque<std::shared_ptr<Slot>> queue;
        quint64 id = 0;
    };

    void accept(int brokerId, QTcpSocket *socket)
    {
        auto conn = std::make_shared<Connection>();
        conn->socket = socket;
        conn->id = ++nextConnectionId;
        connect(socket, &QTcpSocket::disconnected, this, [this, conn] {
            coordinator.connectionClosed(conn->id);
            conn->socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, brokerId, conn] { onRead(brokerId, conn); });
    }

    static void flush(const std::shared_ptr<Connection> &conn)
    {
        while (!conn->queue.empty() && conn->queue.front()->done) {
            const auto slot = conn->queue.front();
            conn->queue.pop_front();
            ByteWriter w;
            w.int32(qint32(4 + slot->body.size()));
            w.int32(slot->correlationId);
            w.raw(slot->body);
            if (conn->socket)
                conn->socket->write(w.data());
        }
    }

    void onRead(int brokerId, const std::shared_ptr<Connection> &conn)
    {
        conn->inbox.append(conn->socket->readAll());
        while (conn->inbox.size() >= 4) {
            ByteReader sizeReader(conn->inbox.constData(), 4);
            const qint32 size = sizeReader.int32();
            if (conn->inbox.size() < 4 + size)
                return;
            const QByteArray frame = conn->inbox.mid(4, size);
            conn->inbox.remove(0, 4 + size);
            ByteReader r(frame);
            RequestContext ctx;
            ctx.brokerId = brokerId;
            ctx.readHeader(r);
            ctx.clientHost = u"/127.0.0.1"_s;
            ctx.connectionId = conn->id;
            auto slot = std::make_shared<Slot>();
            slot->correlationId = ctx.correlationId;
            conn->queue.push_back(slot);
            Responder respond = [conn, slot](QByteArray body) {
                slot->body = std::move(body);
                slot->done = true;
                flush(conn);
            };
            ByteReader body(frame.constData() + r.position(), frame.size() - r.position());
            if (ctx.apiKey == ApiKey::Heartbeat)
                ++heartbeats[brokerId];
            if (ctx.apiKey == ApiKey::FindCoordinator) {
                ++findCoordinatorCount;
                const auto req = GroupApiCodec::decodeFindCoordinatorRequest(body, ctx.apiVersion);
                FindCoordinatorResponse resp;
                resp.nodeId = cluster.coordinator;
                resp.host = u"127.0.0.1"_s;
                resp.port = port(cluster.coordinator);
                if (!req)
                    resp.errorCode = InvalidRequest;
                respond(GroupApiCodec::encode(resp, ctx.apiVersion));
            } else if (!coordinator.handle(ctx, body, respond)) {
                conn->socket->abort();
                return;
            }
        }
    }

    FakeCluster &cluster;
    GroupCoordinator &coordinator;
    QHash<int, QTcpServer *> servers;
    quint64 nextConnectionId = 0;

public:
    int findCoordinatorCount = 0;
    QHash<int, int> heartbeats;   // per broker id
};

WireGroupMember::Options options(const QString &clientId, std::optional<QString> instance = std::nullopt)
{
    WireGroupMember::Options o;
    o.groupId = u"workers"_s;
    o.clientId = clientId;
    o.protocolType = u"connect"_s;
    o.protocols = {{u"sessioned"_s, clientId.toUtf8()}};
    o.groupInstanceId = instance;
    o.sessionTimeoutMs = 600;
    o.rebalanceTimeoutMs = 3000;
    o.heartbeatIntervalMs = 100;
    o.retryBackoffMs = 100;
    return o;
}

}   // namespace

class tst_WireGroupMember : public QObject
{
    Q_OBJECT

    FakeCluster cluster;
    SandboxConfig config;
    std::unique_ptr<GroupCoordinator> coordinator;
    std::unique_ptr<StandInBrokers> brokers;

    SandboxGroupInfo info() const { return coordinator->groupInfo(u"workers"_s); }

private Q_SLOTS:
    void init()
    {
        cluster.coordinator = 1;
        config.initialRebalanceDelayMs = 0;
        config.minSessionTimeoutMs = 100;
        coordinator = std::make_unique<GroupCoordinator>(cluster, config);
        brokers = std::make_unique<StandInBrokers>(cluster, *coordinator);
    }
    void cleanup()
    {
        brokers.reset();
        coordinator.reset();
    }

    void membersFormAGroupAndSurviveASilentOne()
    {
        WireGroupMember a(options(u"worker-a"_s));
        WireGroupMember b(options(u"worker-b"_s));
        QStringList seenMetadata;
        auto assignor = [&](const QString &protocol, const QList<JoinGroupResponse::Member> &members) {
            QList<SyncGroupRequest::Assignment> out;
            seenMetadata.clear();
            for (const auto &m : members) {
                seenMetadata.append(QString::fromUtf8(m.metadata));
                out.append({m.memberId, protocol.toUtf8() + '/' + m.metadata});
            }
            return out;
        };
        a.setAssignor(assignor);
        b.setAssignor(assignor);
        a.start(u"127.0.0.1"_s, brokers->port(2));   // any broker will do for bootstrap
        b.start(u"127.0.0.1"_s, brokers->port(1));
        QTRY_VERIFY_WITH_TIMEOUT(
            info().state == u"Stable"_s && info().members.size() == 2 && !a.assignment().isEmpty() && !b.assignment().isEmpty(), 10000);
        QCOMPARE(a.assignment(), "sessioned/worker-a"_ba);
        QCOMPARE(b.assignment(), "sessioned/worker-b"_ba);
        QVERIFY(a.isLeader() != b.isLeader());
        seenMetadata.sort();
        QCOMPARE(seenMetadata, QStringList({u"worker-a"_s, u"worker-b"_s}));
        QCOMPARE(info().protocolType, u"connect"_s);
        QCOMPARE(a.generationId(), info().generationId);

        const int generation = info().generationId;
        b.stop();
        QTRY_VERIFY_WITH_TIMEOUT(info().members.size() == 1 && info().state == u"Stable"_s && a.generationId() == generation + 1, 10000);
        QVERIFY(a.isLeader());
        QCOMPARE(info().members.first().memberId, a.memberId());

        a.leave();
        QTRY_COMPARE_WITH_TIMEOUT(info().state, u"Empty"_s, 5000);
    }

    void followsACoordinatorMove()
    {
        WireGroupMember a(options(u"worker-a"_s));
        a.start(u"127.0.0.1"_s, brokers->port(1));
        QTRY_VERIFY_WITH_TIMEOUT(info().state == u"Stable"_s && a.generationId() > 0, 10000);
        const int finds = brokers->findCoordinatorCount;
        QSignalSpy problems(&a, &WireGroupMember::problem);
        cluster.coordinator = 2;   // heartbeats to broker 1 now get NOT_COORDINATOR
        QTRY_VERIFY_WITH_TIMEOUT(brokers->findCoordinatorCount > finds, 5000);
        QVERIFY(problems.count() >= 1);
        QVERIFY(problems.first().first().toString().contains(u"NOT_COORDINATOR"_s));
        // The group, its generation and the member survive the move: heartbeats
        // reach broker 2 for longer than the session timeout (8 × 100 ms > 600 ms).
        const int sessionInHeartbeats = options(u"worker-a"_s).sessionTimeoutMs / options(u"worker-a"_s).heartbeatIntervalMs;
        const int atBroker2 = brokers->heartbeats.value(2);
        QTRY_VERIFY_WITH_TIMEOUT(brokers->heartbeats.value(2) >= atBroker2 + sessionInHeartbeats + 2, 5000);
        QCOMPARE(info().state, u"Stable"_s);
        QCOMPARE(info().members.size(), 1);
        QCOMPARE(info().members.first().memberId, a.memberId());
        a.stop();
    }

    void duplicateStaticMemberIsFenced()
    {
        WireGroupMember first(options(u"worker-1"_s, u"instance-1"_s));
        first.start(u"127.0.0.1"_s, brokers->port(1));
        QTRY_VERIFY_WITH_TIMEOUT(info().state == u"Stable"_s && !first.memberId().isEmpty() && first.generationId() > 0, 10000);
        const int generation = info().generationId;
        const QString firstId = first.memberId();

        // A second process claims the same group.instance.id: it takes over, no rebalance.
        WireGroupMember second(options(u"worker-1-restarted"_s, u"instance-1"_s));
        QSignalSpy fenced(&first, &WireGroupMember::problem);
        second.start(u"127.0.0.1"_s, brokers->port(1));
        QTRY_VERIFY_WITH_TIMEOUT(!second.memberId().isEmpty() && second.generationId() == generation, 10000);
        QVERIFY(second.memberId() != firstId);
        QCOMPARE(info().generationId, generation);
        QCOMPARE(info().members.size(), 1);
        QCOMPARE(info().members.first().memberId, second.memberId());
        // The old one's next heartbeat is fenced and it stops for good.
        QTRY_VERIFY_WITH_TIMEOUT(!first.isRunning(), 5000);
        QVERIFY(!fenced.isEmpty());
        QVERIFY(fenced.last().first().toString().contains(u"fenced"_s));
        // The survivor heartbeats on for a while: nothing the fenced one did meanwhile changed the group.
        const int heartbeatsNow = brokers->heartbeats.value(1);
        QTRY_VERIFY_WITH_TIMEOUT(brokers->heartbeats.value(1) >= heartbeatsNow + 3, 5000);
        QVERIFY(!first.isRunning());
        QCOMPARE(info().generationId, generation);
        QCOMPARE(info().state, u"Stable"_s);
        second.stop();
    }
};

QTEST_GUILESS_MAIN(tst_WireGroupMember)
#include "tst_wire_group_member.moc"
