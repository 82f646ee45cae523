// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ListenerProbe.h"
#include "core/kafka/KafkaError.h"
#include "core/kafka/RdKafkaClusterClient.h"

#include <optional>

namespace cohort {

// Why a connection failed, told from what the first bootstrap listener
// speaks (ListenerProbe) against what the connection's properties ask for:
// nothing listens, TLS against a plaintext listener or the reverse, SASL
// expected but not offered or the reverse, a mechanism the broker does not
// offer, a refused password, a refused certificate, or no Kafka broker at all.
// librdkafka reports most of these as a bare time-out or transport failure.
class ConnectionDiagnosis
{
public:
    // The longest a diagnosis takes after a failure, whatever the
    // connection's own timeout: long enough for a TLS handshake and a SASL
    // round trip to a distant broker.
    static constexpr int kMaxBudgetMs = 5000;

    struct Finding
    {
        QString message;   // what is wrong, for people
        QString hint;      // what to change
    };

    // The errors a diagnosis can explain: the connection itself failed.
    static bool worthDiagnosing(const KafkaError &failure);

    // The first bootstrap listener and how these librdkafka properties
    // connect to it; nullopt without a usable bootstrap address.
    static std::optional<ListenerProbe::Plan> planFor(const RdKafkaClusterClient::Properties &properties);

    // What the facts say about the plan; nullopt when the listener looks
    // right for it (the original error then stands). Pure.
    static std::optional<Finding> judge(const ListenerProbe::Plan &plan, const ListenerProbe::Facts &facts, int budgetMs);

    // `failure` with the finding as its message and hint, after probing for at
    // most `budgetMs`; `failure` itself when it is not a connection failure or
    // nothing was found. Blocking: never on the GUI thread.
    static KafkaError explain(const KafkaError &failure, const RdKafkaClusterClient::Properties &properties, int budgetMs);
};

}   // namespace cohort
