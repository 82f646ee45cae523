// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QList>
#include <QString>

namespace cohort {

// One entry of a bootstrap.servers list: [scheme://]host:port or
// [scheme://][IPv6 address]:port, as librdkafka accepts them. The one grammar
// for every place a person types servers (a saved connection, cohort and
// cohort-cli's --bootstrap-server) and for Cohort's own connections, so that
// "host:90921" or "host:notaport" is refused at once instead of timing out or
// wrapping to another port.
struct BootstrapServer
{
    QString scheme;   // "PLAINTEXT", "SASL_SSL", ... as written; empty when none
    QString host;     // without brackets for IPv6
    quint16 port = 0;

    // The entry as librdkafka wants it ("[::1]:9092" for IPv6).
    QString toString() const;

    // One entry (surrounding spaces ignored); the error says what is wrong
    // with it, for people.
    static Result<BootstrapServer, QString> parse(const QString &entry);

    // A comma-separated list: at least one entry, every entry valid. The
    // error names each bad entry.
    static Result<QList<BootstrapServer>, QString> parseList(const QString &servers);
};

}   // namespace cohort
