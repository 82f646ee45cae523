// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small cluster described in a few lines, turned into a ClusterSnapshot by the
// real SnapshotBuilder (consumer protocol encoded and decoded, owners and lag
// computed) so model and page tests see what a refresh would produce.

#include "core/snapshot/ClusterSnapshot.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cohort::test {

struct FakeMember
{
    QString memberId;
    QString clientId;
    QStringList subscription;   // empty: the topics of `owned`
    QList<TopicPartition> owned;
    QString instanceId;
    QString host = QStringLiteral("/10.0.0.1");
};

struct FakeGroup
{
    QString groupId;
    GroupState state = GroupState::Stable;
    QString protocolType = QStringLiteral("consumer");
    QString assignor = QStringLiteral("range");
    QList<FakeMember> members;
    QHash<TopicPartition, qint64> committed;
    QHash<TopicPartition, QString> commitMetadata;
    int coordinatorId = 1;
    int generationId = -1;   // >= 0: members send subscription v2 with it
    bool describable = true;
    QString note;
    GroupType type = GroupType::Unknown;   // as ListGroups v5 says; Unknown: an older broker
};

struct FakeCluster
{
    QList<std::pair<QString, int>> topics;   // name, partition count
    QStringList internalTopics;
    QHash<TopicPartition, qint64> endOffsets;   // absent: unknown watermark
    QList<FakeGroup> groups;

    ClusterSnapshot build() const;
};

// TopicPartition from a literal, for short test tables.
inline TopicPartition tp(const char *topic, int p)
{
    return TopicPartition{QString::fromLatin1(topic), p};
}

}   // namespace cohort::test
