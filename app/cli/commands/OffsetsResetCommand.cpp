// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/OffsetsResetCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliResetRun.h"
#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetExecutor.h"
#include "core/reset/ResetTimeParser.h"
#include "core/session/ClusterSession.h"
#include "core/util/EventLoopWait.h"

#include <QFile>

namespace cohort::cli {

namespace {

// An option's value that does not parse: bad input, said with the option and what to give.
QString badValue(const QString &option, const QString &why)
{
    return QCoreApplication::translate("OffsetsResetCommand", "--%1: %2; nothing was written").arg(option, why);
}

}   // namespace

QString OffsetsResetCommand::summary() const
{
    return tr("plan a reset of the groups' offsets (kafka-consumer-groups.sh --reset-offsets); --execute applies it");
}

QString OffsetsResetCommand::description() const
{
    return tr("A dry run unless --execute is given, as kafka-consumer-groups.sh: the columns are its\n"
              "GROUP TOPIC PARTITION NEW-OFFSET, then CURRENT-OFFSET. Exactly one scenario; a scope\n"
              "(--all-topics or --topic) unless the offsets come from --from-file or --from-group.\n"
              "Targets outside [log start, log end] are moved to the nearer end (a warning says so).\n"
              "--to-datetime takes yyyy-MM-ddTHH:mm:ss.SSS with an optional zone (Z, +02:00); without\n"
              "one the time is UTC, as kafka-consumer-groups.sh reads it. --by-duration takes PnDTnHnMnS\n"
              "or \"2h 30m\". --execute writes only while every group is Empty; it first saves the\n"
              "previous offsets (kcg CSV, see offsets history; offsets undo restores them), then reads\n"
              "the offsets back. --execute --wait instead waits until every group is Empty (their\n"
              "states and members said on stderr), then applies; nothing is written if the wait ends\n"
              "first. --output csv prints kafka-consumer-groups.sh's --export CSV.\n"
              "Exit codes: 0 done, 1 refused (active members, read-only connection, bad input such\n"
              "as a value that does not parse: nothing written) or not applied as planned, 2 bad\n"
              "usage (options missing or that exclude each other).");
}

void OffsetsResetCommand::declareOptions(CliOptionSet &options)
{
    options.addValue(QStringLiteral("group"), QStringLiteral("GROUP"), tr("a group to reset (repeat for several)"),
                     tr("--group needs a group id"), [this](const QString &v) {
                         m_groups << v;
                         return QString();
                     });
    options.addFlag(QStringLiteral("all-topics"), tr("every partition the group has offsets for"), &m_allTopics);
    options.addValue(QStringLiteral("topic"), QStringLiteral("TOPIC[:P,P...]"),
                     tr("a topic (every partition, or the ones listed); repeat for several; may have no offsets yet"),
                     tr("--topic needs a topic name"), [this](const QString &v) {
                         m_topics << v;
                         return QString();
                     });
    options.addFlag(QStringLiteral("to-earliest"), tr("to the log start offset"), &m_toEarliest);
    options.addFlag(QStringLiteral("to-latest"), tr("to the log end offset"), &m_toLatest);
    options.addFlag(QStringLiteral("to-current"), tr("to the committed offset again (the log end where none)"), &m_toCurrent);
    const QList<std::pair<QString, QString>> valued{
        {QStringLiteral("to-datetime"), QStringLiteral("DATETIME")}, {QStringLiteral("by-duration"), QStringLiteral("DURATION")},
        {QStringLiteral("shift-by"), QStringLiteral("N")},           {QStringLiteral("to-offset"), QStringLiteral("OFFSET")},
        {QStringLiteral("from-file"), QStringLiteral("FILE")},       {QStringLiteral("from-group"), QStringLiteral("GROUP")}};
    const QStringList helps{tr("to the first offset at or after this time"),        tr("to the first offset at or after this long ago"),
                            tr("by N from the committed offset (negative: back)"),  tr("to this offset"),
                            tr("to the offsets of a kafka-consumer-groups.sh CSV"), tr("to another group's committed offsets")};
    for (int i = 0; i < valued.size(); ++i) {
        const QString name = valued.at(i).first;
        options.addValue(name, valued.at(i).second, helps.at(i), tr("--%1 needs a value").arg(name), [this, name](const QString &v) {
            m_valued << name + QLatin1Char('=') + v;
            return QString();
        });
    }
    options.addFlag(QStringLiteral("execute"), tr("apply the plan (after the guard and a backup)"), &m_execute);
    options.addFlag(QStringLiteral("dry-run"), tr("only print the plan (the default)"), &m_dryRun);
    CliResetRun::declareWait(options, &m_wait);
}

int OffsetsResetCommand::run(CliCommandContext &context)
{
    if (m_groups.isEmpty())
        return context.fail(CliFailure::usage(tr("offsets reset needs --group")));
    if (m_execute && m_dryRun)
        return context.fail(CliFailure::usage(tr("--execute and --dry-run exclude each other")));
    if (m_wait && !m_execute)
        return context.fail(CliFailure::usage(tr("--wait needs --execute (a dry run writes nothing to wait for)")));
    const int scenarios = int(m_toEarliest) + int(m_toLatest) + int(m_toCurrent) + int(m_valued.size());
    if (scenarios != 1)
        return context.fail(CliFailure::usage(tr("offsets reset needs exactly one of --to-earliest, --to-latest, --to-current, "
                                                 "--to-datetime, --by-duration, --shift-by, --to-offset, --from-file, --from-group")));
    ResetRequest request;
    request.groups = m_groups;
    request.groups.removeDuplicates();
    const QString scenario = m_valued.isEmpty() ? QString() : m_valued.first().section(QLatin1Char('='), 0, 0);
    const QString value = m_valued.isEmpty() ? QString() : m_valued.first().section(QLatin1Char('='), 1);
    const bool listsItsOwn = scenario == QLatin1String("from-file") || scenario == QLatin1String("from-group");
    if (m_allTopics && !m_topics.isEmpty())
        return context.fail(CliFailure::usage(tr("--all-topics and --topic exclude each other")));
    if (!m_allTopics && m_topics.isEmpty() && !listsItsOwn)
        return context.fail(CliFailure::usage(tr("offsets reset needs a scope: --all-topics or --topic")));
    if (!m_topics.isEmpty()) {
        QList<ResetScope::Topic> topics;
        for (const QString &t : std::as_const(m_topics)) {
            const auto parsed = ResetScope::parseTopicArgument(t);
            if (!parsed)   // a value that does not parse is bad input (1), not bad usage (2)
                return context.refuse(badValue(QStringLiteral("topic"), parsed.error()));
            topics << parsed.value();
        }
        request.scope = ResetScope::topics(topics);
    }

    if (m_toEarliest)
        request.strategy = ResetStrategy::toEarliest();
    else if (m_toLatest)
        request.strategy = ResetStrategy::toLatest();
    else if (m_toCurrent)
        request.strategy = ResetStrategy::toCurrent();
    else if (scenario == QLatin1String("to-datetime")) {
        const auto t = ResetTimeParser::parseDateTime(value, QTimeZone::utc());
        if (!t)
            return context.refuse(badValue(scenario, t.error()));
        request.strategy = ResetStrategy::toDateTime(t.value());
    } else if (scenario == QLatin1String("by-duration")) {
        const auto d = ResetTimeParser::parseDuration(value);
        if (!d)
            return context.refuse(badValue(scenario, d.error()));
        request.strategy = ResetStrategy::byDuration(d.value(), value);
    } else if (scenario == QLatin1String("shift-by") || scenario == QLatin1String("to-offset")) {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok || (scenario == QLatin1String("to-offset") && n < 0))
            return context.refuse(badValue(scenario, scenario == QLatin1String("shift-by")
                                                         ? tr("'%1' is not a whole number: give one such as -100 or 50").arg(value)
                                                         : tr("'%1' is not an offset: give a whole number, 0 or more").arg(value)));
        request.strategy = scenario == QLatin1String("shift-by") ? ResetStrategy::shiftBy(n) : ResetStrategy::toOffset(n);
    } else if (scenario == QLatin1String("from-group")) {
        if (request.groups.contains(value))
            return context.fail(CliFailure::usage(tr("--from-group names a group being reset")));
        request.strategy = ResetStrategy::fromGroup(value);
    }

    const auto wait = CliResetRun::parseWait(m_wait);
    if (!wait)
        return context.refuse(wait.error());

    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    ResetExecutor executor(session.value(), ResetBackupStore());
    executor.setTimeoutMs(context.remainingMs());

    if (scenario == QLatin1String("from-file")) {
        QFile f(value);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return context.refuse(tr("cannot read %1: %2").arg(value, f.errorString()));
        // Topics and partitions are checked against the cluster's.
        const auto metadata = session.value()->client()->fetchMetadata();
        waitWithEventLoop(metadata);
        const Result<ClusterMetadata> md = metadata.result();
        if (!md)
            return context.refuse(md.error().toString());
        const auto parsed = OffsetsCsv::parse(QString::fromUtf8(f.readAll()), request.groups, &md.value());
        if (!parsed)
            return context.refuse(tr("%1: nothing was applied:\n%2").arg(value, OffsetsCsv::describe(parsed.error())));
        request.strategy = ResetStrategy::fromOffsets(parsed.value(), value);
    }

    const auto plan = executor.plan(request);
    waitWithEventLoop(plan);
    return CliResetRun::run(context, executor, plan.result(), m_execute, wait.value());
}

}   // namespace cohort::cli
