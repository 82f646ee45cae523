// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/SaslHandshakeCodec.h"

#include "core/wire/ByteReader.h"
#include "core/wire/ByteWriter.h"

namespace cohort {

QByteArray SaslHandshakeCodec::request(const QString &mechanism)
{
    ByteWriter w;
    w.string(mechanism);
    return w.take();
}

std::optional<SaslHandshakeCodec::Response> SaslHandshakeCodec::readResponse(const QByteArray &body)
{
    ByteReader r(body);
    Response out;
    out.errorCode = r.int16();
    const qint32 n = r.arrayLength(2);
    for (qint32 i = 0; i < n && r.ok(); ++i)
        out.mechanisms << r.string();
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return out;
}

}   // namespace cohort
