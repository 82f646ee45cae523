// SPDX-License-Identifier: GPL-3.0-or-later
// ResetExecutor over a fake cluster: the guard before any write, backups,
// retries of a moved coordinator, UNKNOWN_MEMBER_ID explained, the read-back
// that catches a difference, history and undo, waiting until Empty.
#include "FakeClusterAdmin.h"
#include "FakeClusterClient.h"
#include "FutureWait.h"
#include "core/reset/OffsetsCsv.h"
#include "core/reset/ResetExecutor.h"
#include "core/session/ClusterSession.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace cohort;
using namespace cohort::test;
using namespace Qt::StringLiterals;

namespace {

const TopicPartition kP0{u"orders"_s, 0};
const TopicPartition kP1{u"orders"_s, 1};

ClusterMetadata metadata()
{
    ClusterMetadata md;
    md.brokers = {BrokerInfo{1, u"127.0.0.1"_s, 9092, {}}};
    md.topics = {TopicInfo{u"orders"_s, false, {{0, 1, {1}, 0}, {1, 1, {1}, 0}}, 0}};
    return md;
}

GroupDescription group(const QString &id, GroupState state, const QList<GroupMember> &members = {})
{
    GroupDescription d;
    d.groupId = id;
    d.state = state;
    d.protocolType = u"consumer"_s;
    d.members = members;
    d.coordinatorId = 1;
    return d;
}

GroupOffsets offsets(const QString &id, qint64 o0, qint64 o1)
{
    return GroupOffsets{id, {CommittedOffset{kP0, o0, -1, {}}, CommittedOffset{kP1, o1, -1, {}}}};
}

}   // namespace

class TestResetExecutor : public QObject
{
    Q_OBJECT

    std::shared_ptr<FakeClusterClient> m_client;
    std::shared_ptr<FakeClusterAdmin> m_admin;
    std::shared_ptr<ClusterSession> m_session;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ResetExecutor> m_executor;

    // orders-0: [0, 100), orders-1: [10, 50); g committed 40 and 20.
    void cluster(GroupState state, const QList<GroupMember> &members = {})
    {
        m_client->setCluster(metadata(), {group(u"g"_s, state, members)}, {{u"g"_s, offsets(u"g"_s, 40, 20)}},
                             {{kP0, {0, 100}}, {kP1, {10, 50}}});
    }

    ResetPlan planned(const ResetStrategy &strategy)
    {
        ResetRequest request;
        request.groups = {u"g"_s};
        request.strategy = strategy;
        const Result<ResetPlan> plan = waitPolling(m_executor->plan(request));
        if (!plan)
            qFatal("plan: %s", qPrintable(plan.error().toString()));
        return plan.value();
    }

    QHash<TopicPartition, qint64> committed()
    {
        QHash<TopicPartition, qint64> out;
        for (const CommittedOffset &c : m_client->offsetsOf(u"g"_s).offsets)
            out.insert(c.tp, c.offset);
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_client = std::make_shared<FakeClusterClient>();
        m_admin = std::make_shared<FakeClusterAdmin>(m_client);
        m_session = ClusterSession::share(new ClusterSession(m_client, m_admin, u"test-profile"_s));
        m_dir = std::make_unique<QTemporaryDir>();
        m_executor = std::make_unique<ResetExecutor>(m_session, ResetBackupStore(m_dir->filePath(u"resets"_s)));
        m_executor->setTimeoutMs(5000);
        cluster(GroupState::Empty);
    }

    void guardRefusesAnActiveGroupBeforeAnythingIsWritten()
    {
        const ResetPlan plan = planned(ResetStrategy::toEarliest());   // planned while Empty
        cluster(GroupState::Stable, {fakeMember(u"m-1"_s, u"billing-1"_s, {u"orders"_s}, {kP0, kP1})});
        const auto applied = waitPolling(m_executor->apply(plan));
        QVERIFY(!applied);
        QCOMPARE(applied.error().name, u"_GROUP_ACTIVE"_s);
        QVERIFY2(applied.error().message.contains(u"group 'g' is Stable with 1 active member(s): billing-1 ("_s),
                 qPrintable(applied.error().message));
        QVERIFY(applied.error().message.contains(u"nothing was written"_s));
        QCOMPARE(m_admin->commitCalls(), 0);
        QVERIFY(!QDir(m_dir->filePath(u"resets"_s)).exists());   // no backup of a reset that did not happen
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 40}, {kP1, 20}}));
        const auto active = waitPolling(m_executor->activeGroups({u"g"_s}));
        QVERIFY(active);
        QCOMPARE(active->size(), 1);
        QCOMPARE(active->first().members.first().clientId, u"billing-1"_s);
    }

    void backupThenCommitThenReadBack()
    {
        const ResetPlan plan = planned(ResetStrategy::toOffset(5));   // orders-1 clamped to 10
        const auto applied = waitPolling(m_executor->apply(plan));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().toString()));
        QVERIFY(applied->ok());
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 5}, {kP1, 10}}));
        // The backup: the previous offsets in kcg's CSV, and what was done beside it.
        QFile csv(applied->backup.csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()), u"orders,0,40\norders,1,20\n"_s);
        QFile json(applied->backup.jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(o.value(u"groups"_s).toArray().first().toString(), u"g"_s);
        QCOMPARE(o.value(u"profile"_s).toString(), u"test-profile"_s);
        QCOMPARE(o.value(u"strategy"_s).toString(), u"--to-offset 5"_s);
        QVERIFY(QDateTime::fromString(o.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
        // No temporary files left beside them.
        QCOMPARE(QDir(m_dir->filePath(u"resets"_s)).entryList(QDir::Files).size(), 2);
    }

    void aMovedOrLoadingCoordinatorIsAskedAgain()
    {
        m_admin->refuseNextCommits({KafkaError::make(16, u"NOT_COORDINATOR"_s, u"moved"_s),
                                    KafkaError::make(14, u"COORDINATOR_LOAD_IN_PROGRESS"_s, u"loading"_s)});
        const auto applied = waitPolling(m_executor->apply(planned(ResetStrategy::toLatest())));
        QVERIFY(applied);
        QVERIFY(applied->ok());
        QCOMPARE(m_admin->commitCalls(), 3);
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 100}, {kP1, 50}}));
    }

    // A coordinator that moved (or is loading) refuses the whole OffsetCommit,
    // not partition by partition: the executor finds it again and commits.
    void aWholeCommitRefusedByAMovedCoordinatorIsRetried_data()
    {
        QTest::addColumn<KafkaError>("refusal");
        QTest::newRow("NOT_COORDINATOR") << KafkaError::make(16, u"NOT_COORDINATOR"_s, u"moved"_s);
        QTest::newRow("COORDINATOR_LOAD_IN_PROGRESS") << KafkaError::make(14, u"COORDINATOR_LOAD_IN_PROGRESS"_s, u"loading"_s);
    }
    void aWholeCommitRefusedByAMovedCoordinatorIsRetried()
    {
        QFETCH(KafkaError, refusal);
        m_admin->failNextCommitCalls({refusal});
        const auto applied = waitPolling(m_executor->apply(planned(ResetStrategy::toOffset(30))));
        QVERIFY(applied);
        QVERIFY(applied->ok());
        QCOMPARE(m_admin->commitCalls(), 2);
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 30}, {kP1, 30}}));
        // A refusal that is not the coordinator's is not asked again, and said per partition.
        m_admin->failNextCommitCalls({KafkaError::make(30, u"GROUP_AUTHORIZATION_FAILED"_s, u"denied"_s)});
        const auto denied = waitPolling(m_executor->apply(planned(ResetStrategy::toOffset(35))));
        QVERIFY(denied);
        QVERIFY(!denied->ok());
        QCOMPARE(m_admin->commitCalls(), 3);
        QCOMPARE(denied->groups.first().failed.size(), 2);
        QCOMPARE(denied->groups.first().failed.first().error.name, u"GROUP_AUTHORIZATION_FAILED"_s);
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 30}, {kP1, 30}}));
    }

    // A reset that gave partitions their first offsets is undone exactly:
    // those offsets are deleted again, the others put back.
    void undoDeletesTheOffsetsTheResetCreated()
    {
        const TopicPartition pay0{u"payments"_s, 0}, pay1{u"payments"_s, 1};
        ClusterMetadata md = metadata();
        md.topics << TopicInfo{u"payments"_s, false, {{0, 1, {1}, 0}, {1, 1, {1}, 0}}, 0};
        m_client->setCluster(md, {group(u"g"_s, GroupState::Empty)}, {{u"g"_s, offsets(u"g"_s, 40, 20)}},
                             {{kP0, {0, 100}}, {kP1, {10, 50}}, {pay0, {0, 8}}, {pay1, {2, 9}}});
        ResetRequest request;
        request.groups = {u"g"_s};
        request.scope = ResetScope::topics({{u"orders"_s, {1}}, {u"payments"_s, {}}});
        request.strategy = ResetStrategy::toOffset(5);
        const auto reset = waitPolling(m_executor->plan(request));
        QVERIFY(reset);
        QVERIFY(waitPolling(m_executor->apply(reset.value()))->ok());
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 40}, {kP1, 10}, {pay0, 5}, {pay1, 5}}));
        const auto backup = m_executor->backups().last(u"g"_s);
        QVERIFY(backup);
        QCOMPARE(backup->withoutOffset.value(u"g"_s), (QList<TopicPartition>{pay0, pay1}));

        const auto undo = waitPolling(m_executor->planUndo(u"g"_s));
        QVERIFY2(undo, qPrintable(undo ? QString() : undo.error().toString()));
        const GroupResetPlan &g = undo->groups.first();
        QCOMPARE(g.newOffsets(), (QHash<TopicPartition, qint64>{{kP1, 20}}));
        QCOMPARE(g.deletions(), (QList<TopicPartition>{pay0, pay1}));
        QCOMPARE(g.partitions.size(), 3);
        const PartitionResetPlan &deleteRow = g.partitions.at(1);
        QCOMPARE(deleteRow.tp, pay0);
        QVERIFY(deleteRow.deleteOffset);
        QCOMPARE(deleteRow.current, std::optional<qint64>(5));
        QCOMPARE(deleteRow.change(), std::nullopt);
        QCOMPARE(g.partitionsWithoutOffset(), 0);
        // Re-applying the same backup from the history plans the same.
        const auto reapply = waitPolling(m_executor->plan(backup->restoreRequest()));
        QVERIFY(reapply);
        QCOMPARE(reapply->groups.first().deletions(), g.deletions());
        QCOMPARE(reapply->groups.first().newOffsets(), g.newOffsets());

        const int commitsBefore = m_admin->commitCalls();
        const auto undone = waitPolling(m_executor->apply(undo.value()));
        QVERIFY(undone);
        QVERIFY(undone->ok());
        QCOMPARE(m_admin->commitCalls(), commitsBefore + 1);
        QCOMPARE(m_admin->deleteCalls(), 1);
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 40}, {kP1, 20}}));   // exactly as before the reset
        // The undo's own backup holds the deleted offsets: undoing the undo gives them back.
        QCOMPARE(undone->backup.previous.value(u"g"_s), (QHash<TopicPartition, qint64>{{kP1, 10}, {pay0, 5}, {pay1, 5}}));
        const auto again = waitPolling(m_executor->planUndo(u"g"_s));
        QVERIFY(again);
        QVERIFY(again->groups.first().deletions().isEmpty());
        QVERIFY(waitPolling(m_executor->apply(again.value()))->ok());
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 40}, {kP1, 10}, {pay0, 5}, {pay1, 5}}));
    }

    // Every partition of the reset was new: the undo only deletes, commits nothing.
    void undoOfAResetThatOnlyCreatedOffsets()
    {
        m_client->setCluster(metadata(), {group(u"fresh"_s, GroupState::Dead)}, {}, {{kP0, {0, 100}}, {kP1, {10, 50}}});
        ResetRequest request;
        request.groups = {u"fresh"_s};
        request.scope = ResetScope::topics({{u"orders"_s, {}}});
        request.strategy = ResetStrategy::toLatest();
        QVERIFY(waitPolling(m_executor->apply(waitPolling(m_executor->plan(request)).value()))->ok());
        QCOMPARE(m_client->offsetsOf(u"fresh"_s).offsets.size(), 2);
        const auto undo = waitPolling(m_executor->planUndo(u"fresh"_s));
        QVERIFY2(undo, qPrintable(undo ? QString() : undo.error().toString()));
        QVERIFY(undo->groups.first().newOffsets().isEmpty());
        QCOMPARE(undo->groups.first().deletions(), (QList<TopicPartition>{kP0, kP1}));
        const int commitsBefore = m_admin->commitCalls();
        const auto undone = waitPolling(m_executor->apply(undo.value()));
        QVERIFY(undone && undone->ok());
        QCOMPARE(m_admin->commitCalls(), commitsBefore);   // nothing to commit, no empty commit sent
        QVERIFY(m_client->offsetsOf(u"fresh"_s).offsets.isEmpty());
    }

    // A delete the brokers did not do is caught by the read-back.
    void theReadBackCatchesAnOffsetThatWasNotDeleted()
    {
        const TopicPartition pay0{u"payments"_s, 0};
        ClusterMetadata md = metadata();
        md.topics << TopicInfo{u"payments"_s, false, {{0, 1, {1}, 0}}, 0};
        m_client->setCluster(md, {group(u"g"_s, GroupState::Empty)}, {{u"g"_s, offsets(u"g"_s, 40, 20)}},
                             {{kP0, {0, 100}}, {kP1, {10, 50}}, {pay0, {0, 8}}});
        ResetRequest request;
        request.groups = {u"g"_s};
        request.scope = ResetScope::topics({{u"payments"_s, {}}});
        request.strategy = ResetStrategy::toEarliest();
        QVERIFY(waitPolling(m_executor->apply(waitPolling(m_executor->plan(request)).value()))->ok());
        const auto undo = waitPolling(m_executor->planUndo(u"g"_s));
        QVERIFY(undo);
        // A consumer commits the offset again at once: the read-back says it is still there.
        m_admin->setAfterDelete([this, pay0] {
            GroupOffsets again = m_client->offsetsOf(u"g"_s);
            again.offsets << CommittedOffset{pay0, 7, -1, {}};
            m_client->setOffsets(u"g"_s, again);
        });
        const auto undone = waitPolling(m_executor->apply(undo.value()));
        QVERIFY(undone);
        QVERIFY(!undone->ok());
        QVERIFY(undone->groups.first().failed.isEmpty());
        const auto &differences = undone->groups.first().differences;
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.first().tp, pay0);
        QVERIFY(differences.first().deletePlanned());
        QCOMPARE(differences.first().readBack, std::optional<qint64>(7));
    }

    void unknownMemberIdSaysTheGroupHasActiveMembers()
    {
        m_admin->refuseNextCommits({KafkaError::make(25, u"UNKNOWN_MEMBER_ID"_s, u"Broker: Unknown member"_s)});
        const auto applied = waitPolling(m_executor->apply(planned(ResetStrategy::toLatest())));
        QVERIFY(applied);
        QVERIFY(!applied->ok());
        QCOMPARE(m_admin->commitCalls(), 1);   // not retried: a member must leave first
        QCOMPARE(applied->groups.first().failed.size(), 2);
        QVERIFY(applied->groups.first().failed.first().error.message.contains(u"the group has active members"_s));
        // The read-back says what the brokers kept: the old offsets.
        QCOMPARE(applied->groups.first().differences.size(), 2);
        QCOMPARE(applied->groups.first().differences.first().readBack, std::optional<qint64>(40));
    }

    void theReadBackCatchesAnOffsetThatMovedAgain()
    {
        m_admin->setAfterCommit([this] { m_client->setOffsets(u"g"_s, offsets(u"g"_s, 0, 33)); });
        const auto applied = waitPolling(m_executor->apply(planned(ResetStrategy::toEarliest())));
        QVERIFY(applied);
        QVERIFY(!applied->ok());
        const auto &differences = applied->groups.first().differences;
        QCOMPARE(differences.size(), 1);
        QCOMPARE(differences.first().tp, kP1);
        QCOMPARE(differences.first().planned, 10);
        QCOMPARE(differences.first().readBack, std::optional<qint64>(33));
    }

    void byTimeAsKafkaAnswers()
    {
        // orders-0's records at 1000, 2000, ... from offset 0; orders-1's from its start 10.
        QList<qint64> t0, t1;
        for (int i = 0; i < 100; ++i)
            t0 << 1000 + i * 1000;
        for (int i = 0; i < 40; ++i)
            t1 << 500 + i * 1000;
        m_client->setRecordTimestampsFromLogStart(kP0, t0);
        m_client->setRecordTimestampsFromLogStart(kP1, t1);
        const auto at = [this](qint64 ms) {
            return planned(ResetStrategy::toDateTime(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()))).groups.first();
        };
        QCOMPARE(at(0).newOffsets(), (QHash<TopicPartition, qint64>{{kP0, 0}, {kP1, 10}}));      // before the first record
        QCOMPARE(at(5000).newOffsets(), (QHash<TopicPartition, qint64>{{kP0, 4}, {kP1, 15}}));   // at one, between others
        const GroupResetPlan after = at(1'000'000);                                              // after the last
        QCOMPARE(after.newOffsets(), (QHash<TopicPartition, qint64>{{kP0, 100}, {kP1, 50}}));
        QVERIFY(after.partitions.first().noRecordAtTime);
    }

    void historyAndUndo()
    {
        QVERIFY(waitPolling(m_executor->apply(planned(ResetStrategy::toOffset(30)))));
        QVERIFY(waitPolling(m_executor->apply(planned(ResetStrategy::shiftBy(-5)))));
        const QList<ResetBackup> history = m_executor->backups().history(u"g"_s);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).strategy, u"--shift-by -5"_s);   // newest first
        QCOMPARE(history.at(1).strategy, u"--to-offset 30"_s);
        QCOMPARE(history.at(0).previous.value(u"g"_s), (QHash<TopicPartition, qint64>{{kP0, 30}, {kP1, 30}}));
        QVERIFY(m_executor->backups().history(u"other"_s).isEmpty());
        // Undo plans the last backup, through the same planner.
        const auto undo = waitPolling(m_executor->planUndo(u"g"_s));
        QVERIFY(undo);
        QCOMPARE(undo->groups.first().newOffsets(), (QHash<TopicPartition, qint64>{{kP0, 30}, {kP1, 30}}));
        QVERIFY(waitPolling(m_executor->apply(undo.value())));
        QCOMPARE(committed(), (QHash<TopicPartition, qint64>{{kP0, 30}, {kP1, 30}}));
        const auto none = waitPolling(m_executor->planUndo(u"never-reset"_s));
        QVERIFY(!none);
        QVERIFY(none.error().message.contains(u"there is no backup"_s));
    }

    void readOnlyIsRefusedInCore()
    {
        auto readOnly = ClusterSession::share(new ClusterSession(m_client, u"prod"_s));
        ResetExecutor executor(readOnly, ResetBackupStore(m_dir->filePath(u"ro"_s)));
        const auto plan = waitPolling(executor.plan(ResetRequest{{u"g"_s}, ResetScope::allTopics(), ResetStrategy::toEarliest()}));
        QVERIFY(plan);   // a dry run reads only
        const auto applied = waitPolling(executor.apply(plan.value()));
        QVERIFY(!applied);
        QCOMPARE(applied.error().name, u"_READ_ONLY"_s);
        QCOMPARE(m_admin->commitCalls(), 0);
        QVERIFY(!QDir(m_dir->filePath(u"ro"_s)).exists());
    }

    void waitUntilEmptyTellsTheStateAndEndsWhenTheLastMemberLeaves()
    {
        cluster(GroupState::Stable, {fakeMember(u"m-1"_s, u"billing-1"_s, {u"orders"_s}, {kP0})});
        QSignalSpy told(m_executor.get(), &ResetExecutor::waiting);
        const QFuture<Result<GroupState>> wait = m_executor->waitUntilEmpty(u"g"_s, 20);
        QVERIFY(told.wait(5000));
        const auto seen = told.first().first().value<GroupWaitState>();
        QCOMPARE(seen.state, GroupState::Stable);
        QCOMPARE(seen.members.first().clientId, u"billing-1"_s);
        QVERIFY(!wait.isFinished());
        cluster(GroupState::Empty);
        QTRY_VERIFY(wait.isFinished());
        QCOMPARE(wait.result().value(), GroupState::Empty);
        // A wait can be given up.
        cluster(GroupState::PreparingRebalance, {fakeMember(u"m-1"_s, u"billing-1"_s, {u"orders"_s}, {kP0})});
        const QFuture<Result<GroupState>> second = m_executor->waitUntilEmpty(u"g"_s, 20);
        QVERIFY(told.wait(5000));
        m_executor->cancelWait();
        QVERIFY(second.isFinished());
        QCOMPARE(second.result().error().name, u"_CANCELLED"_s);
    }

    void badRequestsSayEveryProblem()
    {
        ResetRequest request;
        request.groups = {u"g"_s};
        request.scope = ResetScope::topics({{u"nope"_s, {}}, {u"orders"_s, {5}}});
        request.strategy = ResetStrategy::toEarliest();
        const auto plan = waitPolling(m_executor->plan(request));
        QVERIFY(!plan);
        QCOMPARE(plan.error().name, u"_INVALID_RESET"_s);
        QVERIFY(plan.error().message.contains(u"topic 'nope' does not exist"_s));
        QVERIFY(plan.error().message.contains(u"no partition 5"_s));
        // Copying from a group with no offsets.
        request.scope = ResetScope::allTopics();
        request.strategy = ResetStrategy::fromGroup(u"empty-source"_s);
        const auto copy = waitPolling(m_executor->plan(request));
        QVERIFY(!copy);
        QVERIFY(copy.error().message.contains(u"has no committed offsets to copy"_s));
    }
};

QTEST_GUILESS_MAIN(TestResetExecutor)
#include "tst_reset_executor.moc"
