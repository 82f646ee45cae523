// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ConsumerProtocolDecoder.h"

#include <QCoreApplication>
#include <QMap>

namespace cohort::ConsumerProtocolDecoder {

namespace {

// Bounds-checked big-endian reader (core cannot use the sandbox's: layering).
class Reader
{
public:
    explicit Reader(const QByteArray &b) : m_b(b) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos >= m_b.size(); }
    qint16 i16() { return qint16(be(2)); }
    qint32 i32() { return qint32(be(4)); }
    QString str()
    {
        const qint16 n = i16();
        if (n < 0)
            return {};
        return QString::fromUtf8(take(n));
    }
    QByteArray bytes()
    {
        const qint32 n = i32();
        if (n < 0)
            return {};
        return take(n);
    }
    qint32 count(int minElement)
    {
        const qint32 n = i32();
        if (n < -1 || (n > 0 && qint64(n) * minElement > m_b.size() - m_pos))
            m_ok = false;
        return m_ok ? qMax(n, 0) : 0;
    }

private:
    quint32 be(int n)
    {
        if (!m_ok || m_b.size() - m_pos < n) {
            m_ok = false;
            return 0;
        }
        quint32 v = 0;
        for (int i = 0; i < n; ++i)
            v = (v << 8) | quint8(m_b.at(m_pos + i));
        m_pos += n;
        return v;
    }
    QByteArray take(qsizetype n)
    {
        if (!m_ok || m_b.size() - m_pos < n) {
            m_ok = false;
            return {};
        }
        const QByteArray out = m_b.mid(m_pos, n);
        m_pos += n;
        return out;
    }

    const QByteArray &m_b;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

class Writer
{
public:
    void i16(qint16 v) { be(quint16(v), 2); }
    void i32(qint32 v) { be(quint32(v), 4); }
    void str(const QString &s) { const QByteArray u = s.toUtf8(); i16(qint16(u.size())); m_b += u; }
    void bytes(const QByteArray &b) { i32(qint32(b.size())); m_b += b; }
    QByteArray m_b;

private:
    void be(quint32 v, int n)
    {
        for (int i = n - 1; i >= 0; --i)
            m_b.append(char((v >> (8 * i)) & 0xff));
    }
};

KafkaError decodeError(const QString &what)
{
    return KafkaError::make(-1, QStringLiteral("CONSUMER_PROTOCOL_DECODE"),
                            QCoreApplication::translate("ConsumerProtocolDecoder", "The %1 bytes are not valid consumer-protocol data.").arg(what),
                            QCoreApplication::translate("ConsumerProtocolDecoder", "The member may use a custom protocol; its raw bytes are shown instead."));
}

QList<TopicPartition> readTopicPartitions(Reader &r)
{
    QList<TopicPartition> out;
    const qint32 nt = r.count(6);
    for (qint32 i = 0; i < nt && r.ok(); ++i) {
        const QString topic = r.str();
        const qint32 np = r.count(4);
        for (qint32 j = 0; j < np && r.ok(); ++j)
            out.append(TopicPartition{topic, r.i32()});
    }
    return out;
}

void writeTopicPartitions(Writer &w, const QList<TopicPartition> &tps)
{
    QMap<QString, QList<int>> byTopic;
    for (const TopicPartition &tp : tps)
        byTopic[tp.topic].append(tp.partition);
    w.i32(qint32(byTopic.size()));
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it) {
        w.str(it.key());
        w.i32(qint32(it->size()));
        for (int p : *it)
            w.i32(p);
    }
}

} // namespace

Result<ConsumerSubscription> decodeSubscription(const QByteArray &bytes)
{
    Reader r(bytes);
    ConsumerSubscription s;
    s.version = r.i16();
    if (!r.ok() || s.version < 0)
        return decodeError(QStringLiteral("subscription"));
    const qint32 n = r.count(2);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        s.topics << r.str();
    s.userData = r.bytes();
    if (s.version >= 1)
        s.ownedPartitions = readTopicPartitions(r);
    if (s.version >= 2)
        s.generationId = r.i32();
    if (s.version >= 3)
        s.rackId = r.str();
    if (!r.ok())
        return decodeError(QStringLiteral("subscription"));
    return s;
}

Result<ConsumerAssignment> decodeAssignment(const QByteArray &bytes)
{
    ConsumerAssignment a;
    if (bytes.isEmpty())
        return a;   // a member that has no assignment yet (or owns nothing)
    Reader r(bytes);
    a.version = r.i16();
    if (!r.ok() || a.version < 0)
        return decodeError(QStringLiteral("assignment"));
    a.partitions = readTopicPartitions(r);
    a.userData = r.bytes();
    if (!r.ok())
        return decodeError(QStringLiteral("assignment"));
    return a;
}

QByteArray encodeSubscription(const ConsumerSubscription &s)
{
    Writer w;
    w.i16(qint16(s.version));
    w.i32(qint32(s.topics.size()));
    for (const QString &t : s.topics)
        w.str(t);
    w.bytes(s.userData);
    if (s.version >= 1)
        writeTopicPartitions(w, s.ownedPartitions);
    if (s.version >= 2)
        w.i32(s.generationId);
    if (s.version >= 3)
        w.str(s.rackId);
    return w.m_b;
}

QByteArray encodeAssignment(const ConsumerAssignment &a)
{
    Writer w;
    w.i16(qint16(a.version));
    writeTopicPartitions(w, a.partitions);
    w.bytes(a.userData);
    return w.m_b;
}

} // namespace cohort::ConsumerProtocolDecoder
