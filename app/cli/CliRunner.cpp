// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliRunner.h"

#include "app/cli/CliCluster.h"
#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/GlobalOptions.h"
#include "app/cli/commands/AssignorsSimulateCommand.h"
#include "app/cli/commands/GroupsDeleteCommand.h"
#include "app/cli/commands/GroupsDescribeCommand.h"
#include "app/cli/commands/GroupsLagCommand.h"
#include "app/cli/commands/GroupsListCommand.h"
#include "app/cli/commands/GroupsRebalanceCommand.h"
#include "app/cli/commands/GroupsRemoveMembersCommand.h"
#include "app/cli/commands/GroupsWatchCommand.h"
#include "app/cli/commands/OffsetsDeleteCommand.h"
#include "app/cli/commands/OffsetsExportCommand.h"
#include "app/cli/commands/OffsetsHistoryCommand.h"
#include "app/cli/commands/OffsetsResetCommand.h"
#include "app/cli/commands/OffsetsUndoCommand.h"

#include <QCoreApplication>

namespace cohort::cli {

CliCommandTable commandTable()
{
    CliCommandTable table;
    table.add(std::make_unique<GroupsListCommand>());
    table.add(std::make_unique<GroupsDescribeCommand>());
    table.add(std::make_unique<GroupsLagCommand>());
    table.add(std::make_unique<GroupsWatchCommand>());
    table.add(std::make_unique<GroupsRebalanceCommand>());
    table.add(std::make_unique<GroupsRemoveMembersCommand>());
    table.add(std::make_unique<AssignorsSimulateCommand>());
    table.add(std::make_unique<GroupsDeleteCommand>());
    table.add(std::make_unique<OffsetsResetCommand>());
    table.add(std::make_unique<OffsetsExportCommand>());
    table.add(std::make_unique<OffsetsUndoCommand>());
    table.add(std::make_unique<OffsetsHistoryCommand>());
    table.add(std::make_unique<OffsetsDeleteCommand>());
    return table;
}

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)
};

// The usage line and the commands; with the global options for --help, without them after an error.
QString globalUsage(const CliCommandTable &table, const CliOptionSet *globalOptions)
{
    QString text = Text::tr("usage: cohort-cli [GLOBAL OPTIONS] <noun> <verb> [OPTIONS] [ARGUMENTS]\n"
                      "       (--bootstrap-server HOST:PORT[,...] | --profile NAME) [--command-config FILE] [--timeout MS]\n")
                   + QLatin1Char('\n') + Text::tr("Commands:") + QLatin1Char('\n') + table.listing() + QLatin1Char('\n');
    if (globalOptions)
        text += Text::tr("Global options:") + QLatin1Char('\n') + globalOptions->helpText() + QLatin1Char('\n')
                + Text::tr("Exit codes: 0 everything was read, 1 a Kafka or connection error, 2 bad usage,\n"
                     "3 partial: part of the cluster could not be read by the deadline (each part\n"
                     "is a 'warning:' line on stderr) and what was read is printed.")
                + QLatin1Char('\n') + QLatin1Char('\n') + Text::tr("Run 'cohort-cli <noun> <verb> --help' for a command's options.")
                + QLatin1Char('\n');
    else
        text
            += Text::tr("Run 'cohort-cli --help' for the global options, 'cohort-cli <noun> <verb> --help' for a command's.") + QLatin1Char('\n');
    return text;
}

// What the arguments say to do, before anything is run.
struct Parsed
{
    CliCommand *command = nullptr;
    QStringList words;         // the command words seen
    QStringList positionals;   // the other arguments that are no option or option value
    QString problem;           // the first usage error, or empty
};

// Options may stand before, between and after the command words, as they
// always could: the words are found first (an option that takes a value, in
// the global set or in any command, takes the argument after it), then every
// option is applied to the global set or the command's.
Parsed parse(const QStringList &args, const CliCommandTable &table, const CliOptionSet &globalOptions)
{
    Parsed p;
    auto complain = [&p](const QString &why) {
        if (p.problem.isEmpty())
            p.problem = why;
    };
    QList<int> wordAt;
    for (int i = 0; i < args.size() && wordAt.size() < 2; ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--")))
            wordAt << i;
        else if (globalOptions.takesValue(a).value_or(false) || table.anyTakesValue(a))
            ++i;
    }
    for (const int i : std::as_const(wordAt))
        p.words << args.at(i);
    if (p.words.isEmpty())
        complain(Text::tr("expected a command"));
    else if (!table.hasNoun(p.words.at(0)))
        complain(Text::tr("unknown command '%1'").arg(p.words.at(0)));
    else if (p.words.size() == 1)
        complain(Text::tr("'%1' needs one of: %2").arg(p.words.at(0), table.verbs(p.words.at(0)).join(QStringLiteral(", "))));
    else if (!(p.command = table.find(p.words.at(0), p.words.at(1))))
        complain(Text::tr("unknown command '%1': '%2' takes %3")
                     .arg(p.words.join(QLatin1Char(' ')), p.words.at(0), table.verbs(p.words.at(0)).join(QStringLiteral(", "))));

    const CliOptionSet *commandOptions = p.command ? &table.options(p.command) : nullptr;
    for (int i = 0; i < args.size(); ++i) {
        if (wordAt.contains(i))
            continue;
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--"))) {
            p.positionals << a;
            continue;
        }
        auto taken = globalOptions.take(args, i);
        if (taken && *taken == CliOptionSet::Take::NotMine && commandOptions)
            taken = commandOptions->take(args, i);
        if (!taken)
            complain(taken.error());
        else if (*taken == CliOptionSet::Take::NotMine)
            complain(p.command ? Text::tr("unknown option %1 for '%2'").arg(a, p.command->name()) : Text::tr("unknown option %1").arg(a));
    }
    return p;
}

}   // namespace

QString usage()
{
    const CliCommandTable table = commandTable();
    GlobalOptions global;
    CliOptionSet globalOptions;
    global.declare(globalOptions);
    return globalUsage(table, &globalOptions);
}

int runCli(const QStringList &args, QTextStream &out, QTextStream &err, const CliContext &context)
{
    const CliCommandTable table = commandTable();
    GlobalOptions global;
    CliOptionSet globalOptions;
    global.declare(globalOptions);
    QStringList normalized = args;
    for (QString &a : normalized)
        if (a == QLatin1String("-h"))
            a = QStringLiteral("--help");
    Parsed p = parse(normalized, table, globalOptions);

    // Help and version win over any usage problem: they are how one finds out what is wrong.
    if (global.help) {
        if (p.command)
            out << p.command->help(table.options(p.command), globalOptions);
        else if (!p.words.isEmpty() && table.hasNoun(p.words.at(0)))
            out << Text::tr("usage: cohort-cli [GLOBAL OPTIONS] %1 <verb> [OPTIONS] [ARGUMENTS]").arg(p.words.at(0)) << "\n\n"
                << Text::tr("Commands:") << '\n'
                << table.listing(p.words.at(0));
        else
            out << globalUsage(table, &globalOptions);
        return 0;
    }
    if (global.version) {
        out << "cohort-cli " << COHORT_VERSION << '\n';
        return 0;
    }

    if (p.problem.isEmpty() && p.command) {
        const auto positionals = table.options(p.command).takePositionals(p.positionals, p.command->name());
        if (!positionals)
            p.problem = positionals.error();
    }
    if (!p.problem.isEmpty()) {
        err << "cohort-cli: " << p.problem << '\n'
            << (p.command ? p.command->usage(table.options(p.command)) : globalUsage(table, nullptr));
        err.flush();
        return 2;
    }

    const CliCluster cluster(global, context);
    CliCommandContext commandContext(global, out, err, cluster, p.command->usage(table.options(p.command)));
    return p.command->run(commandContext);
}

}   // namespace cohort::cli
