// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/StickyAssignor.h"

#include "core/rebalance/JavaHashOrder.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <cstdlib>

namespace cohort {

namespace {

bool javaLess(const QString &a, const QString &b)
{
    return a.compare(b) < 0;
}

// What both of Kafka's builders start from (AbstractStickyAssignor#assignPartitions).
struct StickyState
{
    QMap<QString, int> partitionsPerTopic;         // subscribed topics that exist and have partitions
    QStringList memberOrder;                       // the members as Java's HashMap<String, ...> iterates them
    QHash<QString, QStringList> subscriptions;     // as subscribed, existing or not
    QHash<QString, QList<TopicPartition>> owned;   // consumerToOwnedPartitions
    QSet<TopicPartition> multipleOwners;           // claimed by two members of one generation
    bool allEqual = true;
    int total = 0;
};

StickyState prepare(const AssignorInput &input, ClientImplementation client)
{
    StickyState s;
    QStringList insertion;
    for (const AssignorMember &m : input.members) {
        insertion << m.memberId;
        s.subscriptions.insert(m.memberId, m.topics);
        for (const QString &t : m.topics) {
            const int n = input.partitionCount(t);
            if (n > 0)
                s.partitionsPerTopic.insert(t, n);
        }
    }
    for (int n : std::as_const(s.partitionsPerTopic))
        s.total += n;
    // kafka-python keeps its members in a dict, in the coordinator's order.
    s.memberOrder = client == ClientImplementation::KafkaPython ? insertion : JavaHashOrder::stringMapOrder(insertion);

    QSet<QString> firstTopics;
    bool first = true;
    QHash<TopicPartition, QString> previousOwner;
    QHash<QString, const AssignorMember *> byId;
    for (const AssignorMember &m : input.members)
        byId.insert(m.memberId, &m);
    for (const QString &id : std::as_const(s.memberOrder)) {
        const AssignorMember &m = *byId.value(id);
        const QSet<QString> topics(m.topics.cbegin(), m.topics.cend());
        if (first) {
            firstTopics = topics;
            first = false;
        } else if (topics != firstTopics) {
            s.allEqual = false;
        }
        QList<TopicPartition> &mine = s.owned[id];
        for (const TopicPartition &tp : m.owned) {
            if (!s.partitionsPerTopic.contains(tp.topic) || tp.partition < 0 || tp.partition >= s.partitionsPerTopic.value(tp.topic))
                continue;
            const auto other = previousOwner.constFind(tp);
            if (other == previousOwner.cend()) {
                mine.append(tp);
                previousOwner.insert(tp, id);
            } else if (client == ClientImplementation::KafkaPython) {
                // kafka-python skips the second claim of one generation: the first keeps it.
            } else {
                // Same generation (the simulation has one): neither keeps it.
                s.multipleOwners.insert(tp);
                s.owned[other.value()].removeAll(tp);
                previousOwner.insert(tp, id);
            }
        }
    }
    return s;
}

QList<TopicPartition> allPartitions(const QStringList &sortedTopics, const QMap<QString, int> &counts)
{
    QList<TopicPartition> out;
    for (const QString &t : sortedTopics)
        for (int p = 0; p < counts.value(t); ++p)
            out.append({t, p});
    return out;
}

// Kafka's ConstrainedAssignmentBuilder (every member subscribes to the same topics).
class ConstrainedBuilder
{
public:
    ConstrainedBuilder(const StickyState &s, QHash<TopicPartition, QString> *transferring)
        : m_s(s)
        , m_transferring(transferring)
    {
        const int members = int(s.memberOrder.size());
        m_minQuota = s.total / members;
        m_maxQuota = (s.total + members - 1) / members;
        m_expectedOverMin = s.total % members;
        for (const QString &id : s.memberOrder)
            m_assignment.insert(id, {});
    }

    Assignment build()
    {
        assignOwned();
        QSet<TopicPartition> assigned(m_assignedPartitions.cbegin(), m_assignedPartitions.cend());
        QStringList sortedTopics = m_s.partitionsPerTopic.keys();
        std::sort(sortedTopics.begin(), sortedTopics.end(), javaLess);
        QList<TopicPartition> unassigned;
        for (const TopicPartition &tp : allPartitions(sortedTopics, m_s.partitionsPerTopic))
            if (!assigned.contains(tp))
                unassigned.append(tp);
        std::sort(m_underMin.begin(), m_underMin.end(), javaLess);
        std::sort(m_exactlyMin.begin(), m_exactlyMin.end(), javaLess);
        assignRoundRobin(unassigned);
        return m_assignment;
    }

private:
    void assignOwned()
    {
        for (const QString &consumer : m_s.memberOrder) {
            QList<TopicPartition> owned = m_s.owned.value(consumer);
            // Kafka keeps the lowest partition numbers first, then by topic.
            std::stable_sort(owned.begin(), owned.end(), [](const TopicPartition &a, const TopicPartition &b) {
                if (a.partition != b.partition)
                    return a.partition < b.partition;
                return a.topic.compare(b.topic) < 0;
            });
            for (const TopicPartition &tp : std::as_const(m_s.multipleOwners))
                owned.removeAll(tp);
            QList<TopicPartition> &mine = m_assignment[consumer];
            if (owned.size() < m_minQuota) {
                mine += owned;
                m_assignedPartitions += owned;
                m_underMin.append(consumer);
            } else if (owned.size() >= m_maxQuota && m_currentOverMin < m_expectedOverMin) {
                ++m_currentOverMin;
                if (m_currentOverMin == m_expectedOverMin)
                    m_exactlyMin.clear();
                mine += owned.mid(0, m_maxQuota);
                m_assignedPartitions += owned.mid(0, m_maxQuota);
                for (const TopicPartition &tp : owned.mid(m_maxQuota))
                    m_maybeRevoked.insert(tp, consumer);
            } else {
                mine += owned.mid(0, m_minQuota);
                m_assignedPartitions += owned.mid(0, m_minQuota);
                for (const TopicPartition &tp : owned.mid(m_minQuota))
                    m_maybeRevoked.insert(tp, consumer);
                if (m_currentOverMin < m_expectedOverMin)
                    m_exactlyMin.append(consumer);
            }
        }
    }

    void assignRoundRobin(const QList<TopicPartition> &unassigned)
    {
        // Java's iterator over m_underMin: `next` is the index next() returns.
        qsizetype next = 0;
        for (const TopicPartition &tp : unassigned) {
            QString consumer;
            bool fromUnder = false;
            if (next < m_underMin.size()) {
                consumer = m_underMin.at(next++);
                fromUnder = true;
            } else if (m_underMin.isEmpty() && m_exactlyMin.isEmpty()) {
                break;   // Kafka throws here ("No more unfilled consumers"): cannot happen with exact quotas
            } else if (m_underMin.isEmpty()) {
                consumer = m_exactlyMin.takeFirst();
            } else {
                next = 0;
                consumer = m_underMin.at(next++);
                fromUnder = true;
            }
            const qsizetype count = assignNew(tp, consumer);
            if (count == m_minQuota) {
                if (fromUnder)
                    m_underMin.removeAt(--next);
                m_exactlyMin.append(consumer);
            } else if (count == m_maxQuota) {
                ++m_currentOverMin;
            }
        }
    }

    qsizetype assignNew(const TopicPartition &tp, const QString &consumer)
    {
        QList<TopicPartition> &mine = m_assignment[consumer];
        mine.append(tp);
        if ((m_maybeRevoked.contains(tp) && m_maybeRevoked.value(tp) != consumer) || m_s.multipleOwners.contains(tp))
            if (m_transferring)
                m_transferring->insert(tp, consumer);
        return mine.size();
    }

    const StickyState &m_s;
    QHash<TopicPartition, QString> *m_transferring;
    int m_minQuota = 0;
    int m_maxQuota = 0;
    int m_expectedOverMin = 0;
    int m_currentOverMin = 0;
    QStringList m_underMin;
    QStringList m_exactlyMin;
    QHash<TopicPartition, QString> m_maybeRevoked;
    QList<TopicPartition> m_assignedPartitions;
    Assignment m_assignment;
};

// A HashSet<TopicPartition> whose first element is the one Java's iterator
// would return first.
struct JavaPartitionSet
{
    QList<TopicPartition> items;   // insertion order
    int maxSize = 0;

    void insert(const TopicPartition &tp)
    {
        if (!items.contains(tp))
            items.append(tp);
        maxSize = std::max(maxSize, int(items.size()));
    }
    TopicPartition first() const
    {
        return JavaHashOrder::iterationOrder<TopicPartition>(items, &JavaHashOrder::topicPartitionHash,
                                                             JavaHashOrder::tableSizeFor(maxSize))
            .first();
    }
};

// Kafka's PartitionMovements: which partitions moved between which members in
// this assignment, so that a move back is made with the partition that came
// (keeping the assignment sticky).
class PartitionMovements
{
public:
    explicit PartitionMovements(ClientImplementation client)
        : m_pythonSets(client == ClientImplementation::KafkaPython)
    { }

    TopicPartition actualPartitionToMove(const TopicPartition &partition, QString oldConsumer, const QString &newConsumer) const
    {
        if (!m_byTopic.contains(partition.topic))
            return partition;
        if (const auto it = m_movements.constFind(partition); it != m_movements.cend())
            oldConsumer = it->first;
        const auto &pairs = m_byTopic[partition.topic];
        const auto reverse = pairs.constFind({newConsumer, oldConsumer});
        if (reverse == pairs.cend())
            return partition;
        // kafka-python's is a Python set, whose order follows the string hash
        // Python seeds anew in every process: no order can be predicted, and
        // the one inserted first stands for it.
        return m_pythonSets ? reverse->items.first() : reverse->first();
    }

    void move(const TopicPartition &partition, const QString &oldConsumer, const QString &newConsumer)
    {
        if (m_movements.contains(partition)) {
            const Pair existing = removeRecord(partition);
            if (existing.first != newConsumer)
                addRecord(partition, {existing.first, newConsumer});
        } else {
            addRecord(partition, {oldConsumer, newConsumer});
        }
    }

private:
    using Pair = std::pair<QString, QString>;   // source, destination
    Pair removeRecord(const TopicPartition &partition)
    {
        const Pair pair = m_movements.take(partition);
        auto &pairs = m_byTopic[partition.topic];
        pairs[pair].items.removeAll(partition);
        if (pairs[pair].items.isEmpty())
            pairs.remove(pair);
        if (pairs.isEmpty())
            m_byTopic.remove(partition.topic);
        return pair;
    }
    void addRecord(const TopicPartition &partition, const Pair &pair)
    {
        m_movements.insert(partition, pair);
        m_byTopic[partition.topic][pair].insert(partition);
    }

    QHash<QString, QMap<Pair, JavaPartitionSet>> m_byTopic;
    QHash<TopicPartition, Pair> m_movements;
    bool m_pythonSets;
};

// Kafka's GeneralAssignmentBuilder (members subscribe to different topics),
// and the whole of librdkafka's and kafka-python's sticky assignors.
class GeneralBuilder
{
public:
    GeneralBuilder(const StickyState &s, const QList<AssignorTopic> &topicOrder, ClientImplementation client)
        : m_s(s)
        , m_client(client)
        , m_movements(client)
    {
        for (auto it = s.partitionsPerTopic.cbegin(); it != s.partitionsPerTopic.cend(); ++it)
            m_topicConsumers.insert(it.key(), {});
        for (const QString &consumer : s.memberOrder) {
            QStringList &topics = m_consumerTopics[consumer];
            for (const QString &t : s.subscriptions.value(consumer))
                if (s.partitionsPerTopic.contains(t) && !topics.contains(t)) {
                    topics.append(t);
                    m_topicConsumers[t].append(consumer);
                }
        }
        for (const QString &consumer : s.memberOrder) {
            m_current.insert(consumer, s.owned.value(consumer));
            for (const TopicPartition &tp : s.owned.value(consumer))
                m_partitionConsumer.insert(tp, consumer);
        }
        QStringList sortedTopics = m_topicConsumers.keys();
        std::sort(sortedTopics.begin(), sortedTopics.end(), [this](const QString &a, const QString &b) {
            const qsizetype na = m_topicConsumers.value(a).size(), nb = m_topicConsumers.value(b).size();
            return na != nb ? na < nb : a.compare(b) < 0;
        });
        m_sortedAllPartitions = allPartitions(sortedTopics, s.partitionsPerTopic);
        if (client == ClientImplementation::Librdkafka && s.allEqual)
            m_sortedAllPartitions = librdkafkaIdenticalOrder(topicOrder);
        else if (client == ClientImplementation::KafkaPython && s.allEqual)
            m_sortedAllPartitions = kafkaPythonIdenticalOrder();
    }

    Assignment build()
    {
        QSet<TopicPartition> assigned = assignOwned();
        QList<TopicPartition> unassigned;
        for (const TopicPartition &tp : std::as_const(m_sortedAllPartitions))
            if (!assigned.contains(tp))
                unassigned.append(tp);
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
            m_participants.insert(it.key());
        balance(unassigned);
        Assignment out;
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
            out.insert(it.key(), it.value());
        return out;
    }

private:
    // One owned partition at a time from the member owning most (ties: the
    // greater id; UTF-8 bytes and Python's code points order alike), each
    // its lowest (librdkafka) or its last (kafka-python) by topic and number:
    // the start of both ports' order for identical subscriptions.
    QList<TopicPartition> ownedFromMostLoaded(bool lastFirst) const
    {
        QHash<QString, QList<TopicPartition>> remaining;
        for (const QString &consumer : m_s.memberOrder) {
            QList<TopicPartition> owned = m_current.value(consumer);
            if (owned.isEmpty())
                continue;
            std::sort(owned.begin(), owned.end());
            remaining.insert(consumer, owned);
        }
        QList<TopicPartition> out;
        while (!remaining.isEmpty()) {
            QString most;
            for (auto it = remaining.cbegin(); it != remaining.cend(); ++it)
                if (most.isEmpty() || it.value().size() > remaining.value(most).size()
                    || (it.value().size() == remaining.value(most).size() && it.key().toUtf8() > most.toUtf8()))
                    most = it.key();
            QList<TopicPartition> &list = remaining[most];
            out.append(lastFirst ? list.takeLast() : list.takeFirst());
            if (list.isEmpty())
                remaining.remove(most);
        }
        return out;
    }

    // librdkafka's sortPartitions for identical subscriptions: the owned
    // partitions, each member's lowest first, then the partitions nobody owns
    // in its map's order (the reverse of insertion: the last topic's last
    // partition first).
    QList<TopicPartition> librdkafkaIdenticalOrder(const QList<AssignorTopic> &topicOrder) const
    {
        QList<TopicPartition> out = ownedFromMostLoaded(false);
        if (out.isEmpty())
            return m_sortedAllPartitions;   // nothing owned: sorted by topic and partition
        const QSet<TopicPartition> placed(out.cbegin(), out.cend());
        for (qsizetype t = topicOrder.size() - 1; t >= 0; --t) {
            const AssignorTopic &topic = topicOrder.at(t);
            if (!m_s.partitionsPerTopic.contains(topic.name))
                continue;
            for (int p = m_s.partitionsPerTopic.value(topic.name) - 1; p >= 0; --p)
                if (!placed.contains({topic.name, p}))
                    out.append({topic.name, p});
        }
        return out;
    }

    // kafka-python's _populate_sorted_partitions for identical subscriptions
    // (a port of Kafka 2.3's): the owned partitions, each member's last first
    // (its owned list is sorted by topic and number, as its assignment came),
    // then the partitions nobody owns by topic and number.
    QList<TopicPartition> kafkaPythonIdenticalOrder() const
    {
        QList<TopicPartition> out = ownedFromMostLoaded(true);
        const QSet<TopicPartition> placed(out.cbegin(), out.cend());
        for (const TopicPartition &tp : m_sortedAllPartitions)
            if (!placed.contains(tp))
                out.append(tp);
        return out;
    }

    // Kafka's sortedCurrentSubscriptions: a TreeSet by (assignment size, id).
    QStringList sortedParticipants() const
    {
        QStringList out(m_participants.cbegin(), m_participants.cend());
        std::sort(out.begin(), out.end(), [this](const QString &a, const QString &b) {
            const qsizetype na = m_current.value(a).size(), nb = m_current.value(b).size();
            return na != nb ? na < nb : a.compare(b) < 0;
        });
        return out;
    }

    QSet<TopicPartition> assignOwned()
    {
        QSet<TopicPartition> assigned;
        for (auto it = m_current.begin(); it != m_current.end(); ++it) {
            const QStringList &subscribed = m_s.subscriptions.value(it.key());
            QList<TopicPartition> kept;
            for (const TopicPartition &tp : std::as_const(it.value())) {
                if (!m_topicConsumers.contains(tp.topic)) {
                    m_partitionConsumer.remove(tp);
                } else if (!subscribed.contains(tp.topic)) {
                    m_revocationRequired = true;
                } else {
                    kept.append(tp);
                    assigned.insert(tp);
                }
            }
            it.value() = kept;
        }
        return assigned;
    }

    int maxAssignmentSize(const QString &consumer) const
    {
        int size = 0;
        for (const QString &t : m_consumerTopics.value(consumer))
            size += m_s.partitionsPerTopic.value(t);
        return size;
    }

    bool isBalanced() const
    {
        const QStringList sorted = sortedParticipants();
        if (sorted.isEmpty())
            return true;
        const qsizetype min = m_current.value(sorted.first()).size();
        const qsizetype max = m_current.value(sorted.last()).size();
        if (min >= max - 1)
            return true;
        QHash<TopicPartition, QString> owners;
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
            for (const TopicPartition &tp : it.value())
                owners.insert(tp, it.key());
        for (const QString &consumer : sorted) {
            const QList<TopicPartition> &mine = m_current.value(consumer);
            const qsizetype count = mine.size();
            if (count == maxAssignmentSize(consumer))
                continue;
            for (const QString &topic : m_consumerTopics.value(consumer))
                for (int p = 0; p < m_s.partitionsPerTopic.value(topic); ++p) {
                    const TopicPartition tp{topic, p};
                    if (mine.contains(tp))
                        continue;
                    const QString other = owners.value(tp);
                    if (!other.isEmpty() && count + 1 < m_current.value(other).size())
                        return false;
                }
        }
        return true;
    }

    static int balanceScore(const QHash<QString, QList<TopicPartition>> &assignment)
    {
        QList<qsizetype> sizes;
        for (const auto &partitions : assignment)
            sizes.append(partitions.size());
        int score = 0;
        for (qsizetype i = 0; i < sizes.size(); ++i)
            for (qsizetype j = i + 1; j < sizes.size(); ++j)
                score += int(std::llabs(sizes.at(i) - sizes.at(j)));
        return score;
    }

    bool canTopicParticipate(const QString &topic) const { return m_topicConsumers.value(topic).size() >= 2; }

    bool canConsumerParticipate(const QString &consumer) const
    {
        const QList<TopicPartition> &mine = m_current.value(consumer);
        if (mine.size() < maxAssignmentSize(consumer))
            return true;
        for (const TopicPartition &tp : mine)
            if (canTopicParticipate(tp.topic))
                return true;
        return false;
    }

    void maybeAssign(const QList<TopicPartition> &unassigned)
    {
        for (const TopicPartition &tp : unassigned) {
            if (m_topicConsumers.value(tp.topic).isEmpty())
                continue;
            for (const QString &consumer : sortedParticipants())
                if (m_consumerTopics.value(consumer).contains(tp.topic)) {
                    m_current[consumer].append(tp);
                    m_partitionConsumer.insert(tp, consumer);
                    break;
                }
        }
    }

    void balance(QList<TopicPartition> unassigned)
    {
        const QStringList sorted = sortedParticipants();
        const bool initializing = sorted.isEmpty() || m_current.value(sorted.last()).isEmpty();
        maybeAssign(unassigned);

        QSet<TopicPartition> fixedPartitions;
        for (auto it = m_topicConsumers.cbegin(); it != m_topicConsumers.cend(); ++it)
            if (!canTopicParticipate(it.key()))
                for (int p = 0; p < m_s.partitionsPerTopic.value(it.key()); ++p)
                    fixedPartitions.insert({it.key(), p});
        const auto notFixed = [&](const TopicPartition &tp) { return fixedPartitions.contains(tp); };
        m_sortedAllPartitions.removeIf(notFixed);
        unassigned.removeIf(notFixed);

        QHash<QString, QList<TopicPartition>> fixedAssignments;
        for (const QString &consumer : m_s.memberOrder)
            if (!canConsumerParticipate(consumer)) {
                m_participants.remove(consumer);
                fixedAssignments.insert(consumer, m_current.take(consumer));
            }

        const QHash<QString, QList<TopicPartition>> preBalance = m_current;
        const QHash<TopicPartition, QString> preBalanceOwners = m_partitionConsumer;
        if (!m_revocationRequired)
            performReassignments(unassigned);
        const bool reassigned = performReassignments(m_sortedAllPartitions);
        if (!initializing && reassigned && balanceScore(m_current) >= balanceScore(preBalance)) {
            m_current = preBalance;
            m_partitionConsumer = preBalanceOwners;
        }
        for (auto it = fixedAssignments.cbegin(); it != fixedAssignments.cend(); ++it) {
            m_current.insert(it.key(), it.value());
            m_participants.insert(it.key());
        }
    }

    bool performReassignments(const QList<TopicPartition> &partitions)
    {
        bool reassigned = false;
        bool modified;
        do {
            modified = false;
            for (qsizetype i = 0; i < partitions.size() && !isBalanced(); ++i) {
                const TopicPartition &tp = partitions.at(i);
                const QString consumer = m_partitionConsumer.value(tp);
                if (consumer.isEmpty() || !m_current.contains(consumer))
                    continue;
                // (No previous-generation owners: every member of the simulation is in one generation.)
                for (const QString &other : m_topicConsumers.value(tp.topic))
                    if (m_current.value(consumer).size() > m_current.value(other).size() + 1) {
                        reassign(tp);
                        reassigned = modified = true;
                        break;
                    }
            }
        } while (modified);
        return reassigned;
    }

    void reassign(const TopicPartition &partition)
    {
        QString newConsumer;
        for (const QString &c : sortedParticipants())
            if (m_consumerTopics.value(c).contains(partition.topic)) {
                newConsumer = c;
                break;
            }
        const QString consumer = m_partitionConsumer.value(partition);
        const TopicPartition toMove = m_movements.actualPartitionToMove(partition, consumer, newConsumer);
        // kafka-python: when the partition to move instead is not the
        // consumer's (both moved earlier in this rebalance), both moves are
        // undone, the partition going to that one's owner first.
        const QString substituteOwner = m_partitionConsumer.value(toMove);
        if (m_client == ClientImplementation::KafkaPython && substituteOwner != consumer)
            movePartition(partition, substituteOwner);
        movePartition(toMove, newConsumer);
    }

    void movePartition(const TopicPartition &partition, const QString &newConsumer)
    {
        const QString oldConsumer = m_partitionConsumer.value(partition);
        m_movements.move(partition, oldConsumer, newConsumer);
        m_current[oldConsumer].removeAll(partition);
        m_current[newConsumer].append(partition);
        m_partitionConsumer.insert(partition, newConsumer);
    }

    const StickyState &m_s;
    ClientImplementation m_client;
    QHash<QString, QStringList> m_topicConsumers;
    QHash<QString, QStringList> m_consumerTopics;
    QHash<QString, QList<TopicPartition>> m_current;
    QHash<TopicPartition, QString> m_partitionConsumer;
    QList<TopicPartition> m_sortedAllPartitions;
    QSet<QString> m_participants;
    PartitionMovements m_movements;
    bool m_revocationRequired = false;
};

}   // namespace

Assignment StickyAssignor::assign(const AssignorInput &input) const
{
    return assign(input, nullptr);
}

Assignment StickyAssignor::assign(const AssignorInput &input, QHash<TopicPartition, QString> *transferring) const
{
    Assignment out;
    if (input.members.isEmpty())
        return out;
    const StickyState state = prepare(input, m_implementation);
    if (state.allEqual && m_implementation == Implementation::Java) {
        out = ConstrainedBuilder(state, transferring).build();
    } else {
        out = GeneralBuilder(state, input.topics, m_implementation).build();
        if (transferring) {
            // CooperativeStickyAssignor#computePartitionsTransferringOwnership.
            QHash<TopicPartition, QString> added;
            QSet<TopicPartition> revoked;
            for (const AssignorMember &m : input.members) {
                const QList<TopicPartition> &now = out.value(m.memberId);
                for (const TopicPartition &tp : now)
                    if (!m.owned.contains(tp))
                        added.insert(tp, m.memberId);
                for (const TopicPartition &tp : m.owned)
                    if (!now.contains(tp))
                        revoked.insert(tp);
            }
            for (auto it = added.cbegin(); it != added.cend(); ++it)
                if (revoked.contains(it.key()))
                    transferring->insert(it.key(), it.value());
        }
    }
    for (const AssignorMember &m : input.members)
        out[m.memberId];   // every member present, even with nothing
    for (QList<TopicPartition> &partitions : out)
        std::sort(partitions.begin(), partitions.end());
    return out;
}

}   // namespace cohort
