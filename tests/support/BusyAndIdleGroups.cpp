// SPDX-License-Identifier: GPL-3.0-or-later
#include "BusyAndIdleGroups.h"

namespace cohort::test {

std::shared_ptr<FakeClusterClient> busyAndIdleGroups()
{
    auto client = std::make_shared<FakeClusterClient>();
    const TopicPartition orders0{QStringLiteral("orders"), 0};
    const TopicPartition orders1{QStringLiteral("orders"), 1};
    const TopicPartition other0{QStringLiteral("other"), 0};
    ClusterMetadata md;
    md.clusterId = QStringLiteral("fake-cluster");
    md.brokers = {BrokerInfo{1, QStringLiteral("b1"), 9092, {}}};
    md.topics = {TopicInfo{QStringLiteral("orders"), false, {PartitionInfo{0, 1, {1}, 0}, PartitionInfo{1, 1, {1}, 0}}, 0},
                 TopicInfo{QStringLiteral("other"), false, {PartitionInfo{0, 1, {1}, 0}}, 0}};
    GroupDescription busy;
    busy.groupId = QStringLiteral("busy");
    busy.state = GroupState::Stable;
    busy.protocolType = QStringLiteral("consumer");
    busy.protocol = QStringLiteral("range");
    busy.coordinatorId = 1;
    busy.type = GroupType::Classic;
    GroupMember m1 = fakeMember(QStringLiteral("m-1"), QStringLiteral("shipper-1"), {QStringLiteral("orders")}, {orders0});
    GroupMember m2 = fakeMember(QStringLiteral("m-2"), QStringLiteral("shipper-2"), {QStringLiteral("orders")}, {orders1});
    m2.groupInstanceId = QStringLiteral("inst-2");
    busy.members = {m1, m2};
    GroupDescription idle;
    idle.groupId = QStringLiteral("idle");
    idle.state = GroupState::Empty;
    idle.protocolType = QStringLiteral("consumer");
    idle.coordinatorId = 1;
    idle.type = GroupType::Classic;
    client->setCluster(md, {busy, idle},
                       {{QStringLiteral("busy"),
                         GroupOffsets{QStringLiteral("busy"), {CommittedOffset{orders0, 40, -1, {}}, CommittedOffset{orders1, 7, -1, {}}}}},
                        {QStringLiteral("idle"),
                         GroupOffsets{QStringLiteral("idle"), {CommittedOffset{orders0, 10, -1, {}}, CommittedOffset{other0, 1, -1, {}}}}}},
                       {{orders0, Watermarks{0, 50}}, {orders1, Watermarks{0, 50}}, {other0, Watermarks{0, 3}}});
    return client;
}

}   // namespace cohort::test
