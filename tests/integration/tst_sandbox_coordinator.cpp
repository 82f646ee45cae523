// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's group coordinator seen by real clients over TCP: librdkafka
// consumers and admin calls, a raw-protocol member that stops heartbeating and a
// librdkafka consumer in a child process killed with SIGKILL.

#include "core/wire/ApiKey.h"
#include "core/wire/ConsumerProtocolDecoder.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/KafkaWireClient.h"
#include "core/wire/WireGroupMember.h"
#include "sandbox/SandboxCluster.h"

#include "ConsumerJoinRequest.h"
#include "RdKafkaTestClient.h"

#include <librdkafka/rdkafka.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <functional>
#include <memory>

using namespace cohort::ApiKey;
using namespace cohort::ErrorCode;

using namespace cohort;
using namespace cohort::sandbox;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSessionMs = 1500;
constexpr int kHeartbeatMs = 200;
// The coordinator's and the test's clocks read the same steady clock, but a
// request's arrival and the test's reading of its answer are a few ms apart.
constexpr int kClockSlackMs = 50;
const QString kTopic = u"orders"_s;
constexpr int kPartitions = 6;
constexpr int kRecordsPerPartition = 20;

// A librdkafka high-level consumer polled by the test (no thread of its own).
class RdConsumer
{
public:
    RdConsumer(const QString &bootstrap, const QString &group, const QMap<QString, QString> &extra = {})
    {
        char err[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        QMap<QString, QString> props{
            {u"bootstrap.servers"_s, bootstrap},
            {u"group.id"_s, group},
            {u"client.id"_s, u"tst-consumer"_s},
            {u"session.timeout.ms"_s, QString::number(kSessionMs)},
            {u"heartbeat.interval.ms"_s, QString::number(kHeartbeatMs)},
            {u"auto.offset.reset"_s, u"earliest"_s},
            {u"enable.auto.commit"_s, u"false"_s},
            {u"partition.assignment.strategy"_s, u"range"_s},
            {u"topic.metadata.refresh.interval.ms"_s, u"1000"_s},
            {u"reconnect.backoff.ms"_s, u"50"_s},
            {u"reconnect.backoff.max.ms"_s, u"500"_s},
            {u"log_level"_s, u"3"_s},
        };
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            props.insert(it.key(), it.value());
        for (auto it = props.cbegin(); it != props.cend(); ++it) {
            if (rd_kafka_conf_set(conf, it.key().toUtf8().constData(), it.value().toUtf8().constData(), err, sizeof err)
                != RD_KAFKA_CONF_OK)
                qWarning("consumer config %s: %s", qPrintable(it.key()), err);
        }
        rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
        if (!rk) {
            qWarning("rd_kafka_new: %s", err);
            return;
        }
        rd_kafka_poll_set_consumer(rk);
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, kTopic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(rk, topics);
        rd_kafka_topic_partition_list_destroy(topics);
    }
    ~RdConsumer() { close(); }

    bool valid() const { return rk != nullptr; }

    void poll(int ms)
    {
        if (!rk)
            return;
        rd_kafka_message_t *msg = rd_kafka_consumer_poll(rk, ms);
        while (msg) {
            if (!msg->err) {
                const int p = msg->partition;
                if (!firstOffset.contains(p))
                    firstOffset.insert(p, msg->offset);
                ++consumed;
            }
            rd_kafka_message_destroy(msg);
            msg = rd_kafka_consumer_poll(rk, 0);
        }
    }

    QList<int> assignment() const
    {
        QList<int> out;
        if (!rk)
            return out;
        rd_kafka_topic_partition_list_t *list = nullptr;
        if (rd_kafka_assignment(rk, &list) != RD_KAFKA_RESP_ERR_NO_ERROR || !list)
            return out;
        for (int i = 0; i < list->cnt; ++i)
            out.append(list->elems[i].partition);
        rd_kafka_topic_partition_list_destroy(list);
        std::sort(out.begin(), out.end());
        return out;
    }

    QString memberId() const
    {
        if (!rk)
            return {};
        char *id = rd_kafka_memberid(rk);
        const QString s = id ? QString::fromUtf8(id) : QString();
        if (id)
            rd_kafka_mem_free(rk, id);
        return s;
    }

    // Commits explicit offsets (synchronously) for any topic, as a member.
    rd_kafka_resp_err_t commit(const QString &topic, const QList<QPair<int, qint64>> &offsets)
    {
        return test::commitOffsets(rk, topic, offsets);
    }

    void close()
    {
        if (!rk)
            return;
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
        rk = nullptr;
    }

    rd_kafka_t *rk = nullptr;
    QHash<int, qint64> firstOffset;
    int consumed = 0;
};

// librdkafka admin calls, waited for on the calling thread.
class RdAdmin
{
public:
    explicit RdAdmin(const QString &bootstrap)
    {
        char err[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
        rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err);
        rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
        queue = rd_kafka_queue_new(rk);
    }
    ~RdAdmin()
    {
        rd_kafka_queue_destroy(queue);
        rd_kafka_destroy(rk);
    }

    // Per-partition error codes (partition -> error) of one group result, or the
    // group-level error in groupError.
    struct GroupOutcome
    {
        QString group;
        rd_kafka_resp_err_t groupError = RD_KAFKA_RESP_ERR_NO_ERROR;
        QMap<int, rd_kafka_resp_err_t> partitions;
        bool received = false;
    };

    GroupOutcome alterOffsets(const QString &group, const QList<QPair<int, qint64>> &offsets)
    {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(offsets.size());
        for (const auto &[p, o] : offsets)
            rd_kafka_topic_partition_list_add(list, kTopic.toUtf8().constData(), p)->offset = o;
        rd_kafka_AlterConsumerGroupOffsets_t *req = rd_kafka_AlterConsumerGroupOffsets_new(group.toUtf8().constData(), list);
        rd_kafka_topic_partition_list_destroy(list);
        rd_kafka_AlterConsumerGroupOffsets(rk, &req, 1, nullptr, queue);
        rd_kafka_AlterConsumerGroupOffsets_destroy(req);
        return waitGroups(RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT,
                          [](rd_kafka_event_t *ev, size_t *n) {
                              return rd_kafka_AlterConsumerGroupOffsets_result_groups(rd_kafka_event_AlterConsumerGroupOffsets_result(ev),
                                                                                      n);
                          })
            .value(0);
    }

    GroupOutcome deleteOffsets(const QString &group, const QString &topic, const QList<int> &partitions)
    {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(partitions.size());
        for (int p : partitions)
            rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), p);
        rd_kafka_DeleteConsumerGroupOffsets_t *req = rd_kafka_DeleteConsumerGroupOffsets_new(group.toUtf8().constData(), list);
        rd_kafka_topic_partition_list_destroy(list);
        rd_kafka_DeleteConsumerGroupOffsets(rk, &req, 1, nullptr, queue);
        rd_kafka_DeleteConsumerGroupOffsets_destroy(req);
        return waitGroups(RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT,
                          [](rd_kafka_event_t *ev, size_t *n) {
                              return rd_kafka_DeleteConsumerGroupOffsets_result_groups(rd_kafka_event_DeleteConsumerGroupOffsets_result(ev),
                                                                                       n);
                          })
            .value(0);
    }

    QList<GroupOutcome> deleteGroups(const QStringList &groups)
    {
        QList<rd_kafka_DeleteGroup_t *> dels;
        for (const auto &g : groups)
            dels.append(rd_kafka_DeleteGroup_new(g.toUtf8().constData()));
        rd_kafka_DeleteGroups(rk, dels.data(), size_t(dels.size()), nullptr, queue);
        rd_kafka_DeleteGroup_destroy_array(dels.data(), size_t(dels.size()));
        return waitGroups(RD_KAFKA_EVENT_DELETEGROUPS_RESULT, [](rd_kafka_event_t *ev, size_t *n) {
            return rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(ev), n);
        });
    }

private:
    QList<GroupOutcome> waitGroups(rd_kafka_event_type_t type,
                                   const std::function<const rd_kafka_group_result_t **(rd_kafka_event_t *, size_t *)> &groupsOf)
    {
        QList<GroupOutcome> out;
        rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 20000);
        if (!ev) {
            qWarning("admin call: no result within 20 s");
            return out;
        }
        if (rd_kafka_event_type(ev) != type || rd_kafka_event_error(ev)) {
            // A request-level error (e.g. OffsetDelete's top-level GROUP_ID_NOT_FOUND)
            // arrives as the event's error: tests compare it as the group error.
            if (rd_kafka_event_type(ev) != type)
                qWarning("admin call: unexpected result event %s", rd_kafka_event_name(ev));
            GroupOutcome o;
            o.received = true;
            o.groupError = rd_kafka_event_error(ev);
            out.append(o);
            rd_kafka_event_destroy(ev);
            return out;
        }
        size_t n = 0;
        const rd_kafka_group_result_t **groups = groupsOf(ev, &n);
        for (size_t i = 0; i < n; ++i) {
            GroupOutcome o;
            o.received = true;
            o.group = QString::fromUtf8(rd_kafka_group_result_name(groups[i]));
            if (const rd_kafka_error_t *e = rd_kafka_group_result_error(groups[i]))
                o.groupError = rd_kafka_error_code(e);
            if (const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(groups[i])) {
                for (int k = 0; k < parts->cnt; ++k)
                    o.partitions.insert(parts->elems[k].partition, parts->elems[k].err);
            }
            out.append(o);
        }
        rd_kafka_event_destroy(ev);
        return out;
    }

    rd_kafka_t *rk = nullptr;
    rd_kafka_queue_t *queue = nullptr;
};

// The child process of killedConsumerIsRemoved: one consumer that polls until killed.
int runChildConsumer(const QString &bootstrap, const QString &group)
{
    RdConsumer consumer(bootstrap, group, {{u"client.id"_s, u"doomed-child"_s}});
    if (!consumer.valid())
        return 2;
    for (;;)
        consumer.poll(100);
}

}   // namespace

class tst_SandboxCoordinator : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxCluster> cluster;

    // Polls every consumer until cond holds or the timeout passes.
    bool pollUntil(const QList<RdConsumer *> &consumers, const std::function<bool()> &cond, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            for (RdConsumer *c : consumers)
                c->poll(20);
            QCoreApplication::processEvents();
            if (cond())
                return true;
        }
        return cond();
    }

    SandboxGroupInfo info(const QString &group) const { return cluster->groupInfo(group); }

    bool stableWith(const QString &group, int members) const
    {
        const auto i = info(group);
        return i.state == u"Stable"_s && i.members.size() == members;
    }

    static QList<int> sorted(QList<int> l)
    {
        std::sort(l.begin(), l.end());
        return l;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxConfig config;
        config.brokers = 3;
        config.initialRebalanceDelayMs = 0;
        config.minSessionTimeoutMs = 500;
        config.logToStderr = false;
        cluster = std::make_unique<SandboxCluster>(config);
        QString error;
        QVERIFY2(cluster->start(&error), qPrintable(error));
        QVERIFY(cluster->createTopic(kTopic, kPartitions, &error));
        QVERIFY(cluster->createTopic(u"audit"_s, 2, &error));
        for (int p = 0; p < kPartitions; ++p) {
            QList<QPair<QByteArray, QByteArray>> records;
            for (int i = 0; i < kRecordsPerPartition; ++i)
                records.append({QByteArray::number(i), "value-"_ba + QByteArray::number(i)});
            QVERIFY(cluster->appendRecords(kTopic, p, records) >= 0);
        }
    }

    void cleanupTestCase() { cluster.reset(); }

    // A raw-protocol member joins with two librdkafka consumers, then stops
    // heartbeating: after its session timeout it is removed and the two others
    // rebalance and share every partition.
    void silentMemberIsRemovedAfterSessionTimeout()
    {
        const QString group = u"g-silent"_s;
        RdConsumer a(cluster->bootstrapServers(), group);
        RdConsumer b(cluster->bootstrapServers(), group);
        QVERIFY(pollUntil({&a, &b}, [&] { return stableWith(group, 2) && a.assignment().size() + b.assignment().size() == kPartitions; }));

        const int coordinator = cluster->coordinatorOf(group);
        QVERIFY(coordinator >= 0);
        KafkaWireClient wire;
        wire.setClientId(u"silent-member"_s);
        wire.connectToBroker(u"127.0.0.1"_s, cluster->brokerPort(coordinator));

        JoinGroupRequest join = test::rangeConsumerJoin(group, kTopic, kSessionMs, 10000);
        auto body = wire.request(ApiKey::JoinGroup, 5, GroupApiCodec::encode(join, 5), 10000);
        QVERIFY2(body, qPrintable(body.error()));
        ByteReader r1(*body);
        const auto required = GroupApiCodec::decodeJoinGroupResponse(r1, 5);
        QVERIFY(required);
        QCOMPARE(required->errorCode, qint16(MemberIdRequired));
        join.memberId = required->memberId;

        // The real join waits for the round: the consumers must rejoin, so poll them meanwhile.
        std::optional<JoinGroupResponse> joined;
        wire.send(ApiKey::JoinGroup, 5, GroupApiCodec::encode(join, 5), [&](Result<QByteArray, QString> b) {
            if (!b)
                return;
            ByteReader r(*b);
            joined = GroupApiCodec::decodeJoinGroupResponse(r, 5);
        });
        QVERIFY(pollUntil({&a, &b}, [&] { return joined.has_value(); }));
        QCOMPARE(joined->errorCode, qint16(None));
        const int generationWithSilent = joined->generationId;
        std::optional<SyncGroupResponse> synced;
        // The silent member's session runs from its last request, the SyncGroup:
        // the coordinator has it before its answer arrives, so timing from the
        // answer can only under-measure the silence, never over-measure it.
        QElapsedTimer silence;
        SyncGroupRequest sync{group, joined->generationId, joined->memberId, std::nullopt, {}};
        wire.send(ApiKey::SyncGroup, 3, GroupApiCodec::encode(sync, 3), [&](Result<QByteArray, QString> b) {
            if (!b)
                return;
            silence.start();
            ByteReader r(*b);
            synced = GroupApiCodec::decodeSyncGroupResponse(r, 3);
        });
        QVERIFY(pollUntil({&a, &b}, [&] { return synced.has_value() && stableWith(group, 3); }));
        QCOMPARE(synced->errorCode, qint16(None));
        const auto assigned = ConsumerProtocolDecoder::decodeAssignment(synced->assignment);
        QVERIFY(assigned.ok());
        QCOMPARE(assigned->partitions.size(), kPartitions / 3);   // one topic

        // Now silence: no heartbeat. Removal comes after the session timeout, not before.
        QVERIFY(pollUntil(
            {&a, &b}, [&] { return info(group).members.size() == 2; }, 10000));
        QVERIFY2(silence.elapsed() >= kSessionMs - kClockSlackMs, qPrintable(QString::number(silence.elapsed())));
        QVERIFY(pollUntil({&a, &b}, [&] {
            return stableWith(group, 2) && a.assignment().size() + b.assignment().size() == kPartitions && !a.assignment().isEmpty()
                   && !b.assignment().isEmpty();
        }));
        QVERIFY(info(group).generationId > generationWithSilent);
        for (const auto &m : info(group).members)
            QVERIFY(m.memberId != joined->memberId);
        a.close();
        b.close();
    }

    // A librdkafka consumer in another process, killed with SIGKILL (no LeaveGroup):
    // the survivors get its partitions once its session times out.
    void killedConsumerIsRemoved()
    {
        const QString group = u"g-killed"_s;
        RdConsumer survivor(cluster->bootstrapServers(), group);
        QVERIFY(pollUntil({&survivor}, [&] { return stableWith(group, 1) && survivor.assignment().size() == kPartitions; }));
        const int generationBefore = info(group).generationId;

        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {u"--child-consumer"_s, cluster->bootstrapServers(), group});
        QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));
        QVERIFY(pollUntil({&survivor}, [&] { return stableWith(group, 2) && survivor.assignment().size() == kPartitions / 2; }));
        const int generationWithChild = info(group).generationId;
        QVERIFY(generationWithChild > generationBefore);

        // Timed from just before the kill: the child's last heartbeat came at
        // most one heartbeat interval earlier (librdkafka sends them from its
        // own thread), so its session cannot end sooner than this after the kill.
        QElapsedTimer t;
        t.start();
        child.kill();   // SIGKILL: no LeaveGroup, no goodbye
        QVERIFY(child.waitForFinished(5000));
        QVERIFY(pollUntil(
            {&survivor}, [&] { return info(group).members.size() == 1; }, 10000));
        QVERIFY2(t.elapsed() >= kSessionMs - kHeartbeatMs - kClockSlackMs, qPrintable(QString::number(t.elapsed())));
        QVERIFY(pollUntil({&survivor}, [&] { return stableWith(group, 1) && survivor.assignment().size() == kPartitions; }));
        QVERIFY(info(group).generationId > generationWithChild);
        survivor.close();
    }

    // A static member that restarts (close without LeaveGroup, new process state,
    // same group.instance.id) takes its place back without a rebalance.
    void staticMemberRestartDoesNotRebalance()
    {
        const QString group = u"g-static"_s;
        const QMap<QString, QString> s1{{u"group.instance.id"_s, u"static-1"_s}, {u"session.timeout.ms"_s, u"6000"_s}};
        const QMap<QString, QString> s2{{u"group.instance.id"_s, u"static-2"_s}, {u"session.timeout.ms"_s, u"6000"_s}};
        auto first = std::make_unique<RdConsumer>(cluster->bootstrapServers(), group, s1);
        RdConsumer second(cluster->bootstrapServers(), group, s2);
        QVERIFY(pollUntil({first.get(), &second}, [&] {
            return stableWith(group, 2) && first->assignment().size() == kPartitions / 2 && second.assignment().size() == kPartitions / 2;
        }));
        const auto before = info(group);
        const QList<int> firstPartitions = first->assignment();
        const QString oldMemberId = first->memberId();

        first->close();   // static members do not send LeaveGroup
        first.reset();
        QCOMPARE(info(group).members.size(), 2);

        RdConsumer restarted(cluster->bootstrapServers(), group, s1);
        QVERIFY(pollUntil({&restarted, &second}, [&] { return restarted.assignment() == firstPartitions; }));
        const auto after = info(group);
        QCOMPARE(after.state, u"Stable"_s);
        QCOMPARE(after.generationId, before.generationId);   // no rebalance
        QCOMPARE(after.members.size(), 2);
        QVERIFY(restarted.memberId() != oldMemberId);
        bool found = false;
        for (const auto &m : after.members) {
            if (m.groupInstanceId == u"static-1"_s) {
                found = true;
                QCOMPARE(m.memberId, restarted.memberId());
            }
        }
        QVERIFY(found);
        QCOMPARE(second.assignment().size(), kPartitions / 2);
        // Still no rebalance a little later (the fenced old id does not disturb it).
        QVERIFY(pollUntil(
                    {&restarted, &second}, [&] { return false; }, 1000)
                == false);
        QCOMPARE(info(group).generationId, before.generationId);
        restarted.close();
        second.close();
    }

    // Admin commits (generation -1, no member) are refused with UNKNOWN_MEMBER_ID
    // while the group has members and accepted once it is Empty; a consumer that
    // starts afterwards resumes from them.
    void adminCommitOnlyWhenEmptyAndConsumerResumes()
    {
        const QString group = u"g-reset"_s;
        RdAdmin admin(cluster->bootstrapServers());
        auto member = std::make_unique<RdConsumer>(cluster->bootstrapServers(), group);
        QVERIFY(pollUntil({member.get()}, [&] { return stableWith(group, 1) && member->assignment().size() == kPartitions; }));

        auto refused = admin.alterOffsets(group, {{0, 5}, {1, 6}});
        QVERIFY(refused.received);
        QCOMPARE(refused.partitions.value(0, RD_KAFKA_RESP_ERR_NO_ERROR), RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID);
        QCOMPARE(cluster->committedOffset(group, kTopic, 0), -1);

        member->close();   // dynamic member: LeaveGroup, the group becomes Empty
        member.reset();
        QTRY_COMPARE_WITH_TIMEOUT(info(group).state, u"Empty"_s, 5000);

        QList<QPair<int, qint64>> target;
        for (int p = 0; p < kPartitions; ++p)
            target.append({p, 3 + p});
        const auto accepted = admin.alterOffsets(group, target);
        QVERIFY(accepted.received);
        QCOMPARE(accepted.groupError, RD_KAFKA_RESP_ERR_NO_ERROR);
        for (int p = 0; p < kPartitions; ++p) {
            QCOMPARE(accepted.partitions.value(p, RD_KAFKA_RESP_ERR__FAIL), RD_KAFKA_RESP_ERR_NO_ERROR);
            QCOMPARE(cluster->committedOffset(group, kTopic, p), qint64(3 + p));
        }

        RdConsumer resumed(cluster->bootstrapServers(), group);
        QVERIFY(pollUntil({&resumed}, [&] { return resumed.firstOffset.size() == kPartitions; }));
        for (int p = 0; p < kPartitions; ++p)
            QCOMPARE(resumed.firstOffset.value(p), qint64(3 + p));
        resumed.close();
    }

    // DeleteGroups and OffsetDelete through librdkafka's admin API, errors as Kafka's.
    void deleteGroupsAndOffsetDelete()
    {
        const QString live = u"g-live"_s;
        const QString idle = u"g-idle"_s;
        RdAdmin admin(cluster->bootstrapServers());
        QVERIFY(admin.alterOffsets(idle, {{0, 1}}).received);
        QCOMPARE(cluster->committedOffset(idle, kTopic, 0), 1);

        RdConsumer member(cluster->bootstrapServers(), live);
        QVERIFY(pollUntil({&member}, [&] { return stableWith(live, 1) && member.assignment().size() == kPartitions; }));
        // The member commits for its topic and for a topic it does not subscribe to.
        QCOMPARE(member.commit(kTopic, {{0, 4}}), RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(member.commit(u"audit"_s, {{0, 2}, {1, 2}}), RD_KAFKA_RESP_ERR_NO_ERROR);

        const auto subscribed = admin.deleteOffsets(live, kTopic, {0});
        QVERIFY(subscribed.received);
        QCOMPARE(subscribed.partitions.value(0, RD_KAFKA_RESP_ERR_NO_ERROR), RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC);
        QCOMPARE(cluster->committedOffset(live, kTopic, 0), 4);
        const auto other = admin.deleteOffsets(live, u"audit"_s, {0, 1});
        QVERIFY(other.received);
        QCOMPARE(other.groupError, RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(other.partitions.value(0, RD_KAFKA_RESP_ERR__FAIL), RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(cluster->committedOffset(live, u"audit"_s, 0), -1);
        const auto unknownGroup = admin.deleteOffsets(u"g-never"_s, kTopic, {0});
        QVERIFY(unknownGroup.received);
        QCOMPARE(unknownGroup.groupError, RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND);

        const auto results = admin.deleteGroups({live, idle, u"g-never"_s});
        QCOMPARE(results.size(), 3);
        QHash<QString, rd_kafka_resp_err_t> byGroup;
        for (const auto &res : results)
            byGroup.insert(res.group, res.groupError);
        QCOMPARE(byGroup.size(), 3);
        QCOMPARE(byGroup.value(live), RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP);
        QCOMPARE(byGroup.value(idle), RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(byGroup.value(u"g-never"_s), RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND);
        QCOMPARE(info(idle).state, u"Dead"_s);
        QCOMPARE(cluster->committedOffset(idle, kTopic, 0), -1);
        QCOMPARE(info(live).state, u"Stable"_s);
        member.close();
    }

    // A group of another protocol type formed by raw-protocol members: the
    // coordinator treats it like any classic group (Kafka Connect, schema registry).
    void nonConsumerProtocolGroup()
    {
        const QString group = u"g-connect"_s;
        const int port = cluster->brokerPort(cluster->brokerIds().first());
        auto makeMember = [&](const QString &clientId) {
            WireGroupMember::Options o;
            o.groupId = group;
            o.clientId = clientId;
            o.protocolType = u"connect"_s;
            o.protocols = {{u"sessioned"_s, "worker-metadata"_ba}, {u"default"_s, "worker-metadata"_ba}};
            o.sessionTimeoutMs = kSessionMs;
            o.heartbeatIntervalMs = kHeartbeatMs;
            auto m = std::make_unique<WireGroupMember>(o);
            m->setAssignor([](const QString &, const QList<JoinGroupResponse::Member> &members) {
                QList<SyncGroupRequest::Assignment> out;
                for (qsizetype i = 0; i < members.size(); ++i)
                    out.append({members[i].memberId, "task-"_ba + QByteArray::number(i)});
                return out;
            });
            m->start(u"127.0.0.1"_s, quint16(port));
            return m;
        };
        auto w1 = makeMember(u"worker-1"_s);
        auto w2 = makeMember(u"worker-2"_s);
        QTRY_VERIFY_WITH_TIMEOUT(stableWith(group, 2) && !w1->assignment().isEmpty() && !w2->assignment().isEmpty(), 20000);
        const auto i = info(group);
        QCOMPARE(i.protocolType, u"connect"_s);
        QCOMPARE(i.protocol, u"sessioned"_s);
        QVERIFY(w1->isLeader() != w2->isLeader());
        QVERIFY(w1->assignment() != w2->assignment());

        // One worker dies silently: the other keeps the group after the session timeout.
        const int generation = i.generationId;
        w2->stop();
        QTRY_VERIFY_WITH_TIMEOUT(stableWith(group, 1) && info(group).generationId > generation, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w1->generationId(), info(group).generationId, 10000);
        w1->leave();
        QTRY_COMPARE_WITH_TIMEOUT(info(group).state, u"Empty"_s, 10000);
    }

    // The wrong broker answers NOT_COORDINATOR; after a coordinator move the group
    // and its offsets are still there and the consumer finds the new coordinator.
    void coordinatorMoveKeepsGroupAndOffsets()
    {
        const QString group = u"g-move"_s;
        RdConsumer member(cluster->bootstrapServers(), group);
        QVERIFY(pollUntil({&member}, [&] { return stableWith(group, 1) && member.assignment().size() == kPartitions; }));
        QCOMPARE(member.commit(kTopic, {{2, 7}}), RD_KAFKA_RESP_ERR_NO_ERROR);

        const int coordinator = cluster->coordinatorOf(group);
        int other = -1;
        for (int id : cluster->brokerIds())
            if (id != coordinator)
                other = id;
        QVERIFY(other >= 0);

        KafkaWireClient wire;
        wire.connectToBroker(u"127.0.0.1"_s, cluster->brokerPort(other));
        HeartbeatRequest hb{group, info(group).generationId, member.memberId(), std::nullopt};
        auto body = wire.request(ApiKey::Heartbeat, 3, GroupApiCodec::encode(hb, 3), 10000);
        QVERIFY2(body, qPrintable(body.error()));
        ByteReader r(*body);
        QCOMPARE(GroupApiCodec::decodeHeartbeatResponse(r, 3)->errorCode, qint16(NotCoordinator));

        cluster->moveCoordinator(group, other);
        QCOMPARE(cluster->coordinatorOf(group), other);
        QCOMPARE(cluster->committedOffset(group, kTopic, 2), 7);
        // The member rediscovers the coordinator and can commit again.
        QVERIFY(pollUntil({&member}, [&] { return member.commit(kTopic, {{2, 9}}) == RD_KAFKA_RESP_ERR_NO_ERROR; }));
        QCOMPARE(cluster->committedOffset(group, kTopic, 2), 9);
        QCOMPARE(info(group).state, u"Stable"_s);
        member.close();
        cluster->clearFaults();
    }
};

int main(int argc, char **argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--child-consumer") == 0)
        return runChildConsumer(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    QCoreApplication app(argc, argv);
    tst_SandboxCoordinator test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandbox_coordinator.moc"
