// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/OffsetsDeleteCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/session/ClusterSession.h"
#include "core/util/EventLoopWait.h"

namespace cohort::cli {

QString OffsetsDeleteCommand::summary() const
{
    return tr("delete a group's committed offsets of topics (kafka-consumer-groups.sh --delete-offsets)");
}

QString OffsetsDeleteCommand::description() const
{
    return tr("Kafka refuses the topics the group's active members subscribe to\n"
              "(GROUP_SUBSCRIBED_TO_TOPIC); each partition's status is printed. Exit code 1 when\n"
              "any partition was refused.");
}

void OffsetsDeleteCommand::declareOptions(CliOptionSet &options)
{
    options.addString(QStringLiteral("group"), QStringLiteral("GROUP"), tr("the group"), tr("--group needs a group id"), &m_group);
    options.addValue(QStringLiteral("topic"), QStringLiteral("TOPIC"), tr("a topic whose offsets go (repeat for several)"),
                     tr("--topic needs a topic name"), [this](const QString &v) {
                         m_topics << v;
                         return QString();
                     });
}

int OffsetsDeleteCommand::run(CliCommandContext &context)
{
    if (m_group.isEmpty() || m_topics.isEmpty())
        return context.fail(CliFailure::usage(tr("offsets delete needs --group and at least one --topic")));
    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    const Result<ClusterAdmin *> admin = session.value()->admin();
    if (!admin)
        return context.refuse(admin.error().toString());
    const auto deleted = admin.value()->deleteOffsets(m_group, m_topics);
    waitWithEventLoop(deleted);
    const Result<QList<PartitionWriteOutcome>> &outcome = deleted.result();
    if (!outcome)
        return context.refuse(tr("the offsets of group '%1' were not deleted: %2").arg(m_group, outcome.error().toString()));
    CliTable t;
    t.headers = {QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("STATUS")};
    t.jsonKeys = {QStringLiteral("topic"), QStringLiteral("partition"), QStringLiteral("status")};
    QList<PartitionWriteOutcome> rows = outcome.value();
    std::sort(rows.begin(), rows.end(), [](const PartitionWriteOutcome &a, const PartitionWriteOutcome &b) { return a.tp < b.tp; });
    bool failed = false;
    for (const PartitionWriteOutcome &o : std::as_const(rows)) {
        failed = failed || o.error.isError();
        t.rows.append({o.tp.topic, o.tp.partition,
                       o.error.isError() ? QString(QStringLiteral("Error: ") + o.error.name) : QStringLiteral("Successful")});
    }
    if (context.options().output == CliTable::Format::Table)
        context.out() << (failed ? tr("Request failed for deleting offsets from group %1.").arg(m_group)
                                 : tr("Request succeeded for deleting offsets from group %1.").arg(m_group))
                      << "\n\n";
    context.write(t);
    for (const PartitionWriteOutcome &o : std::as_const(rows))
        if (o.error.isError())
            context.note(tr("%1-%2: %3").arg(o.tp.topic).arg(o.tp.partition).arg(o.error.toString()));
    return failed ? CliFailure::kError : CliFailure::kOk;
}

}   // namespace cohort::cli
