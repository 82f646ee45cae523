// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ByteReader.h"

namespace cohort {

bool ByteReader::need(qsizetype n)
{
    if (m_failed || n < 0 || n > m_size - m_pos) {
        m_failed = true;
        return false;
    }
    return true;
}

static quint64 readBE(const char *p, int n)
{
    quint64 v = 0;
    for (int i = 0; i < n; ++i)
        v = (v << 8) | quint8(p[i]);
    return v;
}

qint8 ByteReader::int8()
{
    if (!need(1))
        return 0;
    return qint8(m_data[m_pos++]);
}

qint16 ByteReader::int16()
{
    if (!need(2))
        return 0;
    const auto v = qint16(quint16(readBE(m_data + m_pos, 2)));
    m_pos += 2;
    return v;
}

qint32 ByteReader::int32()
{
    if (!need(4))
        return 0;
    const auto v = qint32(quint32(readBE(m_data + m_pos, 4)));
    m_pos += 4;
    return v;
}

quint32 ByteReader::uint32()
{
    return quint32(int32());
}

qint64 ByteReader::int64()
{
    if (!need(8))
        return 0;
    const auto v = qint64(readBE(m_data + m_pos, 8));
    m_pos += 8;
    return v;
}

QByteArray ByteReader::stringBytes()
{
    const qint16 len = int16();
    if (len < 0)
        return {};
    return raw(len);
}

QString ByteReader::string()
{
    return QString::fromUtf8(stringBytes());
}

std::optional<QString> ByteReader::nullableString()
{
    const qint16 len = int16();
    if (!ok() || len < 0)
        return std::nullopt;
    return QString::fromUtf8(raw(len));
}

QByteArray ByteReader::bytes()
{
    const qint32 len = int32();
    if (len < 0)
        return {};
    return raw(len);
}

std::optional<QByteArray> ByteReader::nullableBytes()
{
    const qint32 len = int32();
    if (!ok() || len < 0)
        return std::nullopt;
    return raw(len);
}

qint32 ByteReader::arrayLength(int minElementSize)
{
    const qint32 n = int32();
    if (!ok())
        return 0;
    if (n < -1) {
        m_failed = true;
        return 0;
    }
    if (n > 0 && qint64(n) * qMax(1, minElementSize) > remaining()) {
        m_failed = true;
        return 0;
    }
    return n;
}

QString ByteReader::compactString()
{
    const quint64 lenPlusOne = uvarint();
    if (!ok() || lenPlusOne == 0)
        return {};
    if (lenPlusOne - 1 > quint64(remaining())) {
        m_failed = true;
        return {};
    }
    return QString::fromUtf8(raw(qsizetype(lenPlusOne - 1)));
}

qint32 ByteReader::compactArrayLength(int minElementSize)
{
    const quint64 nPlusOne = uvarint();
    if (!ok())
        return 0;
    if (nPlusOne == 0)
        return -1;
    const quint64 n = nPlusOne - 1;
    if (n > quint64(remaining()) / quint64(qMax(1, minElementSize))) {
        m_failed = true;
        return 0;
    }
    return qint32(n);
}

void ByteReader::skipTaggedFields()
{
    const quint64 count = uvarint();
    for (quint64 i = 0; i < count && ok(); ++i) {
        uvarint();   // tag
        const quint64 size = uvarint();
        if (size > quint64(remaining())) {
            m_failed = true;
            return;
        }
        skip(qsizetype(size));
    }
}

quint64 ByteReader::uvarint()
{
    quint64 v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (!need(1))
            return 0;
        const quint8 b = quint8(m_data[m_pos++]);
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    m_failed = true;   // more than 10 bytes: malformed
    return 0;
}

qint32 ByteReader::varint()
{
    const quint64 u = uvarint();
    if (u > 0xffffffffULL) {
        m_failed = true;
        return 0;
    }
    const auto v = quint32(u);
    return qint32((v >> 1) ^ (~(v & 1) + 1));
}

qint64 ByteReader::varlong()
{
    const quint64 u = uvarint();
    return qint64((u >> 1) ^ (~(u & 1) + 1));
}

QByteArray ByteReader::raw(qsizetype n)
{
    if (!need(n))
        return {};
    QByteArray out(m_data + m_pos, n);
    m_pos += n;
    return out;
}

const char *ByteReader::rawPointer(qsizetype n)
{
    if (!need(n))
        return nullptr;
    const char *p = m_data + m_pos;
    m_pos += n;
    return p;
}

}   // namespace cohort
