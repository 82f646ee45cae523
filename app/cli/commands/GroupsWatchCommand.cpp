// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsWatchCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "core/rebalance/GroupEventJson.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"
#include "core/util/DurationText.h"
#include "core/wire/ErrorCode.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimeZone>
#include <QTimer>

namespace cohort::cli {

namespace {

QString partitionList(const QList<TopicPartition> &partitions)
{
    QStringList names;
    for (const TopicPartition &tp : partitions)
        names << tp.name();
    return names.join(QLatin1Char(','));
}

}   // namespace

QString GroupsWatchCommand::summary() const
{
    return tr("prints a group's rebalances, joins, leaves and assignment changes as they happen");
}

QString GroupsWatchCommand::description() const
{
    return tr("Reads the group about every second, every 250 ms while it rebalances, and prints\n"
              "one line per event: state_changed, member_joined, member_left, assignment_changed,\n"
              "rebalance_started, rebalance_completed (with its duration, the partitions that\n"
              "moved and the longest time a partition had no owner). --output json prints one\n"
              "JSON object per line. Times are to within one read. A read that fails is a\n"
              "warning on stderr and makes the exit code 3; a group that does not exist, 1.");
}

void GroupsWatchCommand::declareOptions(CliOptionSet &options)
{
    options.addValue(QStringLiteral("for"), QStringLiteral("DURATION"),
                     tr("stop after this long (30s, 2m, 1h); default: until interrupted"), tr("--for needs a duration, e.g. --for 30s"),
                     [this](const QString &v) -> QString {
                         const auto ms = DurationText::parseMs(v);
                         if (!ms)
                             return ms.error();
                         m_forMs = ms.value();
                         return {};
                     });
    options.setPositionals(QStringLiteral("GROUP"), tr("the group id"), 1, tr("groups watch needs a group id"), &m_groupIds);
}

QString GroupsWatchCommand::textLine(const GroupEvent &e)
{
    QStringList details;
    if (!e.memberId.isEmpty())
        details << (e.clientId.isEmpty() ? e.memberId : tr("%1 (%2)").arg(e.memberId, e.clientId));
    if (e.kind == GroupEventKind::StateChanged)
        details << tr("from %1").arg(groupStateToString(e.previousState));
    if (!e.partitionsAdded.isEmpty())
        details << tr("+%1").arg(partitionList(e.partitionsAdded));
    if (!e.partitionsRemoved.isEmpty())
        details << tr("-%1").arg(partitionList(e.partitionsRemoved));
    if (e.kind == GroupEventKind::RebalanceCompleted) {
        details << (e.durationMs >= 0 ? tr("took %1 ms").arg(e.durationMs) : tr("duration unknown"));
        details << tr("partitions moved: %1").arg(e.partitionsMoved);
        details << (e.unownedMs >= 0 ? tr("longest without owner %1 ms").arg(e.unownedMs) : tr("time without owner unknown"));
    }
    if (!e.reason.isEmpty())
        details << e.reason;
    const QString time = QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const QString generation = e.generation >= 0 ? tr("gen %1").arg(e.generation) : QStringLiteral("-");
    return time + QLatin1String("  ") + groupEventKindName(e.kind).leftJustified(19) + QLatin1String("  ")
           + groupStateToString(e.state).leftJustified(19) + QLatin1String("  ") + generation.leftJustified(7) + QLatin1String("  ")
           + details.join(QStringLiteral("; "));
}

int GroupsWatchCommand::run(CliCommandContext &context)
{
    if (context.options().output == CliTable::Format::Csv)
        return context.fail(CliFailure::usage(tr("groups watch prints text or JSON lines: use --output table or --output json")));
    const QString groupId = m_groupIds.first();
    if (m_groupIds.size() > 1)
        return context.fail(CliFailure::usage(tr("groups watch watches one group; run it once per group")));
    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    ClusterSession &s = *session.value();

    // The first read says whether there is a group to watch at all.
    const Result<GroupSnapshot> first = context.readGroup(s, groupId);
    if (!first)
        return context.fail(CliFailure::kafka(first.error().code == ErrorCode::GroupIdNotFound
                                                  ? tr("Consumer group '%1' does not exist.").arg(groupId)
                                                  : tr("group '%1' not read: %2").arg(groupId, first.error().toString())));
    if (!first->description.membersKnown())
        context.note(tr("note: group '%1': %2").arg(groupId, first->description.note));

    const bool json = context.options().output == CliTable::Format::Json;
    QTextStream &out = context.out();
    GroupWatcher *watcher = s.groupWatcher(groupId);
    QEventLoop loop;
    QObject::connect(watcher, &GroupWatcher::eventsSeen, &loop, [&](const QList<GroupEvent> &events) {
        for (const GroupEvent &e : events)
            out << (json ? QString::fromUtf8(QJsonDocument(GroupEventJson::toJson(e)).toJson(QJsonDocument::Compact)) : textLine(e))
                << '\n';
        out.flush();
    });
    QObject::connect(watcher, &GroupWatcher::readFailed, &loop, [&](const KafkaError &error) {
        context.note(tr("warning: group '%1' not read at %2: %3")
                         .arg(groupId, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), error.toString()));
        context.err().flush();
        context.markPartial();
    });
    context.note(tr("watching group '%1' (%2, %n member(s)); Ctrl-C stops", nullptr, int(first->description.members.size()))
                     .arg(groupId, groupStateToString(first->description.state)));
    context.err().flush();
    if (m_forMs >= 0)
        QTimer::singleShot(std::chrono::milliseconds(m_forMs), &loop, &QEventLoop::quit);
    watcher->start();
    loop.exec();
    watcher->stop();
    CliCommandContext::waitForReadToEnd(*watcher);
    return context.finish(CliFailure::kOk);
}

}   // namespace cohort::cli
