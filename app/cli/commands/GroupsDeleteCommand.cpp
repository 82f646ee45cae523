// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsDeleteCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "core/session/ClusterSession.h"
#include "core/util/EventLoopWait.h"

namespace cohort::cli {

QString GroupsDeleteCommand::summary() const
{
    return tr("delete groups and their offsets (kafka-consumer-groups.sh --delete)");
}

QString GroupsDeleteCommand::description() const
{
    return tr("Only a group without active members can go (NON_EMPTY_GROUP otherwise); one that\n"
              "does not exist is GROUP_ID_NOT_FOUND. Exit code 1 when any group was not deleted.");
}

void GroupsDeleteCommand::declareOptions(CliOptionSet &options)
{
    options.setPositionals(QStringLiteral("GROUP..."), tr("the groups to delete"), 1, tr("groups delete needs at least one group id"),
                           &m_groups);
}

int GroupsDeleteCommand::run(CliCommandContext &context)
{
    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    const Result<ClusterAdmin *> admin = session.value()->admin();
    if (!admin)
        return context.refuse(admin.error().toString());
    m_groups.removeDuplicates();
    QStringList deleted;
    QStringList failed;
    for (const QString &g : std::as_const(m_groups)) {
        const auto done = admin.value()->deleteGroup(g);
        waitWithEventLoop(done);
        if (done.result())
            deleted << g;
        else
            failed << tr("* Group '%1' could not be deleted due to: %2").arg(g, done.result().error().toString());
    }
    if (!deleted.isEmpty()) {
        QStringList quoted;
        for (const QString &g : std::as_const(deleted))
            quoted << QLatin1Char('\'') + g + QLatin1Char('\'');
        context.out() << tr("Deletion of requested consumer groups (%1) was successful.").arg(quoted.join(QStringLiteral(", "))) << '\n';
    }
    if (failed.isEmpty())
        return CliFailure::kOk;
    context.note(tr("Deletion of some consumer groups failed:") + QLatin1Char('\n') + failed.join(QLatin1Char('\n')));
    return CliFailure::kError;
}

}   // namespace cohort::cli
