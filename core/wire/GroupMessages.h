// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Request and response bodies of the group APIs, one plain struct per message,
// with the union of the fields of every non-flexible version (GroupApiCodec's). Field names
// follow Apache Kafka's message JSON definitions; fields absent from a version are
// left at their defaults by the decoders and skipped by the encoders
// (GroupApiCodec knows which version has which field).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <climits>
#include <optional>

namespace cohort {

// --- JoinGroup (11) v0-5 --------------------------------------------------------
struct JoinGroupRequest
{
    struct Protocol
    {
        QString name;
        QByteArray metadata;
    };
    QString groupId;
    qint32 sessionTimeoutMs = 0;
    qint32 rebalanceTimeoutMs = -1;   // v1+; v0 uses the session timeout
    QString memberId;
    std::optional<QString> groupInstanceId;   // v5+
    QString protocolType;
    QList<Protocol> protocols;
};

struct JoinGroupResponse
{
    struct Member
    {
        QString memberId;
        std::optional<QString> groupInstanceId;   // v5+
        QByteArray metadata;
    };
    qint32 throttleTimeMs = 0;   // v2+
    qint16 errorCode = 0;
    qint32 generationId = -1;
    QString protocolName;
    QString leader;
    QString memberId;
    QList<Member> members;
};

// --- SyncGroup (14) v0-3 --------------------------------------------------------
struct SyncGroupRequest
{
    struct Assignment
    {
        QString memberId;
        QByteArray assignment;
    };
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId;   // v3+
    QList<Assignment> assignments;
};

struct SyncGroupResponse
{
    qint32 throttleTimeMs = 0;   // v1+
    qint16 errorCode = 0;
    QByteArray assignment;
};

// --- Heartbeat (12) v0-3 --------------------------------------------------------
struct HeartbeatRequest
{
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId;   // v3+
};

struct HeartbeatResponse
{
    qint32 throttleTimeMs = 0;   // v1+
    qint16 errorCode = 0;
};

// --- LeaveGroup (13) v0-3 -------------------------------------------------------
struct LeaveGroupRequest
{
    struct Member
    {
        QString memberId;
        std::optional<QString> groupInstanceId;
    };
    QString groupId;
    QString memberId;        // v0-2
    QList<Member> members;   // v3+
};

struct LeaveGroupResponse
{
    struct Member
    {
        QString memberId;
        std::optional<QString> groupInstanceId;
        qint16 errorCode = 0;
    };
    qint32 throttleTimeMs = 0;   // v1+
    qint16 errorCode = 0;
    QList<Member> members;   // v3+
};

// --- OffsetCommit (8) v2-7 ------------------------------------------------------
struct OffsetCommitRequest
{
    struct Partition
    {
        qint32 partitionIndex = 0;
        qint64 committedOffset = -1;
        qint32 committedLeaderEpoch = -1;   // v6+
        std::optional<QString> committedMetadata;
    };
    struct Topic
    {
        QString name;
        QList<Partition> partitions;
    };
    QString groupId;
    qint32 generationId = -1;
    QString memberId;
    std::optional<QString> groupInstanceId;   // v7+
    qint64 retentionTimeMs = -1;              // v2-4
    QList<Topic> topics;
};

struct OffsetCommitResponse
{
    struct Partition
    {
        qint32 partitionIndex = 0;
        qint16 errorCode = 0;
    };
    struct Topic
    {
        QString name;
        QList<Partition> partitions;
    };
    qint32 throttleTimeMs = 0;   // v3+
    QList<Topic> topics;
};

// --- OffsetFetch (9) v1-5 -------------------------------------------------------
struct OffsetFetchRequest
{
    struct Topic
    {
        QString name;
        QList<qint32> partitionIndexes;
    };
    QString groupId;
    std::optional<QList<Topic>> topics;   // null (v2+) = every committed partition
};

struct OffsetFetchResponse
{
    struct Partition
    {
        qint32 partitionIndex = 0;
        qint64 committedOffset = -1;
        qint32 committedLeaderEpoch = -1;   // v5+
        std::optional<QString> metadata;
        qint16 errorCode = 0;
    };
    struct Topic
    {
        QString name;
        QList<Partition> partitions;
    };
    qint32 throttleTimeMs = 0;   // v3+
    QList<Topic> topics;
    qint16 errorCode = 0;   // v2+
};

// --- DescribeGroups (15) v0-4 ---------------------------------------------------
struct DescribeGroupsRequest
{
    QStringList groups;
    bool includeAuthorizedOperations = false;   // v3+
};

struct DescribeGroupsResponse
{
    struct Member
    {
        QString memberId;
        std::optional<QString> groupInstanceId;   // v4+
        QString clientId;
        QString clientHost;
        QByteArray memberMetadata;
        QByteArray memberAssignment;
    };
    struct Group
    {
        qint16 errorCode = 0;
        QString groupId;
        QString groupState;
        QString protocolType;
        QString protocolData;
        QList<Member> members;
        qint32 authorizedOperations = INT_MIN;   // v3+
    };
    qint32 throttleTimeMs = 0;   // v1+
    QList<Group> groups;
};

// --- ListGroups (16) v0-5, flexible from v3 -------------------------------------
struct ListGroupsRequest
{
    QStringList statesFilter;   // v4+; empty lists every state
    QStringList typesFilter;    // v5+; empty lists every type
};

struct ListGroupsResponse
{
    struct Group
    {
        QString groupId;
        QString protocolType;
        QString groupState;   // v4+, as Kafka spells it ("PreparingRebalance")
        QString groupType;    // v5+ ("classic", "consumer", ...)
    };
    qint32 throttleTimeMs = 0;   // v1+
    qint16 errorCode = 0;
    QList<Group> groups;
};

// --- DeleteGroups (42) v0-1 -----------------------------------------------------
struct DeleteGroupsRequest
{
    QStringList groupsNames;
};

struct DeleteGroupsResponse
{
    struct Result
    {
        QString groupId;
        qint16 errorCode = 0;
    };
    qint32 throttleTimeMs = 0;
    QList<Result> results;
};

// --- OffsetDelete (47) v0 -------------------------------------------------------
struct OffsetDeleteRequest
{
    struct Topic
    {
        QString name;
        QList<qint32> partitionIndexes;
    };
    QString groupId;
    QList<Topic> topics;
};

struct OffsetDeleteResponse
{
    struct Partition
    {
        qint32 partitionIndex = 0;
        qint16 errorCode = 0;
    };
    struct Topic
    {
        QString name;
        QList<Partition> partitions;
    };
    qint16 errorCode = 0;
    qint32 throttleTimeMs = 0;
    QList<Topic> topics;
};

// --- FindCoordinator (10) v0-2 (answered by the broker, not the coordinator) ------
struct FindCoordinatorRequest
{
    QString key;
    qint8 keyType = 0;   // v1+: 0 group, 1 transaction
};

struct FindCoordinatorResponse
{
    qint32 throttleTimeMs = 0;   // v1+
    qint16 errorCode = 0;
    std::optional<QString> errorMessage;   // v1+
    qint32 nodeId = -1;
    QString host;
    qint32 port = -1;
};

}   // namespace cohort
