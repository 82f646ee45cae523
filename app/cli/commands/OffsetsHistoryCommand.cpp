// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/OffsetsHistoryCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/reset/ResetBackupStore.h"

namespace cohort::cli {

QString OffsetsHistoryCommand::summary() const
{
    return tr("the resets backed up on this machine, newest first");
}

QString OffsetsHistoryCommand::description() const
{
    return tr("Each row is one reset: when, which groups, how, on which connection, and the CSV of\n"
              "the offsets it replaced (kafka-consumer-groups.sh --from-file takes it too).");
}

void OffsetsHistoryCommand::declareOptions(CliOptionSet &options)
{
    options.addString(QStringLiteral("group"), QStringLiteral("GROUP"), tr("only the resets of this group"), tr("--group needs a group id"),
                      &m_group);
}

int OffsetsHistoryCommand::run(CliCommandContext &context)
{
    CliTable t;
    t.headers = {QStringLiteral("TIME"),    QStringLiteral("GROUPS"),     QStringLiteral("STRATEGY"),
                 QStringLiteral("PROFILE"), QStringLiteral("PARTITIONS"), QStringLiteral("BACKUP")};
    t.jsonKeys = {QStringLiteral("time"),    QStringLiteral("groups"),     QStringLiteral("strategy"),
                  QStringLiteral("profile"), QStringLiteral("partitions"), QStringLiteral("backup")};
    for (const ResetBackup &b : ResetBackupStore().history(m_group)) {
        int partitions = 0;
        for (const auto &offsets : b.previous)
            partitions += int(offsets.size());
        for (const auto &without : b.withoutOffset)
            partitions += int(without.size());
        t.rows.append({b.time.toString(Qt::ISODateWithMs), b.groups.join(QLatin1Char(',')), b.strategy, CliTable::nonEmpty(b.profile),
                       partitions, b.csvPath});
    }
    context.write(t);
    return CliFailure::kOk;
}

}   // namespace cohort::cli
