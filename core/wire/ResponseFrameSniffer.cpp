// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/wire/ResponseFrameSniffer.h"

#include "core/wire/ByteReader.h"

namespace cohort {

ResponseFrameSniffer::Kind ResponseFrameSniffer::classify(const QByteArray &bytes, qint32 correlationId, qint32 maxFrameBytes)
{
    static const QByteArray http = QByteArrayLiteral("HTTP/");
    if (bytes.startsWith(http))
        return Kind::Http;
    if (bytes.size() < http.size() && http.startsWith(bytes))
        return Kind::Incomplete;
    // A TLS record: content type 20-23 (change_cipher_spec, alert, handshake,
    // application_data), then version 3.x. As a Kafka size that would be over
    // 335 MB, far beyond any answer to our requests.
    if (bytes.size() >= 3) {
        const auto type = quint8(bytes[0]);
        if (type >= 20 && type <= 23 && quint8(bytes[1]) == 3 && quint8(bytes[2]) <= 4)
            return Kind::TlsRecord;
    }
    if (bytes.size() < 4)
        return Kind::Incomplete;
    ByteReader r(bytes);
    const qint32 size = r.int32();
    if (size > maxFrameBytes)
        return Kind::TooLarge;
    if (size < 4)
        return Kind::NotKafka;
    if (bytes.size() < 8)
        return Kind::Incomplete;
    return r.int32() == correlationId ? Kind::KafkaFrame : Kind::NotKafka;
}

}   // namespace cohort
