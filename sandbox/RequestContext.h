// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace cohort {
class ByteReader;
}

namespace cohort::sandbox {

// What a handler knows about one request besides its body.
struct RequestContext
{
    int brokerId = -1;   // the broker whose listener received it
    qint16 apiKey = -1;
    qint16 apiVersion = -1;
    qint32 correlationId = 0;
    QString clientId;
    QString clientHost;                    // peer address, as DescribeGroups reports it ("/127.0.0.1")
    quint64 connectionId = 0;              // unique per TCP connection
    bool flexibleResponseHeader = false;   // response header v1 (ApiKey::hasFlexibleResponseHeader)

    // Reads the request header that starts every request's frame (api key,
    // version, correlation id, nullable client id, and the tagged fields of
    // header v2 where the API and version are flexible) and leaves r at the
    // body; r.ok() afterwards says whether the header was whole.
    void readHeader(ByteReader &r);
};

// Completes a request with its response body (everything after the response
// header). May be called later (a Fetch that waits, a JoinGroup that waits for
// the round); the connection sends responses strictly in request order and
// processes no further request of that connection until this one is answered,
// as Kafka does. Calling it after the connection closed is harmless.
using Responder = std::function<void(QByteArray responseBody)>;

}   // namespace cohort::sandbox
