// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/CliOptionSet.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace cohort::cli {

// Every cohort-cli subcommand with its declared options, found by its noun and
// verb; --help lists them from here. Adding a command is one add() line where
// the table is built (commandTable() in CliRunner.cpp).
class CliCommandTable
{
    Q_DECLARE_TR_FUNCTIONS(CliCommandTable)

public:
    // Takes the command and declares its options.
    void add(std::unique_ptr<CliCommand> command);

    CliCommand *find(const QString &noun, const QString &verb) const;
    const CliOptionSet &options(const CliCommand *command) const;
    // Whether the argument is an option of some command that takes the next
    // argument as its value: how the command words are told from option values
    // when a command's options come first. (So an option name means the same
    // kind of option, flag or value, in every command.)
    bool anyTakesValue(const QString &arg) const;
    bool hasNoun(const QString &noun) const;
    QStringList verbs(const QString &noun) const;
    QList<const CliCommand *> commands() const;

    // "  groups list    <summary>" per command, or only those of `noun` when given.
    QString listing(const QString &noun = {}) const;

private:
    struct Entry
    {
        std::unique_ptr<CliCommand> command;
        CliOptionSet options;
    };
    std::vector<Entry> m_commands;
};

}   // namespace cohort::cli
