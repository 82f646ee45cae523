// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/AssignmentSimulator.h"

#include "core/rebalance/CooperativeStickyAssignor.h"
#include "core/rebalance/RangeAssignor.h"
#include "core/rebalance/RoundRobinAssignor.h"
#include "core/rebalance/ServerRangeAssignor.h"
#include "core/rebalance/ServerUniformAssignor.h"
#include "core/rebalance/StickyAssignor.h"
#include "core/wire/KafkaUuid.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace cohort {

AssignmentOutcome AssignmentOutcome::of(const QString &assignor, const AssignorInput &input, const Assignment &assignment)
{
    AssignmentOutcome o;
    o.assignor = assignor;
    o.assignment = assignment;
    int min = -1, max = 0;
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it) {
        const int n = int(it.value().size());
        o.perMember.insert(it.key(), n);
        min = min < 0 ? n : std::min(min, n);
        max = std::max(max, n);
    }
    o.skew = min < 0 ? 0 : max - min;
    QHash<TopicPartition, QString> newOwner;
    for (auto it = assignment.cbegin(); it != assignment.cend(); ++it)
        for (const TopicPartition &tp : it.value())
            newOwner.insert(tp, it.key());
    QSet<TopicPartition> counted;
    for (const AssignorMember &m : input.members)
        for (const TopicPartition &tp : m.owned)
            if (newOwner.value(tp) != m.memberId && !counted.contains(tp)) {
                counted.insert(tp);
                ++o.moved;
            }
    return o;
}

QStringList AssignmentSimulator::assignorNames()
{
    return {QStringLiteral("range"),   QStringLiteral("roundrobin"),  QStringLiteral("sticky"), QStringLiteral("cooperative-sticky"),
            QStringLiteral("uniform"), QStringLiteral("server-range")};
}

std::unique_ptr<PartitionAssignor> AssignmentSimulator::create(const QString &name, StickyAssignor::Implementation client)
{
    if (name == QLatin1String("range"))
        return std::make_unique<RangeAssignor>(client);
    if (name == QLatin1String("roundrobin"))
        return std::make_unique<RoundRobinAssignor>(client);
    if (name == QLatin1String("sticky"))
        return std::make_unique<StickyAssignor>(client);
    if (name == QLatin1String("cooperative-sticky"))
        return std::make_unique<CooperativeStickyAssignor>(client);
    if (name == QLatin1String("uniform"))
        return std::make_unique<ServerUniformAssignor>();
    if (name == QLatin1String("server-range"))
        return std::make_unique<ServerRangeAssignor>();
    return nullptr;
}

Result<AssignmentOutcome, QString> AssignmentSimulator::simulate(const QString &assignor, const AssignorInput &input,
                                                                 StickyAssignor::Implementation client)
{
    const std::unique_ptr<PartitionAssignor> a = create(assignor, client);
    if (!a)
        return tr("unknown assignor '%1': one of %2").arg(assignor, assignorNames().join(QStringLiteral(", ")));
    if (input.members.isEmpty())
        return tr("no members: give at least one");
    for (const AssignorTopic &t : input.topics)
        if (!t.topicId.isEmpty() && !KafkaUuid::fromString(t.topicId))
            return tr("topic '%1' has id '%2', which is not a Kafka topic id (22 characters of base64, as kafka-topics "
                      "--describe prints it)")
                .arg(t.name, t.topicId);
    QSet<QString> ids;
    for (const AssignorMember &m : input.members) {
        if (m.memberId.isEmpty())
            return tr("a member without an id");
        if (ids.contains(m.memberId))
            return tr("member '%1' is given twice").arg(m.memberId);
        ids.insert(m.memberId);
        for (const QString &t : m.topics)
            if (input.partitionCount(t) < 0)
                return tr("member '%1' subscribes to topic '%2', which is not among the topics: add it with its partition count")
                    .arg(m.memberId, t);
        for (const TopicPartition &tp : m.owned) {
            const int n = input.partitionCount(tp.topic);
            if (n < 0)
                return tr("member '%1' owns %2-%3, but topic '%2' is not among the topics").arg(m.memberId, tp.topic).arg(tp.partition);
            if (tp.partition < 0 || tp.partition >= n)
                return tr("member '%1' owns %2-%3, but '%2' has partitions 0 to %4").arg(m.memberId, tp.topic).arg(tp.partition).arg(n - 1);
        }
    }
    if (assignor == QLatin1String("uniform") && !ServerUniformAssignor::supports(input))
        return tr("the uniform assignor is simulated for members that subscribe to the same topics only (Kafka's "
                  "homogeneous case); these members' subscriptions differ");
    AssignmentOutcome outcome = AssignmentOutcome::of(assignor, input, a->assign(input));
    if (client == StickyAssignor::Implementation::KafkaPython
        && (assignor == QLatin1String("sticky") || assignor == QLatin1String("cooperative-sticky")))
        outcome.pythonSetOrder = std::any_of(input.members.cbegin(), input.members.cend(),
                                             [](const AssignorMember &m) { return !m.owned.isEmpty(); });
    if (assignor == QLatin1String("uniform")) {
        outcome.topicsWithoutIds = ServerUniformAssignor::topicsWithoutIds(input);
        outcome.topicsInOneBucket = ServerUniformAssignor::topicsInOneBucket(input);
    }
    return outcome;
}

}   // namespace cohort
