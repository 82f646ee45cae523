// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliCommand.h"

#include "app/cli/CliOptionSet.h"

namespace cohort::cli {

QString CliCommand::usageLine(const CliOptionSet &options) const
{
    const QString synopsis = options.synopsis();
    return tr("usage: cohort-cli [GLOBAL OPTIONS] %1").arg(synopsis.isEmpty() ? name() : name() + QLatin1Char(' ') + synopsis)
           + QLatin1Char('\n');
}

QString CliCommand::usage(const CliOptionSet &options) const
{
    return usageLine(options) + tr("Run 'cohort-cli %1 --help' for its options.").arg(name()) + QLatin1Char('\n');
}

QString CliCommand::help(const CliOptionSet &options, const CliOptionSet &globalOptions) const
{
    QString text = usageLine(options) + QLatin1Char('\n') + summary() + QLatin1Char('\n');
    if (!description().isEmpty())
        text += QLatin1Char('\n') + description() + QLatin1Char('\n');
    const QString own = options.helpText();
    if (!own.isEmpty())
        text += QLatin1Char('\n') + (options.hasPositionals() ? tr("Arguments and options:") : tr("Options:")) + QLatin1Char('\n') + own;
    text += QLatin1Char('\n') + tr("Global options:") + QLatin1Char('\n') + globalOptions.helpText();
    return text;
}

}   // namespace cohort::cli
