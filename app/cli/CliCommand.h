// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace cohort::cli {

class CliCommandContext;
class CliOptionSet;

// One cohort-cli subcommand, "<noun> <verb>" (groups describe): its options,
// bound to its own fields, its --help text, and what it does when run. One
// instance serves one invocation.
class CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliCommand)

public:
    virtual ~CliCommand() = default;

    virtual QString noun() const = 0;
    virtual QString verb() const = 0;
    virtual QString summary() const = 0;                 // one line, for the command list
    virtual QString description() const { return {}; }   // more for --help, or nothing

    // Declares the command's options and positionals, bound to its fields; CliCommandTable::add calls it once.
    virtual void declareOptions(CliOptionSet &options) = 0;
    // Runs with the options parsed; returns the exit code (0, 1 or 2).
    virtual int run(CliCommandContext &context) = 0;

    QString name() const { return noun() + QLatin1Char(' ') + verb(); }
    // "usage: cohort-cli [GLOBAL OPTIONS] groups describe [--members] GROUP..." and where to read more.
    QString usage(const CliOptionSet &options) const;
    QString help(const CliOptionSet &options, const CliOptionSet &globalOptions) const;

private:
    QString usageLine(const CliOptionSet &options) const;
};

}   // namespace cohort::cli
