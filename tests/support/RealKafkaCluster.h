// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SkipOrFail.h"
#include "core/kafka/Result.h"

#include <QString>

namespace cohort::test {

// The real Kafka cluster a test runs against: the user's own when
// KAFKA_BOOTSTRAP_SERVERS names one (PLAINTEXT), otherwise the Kafka 4.4
// cluster the suite's ctest fixture started (tests/kafka), whose lines
// scripts/kafka-cluster.sh printed are in the file COHORT_KAFKA_CLUSTER_ENV.
struct RealKafkaCluster
{
    QString bootstrap;       // PLAINTEXT
    QString saslBootstrap;   // SASL_PLAINTEXT (PLAIN and SCRAM-SHA-512 users); empty for a user's cluster
    QString sslBootstrap;    // SSL; empty for a user's cluster
    QString saslSslBootstrap;   // SASL_SSL (the same users, sslBootstrap's certificate); empty when not started with it
    QString caLocation;      // the CA of sslBootstrap's certificate
    bool startedBySuite = false;

    // The error says why there is none, for COHORT_SKIP_OR_FAIL.
    static Result<RealKafkaCluster, QString> find();
};

}   // namespace cohort::test

// Declares NAME, the Result of RealKafkaCluster::find(), and skips the current
// test (fails it when groundIsRequired()) with the reason when there is none;
// like COHORT_SKIP_OR_FAIL it returns from the calling function.
// clang-format off
#define COHORT_REAL_KAFKA_OR_SKIP(name) \
    const cohort::Result<cohort::test::RealKafkaCluster, QString> name = cohort::test::RealKafkaCluster::find(); \
    if (!name) \
        COHORT_SKIP_OR_FAIL(qPrintable(name.error()))
// clang-format on
