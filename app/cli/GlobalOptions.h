// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliTable.h"

#include <QCoreApplication>
#include <QString>

namespace cohort::cli {

class CliOptionSet;

// The options every cohort-cli command takes (before or after the command
// words), parsed once into typed fields before the command runs.
struct GlobalOptions
{
    Q_DECLARE_TR_FUNCTIONS(GlobalOptions)

public:
    QString bootstrapServers;   // empty: from the profile or --command-config
    QString profile;            // a saved connection's name, or empty
    QString commandConfig;      // a Java-properties file, or empty
    int timeoutMs = 10000;
    CliTable::Format output = CliTable::Format::Table;
    bool help = false;   // --help or -h: print help instead of running
    bool version = false;

    // Binds these fields to their options in `options`.
    void declare(CliOptionSet &options);
};

}   // namespace cohort::cli
