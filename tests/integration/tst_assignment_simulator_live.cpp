// SPDX-License-Identifier: GPL-3.0-or-later
// The assignment simulator against real consumers: for several layouts of
// members and topics, consumers join a group on the sandbox and on Kafka 4.4,
// and what each receives once the group settles must be what the simulator
// (and `cohort-cli assignors simulate --client`) computes for the same
// members, with the real member ids the group gave them (range and
// roundrobin order members by id), as the consumers' client implements the
// assignor: librdkafka consumers (partition.assignment.strategy range,
// roundrobin or cooperative-sticky, made here) and kafka-python consumers
// (range, roundrobin and the eager sticky, which librdkafka has not: its
// sticky assignor is cooperative-sticky only; tests/python/kafka_python_assignment_steps.py),
// multi-topic, mixed subscriptions and static members among them.
// Cooperative-sticky and sticky groups grow one member at a time, each step
// simulated from what the members owned after the last; the kafka-python
// sticky groups then lose a member (the leader in two of them).
// On Kafka 4.4, KIP-848 consumers (confluent-kafka, group.protocol=consumer)
// with group.remote.assignor uniform and range get what the server-side
// simulation computes, step by step too.

#include "core/rebalance/AssignmentSimulator.h"

#include "support/CliRun.h"
#include "support/RdKafkaTestAdmin.h"
#include "support/RdKafkaTestClient.h"
#include "support/RealKafkaCluster.h"
#include "support/SandboxFixture.h"
#include "support/SkipOrFail.h"
#include "support/TestPython.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

using namespace cohort;
using namespace cohort::test;

namespace {

struct Layout
{
    QString strategy;
    QList<AssignorTopic> topics;        // names made unique per run
    QList<QStringList> subscriptions;   // per member, by the names above
    bool oneAtATime = false;            // members join one after the other, each step compared
    QStringList instanceIds;            // per member, a group.instance.id suffix ("" or missing: dynamic)
    ClientImplementation client = ClientImplementation::Librdkafka;   // whose consumers make the group
    int leaves = -1;                    // then this member (by join order) leaves, one more step compared
};

// One settled step of a group: its members in join order, with what they
// subscribe to and what each was given.
struct StepMember
{
    QString memberId;
    QStringList topics;
    QString instanceId;
};

QList<std::pair<const char *, Layout>> layouts()
{
    const QString a = QStringLiteral("a"), b = QStringLiteral("b");
    const ClientImplementation kafkaPython = ClientImplementation::KafkaPython;
    return {
        {"range, 3 members, 1 topic of 7", {QStringLiteral("range"), {{a, 7}}, {{a}, {a}, {a}}}},
        {"range, 2 members, 2 topics of 3", {QStringLiteral("range"), {{a, 3}, {b, 3}}, {{a, b}, {a, b}}}},
        {"range, mixed subscriptions", {QStringLiteral("range"), {{a, 3}, {b, 2}}, {{a}, {a, b}, {a}}}},
        {"roundrobin, 2 members, 2 topics of 3", {QStringLiteral("roundrobin"), {{a, 3}, {b, 3}}, {{a, b}, {a, b}}}},
        {"roundrobin, mixed subscriptions", {QStringLiteral("roundrobin"), {{a, 3}, {b, 2}}, {{a}, {a, b}, {a}}}},
        // Static members: librdkafka orders two static members by instance id
        // (the second member's sorts first here), and a static one among
        // dynamic ones by member id, where Kafka's Java client puts it first.
        {"range, two static members", {QStringLiteral("range"), {{a, 5}}, {{a}, {a}}, false, {QStringLiteral("z"), QStringLiteral("a")}}},
        {"roundrobin, one static among dynamic members",
         {QStringLiteral("roundrobin"), {{a, 5}}, {{a}, {a}, {a}}, false, {QStringLiteral("s"), {}, {}}}},
        {"cooperative-sticky, 1 topic of 6, growing to 3", {QStringLiteral("cooperative-sticky"), {{a, 6}}, {{a}, {a}, {a}}, true}},
        {"cooperative-sticky, topics of 4 and 2, growing to 2",
         {QStringLiteral("cooperative-sticky"), {{a, 4}, {b, 2}}, {{a, b}, {a, b}}, true}},
        // kafka-python consumers: the leader runs kafka-python's own assignors.
        {"kafka-python range, 3 members, 1 topic of 7", {QStringLiteral("range"), {{a, 7}}, {{a}, {a}, {a}}, false, {}, kafkaPython}},
        {"kafka-python range, 2 members, 2 topics of 3",
         {QStringLiteral("range"), {{a, 3}, {b, 3}}, {{a, b}, {a, b}}, false, {}, kafkaPython}},
        {"kafka-python range, mixed subscriptions", {QStringLiteral("range"), {{a, 3}, {b, 2}}, {{a}, {a, b}, {a}}, false, {}, kafkaPython}},
        // kafka-python puts a static member first, where librdkafka orders it by member id.
        {"kafka-python range, one static and one dynamic member",
         {QStringLiteral("range"), {{a, 5}}, {{a}, {a}}, false, {{}, QStringLiteral("s")}, kafkaPython}},
        {"kafka-python roundrobin, 2 members, 2 topics of 3",
         {QStringLiteral("roundrobin"), {{a, 3}, {b, 3}}, {{a, b}, {a, b}}, false, {}, kafkaPython}},
        // (kafka-python 3.0.12's roundrobin fails on mixed subscriptions: skipping
        // a member that does not subscribe, it looks its topics up by the
        // (instance id, member id) pair and raises KeyError, so no such row.)
        // The eager sticky assignor, each step from what the members owned
        // after the last (kafka-python's StickyPartitionAssignor: equal
        // subscriptions take its own order, neither Kafka's nor librdkafka's).
        {"kafka-python sticky, 1 topic of 6, growing to 3, then the first leaves",
         {QStringLiteral("sticky"), {{a, 6}}, {{a}, {a}, {a}}, true, {}, kafkaPython, 0}},
        {"kafka-python sticky, topics of 6 and 3, growing to 3, then the second leaves",
         {QStringLiteral("sticky"), {{a, 6}, {b, 3}}, {{a, b}, {a, b}, {a, b}}, true, {}, kafkaPython, 1}},
        // (No mixed-subscription row with a member leaving: there kafka-python
        // undoes one of several moves picked from a Python set, whose order
        // its per-process string hash decides, so no simulation can foresee
        // it: seen on Kafka 4.4, a-2 and a-3 swapped between two runs.
        // docs/kafka-protocol.md, section 5.)
        // kafka-python's CooperativeStickyAssignor: its sticky assignor, with
        // what changes owner revoked first and assigned in the next round.
        {"kafka-python cooperative-sticky, 1 topic of 6, growing to 3, then the first leaves",
         {QStringLiteral("cooperative-sticky"), {{a, 6}}, {{a}, {a}, {a}}, true, {}, kafkaPython, 0}},
        {"kafka-python cooperative-sticky, topics of 6 and 3, growing to 3, then the second leaves",
         {QStringLiteral("cooperative-sticky"), {{a, 6}, {b, 3}}, {{a, b}, {a, b}, {a, b}}, true, {}, kafkaPython, 1}},
    };
}

QString render(const Assignment &a)
{
    QStringList lines;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        QStringList parts;
        for (const TopicPartition &tp : it.value())
            parts << tp.topic + QLatin1Char('-') + QString::number(tp.partition);
        lines << it.key() + QStringLiteral(": ") + parts.join(QLatin1Char(','));
    }
    return lines.join(QStringLiteral("; "));
}

QString memberIdOf(const GroupConsumer &c)
{
    char *id = rd_kafka_memberid(c.handle());
    const QString s = id ? QString::fromUtf8(id) : QString();
    if (id)
        rd_kafka_mem_free(c.handle(), id);
    return s;
}

// Polls every consumer until each has a member id, the partitions they
// subscribe to are all assigned, each once, and nothing changed for 3 s
// (a cooperative group's follow-up rebalance comes within that).
std::optional<Assignment> settle(const std::vector<std::unique_ptr<GroupConsumer>> &consumers, int expectedPartitions, QString *why)
{
    QElapsedTimer total, unchanged;
    total.start();
    unchanged.start();
    Assignment last;
    while (total.elapsed() < 90000) {
        for (const auto &c : consumers)
            c->poll(20);
        Assignment now;
        int assigned = 0;
        bool ids = true;
        QSet<TopicPartition> seen;
        bool once = true;
        for (const auto &c : consumers) {
            const QString id = memberIdOf(*c);
            ids = ids && !id.isEmpty();
            QList<TopicPartition> mine;
            for (const auto &[topic, partition] : c->assignment()) {
                mine.append({topic, partition});
                once = once && !seen.contains({topic, partition});
                seen.insert({topic, partition});
            }
            std::sort(mine.begin(), mine.end());
            assigned += int(mine.size());
            now.insert(id, mine);
        }
        if (now != last) {
            last = now;
            unchanged.restart();
        } else if (ids && once && assigned == expectedPartitions && unchanged.elapsed() >= 3000) {
            return now;
        }
    }
    *why = QStringLiteral("the group did not settle in 90 s; last seen: ") + render(last);
    return std::nullopt;
}

QStringList cliArgs(const QString &assignor, const AssignorInput &input)
{
    QStringList args{QStringLiteral("assignors"), QStringLiteral("simulate"), QStringLiteral("--assignor"), assignor};
    for (const AssignorTopic &t : input.topics)
        args << QStringLiteral("--topic")
             << t.name + QLatin1Char(':') + QString::number(t.partitions) + (t.topicId.isEmpty() ? QString() : QLatin1Char(':') + t.topicId);
    for (const AssignorMember &m : input.members) {
        args << QStringLiteral("--member") << m.memberId + QLatin1Char('=') + m.topics.join(QLatin1Char(','));
        if (!m.owned.isEmpty()) {
            QStringList owned;
            for (const TopicPartition &tp : m.owned)
                owned << tp.topic + QLatin1Char('-') + QString::number(tp.partition);
            args << QStringLiteral("--current") << m.memberId + QLatin1Char('=') + owned.join(QLatin1Char(','));
        }
    }
    return args << QStringLiteral("--output") << QStringLiteral("json");
}

Assignment assignmentFromJson(const QString &json)
{
    Assignment out;
    const QJsonObject assignment = QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("assignment")).toObject();
    for (auto it = assignment.begin(); it != assignment.end(); ++it) {
        QList<TopicPartition> &mine = out[it.key()];
        for (const QJsonValue &v : it.value().toArray()) {
            const QString s = v.toString();
            const qsizetype dash = s.lastIndexOf(QLatin1Char('-'));
            mine.append({s.left(dash), s.mid(dash + 1).toInt()});
        }
    }
    return out;
}

// A unique prefix per run: the shared cluster keeps other runs' topics.
QString runPrefix(const QString &where)
{
    return QStringLiteral("store-assign-%1-%2").arg(where).arg(QDateTime::currentMSecsSinceEpoch() % 100000000);
}

}   // namespace

class TestAssignmentSimulatorLive : public QObject
{
    Q_OBJECT

    // What the simulator and `cohort-cli assignors simulate` compute for one
    // settled step of a group, against what its members got: empty when
    // both agree with them, else what differs. The members are given with the
    // ids the group gave them, in join order, owning what they got the step before.
    static QString checkStep(const Layout &layout, const AssignorInput &base, const QList<StepMember> &group, const Assignment &actual,
                             const Assignment &previous)
    {
        AssignorInput input = base;
        for (const StepMember &g : group) {
            AssignorMember m;
            m.memberId = g.memberId;
            m.topics = g.topics;
            m.groupInstanceId = g.instanceId;
            m.owned = previous.value(m.memberId);
            input.members.append(m);
        }
        // The assignors of the consumers' client (the group leader runs them).
        const auto simulated = AssignmentSimulator::simulate(layout.strategy, input, layout.client);
        if (!simulated)
            return QStringLiteral("simulation refused: ") + simulated.error();
        if (render(simulated->assignment) != render(actual))
            return QStringLiteral("%1 members: consumers got   %2\n  simulator computed %3")
                .arg(group.size())
                .arg(render(actual), render(simulated->assignment));
        const bool anyStatic = std::any_of(input.members.cbegin(), input.members.cend(),
                                           [](const AssignorMember &m) { return !m.groupInstanceId.isEmpty(); });
        if (anyStatic)
            return {};   // cohort-cli takes no instance ids
        const QString client = layout.client == ClientImplementation::KafkaPython ? QStringLiteral("kafka-python") : QStringLiteral("librdkafka");
        const CliRun cli = runCli(cliArgs(layout.strategy, input) << QStringLiteral("--client") << client);
        if (cli.code != 0 || render(assignmentFromJson(cli.out)) != render(actual))
            return QStringLiteral("cohort-cli (exit %1): %2 %3").arg(cli.code).arg(cli.out, cli.err);
        return {};
    }

    // Runs one layout of kafka-python consumers (tests/python/kafka_python_assignment_steps.py):
    // every step the script reports, each compared.
    void runKafkaPythonLayout(const QString &bootstrap, const std::function<QString(const QString &, int)> &createTopic,
                              const Layout &layout, const QString &prefix)
    {
        const TestPython python = TestPython::find({QStringLiteral("kafka")});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
        AssignorInput base;
        QHash<QString, QString> unique;
        QStringList topicArg;
        for (const AssignorTopic &t : layout.topics) {
            const QString name = prefix + QLatin1Char('-') + t.name;
            unique.insert(t.name, name);
            base.topics.append({name, t.partitions});
            topicArg << name + QLatin1Char(':') + QString::number(t.partitions);
            const QString error = createTopic(name, t.partitions);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QStringList joins;
        for (qsizetype i = 0; i < layout.subscriptions.size(); ++i) {
            QStringList topics;
            for (const QString &t : layout.subscriptions.at(i))
                topics << unique.value(t);
            QString join = QLatin1Char('+') + topics.join(QLatin1Char(','));
            if (!layout.instanceIds.value(i).isEmpty())
                join += QLatin1Char('@') + prefix + QStringLiteral("-instance-") + layout.instanceIds.at(i);
            joins << join;
        }
        QStringList steps = layout.oneAtATime ? joins : QStringList{joins.join(QLatin1Char(';'))};
        if (layout.leaves >= 0)
            steps << QLatin1Char('-') + QString::number(layout.leaves);
        // A kafka-python member now and then misses a rebalance for good on
        // a loaded machine (seen once in CI's suite: after a leave, one member
        // kept its old partitions for 90 s while the other owned all). That is
        // the client's ground failing, not the simulation: one more try, with
        // a fresh group. Any assignment that differs still fails.
        QProcess p;
        for (int attempt = 1;; ++attempt) {
            p.start(python.interpreter,
                    QStringList{TestPython::script(QStringLiteral("kafka_python_assignment_steps.py")), bootstrap,
                                prefix + QStringLiteral("-group") + (attempt > 1 ? QStringLiteral("-again") : QString()), layout.strategy,
                                topicArg.join(QLatin1Char(','))}
                        + steps);
            QVERIFY(p.waitForFinished(int(steps.size()) * 100000));
            const QString err = QString::fromUtf8(p.readAllStandardError());
            const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
            if (!ok && attempt == 1 && err.contains(QStringLiteral("did not settle"))) {
                qWarning("the kafka-python group did not settle, trying once more: %s", qPrintable(err.right(400)));
                continue;
            }
            QVERIFY2(ok, qPrintable(err));
            break;
        }
        Assignment previous;
        int checked = 0;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.contains(QStringLiteral("step")))
                continue;
            QList<StepMember> group;
            Assignment actual;
            for (const QJsonValue &v : o.value(QStringLiteral("members")).toArray()) {
                const QJsonObject m = v.toObject();
                StepMember g{m.value(QStringLiteral("member_id")).toString(), {}, m.value(QStringLiteral("instance_id")).toString()};
                for (const QJsonValue &t : m.value(QStringLiteral("topics")).toArray())
                    g.topics << t.toString();
                QList<TopicPartition> &mine = actual[g.memberId];
                for (const QJsonValue &tp : m.value(QStringLiteral("assignment")).toArray()) {
                    const QString s = tp.toString();
                    const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
                    mine.append({s.left(colon), s.mid(colon + 1).toInt()});
                }
                std::sort(mine.begin(), mine.end());
                group.append(g);
            }
            const QString problem = checkStep(layout, base, group, actual, previous);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("step %1: ").arg(++checked) + problem));
            previous = actual;
        }
        QCOMPARE(checked, int(steps.size()));
    }

    // Runs one layout; createTopic makes a topic on the cluster under test.
    void runLayout(const QString &bootstrap, const std::function<QString(const QString &, int)> &createTopic, const Layout &layout,
                   const QString &prefix)
    {
        if (layout.client == ClientImplementation::KafkaPython)
            runKafkaPythonLayout(bootstrap, createTopic, layout, prefix);
        else
            runLibrdkafkaLayout(bootstrap, createTopic, layout, prefix);
    }

    // Runs one layout of librdkafka consumers, made here.
    void runLibrdkafkaLayout(const QString &bootstrap, const std::function<QString(const QString &, int)> &createTopic, const Layout &layout,
                   const QString &prefix)
    {
        AssignorInput base;
        QHash<QString, QString> unique;
        for (const AssignorTopic &t : layout.topics) {
            const QString name = prefix + QLatin1Char('-') + t.name;
            unique.insert(t.name, name);
            base.topics.append({name, t.partitions});
            const QString error = createTopic(name, t.partitions);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const QString group = prefix + QStringLiteral("-group");
        const Properties props{{QStringLiteral("partition.assignment.strategy"), layout.strategy},
                               {QStringLiteral("topic.metadata.refresh.interval.ms"), QStringLiteral("1000")}};
        std::vector<std::unique_ptr<GroupConsumer>> consumers;
        QList<QStringList> subscriptions;
        QStringList instances;
        Assignment previous;
        const auto step = [&](int members) -> QString {
            while (int(consumers.size()) < members) {
                QStringList topics;
                for (const QString &t : layout.subscriptions.at(qsizetype(consumers.size())))
                    topics << unique.value(t);
                subscriptions.append(topics);
                const QString instance = layout.instanceIds.value(qsizetype(consumers.size()));
                Properties memberProps = props;
                if (!instance.isEmpty())
                    memberProps.append({QStringLiteral("group.instance.id"), prefix + QStringLiteral("-instance-") + instance});
                instances.append(instance.isEmpty() ? QString() : prefix + QStringLiteral("-instance-") + instance);
                consumers.push_back(std::make_unique<GroupConsumer>(bootstrap, group, topics, memberProps));
                if (!consumers.back()->valid() || !consumers.back()->error().isEmpty())
                    return QStringLiteral("consumer: ") + consumers.back()->error();
            }
            QSet<QString> subscribed;
            for (const QStringList &s : std::as_const(subscriptions))
                for (const QString &t : s)
                    subscribed.insert(t);
            int expected = 0;
            for (const QString &t : std::as_const(subscribed))
                expected += base.partitionCount(t);
            QString why;
            const std::optional<Assignment> actual = settle(consumers, expected, &why);
            if (!actual)
                return why;
            QList<StepMember> group;
            for (qsizetype i = 0; i < qsizetype(consumers.size()); ++i)
                group.append({memberIdOf(*consumers.at(size_t(i))), subscriptions.at(i), instances.at(i)});
            const QString problem = checkStep(layout, base, group, *actual, previous);
            previous = *actual;
            return problem;
        };
        if (layout.oneAtATime) {
            for (int n = 1; n <= layout.subscriptions.size(); ++n) {
                const QString problem = step(n);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        } else {
            const QString problem = step(int(layout.subscriptions.size()));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        for (auto &c : consumers)
            c->close();
    }

    void layoutRows()
    {
        QTest::addColumn<int>("layout");
        const auto all = layouts();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(all.at(i).first) << i;
    }

private Q_SLOTS:
    void clientAssignorsOnTheSandbox_data() { layoutRows(); }
    void clientAssignorsOnTheSandbox()
    {
        QFETCH(int, layout);
        auto cluster = startSandbox();
        QVERIFY(cluster);
        runLayout(
            cluster->bootstrapServers(),
            [&](const QString &name, int partitions) {
                QString error;
                cluster->createTopic(name, partitions, &error);
                return error;
            },
            layouts().at(layout).second, runPrefix(QStringLiteral("sandbox")));
    }

    void clientAssignorsOnKafka_data() { layoutRows(); }
    void clientAssignorsOnKafka()
    {
        QFETCH(int, layout);
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        RdKafkaTestAdmin admin(kafka->bootstrap);
        const QString prefix = runPrefix(QStringLiteral("kafka"));
        QStringList made;
        runLayout(
            kafka->bootstrap,
            [&](const QString &name, int partitions) {
                made << name;
                return admin.createTopics({name}, partitions);
            },
            layouts().at(layout).second, prefix);
        // Only what this test made.
        admin.deleteGroup(prefix + QStringLiteral("-group"));
        for (const QString &t : std::as_const(made))
            admin.deleteTopic(t);
    }

    void serverAssignorsOnKafka_data()
    {
        QTest::addColumn<QString>("assignor");    // group.remote.assignor
        QTest::addColumn<QString>("simulated");   // the simulator's name for it
        QTest::addColumn<int>("partitions");
        QTest::addColumn<int>("members");
        QTest::newRow("uniform, 7 partitions, growing to 3") << QStringLiteral("uniform") << QStringLiteral("uniform") << 7 << 3;
        // Past 16 partitions a member's partitions are walked in HashSet
        // order (16 before 14), which decides what it keeps.
        QTest::newRow("uniform, 17 partitions, growing to 4") << QStringLiteral("uniform") << QStringLiteral("uniform") << 17 << 4;
        QTest::newRow("range, 5 partitions, growing to 3") << QStringLiteral("range") << QStringLiteral("server-range") << 5 << 3;
    }
    void serverAssignorsOnKafka()
    {
        QFETCH(QString, assignor);
        QFETCH(QString, simulated);
        QFETCH(int, partitions);
        QFETCH(int, members);
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        const TestPython python = TestPython::find({QStringLiteral("confluent_kafka")});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
        RdKafkaTestAdmin admin(kafka->bootstrap);
        const QString prefix = runPrefix(QStringLiteral("kip848-") + assignor);
        const QString topic = prefix + QStringLiteral("-t");
        const QString group = prefix + QStringLiteral("-group");
        QVERIFY2(admin.createTopics({topic}, partitions).isEmpty(), "topic");
        QProcess p;
        p.start(python.interpreter, {TestPython::script(QStringLiteral("kip848_assignment_steps.py")), kafka->bootstrap, topic, group,
                                     QString::number(members), assignor, QString::number(partitions)});
        QVERIFY(p.waitForFinished(members * 100000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(err));
        QList<Assignment> steps;
        QList<QStringList> listed;   // each step's members in the coordinator's order, the new one last
        QString topicId;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(QStringLiteral("topic_id")))
                topicId = o.value(QStringLiteral("topic_id")).toString();
            if (!o.contains(QStringLiteral("step")))
                continue;
            Assignment a;
            const QJsonObject byMember = o.value(QStringLiteral("assignment")).toObject();
            for (auto it = byMember.begin(); it != byMember.end(); ++it)
                for (const QJsonValue &v : it.value().toArray())
                    a[it.key()].append({topic, v.toInt()});
            for (auto it = byMember.begin(); it != byMember.end(); ++it)
                a[it.key()];
            steps.append(a);
            QStringList ids;
            for (const QJsonValue &v : o.value(QStringLiteral("members")).toArray())
                ids << v.toString();
            listed.append(ids);
        }
        QCOMPARE(steps.size(), members);
        QVERIFY(!topicId.isEmpty());
        Assignment previous;
        for (qsizetype step = 0; step < steps.size(); ++step) {
            const Assignment &actual = steps.at(step);
            QCOMPARE(QSet<QString>(listed.at(step).cbegin(), listed.at(step).cend()),
                     QSet<QString>(actual.keyBegin(), actual.keyEnd()));
            AssignorInput input;
            input.topics = {{topic, partitions, topicId}};
            // The members as a describe lists them, the joining one last: the
            // order the coordinator fills its HashMap of members in, which
            // decides the order of two ids in one bucket (JavaHashOrder).
            for (const QString &id : listed.at(step)) {
                AssignorMember m;
                m.memberId = id;
                m.topics = {topic};
                m.owned = previous.value(id);
                input.members.append(m);
            }
            const auto out = AssignmentSimulator::simulate(simulated, input);
            QVERIFY2(out, qPrintable(out.error()));
            QCOMPARE(render(out->assignment), render(actual));
            previous = actual;
        }
        admin.deleteGroup(group);
        admin.deleteTopic(topic);
    }

    // Uniform over three topics, where Kafka walks the topics in the HashSet
    // order of their ids: each step through cohort-cli with every topic as
    // --topic TOPIC:PARTITIONS:TOPIC_ID (the ids the broker made) must give
    // what the broker gave. The ids are random per run, so whether name
    // order would have differed is only logged.
    void uniformOverSeveralTopicsOnKafka()
    {
        COHORT_REAL_KAFKA_OR_SKIP(kafka);
        const TestPython python = TestPython::find({QStringLiteral("confluent_kafka")});
        if (!python)
            COHORT_SKIP_OR_FAIL(qPrintable(python.problem));
        RdKafkaTestAdmin admin(kafka->bootstrap);
        const QString prefix = runPrefix(QStringLiteral("kip848-topics"));
        const QString group = prefix + QStringLiteral("-group");
        const QList<std::pair<QString, int>> topics = {
            {prefix + QStringLiteral("-a"), 3}, {prefix + QStringLiteral("-b"), 2}, {prefix + QStringLiteral("-c"), 4}};
        QStringList names, counts;
        for (const auto &[name, partitions] : topics) {
            QVERIFY2(admin.createTopics({name}, partitions).isEmpty(), qPrintable(name));
            names << name;
            counts << QString::number(partitions);
        }
        const int members = 3;
        QProcess p;
        p.start(python.interpreter, {TestPython::script(QStringLiteral("kip848_assignment_steps.py")), kafka->bootstrap,
                                     names.join(QLatin1Char(',')), group, QString::number(members), QStringLiteral("uniform"),
                                     counts.join(QLatin1Char(','))});
        QVERIFY(p.waitForFinished(members * 100000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(err));
        QList<Assignment> steps;
        QList<QStringList> listed;
        QJsonObject ids;
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.contains(QStringLiteral("topic_ids")))
                ids = o.value(QStringLiteral("topic_ids")).toObject();
            if (!o.contains(QStringLiteral("step")))
                continue;
            Assignment a;
            const QJsonObject byMember = o.value(QStringLiteral("topic_assignment")).toObject();
            for (auto it = byMember.begin(); it != byMember.end(); ++it) {
                QList<TopicPartition> &mine = a[it.key()];
                for (const QJsonValue &v : it.value().toArray())
                    mine.append({v.toArray().at(0).toString(), v.toArray().at(1).toInt()});
                std::sort(mine.begin(), mine.end());
            }
            steps.append(a);
            QStringList order;
            for (const QJsonValue &v : o.value(QStringLiteral("members")).toArray())
                order << v.toString();
            listed.append(order);
        }
        QCOMPARE(steps.size(), members);
        QCOMPARE(ids.size(), topics.size());
        qInfo("topic ids: %s", QJsonDocument(ids).toJson(QJsonDocument::Compact).constData());   // to replay a failure
        Assignment previous;
        for (qsizetype step = 0; step < steps.size(); ++step) {
            AssignorInput input;
            for (const auto &[name, partitions] : topics)
                input.topics.append({name, partitions, ids.value(name).toString()});
            for (const QString &id : listed.at(step)) {
                AssignorMember m;
                m.memberId = id;
                m.topics = names;
                m.owned = previous.value(id);
                input.members.append(m);
            }
            const QStringList args = cliArgs(QStringLiteral("uniform"), input);
            const CliRun cli = runCli(args);
            QVERIFY2(cli.code == 0, qPrintable(cli.err));
            QVERIFY2(!cli.err.contains(QStringLiteral("by name")), qPrintable(cli.err));   // every id given
            // Owned topics whose ids share a bucket are kept in an order that
            // Kafka's history decides: then, and only then, the simulation
            // says so and may differ.
            const bool orderUnknown = cli.err.contains(QStringLiteral("share one place"));
            QVERIFY2(orderUnknown || cli.err.isEmpty(), qPrintable(cli.err));
            if (render(assignmentFromJson(cli.out)) != render(steps.at(step))) {   // to replay it
                qInfo("step %lld: cohort-cli %s\nKafka: %s", qlonglong(step + 1), qPrintable(args.join(u' ')),
                      qPrintable(render(steps.at(step))));
                if (orderUnknown) {
                    previous = steps.at(step);
                    continue;
                }
            }
            QCOMPARE(render(assignmentFromJson(cli.out)), render(steps.at(step)));
            AssignorInput byName = input;
            for (AssignorTopic &t : byName.topics)
                t.topicId.clear();
            const auto named = AssignmentSimulator::simulate(QStringLiteral("uniform"), byName);
            QVERIFY2(named, qPrintable(named.error()));
            if (render(named->assignment) != render(steps.at(step)))
                qInfo("step %lld: by name the simulation would have given %s", qlonglong(step + 1), qPrintable(render(named->assignment)));
            previous = steps.at(step);
        }
        admin.deleteGroup(group);
        for (const QString &t : std::as_const(names))
            admin.deleteTopic(t);
    }
};

QTEST_GUILESS_MAIN(TestAssignmentSimulatorLive)
#include "tst_assignment_simulator_live.moc"
