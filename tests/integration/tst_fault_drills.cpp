// SPDX-License-Identifier: GPL-3.0-or-later
// Fault drills (issue 9): each fault is set up with the sandbox's fault
// injection, then Cohort's core (SnapshotLoader through RdKafkaClusterClient)
// and cohort-cli (exit code, stdout, stderr) are checked against what the
// sandbox itself holds: either exactly that data, or the explicit partial
// marker (a MissingPart, a "warning:" line, exit 3), never a wrong value
// with a clean exit. Deadlines are asserted with a margin, never a speed.

#include "CliRun.h"
#include "FutureWait.h"
#include "RdKafkaTestClient.h"
#include "SandboxFixture.h"

#include "core/kafka/RdKafkaClusterClient.h"
#include "core/snapshot/SnapshotLoader.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ErrorCode.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace cohort;
using namespace cohort::test;

namespace {

const QString kTopic = QStringLiteral("drill");
const QString kLive = QStringLiteral("drill-live");
constexpr int kPartitions = 3;
constexpr int kEmptyGroups = 5;
// What a deadline may be overrun by: the last wait's wake-up, building the
// snapshot, printing (and a loaded CI machine).
constexpr qint64 kDeadlineMarginMs = 2000;

QString emptyGroup(int i)
{
    return QStringLiteral("drill-%1").arg(i);
}

QSet<QString> idsOf(const QJsonArray &rows)
{
    QSet<QString> ids;
    for (const QJsonValue &r : rows)
        ids.insert(r.toObject().value(QStringLiteral("group_id")).toString());
    return ids;
}

}   // namespace

class TestFaultDrills : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxCluster> m_cluster;
    std::unique_ptr<GroupConsumer> m_live;   // a Stable group with one member, for the whole run
    QString m_bootstrap;
    QStringList m_groups;   // every group the sandbox has, sorted

    CliRun cli(const QStringList &args) { return runCli(QStringList{QStringLiteral("--bootstrap-server"), m_bootstrap} + args); }

    // The groups the sandbox says broker `id` does not coordinate.
    QSet<QString> groupsNotOn(int id) const
    {
        QSet<QString> out;
        for (const QString &g : m_groups)
            if (m_cluster->coordinatorOf(g) != id)
                out.insert(g);
        return out;
    }

    // A broker that coordinates some of the Empty groups but not the live one
    // (a slow coordinator would make the live member rebalance).
    int brokerToSlowDown() const
    {
        for (const int id : {1, 2, 3})
            if (id != m_cluster->coordinatorOf(kLive) && groupsNotOn(id).size() < m_groups.size())
                return id;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cluster = startSandbox();
        QVERIFY(m_cluster->createTopic(kTopic, kPartitions));
        m_bootstrap = m_cluster->bootstrapServers();
        for (int p = 0; p < kPartitions; ++p)
            QCOMPARE(produceMessages(m_bootstrap, kTopic, p, 20), QString());
        for (int i = 0; i < kEmptyGroups; ++i) {
            GroupConsumer c(m_bootstrap, emptyGroup(i), {kTopic});
            QTRY_VERIFY_WITH_TIMEOUT((c.poll(50), c.assignment().size() == kPartitions), 30000);
            QCOMPARE(c.commit(kTopic, {{0, 5 + i}, {1, 10}, {2, 20}}), RD_KAFKA_RESP_ERR_NO_ERROR);
            c.close();
            m_groups << emptyGroup(i);
        }
        m_live = std::make_unique<GroupConsumer>(m_bootstrap, kLive, QStringList{kTopic});
        QTRY_VERIFY_WITH_TIMEOUT((m_live->poll(50), m_live->assignment().size() == kPartitions), 30000);
        QCOMPARE(m_live->commit(kTopic, {{0, 1}, {1, 2}, {2, 3}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        QTRY_COMPARE(m_cluster->groupInfo(kLive).state, QStringLiteral("Stable"));
        m_groups << kLive;
        m_groups.sort();
        QVERIFY2(brokerToSlowDown() > 0, "every group on the live group's coordinator: rename the groups");
    }

    void cleanup() { m_cluster->clearFaults(); }

    void cleanupTestCase()
    {
        m_live.reset();
        m_cluster.reset();
    }

    // Nothing wrong: everything as the sandbox holds it, exit 0.
    void noFaultEverythingExact()
    {
        const CliRun r = cli({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.err.contains(QLatin1String("warning")), qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(idsOf(rows), QSet<QString>(m_groups.cbegin(), m_groups.cend()));
    }

    // One broker slower than the deadline: the others' groups exactly, the
    // slow one named on stderr, exit 3, within the deadline.
    void slowBrokerIsNamedAndItsGroupsAreNotPretendedAway_data()
    {
        QTest::addColumn<int>("latencyMs");
        QTest::addColumn<int>("timeoutMs");
        QTest::newRow("latency 5000, default timeout") << 5000 << 10000;
        QTest::newRow("latency 2000, --timeout 3000") << 2000 << 3000;
    }
    void slowBrokerIsNamedAndItsGroupsAreNotPretendedAway()
    {
        QFETCH(int, latencyMs);
        QFETCH(int, timeoutMs);
        const int slow = brokerToSlowDown();
        m_cluster->setLatency(slow, latencyMs);
        QElapsedTimer t;
        t.start();
        const CliRun r = cli({QStringLiteral("--timeout"), QString::number(timeoutMs), QStringLiteral("groups"), QStringLiteral("list"),
                              QStringLiteral("--output"), QStringLiteral("json")});
        const qint64 elapsed = t.elapsed();
        QVERIFY2(elapsed <= timeoutMs + kDeadlineMarginMs, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("cohort-cli: warning: broker %1 (").arg(slow)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("did not list its groups")), qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(idsOf(rows), groupsNotOn(slow));
        // What is printed is what the sandbox holds: the live group's state and member.
        for (const QJsonValue &v : rows) {
            const QJsonObject g = v.toObject();
            if (g.value(QStringLiteral("group_id")).toString() != kLive)
                continue;
            QCOMPARE(g.value(QStringLiteral("state")).toString(), m_cluster->groupInfo(kLive).state);
            QCOMPARE(g.value(QStringLiteral("members")).toInt(), m_cluster->groupInfo(kLive).members.size());
        }

        // The core says the same as data: the broker's listing is missing.
        auto client = RdKafkaClusterClient::create({{QStringLiteral("bootstrap.servers"), m_bootstrap}}, timeoutMs).value();
        auto progress = std::make_shared<RefreshProgress>(QDeadlineTimer(timeoutMs));
        t.restart();
        const auto snap = waitPolling(SnapshotLoader::load(client, progress));
        QVERIFY2(t.elapsed() <= timeoutMs + kDeadlineMarginMs, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
        QVERIFY2(snap.ok(), qPrintable(snap.error().toString()));
        QVERIFY(snap->isPartial());
        const auto listing = std::find_if(snap->missing.cbegin(), snap->missing.cend(), [&](const MissingPart &m) {
            return m.kind == MissingPart::Kind::BrokerListing && m.brokerId == slow;
        });
        QVERIFY(listing != snap->missing.cend());
        QCOMPARE(listing->brokerAddress, QStringLiteral("127.0.0.1:%1").arg(m_cluster->brokerPort(slow)));
        for (const GroupSnapshot &g : snap->groups)
            QVERIFY2(groupsNotOn(slow).contains(g.groupId()), qPrintable(g.groupId()));
    }

    // DescribeGroups answered COORDINATOR_NOT_AVAILABLE three times: retried,
    // the live group is Stable with its member, exit 0.
    void describeGroupsFailingThreeTimesIsRetried()
    {
        m_cluster->injectError(ApiKey::DescribeGroups, ErrorCode::CoordinatorNotAvailable, 3);
        const CliRun r = cli({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("Stable"),
                              QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.err.contains(QLatin1String("warning")), qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("group_id")).toString(), kLive);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("members")).toInt(), m_cluster->groupInfo(kLive).members.size());

        m_cluster->injectError(ApiKey::DescribeGroups, ErrorCode::CoordinatorNotAvailable, 3);
        const CliRun members = cli({QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("--members"), kLive,
                                    QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(members.code, 0);
        const QJsonArray memberRows = QJsonDocument::fromJson(members.out.toUtf8()).array();
        QCOMPARE(memberRows.size(), 1);
        QCOMPARE(memberRows.first().toObject().value(QStringLiteral("member_id")).toString(),
                 m_cluster->groupInfo(kLive).members.first().memberId);
    }

    // OffsetFetch answered NOT_COORDINATOR five times: retried with a new
    // FindCoordinator; the committed offsets are the sandbox's.
    void offsetFetchNotCoordinatorFiveTimesIsRetried()
    {
        m_cluster->injectError(ApiKey::OffsetFetch, ErrorCode::NotCoordinator, 5);
        const CliRun r = cli(
            {QStringLiteral("groups"), QStringLiteral("describe"), emptyGroup(2), QStringLiteral("--output"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), kPartitions);
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            const int p = row.value(QStringLiteral("partition")).toInt();
            QCOMPARE(row.value(QStringLiteral("committed_offset")).toInteger(), m_cluster->committedOffset(emptyGroup(2), kTopic, p));
            QCOMPARE(row.value(QStringLiteral("end_offset")).toInteger(), m_cluster->logEndOffset(kTopic, p));
        }
    }

    // OffsetFetch failing past the deadline: not an empty table that reads
    // as "no committed offsets", but exit 3 with the error.
    void offsetsThatCannotBeReadAreNotAnEmptyTable()
    {
        m_cluster->injectError(ApiKey::OffsetFetch, ErrorCode::NotCoordinator, 1000);
        const CliRun r = cli({QStringLiteral("--timeout"), QStringLiteral("2000"), QStringLiteral("groups"), QStringLiteral("describe"),
                              emptyGroup(1), QStringLiteral("--output"), QStringLiteral("csv")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("committed offsets of group \"%1\" not read: NOT_COORDINATOR").arg(emptyGroup(1))),
                 qPrintable(r.err));
        QCOMPARE(r.out,
                 QStringLiteral("group_id,topic,partition,committed_offset,end_offset,lag,member_id,host,client_id,group_instance_id\n"));
    }

    // Every broker stops while the command runs: never an empty list with
    // exit 0, never "does not exist".
    void clusterKilledMidRun()
    {
        for (const int id : {1, 2, 3})
            m_cluster->setLatency(id, 700);
        QTimer::singleShot(1000, this, [this] {
            for (const int id : {1, 2, 3})
                m_cluster->stopBroker(id);
        });
        const CliRun list = cli({QStringLiteral("--timeout"), QStringLiteral("6000"), QStringLiteral("groups"), QStringLiteral("list"),
                                 QStringLiteral("--output"), QStringLiteral("json")});
        QVERIFY2(list.code == 1 || list.code == 3, qPrintable(QString::number(list.code)));
        QVERIFY2(list.err.contains(QLatin1String("cohort-cli: ")), qPrintable(list.err));
        if (list.code == 3)
            QVERIFY2(list.err.contains(QLatin1String("warning: ")), qPrintable(list.err));
        QTRY_VERIFY(!m_cluster->isBrokerUp(1));

        const CliRun describe = cli(
            {QStringLiteral("--timeout"), QStringLiteral("3000"), QStringLiteral("groups"), QStringLiteral("describe"), emptyGroup(0)});
        QCOMPARE(describe.code, 1);
        QVERIFY2(!describe.err.contains(QLatin1String("does not exist")), qPrintable(describe.err));
        QVERIFY2(describe.err.contains(QLatin1String("_TRANSPORT")) || describe.err.contains(QLatin1String("_TIMED_OUT"))
                     || describe.err.contains(QLatin1String("_ALL_BROKERS_DOWN")),
                 qPrintable(describe.err));
    }

    // A group that is not there is still "does not exist" (exit 1): Kafka said so.
    void aGroupThatDoesNotExistStillSaysSo()
    {
        const CliRun r = cli({QStringLiteral("groups"), QStringLiteral("describe"), QStringLiteral("drill-nobody")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Consumer group 'drill-nobody' does not exist.")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestFaultDrills)
#include "tst_fault_drills.moc"
