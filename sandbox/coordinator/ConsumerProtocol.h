// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cohort::sandbox {

// The consumer embedded protocol (protocol type "consumer", kafka-protocol-notes §5):
// the subscription a member sends as JoinGroup metadata and the assignment the
// leader hands out in SyncGroup. The coordinator decodes subscriptions to know
// which topics a group consumes (OffsetDelete); synthetic groups and tests encode both.
class ConsumerProtocol
{
public:
    struct TopicPartitions {
        QString topic;
        QList<qint32> partitions;
    };

    struct Subscription {
        qint16 version = 1;
        QStringList topics;
        QByteArray userData;                     // null bytes when empty
        QList<TopicPartitions> ownedPartitions;  // v1+
        qint32 generationId = -1;                // v2+
        std::optional<QString> rackId;           // v3+
    };

    struct Assignment {
        qint16 version = 1;
        QList<TopicPartitions> partitions;
        QByteArray userData;
    };

    static QByteArray encodeSubscription(const Subscription &s);
    // Accepts every version >= 0 by ignoring what it does not know (newer fields).
    static std::optional<Subscription> decodeSubscription(const QByteArray &bytes);
    static QByteArray encodeAssignment(const Assignment &a);
    static std::optional<Assignment> decodeAssignment(const QByteArray &bytes);
};

} // namespace cohort::sandbox
