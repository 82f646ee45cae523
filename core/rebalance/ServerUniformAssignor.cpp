// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/ServerUniformAssignor.h"

#include "core/rebalance/JavaHashOrder.h"

#include <QSet>

#include <algorithm>

namespace cohort {

bool ServerUniformAssignor::supports(const AssignorInput &input)
{
    for (const AssignorMember &m : input.members)
        if (QSet<QString>(m.topics.cbegin(), m.topics.cend())
            != QSet<QString>(input.members.first().topics.cbegin(), input.members.first().topics.cend()))
            return false;
    return true;
}

Assignment ServerUniformAssignor::assign(const AssignorInput &input) const
{
    Assignment out;
    if (input.members.isEmpty())
        return out;
    QStringList topics = input.members.first().topics;
    topics.removeDuplicates();
    std::sort(topics.begin(), topics.end(), [](const QString &a, const QString &b) { return a.compare(b) < 0; });
    // Kafka walks a HashSet of the topic ids: with every id known, that order.
    QHash<QString, QString> ids;
    for (const AssignorTopic &t : input.topics)
        if (!t.topicId.isEmpty())
            ids.insert(t.name, t.topicId);
    if (std::all_of(topics.cbegin(), topics.cend(), [&](const QString &t) { return ids.contains(t); }))
        topics = JavaHashOrder::iterationOrder<QString>(
            topics, [&](const QString &t) { return JavaHashOrder::uuidHash(ids.value(t)); },
            JavaHashOrder::tableSizeForCapacity(std::max(int(topics.size() / 0.75f) + 1, 16)));
    QHash<QString, const AssignorMember *> byId;
    QStringList insertion;
    for (const AssignorMember &m : input.members) {
        byId.insert(m.memberId, &m);
        insertion << m.memberId;
        out.insert(m.memberId, {});
    }
    const QStringList order = JavaHashOrder::stringMapOrder(insertion);

    QSet<TopicPartition> owned;
    int total = 0;
    for (const QString &t : std::as_const(topics))
        total += std::max(0, input.partitionCount(t));
    for (const AssignorMember &m : input.members)
        for (const TopicPartition &tp : m.owned)
            if (topics.contains(tp.topic) && tp.partition >= 0 && tp.partition < input.partitionCount(tp.topic))
                owned.insert(tp);
    QList<TopicPartition> unassigned;
    for (const QString &t : std::as_const(topics))
        for (int p = 0; p < input.partitionCount(t); ++p)
            if (!owned.contains({t, p}))
                unassigned.append({t, p});

    const int minimum = total / int(order.size());
    int withExtra = total % int(order.size());
    QList<std::pair<QString, int>> unfilled;   // member, quota left
    for (qsizetype index = 0; index < order.size(); ++index) {
        const QString &id = order.at(index);
        int quota = minimum;
        bool takesExtra = false;
        if (withExtra > 0) {
            ++quota;
            takesExtra = true;
        }
        // The member's assignment is a map of topic to partitions, walked in
        // its own order (here: the order the topics first appear in `owned`),
        // each topic's partitions in ascending order (a HashSet of small ints).
        const QList<TopicPartition> &mine = byId.value(id)->owned;
        QStringList ownedTopics;
        for (const TopicPartition &tp : mine)
            if (!ownedTopics.contains(tp.topic))
                ownedTopics.append(tp.topic);
        QList<TopicPartition> &kept = out[id];
        for (const QString &t : std::as_const(ownedTopics)) {
            if (!topics.contains(t))
                continue;   // no longer subscribed: dropped
            QList<TopicPartition> ofTopic;
            for (const TopicPartition &tp : mine)
                if (tp.topic == t && tp.partition >= 0 && tp.partition < input.partitionCount(t) && !ofTopic.contains(tp))
                    ofTopic.append(tp);
            std::sort(ofTopic.begin(), ofTopic.end());
            if (ofTopic.size() <= quota) {
                quota -= int(ofTopic.size());
                kept += ofTopic;
            } else {
                for (const TopicPartition &tp : std::as_const(ofTopic)) {
                    if (quota > 0) {
                        --quota;
                        kept.append(tp);
                    } else {
                        unassigned.append(tp);
                    }
                }
            }
        }
        // Kafka 4.x: a member that could not fill its extra slot with what it
        // owns passes the extra on while enough members are left to take them
        // all, so that the extras go to members that already hold them.
        if (quota > 0 && takesExtra && order.size() - index > withExtra) {
            --quota;
            takesExtra = false;
        }
        if (quota > 0)
            unfilled.append({id, quota});
        if (takesExtra)
            --withExtra;
    }
    qsizetype next = 0;
    for (const auto &[id, quota] : std::as_const(unfilled))
        for (int i = 0; i < quota && next < unassigned.size(); ++i)
            out[id].append(unassigned.at(next++));
    for (QList<TopicPartition> &partitions : out)
        std::sort(partitions.begin(), partitions.end());
    return out;
}

}   // namespace cohort
