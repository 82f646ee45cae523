// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace cohort::cli {

// cohort-cli's whole behaviour behind a testable entry point (args without the
// program name). Exit codes: 0 ok, 1 Kafka or connection error (message on
// err), 2 bad usage. Runs a local event loop while the cluster answers.
int runCli(const QStringList &args, QTextStream &out, QTextStream &err);

QString usage();

} // namespace cohort::cli
