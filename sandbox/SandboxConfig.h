// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace cohort::sandbox {

// How to build a sandbox cluster (command-line flags of cohort-sandbox map 1:1).
struct SandboxConfig
{
    int brokers = 3;   // --brokers N
    QString host = QStringLiteral("127.0.0.1");
    quint16 portBase = 0;                             // --port-base P: broker k listens on P+k; 0 = ephemeral
    QList<QPair<QString, int>> topics;                // --topic NAME:PARTITIONS (repeatable)
    bool autoCreateTopics = true;                     // --no-auto-create turns it off
    int defaultPartitions = 3;                        // for auto-created topics and CreateTopics with -1
    int initialRebalanceDelayMs = 3000;               // group.initial.rebalance.delay.ms (Kafka default 3 s)
    int minSessionTimeoutMs = 6000;                   // group.min.session.timeout.ms
    int maxSessionTimeoutMs = 1800000;                // group.max.session.timeout.ms
    qint64 retentionBytesPerPartition = 64LL << 20;   // log start advances past this
    qint64 maxRequestBytes = 100LL << 20;             // larger frames close the connection
    QHash<QString, QString> saslPlainUsers;           // user -> password; empty = no SASL required
    bool logToStderr = true;                          // one line per connection/error
};

// Synthetic groups for scale tests: members kept alive inside the coordinator
// (no client processes) with real subscription/assignment bytes and commits.
struct SyntheticGroupSpec
{
    int groups = 2000;
    QString groupPrefix = QStringLiteral("synthetic-");
    QString topicPrefix = QStringLiteral("synthetic-topic-");
    int topics = 200;   // created if missing
    int partitionsPerTopic = 100;
    int topicsPerGroup = 1;   // group g reads topics g % topics, g+1 % topics, ...
    int membersPerGroup = 3;
    QString assignor = QStringLiteral("range");
    bool commitOffsets = true;      // commit an offset for every assigned partition
    int emptyGroupsEvery = 10;      // every Nth group has no members (Empty, with commits); 0 = none
    int sessionTimeoutMs = 45000;   // the members' session.timeout.ms (they never expire; tests shorten it to prove so)
};

}   // namespace cohort::sandbox
