// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/GroupMessages.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace cohort {

// A member of a classic group that speaks the group protocol itself over
// KafkaWireClient: finds the coordinator, joins (MEMBER_ID_REQUIRED included),
// syncs, heartbeats and rejoins when the group rebalances. Used for groups no
// librdkafka consumer can form (the demo's "connect" group, any protocol type) and
// by tests. Lives on the thread that created it; everything is asynchronous.
class WireGroupMember : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WireGroupMember)

public:
    struct Options {
        QString groupId;
        QString clientId = QStringLiteral("cohort-wire-member");
        QString protocolType = QStringLiteral("connect");
        QList<JoinGroupRequest::Protocol> protocols;   // at least one
        std::optional<QString> groupInstanceId;         // static membership
        int sessionTimeoutMs = 10000;
        int rebalanceTimeoutMs = 30000;
        int heartbeatIntervalMs = 1000;
        int retryBackoffMs = 500;
    };
    // Called on the leader with the chosen protocol and every member (id, instance
    // id, metadata); returns each member's assignment. The default gives everyone
    // an empty assignment.
    using Assignor = std::function<QList<SyncGroupRequest::Assignment>(
        const QString &protocol, const QList<JoinGroupResponse::Member> &members)>;

    explicit WireGroupMember(Options options, QObject *parent = nullptr);
    ~WireGroupMember() override;

    void setAssignor(Assignor assignor);
    // Starts from any broker of the cluster (host:port); finds the coordinator itself.
    void start(const QString &host, quint16 port);
    // Sends LeaveGroup (when joined) and stops.
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
    // Something went wrong; the member retries unless it was fenced (then it stops).
    void problem(const QString &description);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cohort
