// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliResetRun.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetExecutor.h"
#include "core/reset/ResetGuard.h"
#include "core/util/DurationText.h"
#include "core/util/EventLoopWait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTimer>

#include <climits>

namespace cohort::cli {

void CliResetRun::declareWait(CliOptionSet &options, std::optional<QString> *into)
{
    options.addOptionalValue(QStringLiteral("wait"), QStringLiteral("TIMEOUT"),
                             tr("with --execute: wait until every group is Empty, then apply (default %1; 30s, 2m, 1h)")
                                 .arg(QLatin1String(kDefaultWait)),
                             [into](const std::optional<QString> &v) {
                                 *into = v.value_or(QString::fromLatin1(kDefaultWait));
                                 return QString();
                             });
}

Result<std::optional<CliResetRun::Wait>, QString> CliResetRun::parseWait(const std::optional<QString> &given)
{
    if (!given)
        return std::optional<Wait>();
    const Result<qint64, QString> ms = DurationText::parseMs(*given);
    if (!ms)
        return tr("--wait: %1; nothing was written").arg(ms.error());
    return std::optional<Wait>(Wait{ms.value(), *given});
}

Result<Done, QString> CliResetRun::waitUntilEmpty(CliCommandContext &context, ResetExecutor &executor, const QStringList &groups,
                                                  const Wait &wait, const QDeadlineTimer &deadline)
{
    // What was said last per group: a new line only when the state or the members change.
    QHash<QString, QString> told;
    const auto tell = [&](const GroupDescription &g) {
        const QString line = g.state == GroupState::Empty || g.state == GroupState::Dead
                                 ? tr("group '%1' is %2").arg(g.groupId, groupStateToString(g.state))
                                 : tr("group '%1' is %2 with %n active member(s): %3", nullptr, int(g.members.size()))
                                       .arg(g.groupId, groupStateToString(g.state), ResetGuard::members(g));
        if (told.value(g.groupId) != line) {
            told.insert(g.groupId, line);
            context.note(line);
            context.err().flush();
        }
    };
    const QMetaObject::Connection seen = QObject::connect(&executor, &ResetExecutor::waiting, [&](const GroupWaitState &s) {
        GroupDescription d;
        d.groupId = s.groupId;
        d.state = s.state;
        d.members = s.members;
        tell(d);
    });
    const auto done = qScopeGuard([&] { QObject::disconnect(seen); });
    const auto stillActive = [&](const QString &groupId) {
        return tr("still not Empty after %1 (%2); nothing was written").arg(wait.asWritten, told.value(groupId));
    };
    bool announced = false;
    for (;;) {
        const auto active = executor.activeGroups(groups);
        waitWithEventLoop(active);
        if (!active.result())
            return active.result().error().toString();
        if (active.result()->isEmpty())
            return Done{};
        if (!announced) {
            context.note(tr("waiting up to %1 for the group(s) to be Empty (stop their consumers)").arg(wait.asWritten));
            announced = true;
        }
        const GroupDescription &g = active.result()->first();
        tell(g);
        if (deadline.hasExpired())
            return stillActive(g.groupId);
        bool timedOut = false;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, [&] {
            timedOut = true;
            executor.cancelWait();
        });
        timer.start(int(qMin<qint64>(deadline.remainingTime(), INT_MAX)));
        const QFuture<Result<GroupState>> empty = executor.waitUntilEmpty(g.groupId);
        waitWithEventLoop(empty);
        timer.stop();
        if (timedOut)
            return stillActive(g.groupId);
        if (!empty.result())
            return empty.result().error().toString();
        // Every group is looked at again: another may have had a member join meanwhile.
    }
}

void CliResetRun::write(CliCommandContext &context, const ResetPlan &plan, bool executed, const QString &backupPath)
{
    switch (context.options().output) {
    case CliTable::Format::Csv: {
        // kafka-consumer-groups.sh --reset-offsets --export: the new offsets, the group column for several groups.
        // Offsets to be deleted have no line (kcg's CSV cannot say "none"); stderr names them.
        context.out() << OffsetsCsv::write(plan.newOffsets(), plan.groups.size() > 1);
        break;
    }
    case CliTable::Format::Json: {
        QJsonArray groups;
        for (const GroupResetPlan &g : plan.groups) {
            QJsonArray partitions;
            for (const PartitionResetPlan &p : g.partitions)
                partitions.append(QJsonObject{
                    {QStringLiteral("topic"), p.tp.topic},
                    {QStringLiteral("partition"), p.tp.partition},
                    {QStringLiteral("current_offset"), p.current ? QJsonValue(*p.current) : QJsonValue(QJsonValue::Null)},
                    {QStringLiteral("new_offset"), p.deleteOffset ? QJsonValue(QJsonValue::Null) : QJsonValue(p.newOffset)},
                    {QStringLiteral("delete"), p.deleteOffset},
                    {QStringLiteral("log_start_offset"), p.logStart},
                    {QStringLiteral("end_offset"), p.logEnd},
                    {QStringLiteral("clamped"), p.clamped()},
                });
            groups.append(QJsonObject{{QStringLiteral("group_id"), g.groupId}, {QStringLiteral("partitions"), partitions}});
        }
        const QJsonObject o{{QStringLiteral("executed"), executed},
                            {QStringLiteral("groups"), groups},
                            {QStringLiteral("backup"), backupPath.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(backupPath)}};
        context.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        break;
    }
    case CliTable::Format::Table: {
        // kafka-consumer-groups.sh's columns, then the offset each partition leaves.
        CliTable t;
        t.headers = {QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("NEW-OFFSET"),
                     QStringLiteral("CURRENT-OFFSET")};
        t.jsonKeys = {QStringLiteral("group_id"), QStringLiteral("topic"), QStringLiteral("partition"), QStringLiteral("new_offset"),
                      QStringLiteral("current_offset")};
        for (const GroupResetPlan &g : plan.groups)
            for (const PartitionResetPlan &p : g.partitions)
                t.rows.append({g.groupId, p.tp.topic, p.tp.partition, p.deleteOffset ? QVariant() : QVariant(p.newOffset),
                               CliTable::cell(p.current)});
        context.write(t);
        break;
    }
    }
    context.out().flush();
}

void CliResetRun::noteAdjustments(CliCommandContext &context, const ResetPlan &plan)
{
    for (const GroupResetPlan &g : plan.groups) {
        for (const PartitionResetPlan &p : g.partitions) {
            const QString name = p.tp.name();
            if (p.clamp == PartitionResetPlan::Clamp::ToLogEnd)
                context.note(
                    tr("warning: new offset %1 is higher than the log end of %2: %3 instead").arg(p.requested).arg(name).arg(p.newOffset));
            else if (p.clamp == PartitionResetPlan::Clamp::ToLogStart)
                context.note(
                    tr("warning: new offset %1 is lower than the log start of %2: %3 instead").arg(p.requested).arg(name).arg(p.newOffset));
            if (p.noRecordAtTime)
                context.note(tr("warning: %1 has no record at or after the time: its log end %2").arg(name).arg(p.newOffset));
            if (p.deleteOffset)
                context.note(tr("group '%1': %2 had no offset before that reset: its offset is deleted (NEW-OFFSET -)").arg(g.groupId, name));
        }
        if (context.options().output == CliTable::Format::Table)
            // The plural follows the messages read again; the counts are printed in full (qint64).
            context.note(tr("group '%1': %2 message(s) to read again, %3 to skip", nullptr, int(qMin<qint64>(g.toReRead(), INT_MAX)))
                             .arg(g.groupId)
                             .arg(g.toReRead())
                             .arg(g.toSkip()));
    }
}

int CliResetRun::run(CliCommandContext &context, ResetExecutor &executor, const Result<ResetPlan> &plan, bool execute,
                     const std::optional<Wait> &wait)
{
    if (!plan)
        return context.refuse(plan.error().toString());
    if (!execute) {
        QStringList ids;
        for (const GroupResetPlan &g : plan->groups)
            ids << g.groupId;
        const auto active = executor.activeGroups(ids);
        waitWithEventLoop(active);
        write(context, plan.value(), false, {});
        noteAdjustments(context, plan.value());
        if (active.result() && !active.result()->isEmpty())
            context.note(tr("warning: --execute would be refused now: %1").arg(ResetGuard::refusal(active.result().value()).message));
        context.note(tr("dry run: nothing was written (add --execute to apply)"));
        return CliFailure::kOk;
    }
    QStringList ids;
    for (const GroupResetPlan &g : plan->groups)
        ids << g.groupId;
    const QDeadlineTimer waitDeadline(wait ? wait->ms : 0);
    QFuture<Result<ResetOutcome>> applied;
    for (;;) {
        if (wait) {
            // Each look, and the apply after the wait, gets a whole --timeout of its own.
            executor.setTimeoutMs(context.options().timeoutMs);
            const auto empty = waitUntilEmpty(context, executor, ids, *wait, waitDeadline);
            if (!empty)
                return context.refuse(empty.error());
        }
        applied = executor.apply(plan.value());
        waitWithEventLoop(applied);
        // A member that joined between the last look and the guard: nothing was written; wait again.
        if (wait && !applied.result() && applied.result().error().name == QLatin1String("_GROUP_ACTIVE") && !waitDeadline.hasExpired()) {
            context.note(tr("a member joined before the reset was applied (nothing was written): waiting again"));
            continue;
        }
        break;
    }
    const Result<ResetOutcome> &outcome = applied.result();
    if (!outcome)
        return context.refuse(outcome.error().toString());
    write(context, plan.value(), true, outcome->backup.csvPath);
    noteAdjustments(context, plan.value());
    context.note(tr("previous offsets saved to %1").arg(outcome->backup.csvPath));
    for (const GroupResetOutcome &g : outcome->groups) {
        for (const PartitionWriteOutcome &f : g.failed)
            context.note(
                tr("error: group '%1': %2-%3 not written: %4").arg(g.groupId, f.tp.topic).arg(f.tp.partition).arg(f.error.toString()));
        for (const OffsetDifference &d : g.differences)
            context.note(tr("error: group '%1': %2-%3 reads back %4, planned %5")
                             .arg(g.groupId, d.tp.topic)
                             .arg(d.tp.partition)
                             .arg(d.readBack ? QString::number(*d.readBack) : tr("no offset"))
                             .arg(d.deletePlanned() ? tr("no offset (deleted)") : QString::number(d.planned)));
        if (g.verifyError)
            context.note(tr("error: group '%1': the offsets could not be read back: %2").arg(g.groupId, g.verifyError->toString()));
    }
    if (!outcome->ok())
        return CliFailure::kError;
    return CliFailure::kOk;
}

}   // namespace cohort::cli
