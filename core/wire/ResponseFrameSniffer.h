// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace cohort {

// What the first bytes a peer sent back to a plaintext Kafka request are:
// the start of a Kafka response frame (int32 size, then the request's
// correlation id), or something else a misconfigured address answers with
// (an HTTP server, a TLS listener's alert, garbage). Pure, so that the
// listener diagnosis can be tested on bytes alone.
class ResponseFrameSniffer
{
public:
    enum class Kind {
        Incomplete,   // too few bytes to tell yet (nothing at all included)
        KafkaFrame,   // a plausible size and our correlation id
        Http,         // "HTTP/1.1 400 ..." and the like
        TlsRecord,    // a TLS record header (alert or handshake): a TLS server
        TooLarge,     // a size no Kafka response to this request could have
        NotKafka,     // a size and a correlation id that do not fit
    };

    // `maxFrameBytes` bounds the size a Kafka answer may announce.
    static Kind classify(const QByteArray &bytes, qint32 correlationId, qint32 maxFrameBytes);
};

}   // namespace cohort
