// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeCluster.h"

#include "core/snapshot/SnapshotBuilder.h"
#include "core/wire/ConsumerProtocolDecoder.h"

namespace cohort::test {

ClusterSnapshot FakeCluster::build() const
{
    SnapshotBuilder::Input in;
    in.metadata.clusterId = QStringLiteral("fake");
    in.metadata.controllerId = 1;
    in.metadata.brokers = {BrokerInfo{1, QStringLiteral("broker1"), 9092, {}}, BrokerInfo{2, QStringLiteral("broker2"), 9093, {}}};
    auto addTopic = [&in](const QString &name, int partitions, bool internal) {
        TopicInfo t;
        t.name = name;
        t.internal = internal;
        for (int p = 0; p < partitions; ++p)
            t.partitions.append(PartitionInfo{p, 1 + p % 2, {1, 2}, 0});
        in.metadata.topics.append(t);
    };
    for (const auto &[name, partitions] : topics)
        addTopic(name, partitions, false);
    for (const QString &name : internalTopics)
        addTopic(name, 50, true);
    for (auto it = endOffsets.cbegin(); it != endOffsets.cend(); ++it)
        in.watermarks.insert(it.key(), Watermarks{0, it.value()});

    for (const FakeGroup &g : groups) {
        in.listings.append(GroupListing{g.groupId, g.protocolType, g.state, g.coordinatorId, g.type});
        GroupDescription d;
        d.groupId = g.groupId;
        d.state = g.state;
        d.protocolType = g.protocolType;
        d.protocol = g.assignor;
        d.coordinatorId = g.coordinatorId;
        d.describable = g.describable;
        d.note = g.note;
        for (const FakeMember &fm : g.members) {
            GroupMember m;
            m.memberId = fm.memberId;
            m.clientId = fm.clientId;
            m.host = fm.host;
            m.groupInstanceId = fm.instanceId;
            QStringList subscribed = fm.subscription;
            if (subscribed.isEmpty())
                for (const TopicPartition &tp : fm.owned)
                    if (!subscribed.contains(tp.topic))
                        subscribed << tp.topic;
            if (g.protocolType == QLatin1String("consumer")) {
                ConsumerSubscription s;
                s.version = g.generationId >= 0 ? 2 : 1;
                s.topics = subscribed;
                s.generationId = g.generationId;
                m.rawMetadata = ConsumerProtocolDecoder::encodeSubscription(s);
                m.rawAssignment = ConsumerProtocolDecoder::encodeAssignment(ConsumerAssignment{0, fm.owned, {}});
            } else {
                m.rawMetadata = QByteArrayLiteral("opaque");
                m.rawAssignment = QByteArrayLiteral("opaque");
            }
            d.members.append(m);
        }
        in.descriptions.append(d);
        GroupOffsets o;
        o.groupId = g.groupId;
        for (auto it = g.committed.cbegin(); it != g.committed.cend(); ++it)
            o.offsets.append(CommittedOffset{it.key(), it.value(), -1, g.commitMetadata.value(it.key())});
        std::sort(o.offsets.begin(), o.offsets.end(), [](const auto &a, const auto &b) { return a.tp < b.tp; });
        in.offsets.insert(g.groupId, o);
    }
    in.readCommitted = false;
    ClusterSnapshot s = SnapshotBuilder::build(std::move(in));
    s.takenAt = QDateTime::currentDateTimeUtc();
    return s;
}

}   // namespace cohort::test
