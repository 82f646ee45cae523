// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/OffsetsExportCommand.h"

#include "app/cli/CliCluster.h"
#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "core/reset/OffsetsCsv.h"
#include "core/util/EventLoopWait.h"

namespace cohort::cli {

QString OffsetsExportCommand::summary() const
{
    return tr("the groups' committed offsets as a kafka-consumer-groups.sh CSV");
}

QString OffsetsExportCommand::description() const
{
    return tr("topic,partition,offset for one group, group,topic,partition,offset for several, no\n"
              "header: what offsets reset --from-file and kafka-consumer-groups.sh --from-file read.");
}

void OffsetsExportCommand::declareOptions(CliOptionSet &options)
{
    options.addValue(QStringLiteral("group"), QStringLiteral("GROUP"), tr("a group to export (repeat for several)"),
                     tr("--group needs a group id"), [this](const QString &v) {
                         m_groups << v;
                         return QString();
                     });
}

int OffsetsExportCommand::run(CliCommandContext &context)
{
    if (m_groups.isEmpty())
        return context.fail(CliFailure::usage(tr("offsets export needs --group")));
    m_groups.removeDuplicates();
    const auto client = context.cluster().connect();
    if (!client)
        return context.fail(client.error());
    QHash<QString, QList<TopicPartition>> which;
    for (const QString &g : std::as_const(m_groups))
        which.insert(g, {});
    const auto read
        = client.value()->fetchCommittedOffsets(which, std::make_shared<RefreshProgress>(QDeadlineTimer(context.remainingMs())));
    waitWithEventLoop(read);
    const Result<CommittedOffsetsAnswer> &answer = read.result();
    if (!answer)
        return context.refuse(answer.error().toString());
    ResetStrategy::OffsetsByGroup offsets;
    for (const QString &g : std::as_const(m_groups)) {
        if (const auto failed = answer->failed.constFind(g); failed != answer->failed.cend())
            return context.refuse(tr("the offsets of group '%1' could not be read: %2").arg(g, failed->toString()));
        for (const CommittedOffset &c : answer->offsets.value(g).offsets)
            if (c.offset >= 0)
                offsets[g].insert(c.tp, c.offset);
    }
    context.out() << OffsetsCsv::write(offsets, m_groups.size() > 1);
    return CliFailure::kOk;
}

}   // namespace cohort::cli
