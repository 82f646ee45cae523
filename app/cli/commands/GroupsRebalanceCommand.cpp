// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commands/GroupsRebalanceCommand.h"

#include "app/cli/CliCommandContext.h"
#include "app/cli/CliOptionSet.h"
#include "app/cli/CliTable.h"
#include "core/rebalance/GroupWatcher.h"
#include "core/session/ClusterSession.h"
#include "core/util/EventLoopWait.h"
#include "core/wire/ErrorCode.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace cohort::cli {

namespace {

bool hasTemporaryMember(const GroupSnapshot &g)
{
    return std::any_of(g.description.members.cbegin(), g.description.members.cend(),
                       [](const GroupMember &m) { return m.clientId == kRebalanceTriggerClientId; });
}

}   // namespace

QString GroupsRebalanceCommand::summary() const
{
    return tr("makes a classic group rebalance, and prints the generations and how long it took");
}

QString GroupsRebalanceCommand::description() const
{
    return tr("A temporary member joins the group with the group's own protocol type and\n"
              "assignor and a subscription that takes no partitions, commits nothing and\n"
              "leaves as soon as it is in: the group rebalances on the join and again on the\n"
              "leave (two generations). Every real member must rejoin each time; one busy in\n"
              "a long poll holds the round up to its max.poll.interval.ms.\n"
              "Refused on a read-only connection, for a KIP-848 consumer, share or streams\n"
              "group, and for a group without members (exit code 1, with the reason).");
}

void GroupsRebalanceCommand::declareOptions(CliOptionSet &options)
{
    options.setPositionals(QStringLiteral("GROUP"), tr("the group id"), 1, tr("groups rebalance needs a group id"), &m_groupIds);
}

int GroupsRebalanceCommand::run(CliCommandContext &context)
{
    if (m_groupIds.size() > 1)
        return context.fail(CliFailure::usage(tr("groups rebalance takes one group; run it once per group")));
    const QString groupId = m_groupIds.first();
    const auto session = context.openSession();
    if (!session)
        return context.fail(session.error());
    ClusterSession &s = *session.value();
    // The refusal of a read-only connection is the session's (core), before
    // anything is read.
    const Result<ClusterAdmin *> admin = s.admin();
    if (!admin)
        return context.fail(CliFailure::kafka(admin.error().toString()));

    const Result<GroupSnapshot> before = context.readGroup(s, groupId);
    if (!before)
        return context.fail(CliFailure::kafka(before.error().code == ErrorCode::GroupIdNotFound
                                                  ? tr("Consumer group '%1' does not exist.").arg(groupId)
                                                  : tr("group '%1' not read: %2").arg(groupId, before.error().toString())));
    const GroupDescription &d = before->description;
    if (!describedByDescribeGroups(d.type))
        return context.fail(
            CliFailure::kafka(tr("group '%1' is a %2 group, not a classic one: a temporary member joining and leaving (JoinGroup, "
                                 "LeaveGroup) cannot make it rebalance. Kafka reassigns such a group by itself when its members or their "
                                 "subscriptions change: to move its partitions, restart one of its consumers, or remove one with "
                                 "'cohort-cli groups remove-members %1 --member-id ID'.")
                                  .arg(groupId, groupTypeToString(d.type))));
    if (d.members.isEmpty())
        return context.fail(CliFailure::kafka(tr("group '%1' has no active members (%2): there is nothing to rebalance. Start the "
                                                 "group's consumers first.")
                                                  .arg(groupId, groupStateToString(d.state))));
    if (d.state != GroupState::Stable)
        return context.fail(CliFailure::kafka(tr("group '%1' is rebalancing already (%2): run this again once it is Stable "
                                                 "('cohort-cli groups watch %1' shows when).")
                                                  .arg(groupId, groupStateToString(d.state))));

    // The watcher sees the rounds the trigger causes, and says when the group
    // is Stable again without the temporary member.
    GroupWatcher *watcher = s.groupWatcher(groupId);
    watcher->start();
    QElapsedTimer clock;
    clock.start();
    const QFuture<Result<RebalanceTriggerReport>> trigger = admin.value()->triggerRebalance(groupId, d.protocolType, d.protocol);
    waitWithEventLoop(trigger);
    const Result<RebalanceTriggerReport> report = trigger.result();
    if (!report) {
        watcher->stop();
        return context.fail(CliFailure::kafka(report.error().toString()));
    }
    qint64 stableAfterMs = -1;
    {
        QEventLoop loop;
        // A read begun before the temporary member left may still show the
        // group Stable before its join: only later reads count.
        const quint64 readsBefore = watcher->readsDone() + (watcher->isReading() ? 1 : 0);
        auto settled = [&](const GroupSnapshot &g) {
            if (watcher->readsDone() > readsBefore && g.description.state == GroupState::Stable && !hasTemporaryMember(g)
                && !watcher->rebalanceInProgress()) {
                stableAfterMs = clock.elapsed();
                loop.quit();
            }
        };
        QObject::connect(watcher, &GroupWatcher::groupRead, &loop, settled);
        QTimer::singleShot(context.timeoutMs(), &loop, &QEventLoop::quit);
        loop.exec();
    }
    watcher->stop();
    CliCommandContext::waitForReadToEnd(*watcher);

    const RebalanceTriggerReport &r = report.value();
    // Each round adds one generation: the join's, then the leave's.
    const int generationAfter = r.generationJoined >= 0 ? r.generationJoined + 1 : -1;
    CliTable t;
    t.headers = {QStringLiteral("GROUP"),      QStringLiteral("STATE-BEFORE"), QStringLiteral("MEMBERS-BEFORE"),
                 QStringLiteral("GEN-BEFORE"), QStringLiteral("GEN-JOINED"),   QStringLiteral("GEN-AFTER"),
                 QStringLiteral("JOINED-MS"),  QStringLiteral("LEFT-MS"),      QStringLiteral("STABLE-MS")};
    t.jsonKeys = {QStringLiteral("group_id"),          QStringLiteral("state_before"),      QStringLiteral("members_before"),
                  QStringLiteral("generation_before"), QStringLiteral("generation_joined"), QStringLiteral("generation_after"),
                  QStringLiteral("joined_after_ms"),   QStringLiteral("total_ms"),          QStringLiteral("stable_after_ms")};
    auto known = [](qint64 v) { return v >= 0 ? QVariant(v) : QVariant(); };
    t.rows.append({groupId, groupStateToString(r.stateBefore), r.membersBefore, known(r.generationBefore), known(r.generationJoined),
                   known(generationAfter), known(r.joinedAfterMs), known(r.totalMs), known(stableAfterMs)});
    context.write(t);
    if (stableAfterMs < 0) {
        context.note(tr("warning: group '%1' was not read Stable without the temporary member within %2 ms; the rebalance goes on "
                        "('cohort-cli groups watch %1' follows it)")
                         .arg(groupId)
                         .arg(context.timeoutMs()));
        context.markPartial();
    }
    return context.finish(CliFailure::kOk);
}

}   // namespace cohort::cli
