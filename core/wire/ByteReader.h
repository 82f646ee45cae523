// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace cohort {

// Reads Kafka wire primitives from a buffer without ever reading out of bounds.
// On the first short or invalid read it enters the failed state: every later read
// returns a zero value, and ok() is false. Callers check ok() once at the end.
class ByteReader
{
public:
    ByteReader() = default;
    ByteReader(const char *data, qsizetype size)
        : m_data(data)
        , m_size(size)
    { }
    explicit ByteReader(const QByteArray &b)
        : m_data(b.constData())
        , m_size(b.size())
    { }
    // The reader does not own its bytes: reading a temporary would dangle.
    explicit ByteReader(QByteArray &&) = delete;

    bool ok() const { return !m_failed; }
    void fail() { m_failed = true; }
    qsizetype remaining() const { return m_failed ? 0 : m_size - m_pos; }
    qsizetype position() const { return m_pos; }
    bool atEnd() const { return remaining() == 0; }

    qint8 int8();
    bool boolean() { return int8() != 0; }
    qint16 int16();
    qint32 int32();
    quint32 uint32();
    qint64 int64();
    QString string();   // int16 length, -1 treated as empty
    std::optional<QString> nullableString();
    QByteArray stringBytes();   // raw UTF-8 of an int16-length string
    QByteArray bytes();         // int32 length, -1 treated as empty
    std::optional<QByteArray> nullableBytes();
    // An array count; -1 (null) returns -1. A count that cannot possibly fit in
    // the remaining bytes (each element at least minElementSize) fails the reader,
    // so a hostile count never drives a huge allocation or loop.
    qint32 arrayLength(int minElementSize = 1);
    qint32 varint();
    qint64 varlong();
    quint64 uvarint();
    // Flexible versions (KIP-482): lengths are unsigned varints of length + 1,
    // 0 meaning null; every struct ends with tagged fields.
    QString compactString();                             // null treated as empty
    qint32 compactArrayLength(int minElementSize = 1);   // null returns -1; impossible counts fail as arrayLength
    void skipTaggedFields();                             // reads them and drops them: Cohort knows none
    QByteArray raw(qsizetype n);                         // copy of the next n bytes
    const char *rawPointer(qsizetype n);                 // pointer to the next n bytes, advanced past
    void skip(qsizetype n) { rawPointer(n); }

private:
    bool need(qsizetype n);

    const char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

}   // namespace cohort
