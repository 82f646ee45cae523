// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliResetRun.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliTable.h"
#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetExecutor.h"
#include "core/reset/ResetGuard.h"
#include "core/util/EventLoopWait.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <climits>

namespace cohort::cli {

void CliResetRun::write(CliCommandContext &context, const ResetPlan &plan, bool executed, const QString &backupPath)
{
    switch (context.options().output) {
    case CliTable::Format::Csv: {
        // kafka-consumer-groups.sh --reset-offsets --export: the new offsets, the group column for several groups.
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
                    {QStringLiteral("new_offset"), p.newOffset},
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
                t.rows.append({g.groupId, p.tp.topic, p.tp.partition, p.newOffset, CliTable::cell(p.current)});
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
        }
        if (context.options().output == CliTable::Format::Table)
            // The plural follows the messages read again; the counts are printed in full (qint64).
            context.note(tr("group '%1': %2 message(s) to read again, %3 to skip", nullptr, int(qMin<qint64>(g.toReRead(), INT_MAX)))
                             .arg(g.groupId)
                             .arg(g.toReRead())
                             .arg(g.toSkip()));
    }
}

int CliResetRun::run(CliCommandContext &context, ResetExecutor &executor, const Result<ResetPlan> &plan, bool execute)
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
    const auto applied = executor.apply(plan.value());
    waitWithEventLoop(applied);
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
                             .arg(d.planned));
        if (g.verifyError)
            context.note(tr("error: group '%1': the offsets could not be read back: %2").arg(g.groupId, g.verifyError->toString()));
    }
    if (!outcome->ok())
        return CliFailure::kError;
    return CliFailure::kOk;
}

}   // namespace cohort::cli
