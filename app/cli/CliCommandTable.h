// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace cohort::cli {

// Every cohort-cli subcommand, found by its noun and verb; --help lists them
// from here. Adding a command is one add() line where the table is built.
class CliCommandTable
{
    Q_DECLARE_TR_FUNCTIONS(CliCommandTable)

public:
    void add(std::unique_ptr<CliCommand> command);

    CliCommand *find(const QString &noun, const QString &verb) const;
    bool hasNoun(const QString &noun) const;
    QStringList verbs(const QString &noun) const;
    QList<const CliCommand *> commands() const;

    // "  groups list    <summary>" per command, or only those of `noun` when given.
    QString listing(const QString &noun = {}) const;

private:
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace cohort::cli
