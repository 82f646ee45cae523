// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace cohort {
class ConnectionProfileStore;
class SecretStore;
}

namespace cohort::cli {

// Where --profile finds saved connections and their passwords. Null members
// mean the user's own: Cohort's settings and the system keychain. Tests pass
// a store over a temporary file and a MemorySecretStore.
struct CliContext
{
    ConnectionProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
};

// cohort-cli's whole behaviour behind a testable entry point (args without the
// program name). Exit codes: 0 ok, 1 Kafka or connection error (message on
// err), 2 bad usage (including a profile that cannot be used as given). Runs a
// local event loop while the cluster or the keychain answers.
int runCli(const QStringList &args, QTextStream &out, QTextStream &err, const CliContext &context = {});

QString usage();

} // namespace cohort::cli
