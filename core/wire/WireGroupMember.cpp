// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/WireGroupMember.h"

#include "core/util/LogCategories.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/KafkaWireClient.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

namespace cohort {

namespace {
constexpr qint16 kFindCoordinatorVersion = 2;
constexpr qint16 kJoinVersion = 5;
constexpr qint16 kSyncVersion = 3;
constexpr qint16 kHeartbeatVersion = 3;
constexpr qint16 kLeaveVersion = 3;
}   // namespace

class WireGroupMember::Private
{
public:
    WireGroupMember *q = nullptr;
    Options options;
    Assignor assignor;
    QString bootstrapHost;
    quint16 bootstrapPort = 0;
    std::unique_ptr<KafkaWireClient> bootstrap;
    std::unique_ptr<KafkaWireClient> coordinator;
    QTimer *heartbeatTimer = nullptr;
    QTimer *retryTimer = nullptr;
    bool running = false;
    bool heartbeatInFlight = false;
    quint64 epoch = 0;   // bumps on every restart of the cycle: late answers are ignored
    QString memberId;
    int generationId = -1;
    QString leaderId;
    QByteArray assignment;

    void report(const QString &what, qint16 code) { Q_EMIT q->problem(options.groupId + QStringLiteral(": ") + what, code); }

    std::unique_ptr<KafkaWireClient> newClient(const QString &host, quint16 port) const
    {
        auto client = std::make_unique<KafkaWireClient>();
        client->setClientId(options.clientId);
        client->setSasl(options.sasl);
        client->setTls(options.tls);
        client->connectToBroker(host, port);
        return client;
    }

    // Clients are dropped with deleteLater: this often runs inside their own callbacks.
    static void drop(std::unique_ptr<KafkaWireClient> &client)
    {
        if (client)
            client.release()->deleteLater();
    }

    // Drops both connections and starts over from FindCoordinator after a pause.
    void restartLater(const QString &why, qint16 code = None)
    {
        if (!running)
            return;
        // Handled here (by starting over), so logged here; problem() tells the owner.
        qCDebug(lcWire, "%s: %s; starting over from FindCoordinator", qUtf8Printable(options.groupId), qUtf8Printable(why));
        report(why, code);
        ++epoch;
        heartbeatTimer->stop();
        heartbeatInFlight = false;
        drop(coordinator);
        drop(bootstrap);
        retryTimer->start(options.retryBackoffMs);
    }

    void findCoordinator()
    {
        if (!running)
            return;
        const quint64 e = ++epoch;
        drop(bootstrap);
        bootstrap = newClient(bootstrapHost, bootstrapPort);
        FindCoordinatorRequest req{options.groupId, 0};
        bootstrap->send(ApiKey::FindCoordinator, kFindCoordinatorVersion, GroupApiCodec::encode(req, kFindCoordinatorVersion),
                        [this, e](Result<QByteArray, QString> body) {
                            if (e != epoch)
                                return;
                            if (!body)
                                return restartLater(tr("cannot reach the bootstrap broker: %1").arg(body.error()));
                            ByteReader r(*body);
                            const auto resp = GroupApiCodec::decodeFindCoordinatorResponse(r, kFindCoordinatorVersion);
                            if (!resp)
                                return restartLater(tr("malformed FindCoordinator response"));
                            if (resp->errorCode != None)
                                return restartLater(
                                    tr("FindCoordinator failed: %1").arg(QString::fromLatin1(ErrorCode::name(resp->errorCode))),
                                    resp->errorCode);
                            drop(coordinator);
                            coordinator = newClient(resp->host, quint16(resp->port));
                            join();
                        });
    }

    template<typename Resp, typename Decode>
    void call(qint16 apiKey, qint16 version, const QByteArray &body, Decode decode, std::function<void(const Resp &)> onOk)
    {
        if (!coordinator)
            return;
        const quint64 e = epoch;
        coordinator->send(apiKey, version, body, [this, e, version, decode, onOk = std::move(onOk)](Result<QByteArray, QString> b) {
            if (e != epoch || !running)
                return;
            if (!b)
                return restartLater(tr("lost the coordinator connection: %1").arg(b.error()));
            ByteReader r(*b);
            const auto resp = decode(r, version);
            if (!resp)
                return restartLater(tr("malformed response from the coordinator"));
            onOk(*resp);
        });
    }

    // Common answers to errors of join/sync/heartbeat: true when handled.
    bool handleGroupError(qint16 error)
    {
        switch (error) {
        case None: return false;
        case RebalanceInProgress:
        case IllegalGeneration:
            heartbeatTimer->stop();
            join();
            return true;
        case UnknownMemberId:
            memberId.clear();
            generationId = -1;
            heartbeatTimer->stop();
            join();
            return true;
        case FencedInstanceId:
            report(tr("fenced: another member uses the same group.instance.id; stopping"), error);
            q->stop();
            return true;
        case NotCoordinator:
        case CoordinatorNotAvailable:
        case CoordinatorLoadInProgress:
            restartLater(tr("the coordinator moved (%1)").arg(QString::fromLatin1(ErrorCode::name(error))), error);
            return true;
        default: restartLater(tr("the coordinator answered %1").arg(QString::fromLatin1(ErrorCode::name(error))), error); return true;
        }
    }

    void join()
    {
        JoinGroupRequest req;
        req.groupId = options.groupId;
        req.sessionTimeoutMs = options.sessionTimeoutMs;
        req.rebalanceTimeoutMs = options.rebalanceTimeoutMs;
        req.memberId = memberId;
        req.groupInstanceId = options.groupInstanceId;
        req.protocolType = options.protocolType;
        req.protocols = options.protocols;
        call<JoinGroupResponse>(ApiKey::JoinGroup, kJoinVersion, GroupApiCodec::encode(req, kJoinVersion),
                                &GroupApiCodec::decodeJoinGroupResponse, [this](const JoinGroupResponse &resp) {
                                    if (resp.errorCode == MemberIdRequired) {
                                        memberId = resp.memberId;
                                        return join();
                                    }
                                    if (handleGroupError(resp.errorCode))
                                        return;
                                    memberId = resp.memberId;
                                    generationId = resp.generationId;
                                    leaderId = resp.leader;
                                    const bool leader = leaderId == memberId;
                                    Q_EMIT q->joined(generationId, leader);
                                    if (!running)
                                        return;   // a slot of joined() left or stopped
                                    QList<SyncGroupRequest::Assignment> assignments;
                                    if (leader) {
                                        if (assignor) {
                                            assignments = assignor(resp.protocolName, resp.members);
                                        } else {
                                            for (const auto &m : resp.members)
                                                assignments.append({m.memberId, QByteArray()});
                                        }
                                    }
                                    sync(assignments);
                                });
    }

    void sync(const QList<SyncGroupRequest::Assignment> &assignments)
    {
        SyncGroupRequest req{options.groupId, generationId, memberId, options.groupInstanceId, assignments};
        call<SyncGroupResponse>(ApiKey::SyncGroup, kSyncVersion, GroupApiCodec::encode(req, kSyncVersion),
                                &GroupApiCodec::decodeSyncGroupResponse, [this](const SyncGroupResponse &resp) {
                                    if (handleGroupError(resp.errorCode))
                                        return;
                                    assignment = resp.assignment;
                                    Q_EMIT q->assigned(assignment);
                                    if (!running)
                                        return;
                                    heartbeatTimer->start(options.heartbeatIntervalMs);
                                });
    }

    void heartbeat()
    {
        if (heartbeatInFlight)
            return;
        heartbeatInFlight = true;
        HeartbeatRequest req{options.groupId, generationId, memberId, options.groupInstanceId};
        call<HeartbeatResponse>(ApiKey::Heartbeat, kHeartbeatVersion, GroupApiCodec::encode(req, kHeartbeatVersion),
                                &GroupApiCodec::decodeHeartbeatResponse, [this](const HeartbeatResponse &resp) {
                                    heartbeatInFlight = false;
                                    handleGroupError(resp.errorCode);
                                });
    }
};

WireGroupMember::WireGroupMember(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->options = std::move(options);
    d->heartbeatTimer = new QTimer(this);
    d->retryTimer = new QTimer(this);
    d->retryTimer->setSingleShot(true);
    connect(d->heartbeatTimer, &QTimer::timeout, this, [this] { d->heartbeat(); });
    connect(d->retryTimer, &QTimer::timeout, this, [this] { d->findCoordinator(); });
}

WireGroupMember::~WireGroupMember()
{
    d->running = false;
    ++d->epoch;
    // Direct deletion is safe here: no callback of these clients is running.
    d->coordinator.reset();
    d->bootstrap.reset();
}

void WireGroupMember::setAssignor(Assignor assignor)
{
    d->assignor = std::move(assignor);
}

void WireGroupMember::start(const QString &host, quint16 port)
{
    d->bootstrapHost = host;
    d->bootstrapPort = port;
    d->running = true;
    d->findCoordinator();
}

void WireGroupMember::leave()
{
    if (d->running && d->coordinator && !d->memberId.isEmpty()) {
        LeaveGroupRequest req;
        req.groupId = d->options.groupId;
        req.members = {{d->memberId, d->options.groupInstanceId}};
        // The client object stays alive (a child of this member) until the answer or an error.
        KafkaWireClient *client = d->coordinator.release();
        client->setParent(this);
        QPointer<WireGroupMember> self(this);
        client->send(ApiKey::LeaveGroup, kLeaveVersion, GroupApiCodec::encode(req, kLeaveVersion),
                     [self, client](Result<QByteArray, QString> body) {
                         client->deleteLater();
                         if (!self)
                             return;
                         QString problem = body.error();   // empty when the broker answered
                         if (body) {
                             ByteReader r(*body);
                             const auto resp = GroupApiCodec::decodeLeaveGroupResponse(r, kLeaveVersion);
                             if (!resp)
                                 problem = WireGroupMember::tr("malformed LeaveGroup response");
                             else if (resp->errorCode != None)
                                 problem = QString::fromLatin1(ErrorCode::name(resp->errorCode));
                             else if (!resp->members.isEmpty() && resp->members.first().errorCode != None)
                                 problem = QString::fromLatin1(ErrorCode::name(resp->members.first().errorCode));
                         }
                         Q_EMIT self->left(problem);
                     });
    } else {
        QTimer::singleShot(0, this, [this] { Q_EMIT left(QString()); });
    }
    stop();
}

void WireGroupMember::stop()
{
    d->running = false;
    ++d->epoch;
    d->heartbeatTimer->stop();
    d->retryTimer->stop();
    d->heartbeatInFlight = false;
    Private::drop(d->coordinator);
    Private::drop(d->bootstrap);
    d->generationId = -1;
}

bool WireGroupMember::isRunning() const
{
    return d->running;
}

QString WireGroupMember::memberId() const
{
    return d->memberId;
}

int WireGroupMember::generationId() const
{
    return d->generationId;
}

bool WireGroupMember::isLeader() const
{
    return !d->memberId.isEmpty() && d->leaderId == d->memberId;
}

QByteArray WireGroupMember::assignment() const
{
    return d->assignment;
}

}   // namespace cohort
