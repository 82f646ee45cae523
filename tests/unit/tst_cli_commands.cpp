// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli's command table without a cluster: --help from the table and per
// command, and bad usage (unknown command or option, wrong arguments) as exit
// 2 with a usage line on stderr and nothing on stdout.

#include "CliRun.h"

#include "app/cli/CliRunner.h"

#include <QTest>

using namespace cohort;
using namespace cohort::test;

namespace {

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The line that starts with `prefix`, or empty.
QString lineStartingWith(const QString &text, const QString &prefix)
{
    for (const QString &l : lines(text))
        if (l.startsWith(prefix))
            return l;
    return {};
}

// Bad usage: exit 2, nothing on stdout, the reason first and a usage line on stderr.
void verifyBadUsage(const QStringList &args, const QString &reason)
{
    const CliRun r = runCli(args);
    QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + QString::number(r.code)));
    QCOMPARE(r.out, QString());
    QVERIFY2(lines(r.err).value(0).startsWith(QStringLiteral("cohort-cli: ") + reason), qPrintable(r.err));
    QVERIFY2(!lineStartingWith(r.err, QStringLiteral("usage: cohort-cli ")).isEmpty(), qPrintable(r.err));
}

}   // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpListsTheTable()
    {
        const cli::CliCommandTable table = cli::commandTable();
        QVERIFY(table.commands().size() >= 2);   // more to come: every one is listed
        QVERIFY(table.find(QStringLiteral("groups"), QStringLiteral("list")));
        QVERIFY(table.find(QStringLiteral("groups"), QStringLiteral("describe")));

        const CliRun r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QString());
        for (const cli::CliCommand *c : table.commands()) {
            const QString line = lineStartingWith(r.out, QStringLiteral("  ") + c->name() + QLatin1Char(' '));
            QVERIFY2(!line.isEmpty(), qPrintable(c->name()));
            QVERIFY2(line.endsWith(c->summary()), qPrintable(line));
        }
        for (const char *option :
             {"--bootstrap-server HOST:PORT", "--profile NAME", "--command-config FILE", "--output table|json|csv", "--timeout MS"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
        QCOMPARE(runCli({QStringLiteral("-h")}).out, r.out);
    }

    void helpPerCommand()
    {
        const CliRun describe = runCli({QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("--help")});
        QCOMPARE(describe.code, 0);
        QCOMPARE(describe.err, QString());
        QCOMPARE(lines(describe.out).value(0),
                 QStringLiteral("usage: cohort-cli [GLOBAL OPTIONS] groups describe [--members] [--state] [--verbose] [--all-groups] [GROUP...]"));
        QVERIFY(!lineStartingWith(describe.out, QStringLiteral("  --members")).isEmpty());
        QVERIFY(!lineStartingWith(describe.out, QStringLiteral("  GROUP...")).isEmpty());
        QVERIFY(!lineStartingWith(describe.out, QStringLiteral("  --bootstrap-server")).isEmpty());   // the global ones too
        QVERIFY(!describe.out.contains(QLatin1String("--type")));                                     // not list's

        const CliRun list = runCli({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("-h")});
        QCOMPARE(list.code, 0);
        QCOMPARE(lines(list.out).value(0),
                 QStringLiteral("usage: cohort-cli [GLOBAL OPTIONS] groups list [--state STATE] [--type TYPE,...]"));
        QVERIFY(!list.out.contains(QLatin1String("--members")));

        // --help anywhere, even with arguments that would be bad usage, and before the command.
        QCOMPARE(runCli({QStringLiteral("--help"), QStringLiteral("groups"), QStringLiteral("describe")}).out, describe.out);
        const CliRun badButHelp
            = runCli({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--frob"), QStringLiteral("--help")});
        QCOMPARE(badButHelp.code, 0);
        QCOMPARE(badButHelp.out, list.out);

        // A noun alone lists its verbs.
        const CliRun groups = runCli({QStringLiteral("groups"), QStringLiteral("--help")});
        QCOMPARE(groups.code, 0);
        QVERIFY(!lineStartingWith(groups.out, QStringLiteral("  groups list ")).isEmpty());
        QVERIFY(!lineStartingWith(groups.out, QStringLiteral("  groups describe ")).isEmpty());
    }

    void unknownCommand()
    {
        verifyBadUsage(
            {QStringLiteral("--bootstrap-server"), QStringLiteral("127.0.0.1:1"), QStringLiteral("topics"), QStringLiteral("list")},
            QStringLiteral("unknown command 'topics'"));
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("frobnicate")}, QStringLiteral("unknown command 'groups frobnicate'"));
        verifyBadUsage({QStringLiteral("groups")}, QStringLiteral("'groups' needs one of: "));
        const QString verbs = lines(runCli({QStringLiteral("groups")}).err).value(0);
        QVERIFY2(verbs.contains(QLatin1String("list")) && verbs.contains(QLatin1String("describe")), qPrintable(verbs));
        verifyBadUsage({}, QStringLiteral("expected a command"));
    }

    void unknownOption()
    {
        const QStringList cluster{QStringLiteral("--bootstrap-server"), QStringLiteral("127.0.0.1:1")};
        verifyBadUsage(cluster + QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--frob")},
                       QStringLiteral("unknown option --frob for 'groups list'"));
        // Each command has only its own options: --members is describe's.
        verifyBadUsage(cluster + QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--members")},
                       QStringLiteral("unknown option --members for 'groups list'"));
        verifyBadUsage(QStringList{QStringLiteral("--frob")} + cluster + QStringList{QStringLiteral("groups"), QStringLiteral("list")},
                       QStringLiteral("unknown option --frob"));
        // The usage line after a command's error is that command's.
        const CliRun r = runCli(
            cluster + QStringList{QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("g"), QStringLiteral("--frob")});
        QCOMPARE(lineStartingWith(r.err, QStringLiteral("usage: ")),
                 QStringLiteral("usage: cohort-cli [GLOBAL OPTIONS] groups describe [--members] [--state] [--verbose] [--all-groups] [GROUP...]"));
    }

    void typedOptionsAndArguments()
    {
        const QStringList list{QStringLiteral("groups"), QStringLiteral("list")};
        verifyBadUsage(QStringList{QStringLiteral("--timeout"), QStringLiteral("99")} + list,
                       QStringLiteral("--timeout needs milliseconds (at least 100)"));
        verifyBadUsage(QStringList{QStringLiteral("--timeout"), QStringLiteral("soon")} + list,
                       QStringLiteral("--timeout needs milliseconds (at least 100)"));
        verifyBadUsage(list + QStringList{QStringLiteral("--output=xml")}, QStringLiteral("--output takes table, json or csv"));
        verifyBadUsage(list + QStringList{QStringLiteral("--state")}, QStringLiteral("--state needs a state"));
        verifyBadUsage(list + QStringList{QStringLiteral("--state"), QStringLiteral("Sleeping")},
                       QStringLiteral("unknown state 'Sleeping'"));
        verifyBadUsage(list + QStringList{QStringLiteral("extra")}, QStringLiteral("groups list takes no arguments (got 'extra')"));
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("--members=yes"), QStringLiteral("g")},
                       QStringLiteral("--members takes no value"));
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("describe")},
                       QStringLiteral("groups describe needs at least one group id, or --all-groups"));
        // As kafka-consumer-groups.sh --describe: named groups or all of them.
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("--all-groups"), QStringLiteral("g")},
                       QStringLiteral("groups describe takes group ids or --all-groups, not both"));
    }

    void globalOptionsBeforeOrAfterTheCommand()
    {
        // Parsed once into the same fields wherever they stand: both fail reading the file, before any connection.
        const QString missing = QStringLiteral("/nonexistent/client.properties");
        verifyBadUsage({QStringLiteral("--command-config"), missing, QStringLiteral("groups"), QStringLiteral("list")},
                       QStringLiteral("cannot read ") + missing);
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--command-config=") + missing},
                       QStringLiteral("cannot read ") + missing);
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("list")}, QStringLiteral("no cluster given"));
        // An option's value is never taken for a command word.
        verifyBadUsage({QStringLiteral("--command-config"), QStringLiteral("groups"), QStringLiteral("groups"), QStringLiteral("list")},
                       QStringLiteral("cannot read groups"));
    }

    void commandOptionsBeforeTheCommand()
    {
        // As before the command table: a command's options may come first too.
        verifyBadUsage({QStringLiteral("--state"), QStringLiteral("Sleeping"), QStringLiteral("groups"), QStringLiteral("list")},
                       QStringLiteral("unknown state 'Sleeping'"));
        verifyBadUsage({QStringLiteral("--members"), QStringLiteral("groups"), QStringLiteral("describe")},
                       QStringLiteral("groups describe needs at least one group id"));
        verifyBadUsage({QStringLiteral("--type"), QStringLiteral("classic"), QStringLiteral("groups"), QStringLiteral("describe"),
                        QStringLiteral("g")},
                       QStringLiteral("unknown option --type for 'groups describe'"));
    }

    void groupsLagUsage()
    {
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("lag")}, QStringLiteral("groups lag needs at least one group id"));
        verifyBadUsage(
            {QStringLiteral("groups"), QStringLiteral("lag"), QStringLiteral("g"), QStringLiteral("--sample-for"), QStringLiteral("3x")},
            QStringLiteral("'3x' is not a duration: write a number with a unit, ms, s, m or h (500ms, 30s, 2m, 1h, 1m30s)"));
        verifyBadUsage(
            {QStringLiteral("groups"), QStringLiteral("lag"), QStringLiteral("g"), QStringLiteral("--interval"), QStringLiteral("50ms")},
            QStringLiteral("--interval must be at least 100 ms"));
        verifyBadUsage({QStringLiteral("groups"), QStringLiteral("lag"), QStringLiteral("g"), QStringLiteral("--interval")},
                       QStringLiteral("--interval needs a duration, like 5s"));
        const CliRun help = runCli({QStringLiteral("groups"), QStringLiteral("lag"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains(QStringLiteral(
                     "usage: cohort-cli [GLOBAL OPTIONS] groups lag [--sample-for DURATION] [--interval DURATION] [--watch] GROUP...")),
                 qPrintable(help.out));
    }

    void version()
    {
        const CliRun r = runCli({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("cohort-cli ") + QLatin1String(COHORT_VERSION) + QLatin1Char('\n'));
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
