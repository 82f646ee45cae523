// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/wire/SaslCredentials.h"
#include "core/wire/TlsSettings.h"

#include <optional>

namespace cohort {

// How BrokerRelay reaches the real brokers: the SCRAM login it makes on every
// upstream connection and, for SASL_SSL, TLS as librdkafka would make it from
// the same properties (TlsSettings: verification on unless the connection
// turns it off).
struct RelayUpstream
{
    SaslCredentials login;
    std::optional<TlsSettings> tls;   // SASL_SSL; none for SASL_PLAINTEXT
};

}   // namespace cohort
