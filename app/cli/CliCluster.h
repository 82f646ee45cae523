// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliContext.h"
#include "app/cli/CliFailure.h"
#include "app/cli/GlobalOptions.h"
#include "core/kafka/RdKafkaClusterClient.h"
#include "core/kafka/Result.h"

#include <QCoreApplication>

#include <memory>

namespace cohort::cli {

// The cluster cohort-cli's global options point at: librdkafka properties
// from --profile (password from $COHORT_PASSWORD or the keychain),
// --command-config and --bootstrap-server, and a client over them. Problems
// with what was given are usage failures (exit 2), the cluster's are Kafka ones.
class CliCluster
{
    Q_DECLARE_TR_FUNCTIONS(CliCluster)

public:
    CliCluster(const GlobalOptions &options, const CliContext &context);

    Result<RdKafkaClusterClient::Properties, CliFailure> properties() const;
    // Whether --profile names a connection marked read-only (nothing is
    // written through it); false without --profile.
    Result<bool, CliFailure> readOnly() const;
    // The profile's name, else the bootstrap servers: what a reset's backup records.
    QString displayName() const;
    Result<std::shared_ptr<RdKafkaClusterClient>, CliFailure> connect() const;
    // A client over properties() already read (a profile's password is read once).
    Result<std::shared_ptr<RdKafkaClusterClient>, CliFailure> connect(const RdKafkaClusterClient::Properties &properties) const;

private:
    Result<RdKafkaClusterClient::Properties, CliFailure> profileProperties() const;
    static Result<RdKafkaClusterClient::Properties, QString> readProperties(const QString &path);

    const GlobalOptions &m_options;
    CliContext m_context;
};

}   // namespace cohort::cli
