// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterTypes.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <functional>

namespace cohort {

// The order in which Java's HashMap and HashSet iterate their keys, for the
// assignors whose Java implementation walks a HashMap where the order decides
// the result (which member keeps its extra partition, which partition moves).
// A Java HashMap iterates bucket by bucket (hash spread ^ hash >>> 16, masked
// by the table size) and, within a bucket, in insertion order; its table
// starts at 16 and doubles whenever it holds more than 3/4 of its size, and
// never shrinks. (A bucket of 8 or more keys becomes a tree in Java: not
// modelled, as no assignment of a realistic size gets there.)
class JavaHashOrder
{
public:
    static qint32 stringHash(const QString &s);                   // java.lang.String#hashCode
    static qint32 topicPartitionHash(const TopicPartition &tp);   // org.apache.kafka.common.TopicPartition#hashCode
    static qint32 uuidHash(const QString &base64);                // org.apache.kafka.common.Uuid#hashCode of Uuid.fromString(base64)
    // The table size of a `new HashMap<>()` that has held `maxEntries` at once.
    static int tableSizeFor(int maxEntries);
    // The table size of a `new HashMap<>(initialCapacity)` (the next power of two).
    static int tableSizeForCapacity(int initialCapacity);
    // The table size of a `new HashSet<>(collection)` of `size` elements: JDK 17
    // sizes it for max(size / .75 + 1, 16) (Kafka 4.4's brokers run on 17).
    static int tableSizeForCopy(int size);
    static int bucket(qint32 hash, int tableSize)
    {
        const quint32 h = quint32(hash);
        return int((h ^ (h >> 16)) & quint32(tableSize - 1));
    }

    // `keys` in insertion order, returned in the map's iteration order.
    template<typename K>
    static QList<K> iterationOrder(const QList<K> &keys, const std::function<qint32(const K &)> &hash, int tableSize)
    {
        QList<std::pair<int, qsizetype>> slots;
        slots.reserve(keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i)
            slots.append({bucket(hash(keys.at(i)), tableSize), i});
        std::sort(slots.begin(), slots.end());
        QList<K> out;
        out.reserve(keys.size());
        for (const auto &[b, i] : slots)
            out.append(keys.at(i));
        return out;
    }

    // Member ids as a HashMap<String, ...> filled in this order iterates them.
    static QStringList stringMapOrder(const QStringList &insertionOrder);
};

}   // namespace cohort
