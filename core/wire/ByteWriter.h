// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cohort {

// Appends Kafka wire primitives (big-endian, non-flexible encodings) to a buffer.
class ByteWriter
{
public:
    ByteWriter() = default;
    explicit ByteWriter(qsizetype reserve) { m_buf.reserve(reserve); }

    void int8(qint8 v) { m_buf.append(char(v)); }
    void boolean(bool v) { int8(v ? 1 : 0); }
    void int16(qint16 v) { putBE(quint16(v), 2); }
    void int32(qint32 v) { putBE(quint32(v), 4); }
    void uint32(quint32 v) { putBE(v, 4); }
    void int64(qint64 v) { putBE(quint64(v), 8); }
    void string(const QString &s) { bytes16(s.toUtf8()); }
    void string(const QByteArray &utf8) { bytes16(utf8); }
    void nullableString(const std::optional<QString> &s)
    {
        if (!s)
            int16(-1);
        else
            string(*s);
    }
    void bytes(const QByteArray &b)
    {
        int32(qint32(b.size()));
        m_buf.append(b);
    }
    void nullableBytes(const std::optional<QByteArray> &b)
    {
        if (!b)
            int32(-1);
        else
            bytes(*b);
    }
    void arrayLength(qsizetype n) { int32(qint32(n)); }
    void raw(const QByteArray &b) { m_buf.append(b); }
    void raw(const char *data, qsizetype n) { m_buf.append(data, n); }
    void varint(qint32 v) { uvarint(quint64((quint32(v) << 1) ^ quint32(v >> 31))); }
    void varlong(qint64 v) { uvarint((quint64(v) << 1) ^ quint64(v >> 63)); }
    void uvarint(quint64 v)
    {
        while (v >= 0x80) {
            m_buf.append(char((v & 0x7f) | 0x80));
            v >>= 7;
        }
        m_buf.append(char(v));
    }

    // Flexible versions (KIP-482): length + 1 as an unsigned varint.
    void compactString(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        uvarint(quint64(utf8.size()) + 1);
        m_buf.append(utf8);
    }
    void compactArrayLength(qsizetype n) { uvarint(quint64(n) + 1); }
    void emptyTaggedFields() { uvarint(0); }

    // Overwrite a big-endian int32 at a position written earlier (sizes, counts).
    void patchInt32(qsizetype pos, qint32 v);
    qsizetype size() const { return m_buf.size(); }
    const QByteArray &data() const { return m_buf; }
    QByteArray take() { return std::move(m_buf); }

private:
    void bytes16(const QByteArray &b)
    {
        int16(qint16(b.size()));
        m_buf.append(b);
    }
    void putBE(quint64 v, int n)
    {
        char tmp[8] = {};
        for (int i = n - 1; i >= 0; --i) {
            tmp[i] = char(v & 0xff);
            v >>= 8;
        }
        m_buf.append(tmp, n);
    }

    QByteArray m_buf;
};

}   // namespace cohort
