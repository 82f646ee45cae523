// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommandTable.h"
#include "app/cli/CliContext.h"

#include <QStringList>
#include <QTextStream>

namespace cohort::cli {

// Every command cohort-cli has. A new one is a CliCommand subclass in
// app/cli/commands/ (its options, help and run()) and one add() line here.
CliCommandTable commandTable();

// cohort-cli's whole behaviour behind a testable entry point (args without the
// program name): global options anywhere, then "<noun> <verb>" from the
// command table, then the command's own options and arguments. Exit codes:
// 0 ok, 1 Kafka or connection error (message on err), 2 bad usage (including
// a profile that cannot be used as given; message and usage on err). Runs a
// local event loop while the cluster or the keychain answers.
int runCli(const QStringList &args, QTextStream &out, QTextStream &err, const CliContext &context = {});

// cohort-cli --help: the global options and the table's commands.
QString usage();

}   // namespace cohort::cli
