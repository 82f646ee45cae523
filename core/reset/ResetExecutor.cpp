// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetExecutor.h"

#include "core/kafka/RetryBackoff.h"
#include "core/reset/ResetGuard.h"
#include "core/reset/ResetPlanner.h"
#include "core/session/ClusterSession.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/util/LogCategories.h"
#include "core/wire/ErrorCode.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <functional>

namespace cohort {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ResetExecutor)
};

// The executor waits on the client's futures: a pool of its own, so that
// it never occupies the client's threads (nor SnapshotLoader's).
QThreadPool *pool()
{
    static QThreadPool *p = [] {
        auto *tp = new QThreadPool;
        tp->setMaxThreadCount(4);
        return tp;
    }();
    return p;
}

KafkaError invalid(const QStringList &problems)
{
    return KafkaError::make(0, QStringLiteral("_INVALID_RESET"), problems.join(QLatin1Char('\n')),
                            Text::tr("Nothing was written: correct the reset and plan it again."));
}

using Progress = std::shared_ptr<RefreshProgress>;

// A group as the guard sees it: its state and members. A group Kafka does
// not know is Dead, as kafka-consumer-groups.sh resets it (the commit creates it).
Result<GroupDescription> describe(const std::shared_ptr<ClusterClient> &client, const QString &groupId, const ClusterMetadata &metadata,
                                  const Progress &progress)
{
    const Result<GroupSnapshot> g = SnapshotLoader::loadGroup(client, groupId, metadata, progress).result();
    if (!g && g.error().code == ErrorCode::GroupIdNotFound) {
        GroupDescription d;
        d.groupId = groupId;
        d.state = GroupState::Dead;
        return d;
    }
    if (!g)
        return g.error();
    return g->description;
}

// Every committed offset of these groups (an empty list asks for all).
Result<QHash<QString, QHash<TopicPartition, qint64>>> committedOffsets(const std::shared_ptr<ClusterClient> &client,
                                                                       const QHash<QString, QList<TopicPartition>> &which,
                                                                       const Progress &progress)
{
    const Result<CommittedOffsetsAnswer> answer = client->fetchCommittedOffsets(which, progress).result();
    if (!answer)
        return answer.error();
    QHash<QString, QHash<TopicPartition, qint64>> out;
    for (auto it = which.cbegin(); it != which.cend(); ++it) {
        if (const auto failed = answer->failed.constFind(it.key()); failed != answer->failed.cend())
            return *failed;
        QHash<TopicPartition, qint64> &offsets = out[it.key()];
        for (const CommittedOffset &c : answer->offsets.value(it.key()).offsets)
            if (c.offset >= 0)
                offsets.insert(c.tp, c.offset);
    }
    return out;
}

Result<ResetPlan> planNow(const std::shared_ptr<ClusterClient> &client, const ResetRequest &request, const Progress &progress)
{
    if (request.groups.isEmpty())
        return invalid({Text::tr("no group to reset")});
    const Result<ClusterMetadata> metadata = client->fetchMetadata(progress).result();
    if (!metadata)
        return metadata.error();
    const ResetStrategy &strategy = request.strategy;
    ResetPlan plan;
    plan.strategy = strategy;
    plan.plannedAt = QDateTime::currentDateTimeUtc();

    QHash<QString, QList<TopicPartition>> which;
    for (const QString &g : request.groups)
        which.insert(g, {});
    if (strategy.kind() == ResetStrategy::Kind::FromGroup)
        which.insert(strategy.source(), {});
    const auto committed = committedOffsets(client, which, progress);
    if (!committed)
        return committed.error();

    QStringList problems;
    QHash<QString, ResetPlanner::Input> inputs;
    QList<TopicPartition> all;
    const bool many = request.groups.size() > 1;
    auto say
        = [&](const QString &group, const QString &problem) { problems << (many ? Text::tr("group '%1': %2").arg(group, problem) : problem); };
    for (const QString &g : request.groups) {
        const Result<GroupDescription> d = describe(client, g, metadata.value(), progress);
        if (!d)
            return d.error();
        ResetPlanner::Input in;
        in.groupId = g;
        in.state = d->state;
        in.current = committed->value(g);
        if (strategy.listsItsPartitions()) {
            const QHash<TopicPartition, qint64> listed
                = strategy.kind() == ResetStrategy::Kind::FromGroup ? committed->value(strategy.source()) : strategy.offsets().value(g);
            const QList<TopicPartition> deleted = strategy.deletions().value(g);
            if (listed.isEmpty() && deleted.isEmpty())
                say(g, strategy.kind() == ResetStrategy::Kind::FromGroup
                           ? Text::tr("group '%1' has no committed offsets to copy").arg(strategy.source())
                           : Text::tr("the file has no offsets for group '%1'").arg(g));
            for (auto it = listed.cbegin(); it != listed.cend(); ++it)
                if (request.scope.contains(it.key())) {
                    in.partitions << it.key();
                    in.requested.insert(it.key(), it.value());
                }
            for (const TopicPartition &tp : deleted)
                if (request.scope.contains(tp) && !in.requested.contains(tp)) {
                    in.partitions << tp;
                    in.deletions << tp;
                }
            // A copied group's topics may be gone, or be another cluster's.
            const auto exists = request.scope.resolve(metadata.value(), in.partitions);
            if (!exists)
                for (const QString &e : exists.error())
                    say(g, e);
            for (const TopicPartition &tp : std::as_const(in.partitions)) {
                const bool known = std::any_of(metadata->topics.cbegin(), metadata->topics.cend(), [&](const TopicInfo &t) {
                    return t.name == tp.topic && std::any_of(t.partitions.cbegin(), t.partitions.cend(), [&](const PartitionInfo &p) {
                               return p.partition == tp.partition;
                           });
                });
                if (!known)
                    say(g, Text::tr("%1 does not exist on this cluster").arg(tp.name()));
            }
            std::sort(in.partitions.begin(), in.partitions.end());
        } else {
            const auto resolved = request.scope.resolve(metadata.value(), in.current.keys());
            if (!resolved) {
                for (const QString &e : resolved.error())
                    say(g, e);
                continue;
            }
            in.partitions = resolved.value();
        }
        if (in.partitions.isEmpty() && strategy.listsItsPartitions() == false)
            say(g, request.scope.isAllTopics() ? Text::tr("the group has no committed offsets (name the topics to reset with --topic)")
                                               : Text::tr("no partition to reset"));
        all << in.partitions;
        inputs.insert(g, in);
    }
    if (!problems.isEmpty())
        return invalid(problems);
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());

    const Result<WatermarksAnswer> watermarks = client->fetchWatermarks(all, progress).result();
    if (!watermarks)
        return watermarks.error();
    QHash<TopicPartition, qint64> forTimes;
    if (strategy.needsOffsetsForTimes()) {
        const Result<OffsetsForTimesAnswer> times = client->offsetsForTimes(all, strategy.timestampMs(plan.plannedAt), progress).result();
        if (!times)
            return times.error();
        forTimes = times->offsets;
    }
    for (const QString &g : request.groups) {
        ResetPlanner::Input in = inputs.value(g);
        in.watermarks = watermarks->watermarks;
        in.offsetsForTimes = forTimes;
        auto planned = ResetPlanner::plan(strategy, in);
        if (!planned) {
            for (const QString &e : planned.error())
                say(g, e);
            continue;
        }
        plan.groups << planned.value();
    }
    if (!problems.isEmpty())
        return invalid(problems);
    return plan;
}

using WriteCall = std::function<QFuture<Result<QList<PartitionWriteOutcome>>>(const QHash<TopicPartition, qint64> &pending)>;

// One group's write (its commit, or its deletes): the whole plan at once,
// again for the partitions a moved or loading coordinator refused (or the
// whole call, when it was refused as a whole), within the deadline.
QList<PartitionWriteOutcome> writeWithRetries(const QString &groupId, const char *what, QHash<TopicPartition, qint64> pending,
                                              const WriteCall &call, const Progress &progress)
{
    QList<PartitionWriteOutcome> failed;
    if (pending.isEmpty())
        return failed;
    RetryBackoff backoff;
    for (;;) {
        const Result<QList<PartitionWriteOutcome>> r = call(pending).result();
        failed.clear();
        KafkaError retriable;
        if (!r) {
            for (auto it = pending.cbegin(); it != pending.cend(); ++it)
                failed << PartitionWriteOutcome{it.key(), it.value(), r.error()};
            retriable = r.error();
        } else {
            QHash<TopicPartition, qint64> again;
            for (const PartitionWriteOutcome &o : r.value())
                if (o.error.isError()) {
                    failed << o;
                    if (backoff.mayRetry(o.error)) {
                        again.insert(o.tp, pending.value(o.tp, o.offset));
                        retriable = o.error;
                    }
                }
            if (!again.isEmpty())
                pending = again;
        }
        if (failed.isEmpty() || !retriable.isError() || !backoff.mayRetry(retriable) || !backoff.waitBeforeRetry(*progress))
            break;
        qCInfo(lcAdmin) << "reset of" << groupId << ":" << what << "retried after" << retriable.name;
    }
    // The broker's UNKNOWN_MEMBER_ID (and its kin) means a member joined since the guard looked.
    for (PartitionWriteOutcome &o : failed)
        if (o.error.name == QLatin1String("UNKNOWN_MEMBER_ID") || o.error.name == QLatin1String("ILLEGAL_GENERATION")
            || o.error.name == QLatin1String("REBALANCE_IN_PROGRESS") || o.error.name == QLatin1String("GROUP_SUBSCRIBED_TO_TOPIC")
            || o.error.name == QLatin1String("NON_EMPTY_GROUP"))
            o.error.message = Text::tr("the group has active members (%1)").arg(o.error.name);
    return failed;
}

// The commit of the group's new offsets, then the deletes of the offsets an
// undo takes back (both while the group is Empty: the guard looked before).
QList<PartitionWriteOutcome> write(ClusterAdmin *admin, const GroupResetPlan &group, const Progress &progress)
{
    QList<PartitionWriteOutcome> failed = writeWithRetries(
        group.groupId, "commit", group.newOffsets(),
        [&](const QHash<TopicPartition, qint64> &pending) { return admin->commitOffsets(group.groupId, pending); }, progress);
    QHash<TopicPartition, qint64> deletes;
    for (const TopicPartition &tp : group.deletions())
        deletes.insert(tp, -1);
    failed << writeWithRetries(
        group.groupId, "offset delete", deletes,
        [&](const QHash<TopicPartition, qint64> &pending) {
            QList<TopicPartition> tps = pending.keys();
            std::sort(tps.begin(), tps.end());
            return admin->deletePartitionOffsets(group.groupId, tps);
        },
        progress);
    return failed;
}

Result<ResetOutcome> applyNow(const std::shared_ptr<ClusterClient> &client, ClusterAdmin *admin, const ResetPlan &plan,
                              const ResetBackupStore &store, const QString &profile, const Progress &progress)
{
    const Result<ClusterMetadata> metadata = client->fetchMetadata(progress).result();
    if (!metadata)
        return metadata.error();
    // Every group is checked before anything is written: never half-applied.
    QList<GroupDescription> active;
    QHash<QString, QList<TopicPartition>> which;
    for (const GroupResetPlan &g : plan.groups) {
        const Result<GroupDescription> d = describe(client, g.groupId, metadata.value(), progress);
        if (!d)
            return d.error();
        if (!ResetGuard::mayReset(d->state))
            active << d.value();
        which.insert(g.groupId, {});
    }
    if (!active.isEmpty())
        return ResetGuard::refusal(active);

    // The backup holds what is committed now, read again: another tool may
    // have moved the group since the plan was made.
    const auto before = committedOffsets(client, which, progress);
    if (!before)
        return before.error();
    ResetBackup backup;
    backup.time = QDateTime::currentDateTimeUtc();
    backup.profile = profile;
    backup.strategy = plan.strategy.describe();
    for (const GroupResetPlan &g : plan.groups) {
        backup.groups << g.groupId;
        const QHash<TopicPartition, qint64> &now = before->value(g.groupId);
        QHash<TopicPartition, qint64> &previous = backup.previous[g.groupId];
        for (const PartitionResetPlan &p : g.partitions) {
            if (const auto c = now.constFind(p.tp); c != now.cend())
                previous.insert(p.tp, *c);
            else
                backup.withoutOffset[g.groupId] << p.tp;
        }
        if (previous.isEmpty())
            backup.previous.remove(g.groupId);
    }
    auto saved = store.save(backup);
    if (!saved)
        return KafkaError::make(0, QStringLiteral("_BACKUP_FAILED"), saved.error(),
                                Text::tr("Nothing was written to the cluster: make the backup directory writable and reset again."));

    ResetOutcome outcome;
    outcome.backup = saved.value();
    for (const GroupResetPlan &g : plan.groups) {
        GroupResetOutcome o;
        o.groupId = g.groupId;
        o.failed = write(admin, g, progress);
        // Read back what the brokers now hold for exactly these partitions.
        QList<TopicPartition> tps;
        for (const PartitionResetPlan &p : g.partitions)
            tps << p.tp;
        const auto after = committedOffsets(client, {{g.groupId, tps}}, progress);
        if (!after) {
            o.verifyError = after.error();
        } else {
            const QHash<TopicPartition, qint64> &read = after->value(g.groupId);
            for (const PartitionResetPlan &p : g.partitions) {
                const auto r = read.constFind(p.tp);
                if (p.deleteOffset ? r != read.cend() : r == read.cend() || *r != p.newOffset)
                    o.differences << OffsetDifference{p.tp, p.newOffset, r == read.cend() ? std::nullopt : std::optional<qint64>(*r)};
            }
        }
        qCInfo(lcAdmin) << "reset of" << g.groupId << plan.strategy.describe() << ":" << g.partitions.size() << "partitions ("
                        << g.deletions().size() << "offsets deleted)," << o.failed.size() << "refused," << o.differences.size()
                        << "differ after";
        outcome.groups << o;
    }
    return outcome;
}

}   // namespace

ResetExecutor::ResetExecutor(std::shared_ptr<ClusterSession> session, ResetBackupStore store, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
    , m_store(std::move(store))
{ }

ResetExecutor::~ResetExecutor()
{
    if (m_wait)
        finishWait(KafkaError::make(0, QStringLiteral("_CANCELLED"), Text::tr("The wait was abandoned.")));
}

QFuture<Result<ResetPlan>> ResetExecutor::plan(const ResetRequest &request)
{
    return QtConcurrent::run(pool(), [session = m_session, request, timeout = m_timeoutMs]() -> Result<ResetPlan> {
        return planNow(session->client(), request, std::make_shared<RefreshProgress>(QDeadlineTimer(timeout)));
    });
}

QFuture<Result<ResetPlan>> ResetExecutor::planUndo(const QString &groupId)
{
    return QtConcurrent::run(pool(), [session = m_session, store = m_store, groupId, timeout = m_timeoutMs]() -> Result<ResetPlan> {
        const std::optional<ResetBackup> last = store.last(groupId);
        if (!last)
            return invalid({Text::tr("there is no backup of a reset of group '%1' in %2").arg(groupId, store.directory())});
        if (!last->restorableGroups().contains(groupId))
            return invalid({Text::tr("the last reset of group '%1' (%2) backed up no partition of it: there is nothing to restore")
                                .arg(groupId, last->time.toString(Qt::ISODate))});
        return planNow(session->client(), last->restoreRequest(groupId), std::make_shared<RefreshProgress>(QDeadlineTimer(timeout)));
    });
}

QFuture<Result<ResetStrategy::OffsetsByGroup>> ResetExecutor::readCommittedOffsets(const QStringList &groupIds)
{
    return QtConcurrent::run(pool(), [session = m_session, groupIds, timeout = m_timeoutMs]() -> Result<ResetStrategy::OffsetsByGroup> {
        QHash<QString, QList<TopicPartition>> which;
        for (const QString &g : groupIds)
            which.insert(g, {});
        return committedOffsets(session->client(), which, std::make_shared<RefreshProgress>(QDeadlineTimer(timeout)));
    });
}

QFuture<Result<QList<GroupDescription>>> ResetExecutor::activeGroups(const QStringList &groupIds)
{
    return QtConcurrent::run(pool(), [session = m_session, groupIds, timeout = m_timeoutMs]() -> Result<QList<GroupDescription>> {
        const auto progress = std::make_shared<RefreshProgress>(QDeadlineTimer(timeout));
        const Result<ClusterMetadata> metadata = session->client()->fetchMetadata(progress).result();
        if (!metadata)
            return metadata.error();
        QList<GroupDescription> described;
        for (const QString &g : groupIds) {
            const Result<GroupDescription> d = describe(session->client(), g, metadata.value(), progress);
            if (!d)
                return d.error();
            described << d.value();
        }
        return ResetGuard::active(described);
    });
}

QFuture<Result<ResetOutcome>> ResetExecutor::apply(const ResetPlan &plan)
{
    // Asked here, on the session's side: a read-only connection has no admin at all.
    const Result<ClusterAdmin *> admin = m_session->admin();
    if (!admin)
        return QtFuture::makeReadyFuture(Result<ResetOutcome>(admin.error()));
    return QtConcurrent::run(
        pool(), [session = m_session, admin = admin.value(), plan, store = m_store, timeout = m_timeoutMs]() -> Result<ResetOutcome> {
            // `session` keeps the admin alive while the call runs.
            return applyNow(session->client(), admin, plan, store, session->displayName(),
                            std::make_shared<RefreshProgress>(QDeadlineTimer(timeout)));
        });
}

QFuture<Result<GroupState>> ResetExecutor::waitUntilEmpty(const QString &groupId, int pollMs)
{
    if (m_wait)
        finishWait(KafkaError::make(0, QStringLiteral("_CANCELLED"), Text::tr("Another wait started.")));
    m_wait = std::make_unique<Wait>();
    m_wait->groupId = groupId;
    m_wait->promise = std::make_shared<QPromise<Result<GroupState>>>();
    m_wait->promise->start();
    QFuture<Result<GroupState>> future = m_wait->promise->future();
    m_wait->timer.setInterval(pollMs);
    connect(&m_wait->timer, &QTimer::timeout, this, &ResetExecutor::pollGroup);
    m_wait->timer.start();
    pollGroup();
    return future;
}

void ResetExecutor::cancelWait()
{
    if (m_wait)
        finishWait(
            KafkaError::make(0, QStringLiteral("_CANCELLED"), Text::tr("Stopped waiting for the group to be Empty; nothing was written.")));
}

void ResetExecutor::pollGroup()
{
    if (!m_wait || m_wait->asking)
        return;
    m_wait->asking = true;
    const QString groupId = m_wait->groupId;
    Wait *asked = m_wait.get();
    activeGroups({groupId}).then(this, [this, groupId, asked](const Result<QList<GroupDescription>> &r) {
        if (!m_wait || m_wait.get() != asked)
            return;   // cancelled, or another wait started meanwhile
        m_wait->asking = false;
        if (!r) {
            // One failed look (a moved coordinator) is no answer: ask again on the next tick.
            qCInfo(lcAdmin) << "waiting for" << groupId << "to be Empty:" << r.error().toString();
            return;
        }
        if (r->isEmpty()) {
            Q_EMIT waiting(GroupWaitState{groupId, GroupState::Empty, {}});
            finishWait(GroupState::Empty);
            return;
        }
        Q_EMIT waiting(GroupWaitState{groupId, r->first().state, r->first().members});
    });
}

void ResetExecutor::finishWait(const Result<GroupState> &result)
{
    const std::unique_ptr<Wait> wait = std::move(m_wait);
    wait->timer.stop();
    wait->promise->addResult(result);
    wait->promise->finish();
}

}   // namespace cohort
