// SPDX-License-Identifier: GPL-3.0-or-later
// The man pages (docs/man/*.1) and the programs' --help say the same: every
// option `cohort --help`, `cohort-sandbox --help` and `cohort-cli --help` list
// is in the man page and every option the man page lists is in --help; for
// cohort-cli, every command of `cohort-cli --help` has its section in the man
// page (and no other), with exactly the options `cohort-cli NOUN VERB --help`
// lists. Both sides are parsed, so adding an option to a program without its
// man page (or the other way round) fails here.

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString sourceFile(const QString &relative)
{
    return qEnvironmentVariable("COHORT_SOURCE_DIR") + QLatin1Char('/') + relative;
}

QString binary(const QString &relative)
{
    return qEnvironmentVariable("COHORT_BINARY_DIR") + QLatin1Char('/') + relative;
}

using OptionSet = QSet<QString>;

QString sorted(const OptionSet &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(QStringLiteral(", "));
}

// A man page's option lists: the tag line of every .TP item that starts with
// an option ("\fB\-\-name\fR \fIVALUE\fR", "\fB\-h\fR, \fB\-\-help\fR"), by the
// .SH section and .SS subsection it is in ("OPTIONS", "COMMANDS/groups list").
struct ManPage
{
    QMap<QString, OptionSet> options;   // by "SECTION" or "SECTION/subsection"
    QStringList subsections;            // "SECTION/subsection", in order
    QString text;
};

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"')))
        s = s.mid(1, s.size() - 2);
    return s.replace(QLatin1String("\\-"), QLatin1String("-"));
}

ManPage readManPage(const QString &name)
{
    ManPage page;
    QFile f(sourceFile(QStringLiteral("docs/man/%1.1").arg(name)));
    if (!f.open(QIODevice::ReadOnly))
        return page;
    page.text = QString::fromUtf8(f.readAll());
    const QStringList lines = page.text.split(QLatin1Char('\n'));
    static const QRegularExpression option(QStringLiteral(R"(--([a-z0-9][a-z0-9-]*))"));
    QString section, where;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(QLatin1String(".SH "))) {
            section = where = unquote(line.mid(4));
        } else if (line.startsWith(QLatin1String(".SS "))) {
            where = section + QLatin1Char('/') + unquote(line.mid(4));
            page.subsections << where;
        } else if (line.trimmed() == QLatin1String(".TP") && i + 1 < lines.size()) {
            // Only items whose tag is an option (not a positional such as GROUP, nor a control command).
            if (!lines.at(i + 1).startsWith(QLatin1String("\\fB\\-")))
                continue;
            const QString tag = QString(lines.at(i + 1)).replace(QLatin1String("\\-"), QLatin1String("-"));
            for (auto m = option.globalMatch(tag); m.hasNext();)
                page.options[where] << m.next().captured(1);
        }
    }
    return page;
}

struct Run
{
    int exitCode = -1;
    QString out;
};

Run run(const QString &program, const QStringList &args)
{
    static QTemporaryDir home;   // no user's settings (language, last connection) reach the programs
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QString());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput())};
}

// The options of a --help text: "  -h, --help   ..." and "  --name VALUE   ...",
// from the line after `startAfter` (a heading; empty: from the top) up to the
// first line that starts with `stopAt` (empty: to the end).
OptionSet helpOptions(const QString &help, const QString &startAfter = {}, const QString &stopAt = {})
{
    static const QRegularExpression item(QStringLiteral(R"(^\s{2,}(?:-[A-Za-z?], )*--([a-z0-9][a-z0-9-]*))"));
    OptionSet out;
    bool on = startAfter.isEmpty();
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (!on) {
            on = line.startsWith(startAfter);
            continue;
        }
        if (!stopAt.isEmpty() && line.startsWith(stopAt))
            break;
        if (const auto m = item.match(line); m.hasMatch())
            out << m.captured(1);
    }
    return out;
}

// "  groups list        summary" lines after "Commands:" up to the first empty line.
QStringList cliCommands(const QString &help)
{
    static const QRegularExpression item(QStringLiteral(R"(^  ([a-z]+) ([a-z-]+)\s{2,}\S)"));
    QStringList out;
    bool on = false;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (!on) {
            on = line == QLatin1String("Commands:");
            continue;
        }
        if (line.trimmed().isEmpty())
            break;
        if (const auto m = item.match(line); m.hasMatch())
            out << m.captured(1) + QLatin1Char(' ') + m.captured(2);
    }
    return out;
}

void compare(const OptionSet &help, const OptionSet &man, const QString &what)
{
    const OptionSet notInMan = help - man;
    const OptionSet notInHelp = man - help;
    QVERIFY2(notInMan.isEmpty(), qPrintable(what + QStringLiteral(": in --help but not in the man page: ") + sorted(notInMan)));
    QVERIFY2(notInHelp.isEmpty(), qPrintable(what + QStringLiteral(": in the man page but not in --help: ") + sorted(notInHelp)));
}

// What every man page has, whatever the program.
void checkSkeleton(const ManPage &page, const QString &name)
{
    QVERIFY2(!page.text.isEmpty(), qPrintable(QStringLiteral("docs/man/%1.1 is missing").arg(name)));
    QVERIFY2(page.text.contains(QRegularExpression(QStringLiteral("^\\.TH \"?%1\"? 1 ").arg(QRegularExpression::escape(name.toUpper())),
                                                   QRegularExpression::MultilineOption)),
             "the page's .TH line names the program, section 1");
    for (const char *section : {"NAME", "SYNOPSIS", "DESCRIPTION", "SEE ALSO"})
        QVERIFY2(page.text.contains(QStringLiteral("\n.SH %1\n").arg(QLatin1String(section)))
                     || page.text.contains(QStringLiteral("\n.SH \"%1\"\n").arg(QLatin1String(section))),
                 section);
}

}   // namespace

class TestManPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void qtProgramsMatchTheirPages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("path");
        QTest::newRow("cohort") << QStringLiteral("cohort") << binary(QStringLiteral("app/cohort"));
        QTest::newRow("cohort-sandbox") << QStringLiteral("cohort-sandbox") << binary(QStringLiteral("sandbox/cohort-sandbox"));
    }

    void qtProgramsMatchTheirPages()
    {
        QFETCH(QString, name);
        QFETCH(QString, path);
        const ManPage page = readManPage(name);
        checkSkeleton(page, name);
        if (QTest::currentTestFailed())
            return;
        const Run help = run(path, {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const OptionSet options = helpOptions(help.out, QStringLiteral("Options:"), QStringLiteral("Arguments:"));
        QVERIFY2(options.contains(QStringLiteral("help")) && options.size() > 4, qPrintable(help.out));
        compare(options, page.options.value(QStringLiteral("OPTIONS")), name);
        // Nothing listed elsewhere either: options belong under OPTIONS.
        QCOMPARE(page.options.keys(), QStringList{QStringLiteral("OPTIONS")});
    }

    void sandboxControlCommandsAreDocumented()
    {
        const ManPage page = readManPage(QStringLiteral("cohort-sandbox"));
        const Run help = run(binary(QStringLiteral("sandbox/cohort-sandbox")), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        static const QRegularExpression command(QStringLiteral(R"(^  ([a-z]+(?:-[a-z]+)*)(?: |$))"));
        QStringList commands;
        bool on = false;
        for (const QString &line : help.out.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("Control commands")))
                on = true;
            else if (on && line.trimmed().isEmpty())
                break;
            else if (on)
                for (const QString &part : line.split(QLatin1Char('|')))
                    if (const auto m = command.match(QStringLiteral("  ") + part.trimmed()); m.hasMatch())
                        commands << m.captured(1);
        }
        QVERIFY2(commands.size() >= 8, qPrintable(help.out));
        for (const QString &c : std::as_const(commands))
            QVERIFY2(page.text.contains(QStringLiteral("\\fB%1\\fR").arg(QString(c).replace(QLatin1Char('-'), QLatin1String("\\-")))),
                     qPrintable(c + QStringLiteral(" is not in cohort-sandbox.1")));
    }

    void cliMatchesItsPage()
    {
        const ManPage page = readManPage(QStringLiteral("cohort-cli"));
        checkSkeleton(page, QStringLiteral("cohort-cli"));
        if (QTest::currentTestFailed())
            return;
        const QString cli = binary(QStringLiteral("app/cohort-cli"));
        const Run help = run(cli, {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);

        compare(helpOptions(help.out, QStringLiteral("Global options:")), page.options.value(QStringLiteral("GLOBAL OPTIONS")),
                QStringLiteral("cohort-cli's global options"));

        const QStringList commands = cliCommands(help.out);
        QVERIFY2(commands.size() >= 10, qPrintable(help.out));
        QStringList documented;
        for (const QString &sub : page.subsections)
            if (sub.startsWith(QLatin1String("COMMANDS/")))
                documented << sub.mid(9);
        QStringList sortedCommands = commands, sortedDocumented = documented;
        sortedCommands.sort();
        sortedDocumented.sort();
        QCOMPARE(sortedDocumented, sortedCommands);

        for (const QString &command : commands) {
            const Run own = run(cli, command.split(QLatin1Char(' ')) << QStringLiteral("--help"));
            QCOMPARE(own.exitCode, 0);
            // The command's own options: after "Options:" (or "Arguments and options:"), before "Global options:".
            const QString heading = own.out.contains(QLatin1String("\nArguments and options:\n")) ? QStringLiteral("Arguments and options:")
                                                                                                  : QStringLiteral("Options:");
            const OptionSet options = own.out.contains(QLatin1Char('\n') + heading + QLatin1Char('\n'))
                                          ? helpOptions(own.out, heading, QStringLiteral("Global options:"))
                                          : OptionSet{};
            compare(options, page.options.value(QStringLiteral("COMMANDS/") + command), QStringLiteral("cohort-cli ") + command);
        }
    }
};

QTEST_GUILESS_MAIN(TestManPages)
#include "tst_man_pages.moc"
