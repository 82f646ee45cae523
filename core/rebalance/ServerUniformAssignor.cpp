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

QStringList ServerUniformAssignor::topicsWithoutIds(const AssignorInput &input)
{
    QStringList subscribed;
    for (const AssignorMember &m : input.members)
        subscribed << m.topics;
    subscribed.removeDuplicates();
    subscribed.sort();
    if (subscribed.size() < 2)
        return {};
    const QHash<QString, QString> ids = input.topicIds();
    QStringList out;
    for (const QString &t : std::as_const(subscribed))
        if (!ids.contains(t))
            out << t;
    return out;
}

QStringList ServerUniformAssignor::topicsInOneBucket(const AssignorInput &input)
{
    const QHash<QString, QString> ids = input.topicIds();
    QStringList out;
    for (const AssignorMember &m : input.members) {
        QStringList owned;
        for (const TopicPartition &tp : m.owned)
            if (ids.contains(tp.topic) && m.topics.contains(tp.topic) && !owned.contains(tp.topic))
                owned.append(tp.topic);
        QHash<int, QStringList> byBucket;
        const int tableSize = JavaHashOrder::tableSizeFor(int(owned.size()));
        for (const QString &t : std::as_const(owned))
            byBucket[JavaHashOrder::bucket(JavaHashOrder::uuidHash(ids.value(t)), tableSize)].append(t);
        for (const QStringList &sharing : std::as_const(byBucket))
            if (sharing.size() > 1)
                out << sharing;
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

Assignment ServerUniformAssignor::assign(const AssignorInput &input) const
{
    Assignment out;
    if (input.members.isEmpty())
        return out;
    QStringList topics = input.members.first().topics;
    topics.removeDuplicates();
    const auto byName = [](const QString &a, const QString &b) { return a.compare(b) < 0; };
    std::sort(topics.begin(), topics.end(), byName);
    // Kafka keys topics by id: the subscription it walks is a HashSet of the
    // ids, and each member's assignment a HashMap of them. With every id
    // known, their order; else by name (the same for one topic).
    const QHash<QString, QString> ids = input.topicIds();
    const bool idsKnown = std::all_of(topics.cbegin(), topics.cend(), [&](const QString &t) { return ids.contains(t); });
    const auto inIdOrder = [&](const QStringList &names, int tableSize) {
        if (!idsKnown)
            return names;
        return JavaHashOrder::iterationOrder<QString>(
            names, [&](const QString &t) { return JavaHashOrder::uuidHash(ids.value(t)); }, tableSize);
    };
    // The coordinator holds a member's subscription as a HashSet<String>
    // (ConsumerGroupMember.Builder#setSubscribedTopicNames); TopicIds maps it
    // to ids in that set's order, which is the insertion order of the
    // HashSet<Uuid> copied from it: it decides between ids in one bucket.
    if (idsKnown)
        topics = JavaHashOrder::iterationOrder<QString>(topics, &JavaHashOrder::stringHash,
                                                        JavaHashOrder::tableSizeForCopy(int(topics.size())));
    topics = inIdOrder(topics, JavaHashOrder::tableSizeForCopy(int(topics.size())));
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
        // The member's assignment as the coordinator rebuilt it from its
        // target-assignment record (Assignment.fromRecord): a HashMap of topic
        // id to a HashSet copied from the record's partition list. Both are
        // walked in hash order: the topics by id, a topic's partitions by
        // their number modulo the set's table size (so 16 before 14 in a table
        // of 16), which decides what a member over its quota keeps. Within
        // one bucket the record's order is not known here: ascending.
        const QList<TopicPartition> &mine = byId.value(id)->owned;
        QStringList ownedTopics;
        for (const TopicPartition &tp : mine)
            if (topics.contains(tp.topic) && !ownedTopics.contains(tp.topic))
                ownedTopics.append(tp.topic);   // one no longer subscribed is dropped
        std::sort(ownedTopics.begin(), ownedTopics.end(), byName);
        ownedTopics = inIdOrder(ownedTopics, JavaHashOrder::tableSizeFor(int(ownedTopics.size())));
        QList<TopicPartition> &kept = out[id];
        for (const QString &t : std::as_const(ownedTopics)) {
            QList<int> partitions;
            for (const TopicPartition &tp : mine)
                if (tp.topic == t && tp.partition >= 0 && tp.partition < input.partitionCount(t) && !partitions.contains(tp.partition))
                    partitions.append(tp.partition);
            std::sort(partitions.begin(), partitions.end());
            partitions = JavaHashOrder::iterationOrder<int>(
                partitions, [](const int &p) { return qint32(p); }, JavaHashOrder::tableSizeForCopy(int(partitions.size())));
            if (partitions.size() <= quota) {
                quota -= int(partitions.size());
                for (const int p : std::as_const(partitions))
                    kept.append({t, p});
            } else {
                for (const int p : std::as_const(partitions)) {
                    if (quota > 0) {
                        --quota;
                        kept.append({t, p});
                    } else {
                        unassigned.append({t, p});
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
