// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/OffsetsUndoCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliResetRun.h"
#include "core/reset/ResetExecutor.h"
#include "core/util/EventLoopWait.h"

namespace cohort::cli {

QString OffsetsUndoCommand::summary() const
{
    return tr("plan the restore of the offsets the group's last reset replaced; --execute applies it");
}

QString OffsetsUndoCommand::description() const
{
    return tr("Reads the last backup of the group (offsets history lists them) and plans it as\n"
              "offsets reset --from-file would, through the same guard and a backup of its own.\n"
              "Partitions that had no offset before that reset get none again: their offsets are\n"
              "deleted (NEW-OFFSET -, in JSON new_offset null and delete true), and read back as gone.\n"
              "--wait waits until the group is Empty before applying, as offsets reset --wait does.");
}

void OffsetsUndoCommand::declareOptions(CliOptionSet &options)
{
    options.addString(QStringLiteral("group"), QStringLiteral("GROUP"), tr("the group whose last reset to undo"),
                      tr("--group needs a group id"), &m_group);
    options.addFlag(QStringLiteral("execute"), tr("apply the restore (after the guard and a backup)"), &m_execute);
    CliResetRun::declareWait(options, &m_wait);
}

int OffsetsUndoCommand::run(CliCommandContext &context)
{
    if (m_group.isEmpty())
        return context.fail(CliFailure::usage(tr("offsets undo needs --group")));
    if (m_wait && !m_execute)
        return context.fail(CliFailure::usage(tr("--wait needs --execute (a dry run writes nothing to wait for)")));
    const auto wait = CliResetRun::parseWait(m_wait);
    if (!wait)
        return context.refuse(wait.error());
    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    ResetExecutor executor(session.value(), ResetBackupStore());
    executor.setTimeoutMs(context.remainingMs());
    const auto plan = executor.planUndo(m_group);
    waitWithEventLoop(plan);
    return CliResetRun::run(context, executor, plan.result(), m_execute, wait.value());
}

}   // namespace cohort::cli
