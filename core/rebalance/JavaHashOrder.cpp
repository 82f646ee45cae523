// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/JavaHashOrder.h"

#include "core/wire/KafkaUuid.h"

#include <QByteArray>

namespace cohort {

qint32 JavaHashOrder::stringHash(const QString &s)
{
    quint32 h = 0;   // Java's int arithmetic wraps; unsigned here keeps it defined
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return qint32(h);
}

qint32 JavaHashOrder::topicPartitionHash(const TopicPartition &tp)
{
    quint32 result = 31 + quint32(tp.partition);
    result = 31 * result + quint32(stringHash(tp.topic));
    return qint32(result);
}

qint32 JavaHashOrder::uuidHash(const QString &base64)
{
    const QByteArray bytes = KafkaUuid::fromString(base64).value_or(QByteArray());
    quint64 msb = 0, lsb = 0;
    for (int i = 0; i < 8 && i < bytes.size(); ++i)
        msb = (msb << 8) | quint8(bytes.at(i));
    for (int i = 8; i < 16 && i < bytes.size(); ++i)
        lsb = (lsb << 8) | quint8(bytes.at(i));
    const quint64 h = msb ^ lsb;
    return qint32(quint32(h >> 32) ^ quint32(h));
}

int JavaHashOrder::tableSizeFor(int maxEntries)
{
    int size = 16;
    while (maxEntries > size * 3 / 4)
        size *= 2;
    return size;
}

int JavaHashOrder::tableSizeForCapacity(int initialCapacity)
{
    int size = 1;
    while (size < initialCapacity)
        size *= 2;
    return size;
}

int JavaHashOrder::tableSizeForCopy(int size)
{
    return tableSizeForCapacity(std::max(int(float(size) / 0.75f) + 1, 16));
}

QStringList JavaHashOrder::stringMapOrder(const QStringList &insertionOrder)
{
    return iterationOrder<QString>(insertionOrder, &JavaHashOrder::stringHash, tableSizeFor(int(insertionOrder.size())));
}

}   // namespace cohort
