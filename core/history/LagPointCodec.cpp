// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/LagPointCodec.h"

namespace cohort::LagPointCodec {

namespace {

constexpr char kVersion = 1;

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

void putSigned(QByteArray &out, qint64 v)
{
    // Zigzag: small magnitudes of either sign stay short.
    putVarint(out, (quint64(v) << 1) ^ quint64(v >> 63));
}

bool getVarint(const QByteArray &in, qsizetype &at, quint64 &v)
{
    v = 0;
    for (int shift = 0; shift < 64 && at < in.size(); shift += 7) {
        const quint8 b = quint8(in.at(at++));
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

bool getSigned(const QByteArray &in, qsizetype &at, qint64 &v)
{
    quint64 z = 0;
    if (!getVarint(in, at, z))
        return false;
    v = qint64(z >> 1) ^ -qint64(z & 1);
    return true;
}

}   // namespace

QByteArray encode(const QList<LagPoint> &points)
{
    QByteArray out;
    out.reserve(2 + points.size() * 10);
    out.append(kVersion);
    putVarint(out, quint64(points.size()));
    LagPoint previous{0, 0, 0, 0, 0};
    for (const LagPoint &p : points) {
        // Wrapping differences: exact for any values, short for neighbours.
        putSigned(out, qint64(quint64(p.timeMs) - quint64(previous.timeMs)));
        putSigned(out, qint64(quint64(p.endOffset) - quint64(previous.endOffset)));
        putSigned(out, qint64(quint64(p.committedOffset) - quint64(previous.committedOffset)));
        putSigned(out, qint64(quint64(p.lag) - quint64(previous.lag)));
        putSigned(out, qint64(quint64(p.logStartOffset) - quint64(previous.logStartOffset)));
        previous = p;
    }
    return out;
}

std::optional<QList<LagPoint>> decode(const QByteArray &bytes)
{
    if (bytes.isEmpty() || bytes.at(0) != kVersion)
        return std::nullopt;
    qsizetype at = 1;
    quint64 count = 0;
    // Each point takes at least 5 bytes: a count beyond that is damage.
    if (!getVarint(bytes, at, count) || count > quint64(bytes.size()))
        return std::nullopt;
    QList<LagPoint> out;
    out.reserve(qsizetype(count));
    LagPoint p{0, 0, 0, 0, 0};
    for (quint64 i = 0; i < count; ++i) {
        qint64 d[5];
        for (qint64 &v : d)
            if (!getSigned(bytes, at, v))
                return std::nullopt;
        p.timeMs = qint64(quint64(p.timeMs) + quint64(d[0]));
        p.endOffset = qint64(quint64(p.endOffset) + quint64(d[1]));
        p.committedOffset = qint64(quint64(p.committedOffset) + quint64(d[2]));
        p.lag = qint64(quint64(p.lag) + quint64(d[3]));
        p.logStartOffset = qint64(quint64(p.logStartOffset) + quint64(d[4]));
        out.append(p);
    }
    if (at != bytes.size())
        return std::nullopt;
    return out;
}

}   // namespace cohort::LagPointCodec
