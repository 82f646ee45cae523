// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TriggerRebalanceDialog.h"

#include "core/session/ClusterSession.h"

#include <QLocale>

namespace cohort {

TriggerRebalanceDialog::TriggerRebalanceDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group, QWidget *parent)
    : AdminOperationDialog(std::move(session), group.groupId(), tr("Trigger rebalance"), parent)
    , m_protocolType(group.description.protocolType)
    , m_assignor(group.description.protocol)
{
    const int members = int(group.description.members.size());
    setExplanation(
        tr("Cohort will join \"%1\" briefly as a temporary member, with the group's own protocol type (%2) and assignor (%3) and a "
           "subscription to no topic, so it takes no partitions and never commits an offset; then it leaves again.\n\n"
           "The group rebalances twice: once when the temporary member joins and once when it leaves. Each time, its %4 stop "
           "consuming until the rebalance completes (up to their rebalance timeout), and the assignor may move partitions "
           "between them.")
            .arg(group.groupId(), m_protocolType, m_assignor, tr("%n member(s)", nullptr, members)));
    setConfirmText(tr("Trigger rebalance"));
}

QString TriggerRebalanceDialog::describe(const RebalanceTriggerReport &r)
{
    const QLocale locale;
    QStringList lines;
    if (r.stateBefore != GroupState::Unknown)
        lines << tr("Before: %1 with %2.").arg(groupStateToString(r.stateBefore), tr("%n member(s)", nullptr, r.membersBefore));
    const QString before = r.generationBefore >= 0 ? locale.toString(r.generationBefore) : tr("unknown");
    const QString joined = r.generationJoined >= 0 ? locale.toString(r.generationJoined) : tr("unknown");
    // The leave starts one more round: the generation the group goes on with.
    const QString after = r.generationJoined >= 0 ? locale.toString(r.generationJoined + 1) : tr("unknown");
    lines << tr("Generation: %1 before, %2 with the temporary member, %3 after it left.").arg(before, joined, after);
    if (r.joinedAfterMs >= 0)
        lines << tr("The temporary member was in the group after %1 ms.").arg(locale.toString(r.joinedAfterMs));
    if (r.totalMs >= 0)
        lines << tr("Done in %1 ms, from the first request until it had left.").arg(locale.toString(r.totalMs));
    return lines.join(QLatin1Char('\n'));
}

void TriggerRebalanceDialog::run()
{
    const Result<ClusterAdmin *> admin = session()->admin();
    if (!admin) {
        finish(false, tr("No rebalance of \"%1\" was triggered.").arg(groupId()),
               explain(admin.error(), KafkaErrorHints::Action::TriggerRebalance));
        return;
    }
    admin.value()->triggerRebalance(groupId(), m_protocolType, m_assignor).then(this, [this](const Result<RebalanceTriggerReport> &report) {
        if (report)
            finish(true, tr("The group \"%1\" rebalanced twice.").arg(groupId()), describe(report.value()));
        else
            finish(false, tr("The rebalance of \"%1\" failed.").arg(groupId()),
                   explain(report.error(), KafkaErrorHints::Action::TriggerRebalance));
    });
}

}   // namespace cohort
