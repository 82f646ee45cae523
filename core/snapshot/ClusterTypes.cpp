// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/ClusterTypes.h"

#include <QCoreApplication>

#include <algorithm>

namespace cohort {

QList<TopicPartition> ClusterMetadata::partitions() const
{
    QList<TopicPartition> out;
    for (const TopicInfo &t : topics)
        if (!t.internal)
            for (const PartitionInfo &p : t.partitions)
                out.append(TopicPartition{t.name, p.partition});
    return out;
}

QMap<QString, QList<int>> partitionsByTopic(const QList<TopicPartition> &partitions)
{
    QMap<QString, QList<int>> out;
    for (const TopicPartition &tp : partitions)
        out[tp.topic].append(tp.partition);
    return out;
}

bool GroupMember::reconciling() const
{
    if (!targetAssignment)
        return false;
    QList<TopicPartition> owned = assignment ? assignment->partitions : QList<TopicPartition>{};
    QList<TopicPartition> target = *targetAssignment;
    std::sort(owned.begin(), owned.end());
    std::sort(target.begin(), target.end());
    return owned != target;
}

void GroupDescription::markNotDescribable()
{
    describable = false;
    note = QCoreApplication::translate("GroupDescription",
                                       "The coordinator could not describe this group (%1); offsets and lag are still shown.")
               .arg(errorMessage.isEmpty() ? errorName : errorName + QStringLiteral(": ") + errorMessage);
}

GroupState groupStateFromString(const QString &s)
{
    if (s == QLatin1String("Empty"))
        return GroupState::Empty;
    if (s == QLatin1String("PreparingRebalance"))
        return GroupState::PreparingRebalance;
    if (s == QLatin1String("CompletingRebalance"))
        return GroupState::CompletingRebalance;
    if (s == QLatin1String("Stable"))
        return GroupState::Stable;
    if (s == QLatin1String("Dead"))
        return GroupState::Dead;
    if (s == QLatin1String("Assigning"))
        return GroupState::Assigning;
    if (s == QLatin1String("Reconciling"))
        return GroupState::Reconciling;
    if (s == QLatin1String("NotReady"))
        return GroupState::NotReady;
    return GroupState::Unknown;
}

QString groupStateToString(GroupState s)
{
    switch (s) {
    case GroupState::Empty: return QStringLiteral("Empty");
    case GroupState::PreparingRebalance: return QStringLiteral("PreparingRebalance");
    case GroupState::CompletingRebalance: return QStringLiteral("CompletingRebalance");
    case GroupState::Stable: return QStringLiteral("Stable");
    case GroupState::Dead: return QStringLiteral("Dead");
    case GroupState::Assigning: return QStringLiteral("Assigning");
    case GroupState::Reconciling: return QStringLiteral("Reconciling");
    case GroupState::NotReady: return QStringLiteral("NotReady");
    case GroupState::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

GroupType groupTypeFromString(const QString &s)
{
    for (const GroupType t : {GroupType::Classic, GroupType::Consumer, GroupType::Share, GroupType::Streams})
        if (s.compare(groupTypeToString(t), Qt::CaseInsensitive) == 0)
            return t;
    return GroupType::Unknown;
}

QString groupTypeToString(GroupType t)
{
    switch (t) {
    case GroupType::Classic: return QStringLiteral("Classic");
    case GroupType::Consumer: return QStringLiteral("Consumer");
    case GroupType::Share: return QStringLiteral("Share");
    case GroupType::Streams: return QStringLiteral("Streams");
    case GroupType::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

void GroupDescription::takeFromListing(const GroupListing &listing)
{
    type = listing.type;
    if (describedByDescribeGroups(type) || describedAsConsumerGroup) {
        // Listed by a broker that names no types (librdkafka 2.0.2's listing,
        // which only GSSAPI and OAUTHBEARER logins still use: Cohort's own
        // connections speak PLAINTEXT and TLS, PLAIN and SCRAM) and described
        // Dead with no members: a group that exists but is not classic (§8).
        if (type == GroupType::Unknown && state == GroupState::Dead && members.isEmpty() && errorCode == 0 && note.isEmpty())
            note = QCoreApplication::translate(
                "GroupDescription",
                "This group is listed, yet DescribeGroups calls it Dead with no members: it is not a classic group but most "
                "likely a KIP-848 consumer group (or a share or streams group). Over this connection Cohort cannot tell its type, "
                "members, epochs or assignment: librdkafka 2.0.2, which Cohort uses for GSSAPI and OAUTHBEARER logins, has neither ListGroups v5 "
                "nor ConsumerGroupDescribe. Its committed offsets and lag are shown.");
        return;
    }
    // DescribeGroups answers Dead with no members and no error for these
    // (docs/kafka-protocol.md §8): the listing's state is the true one.
    state = listing.state;
    protocolType = listing.protocolType;
    protocol.clear();
    members.clear();
    describable = false;
    if (errorCode != 0 && !note.isEmpty())
        return;   // the coordinator said why it could not describe the group
    switch (type) {
    case GroupType::Consumer:
        // Cohort's own connections describe these with ConsumerGroupDescribe;
        // this is the group as the librdkafka path sees it.
        note = QCoreApplication::translate("GroupDescription",
                                           "This is a KIP-848 consumer group. It was not described with ConsumerGroupDescribe: "
                                           "librdkafka 2.0.2, which Cohort uses for GSSAPI and OAUTHBEARER logins and when its own connection "
                                           "fails, does not have it. Its members, their epochs and their assignment cannot be "
                                           "shown; its committed offsets and lag are.");
        break;
    case GroupType::Share:
        note = QCoreApplication::translate("GroupDescription",
                                           "This is a share group (KIP-932); Cohort cannot show its members, start offsets and "
                                           "lag yet (that needs ShareGroupDescribe and DescribeShareGroupOffsets).");
        break;
    case GroupType::Streams:
        note = QCoreApplication::translate("GroupDescription",
                                           "This is a Kafka Streams group (KIP-1071); Cohort cannot show its members and tasks yet "
                                           "(that needs StreamsGroupDescribe). Its committed offsets and lag are shown.");
        break;
    case GroupType::Classic:
    case GroupType::Unknown: break;
    }
}

}   // namespace cohort
