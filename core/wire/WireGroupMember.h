// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/GroupMessages.h"
#include "core/wire/SaslCredentials.h"
#include "core/wire/TlsSettings.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace cohort {

// Core's group-protocol client: a member of a classic group that speaks the
// group protocol itself over KafkaWireClient: finds the coordinator, joins
// (MEMBER_ID_REQUIRED included), syncs, heartbeats and rejoins when the group
// rebalances. The app's rebalance trigger (RdKafkaClusterAdmin) joins with it
// as a temporary member of any protocol type; the demo's "connect" group and
// the tests use it where no librdkafka consumer can. Lives on the thread that
// created it (which needs an event loop); everything is asynchronous.
class WireGroupMember : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WireGroupMember)

public:
    struct Options
    {
        QString groupId;
        QString clientId = QStringLiteral("cohort-wire-member");
        QString protocolType = QStringLiteral("connect");
        QList<JoinGroupRequest::Protocol> protocols;      // at least one
        std::optional<QString> groupInstanceId;           // static membership
        std::optional<SaslCredentials> sasl;              // SASL_PLAINTEXT or SASL_SSL with PLAIN or SCRAM
        std::optional<TlsSettings> tls;                   // SSL or SASL_SSL
        int sessionTimeoutMs = 10000;
        int rebalanceTimeoutMs = 30000;
        int heartbeatIntervalMs = 1000;
        int retryBackoffMs = 500;
    };
    // Called on the leader with the chosen protocol and every member (id, instance
    // id, metadata); returns each member's assignment. The default gives everyone
    // an empty assignment.
    using Assignor
        = std::function<QList<SyncGroupRequest::Assignment>(const QString &protocol, const QList<JoinGroupResponse::Member> &members)>;

    explicit WireGroupMember(Options options, QObject *parent = nullptr);
    ~WireGroupMember() override;

    void setAssignor(Assignor assignor);
    // Starts from any broker of the cluster (host:port); finds the coordinator itself.
    void start(const QString &host, quint16 port);
    // Sends LeaveGroup (when it has a member id) and stops; left() follows.
    void leave();
    // Stops without a word, like a crashed process: the coordinator notices only
    // when the session times out.
    void stop();

    bool isRunning() const;
    QString memberId() const;
    int generationId() const;
    bool isLeader() const;
    QByteArray assignment() const;

Q_SIGNALS:
    void joined(int generationId, bool leader);
    void assigned(const QByteArray &assignment);
    // Something went wrong; the member retries unless it was fenced (then it
    // stops). errorCode is the coordinator's error (ErrorCode), None for
    // transport trouble and malformed answers.
    void problem(const QString &description, qint16 errorCode);
    // After leave(): the coordinator answered the LeaveGroup (problem empty),
    // or why it did not; at once when there was nothing to leave.
    void left(const QString &problem);

private:
    class Private;
    std::unique_ptr<Private> d;
};

}   // namespace cohort
