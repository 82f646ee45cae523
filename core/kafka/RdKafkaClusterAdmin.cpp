// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/RdKafkaClusterAdmin.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/kafka/LeaveGroupAsAdmin.h"
#include "core/kafka/RdKafkaHandle.h"
#include "core/wire/ApiKey.h"
#include "core/wire/ConsumerProtocolDecoder.h"
#include "core/wire/CoordinatorLocator.h"
#include "core/wire/DescribeGroupsCodec.h"
#include "core/wire/ErrorCode.h"
#include "core/wire/GroupApiCodec.h"
#include "core/wire/WireGroupMember.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>

Q_LOGGING_CATEGORY(lcAdmin, "cohort.admin")

namespace cohort {

using Handle = RdKafkaClusterClient::Handle;
using rdkafka::runAsync;
using rdkafka::str;
using HandlePtr = std::shared_ptr<Handle>;
using KafkaErrorHints::Action;

namespace {

constexpr qint16 kLeaveGroupVersion = 3;   // the first with a members list (KIP-345)
constexpr int kCoordinatorAttempts = 3;

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RdKafkaClusterAdmin)
};

// Logs a failed call once, here, where it is turned into the caller's error.
template<typename T>
Result<T> logged(const char *what, const QString &groupId, Result<T> result)
{
    if (!result)
        qCWarning(lcAdmin).noquote() << what << groupId << "failed:" << result.error().toString();
    else
        qCInfo(lcAdmin).noquote() << what << groupId << "done";
    return result;
}

// Per-partition answers; partitions that were refused are logged once, summed up.
Result<QList<PartitionWriteOutcome>> loggedPartitions(const char *what, const QString &groupId, Result<QList<PartitionWriteOutcome>> result)
{
    if (result) {
        QStringList refused;
        for (const PartitionWriteOutcome &o : result.value())
            if (o.error)
                refused << o.tp.name() + QLatin1Char(' ') + o.error.name;
        if (!refused.isEmpty()) {
            qCWarning(lcAdmin).noquote() << what << groupId << "refused for" << refused.size() << "of" << result->size()
                                         << "partitions:" << refused.join(QStringLiteral(", "));
            return result;
        }
    }
    return logged(what, groupId, std::move(result));
}

bool coordinatorMoved(qint16 code)
{
    return code == ErrorCode::NotCoordinator || code == ErrorCode::CoordinatorNotAvailable || code == ErrorCode::CoordinatorLoadInProgress;
}

KafkaError ownConnectionsNeeded(const QString &what)
{
    return KafkaError::make(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED, QStringLiteral("_NOT_IMPLEMENTED"),
                            Text::tr("%1 needs Cohort's own connections to the brokers, which speak PLAINTEXT or SSL, "
                                     "with SASL only as PLAIN or SCRAM.")
                                .arg(what),
                            Text::tr("librdkafka 2.0.2 cannot do this: connect with SASL PLAIN or SCRAM (or none) "
                                     "instead of GSSAPI or OAUTHBEARER, or use kafka-consumer-groups.sh."));
}

// One admin call whose result is one group's: issues it on its own queue,
// waits on this (pool) thread, and hands the group result to `take` while
// the event is alive.
template<typename T, typename Issue, typename Groups, typename Take>
Result<T> groupAdminCall(const HandlePtr &h, rd_kafka_admin_op_t op, int timeoutMs, Action action, Issue issue, Groups groupsOf, Take take)
{
    rd_kafka_queue_t *q = rd_kafka_queue_new(h->rk);
    rd_kafka_AdminOptions_t *o = h->adminOptions(op, timeoutMs);
    issue(h->rk, o, q);
    Result<T> out = KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TIMED_OUT, {}, action);
    if (rd_kafka_event_t *ev = Handle::awaitEvent(q, timeoutMs)) {
        if (const rd_kafka_resp_err_t err = rd_kafka_event_error(ev)) {
            const QString detail = str(rd_kafka_event_error_string(ev));
            out = err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__TIMED_OUT
                      ? h->withDetail(err)
                      : KafkaErrorHints::fromRdKafka(err, detail, action);
        } else {
            size_t n = 0;
            const rd_kafka_group_result_t **groups = groupsOf(ev, &n);
            if (groups && n == 1)
                out = take(groups[0]);
            else
                out = KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__BAD_MSG, Text::tr("librdkafka answered for %1 groups, not one").arg(n),
                                                   action);
        }
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_AdminOptions_destroy(o);
    rd_kafka_queue_destroy(q);
    return out;
}

// The partitions of a group result as outcomes; a group-level error fails the call.
Result<QList<PartitionWriteOutcome>> partitionOutcomes(const rd_kafka_group_result_t *group, bool keepOffsets, Action action)
{
    if (const rd_kafka_error_t *e = rd_kafka_group_result_error(group))
        return KafkaErrorHints::fromRdKafka(rd_kafka_error_code(e), str(rd_kafka_error_string(e)), action);
    QList<PartitionWriteOutcome> out;
    const rd_kafka_topic_partition_list_t *parts = rd_kafka_group_result_partitions(group);
    for (int i = 0; parts && i < parts->cnt; ++i) {
        const rd_kafka_topic_partition_t &p = parts->elems[i];
        PartitionWriteOutcome o;
        o.tp = TopicPartition{str(p.topic), p.partition};
        o.offset = keepOffsets ? p.offset : -1;
        if (p.err)
            o.error = KafkaErrorHints::fromRdKafka(p.err, {}, action);
        out.append(std::move(o));
    }
    std::sort(out.begin(), out.end(), [](const PartitionWriteOutcome &a, const PartitionWriteOutcome &b) {
        return a.tp.topic != b.tp.topic ? a.tp.topic < b.tp.topic : a.tp.partition < b.tp.partition;
    });
    return out;
}

rd_kafka_topic_partition_list_t *partitionList(const QList<QPair<TopicPartition, qint64>> &partitions)
{
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(partitions.size()));
    for (const auto &[tp, offset] : partitions)
        rd_kafka_topic_partition_list_add(list, tp.topic.toUtf8().constData(), tp.partition)->offset = offset;
    return list;
}

// The librdkafka calls of an admin API on some partitions of one group.
// AlterConsumerGroupOffsets and DeleteConsumerGroupOffsets have this same shape,
// so that one function (groupPartitionsCall) issues either.
template<typename Request, typename Answer>
struct GroupPartitionsApi
{
    rd_kafka_admin_op_t op;
    Action action;
    const char *name;   // in the log
    bool keepOffsets;   // whether the answer's offsets are the outcomes' (commit) or not (delete)
    Request *(*make)(const char *group, const rd_kafka_topic_partition_list_t *partitions);
    void (*issue)(rd_kafka_t *rk, Request **requests, size_t count, const rd_kafka_AdminOptions_t *options, rd_kafka_queue_t *queue);
    void (*destroy)(Request *request);
    const Answer *(*answer)(rd_kafka_event_t *ev);
    const rd_kafka_group_result_t **(*groups)(const Answer *answer, size_t *count);
};

const GroupPartitionsApi<rd_kafka_AlterConsumerGroupOffsets_t, rd_kafka_AlterConsumerGroupOffsets_result_t> kCommitOffsetsApi{
    RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
    Action::CommitOffsets,
    "commitOffsets",
    true,
    rd_kafka_AlterConsumerGroupOffsets_new,
    rd_kafka_AlterConsumerGroupOffsets,
    rd_kafka_AlterConsumerGroupOffsets_destroy,
    rd_kafka_event_AlterConsumerGroupOffsets_result,
    rd_kafka_AlterConsumerGroupOffsets_result_groups};

const GroupPartitionsApi<rd_kafka_DeleteConsumerGroupOffsets_t, rd_kafka_DeleteConsumerGroupOffsets_result_t> kDeleteOffsetsApi{
    RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
    Action::DeleteOffsets,
    "deleteOffsets",
    false,
    rd_kafka_DeleteConsumerGroupOffsets_new,
    rd_kafka_DeleteConsumerGroupOffsets,
    rd_kafka_DeleteConsumerGroupOffsets_destroy,
    rd_kafka_event_DeleteConsumerGroupOffsets_result,
    rd_kafka_DeleteConsumerGroupOffsets_result_groups};

// One such call on a pool thread: no partitions is nothing to do (no request,
// no log line); otherwise the per-partition outcomes, logged.
template<typename Request, typename Answer>
Result<QList<PartitionWriteOutcome>> groupPartitionsCall(const GroupPartitionsApi<Request, Answer> &api, const HandlePtr &h, int timeoutMs,
                                                         const QString &groupId, const QList<QPair<TopicPartition, qint64>> &partitions)
{
    if (partitions.isEmpty())
        return QList<PartitionWriteOutcome>{};
    const QByteArray group = groupId.toUtf8();
    auto result = groupAdminCall<QList<PartitionWriteOutcome>>(
        h, api.op, timeoutMs, api.action,
        [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
            rd_kafka_topic_partition_list_t *list = partitionList(partitions);
            Request *req = api.make(group.constData(), list);
            api.issue(rk, &req, 1, o, q);
            api.destroy(req);
            rd_kafka_topic_partition_list_destroy(list);
        },
        [&](rd_kafka_event_t *ev, size_t *n) {
            const Answer *res = api.answer(ev);
            return res ? api.groups(res, n) : nullptr;
        },
        [&](const rd_kafka_group_result_t *g) { return partitionOutcomes(g, api.keepOffsets, api.action); });
    return loggedPartitions(api.name, groupId, std::move(result));
}

// --- Cohort's own group requests (removeMembers, triggerRebalance) -----------

// The group as its coordinator describes it (DescribeGroups, with instance ids).
Result<GroupDescription> describeOnCoordinator(KafkaWireConnection &coordinator, const QString &groupId, Action action)
{
    const auto body
        = coordinator.roundTrip(DescribeGroupsCodec::kApiKey, DescribeGroupsCodec::kVersion, DescribeGroupsCodec::encodeRequest({groupId}));
    if (!body)
        return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TRANSPORT, body.error(), action);
    const auto groups = DescribeGroupsCodec::decodeResponse(*body);
    if (!groups || groups->size() != 1)
        return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__BAD_MSG, Text::tr("malformed DescribeGroups response for group %1").arg(groupId),
                                            action);
    if (groups->first().errorCode != ErrorCode::None)
        return KafkaErrorHints::fromRdKafka(groups->first().errorCode, Text::tr("DescribeGroups for group %1").arg(groupId), action);
    return groups->first();
}

// Sends one request to the group's coordinator, finding it again (a few
// times) while it moves; `read` decodes the answer and returns its top-level
// error code next to the value.
template<typename T, typename Read>
Result<T> onCoordinator(const HandlePtr &h, int timeoutMs, const QString &groupId, Action action, qint16 apiKey, qint16 version,
                        const QByteArray &request, Read read)
{
    KafkaError last;
    for (int attempt = 0; attempt < kCoordinatorAttempts; ++attempt) {
        if (attempt > 0)
            QThread::msleep(200 * attempt);   // a pool thread; the coordinator needs a moment to settle
        const auto coordinator = CoordinatorLocator::open(h->bootstrap, groupId, h->sasl, timeoutMs, h->tls);
        if (!coordinator) {
            last = coordinator.error();
            if (coordinatorMoved(qint16(last.code)))
                continue;
            return KafkaErrorHints::fromRdKafka(last.code, last.message, action);
        }
        const auto body = coordinator.value()->roundTrip(apiKey, version, request);
        if (!body)
            return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TRANSPORT, body.error(), action);
        ByteReader r(*body);
        std::optional<std::pair<qint16, T>> answer = read(r, version);
        if (!answer)
            return KafkaErrorHints::fromRdKafka(
                RD_KAFKA_RESP_ERR__BAD_MSG,
                Text::tr("malformed %1 response for group %2").arg(QString::fromLatin1(ApiKey::name(apiKey)), groupId), action);
        if (coordinatorMoved(answer->first)) {
            last = KafkaErrorHints::fromRdKafka(answer->first, {}, action);
            continue;
        }
        if (answer->first != ErrorCode::None)
            return KafkaErrorHints::fromRdKafka(answer->first,
                                                Text::tr("%1 for group %2").arg(QString::fromLatin1(ApiKey::name(apiKey)), groupId), action);
        return std::move(answer->second);
    }
    return last;
}

Result<QList<MemberRemovalOutcome>> leaveAsAdmin(const HandlePtr &h, int timeoutMs, const QString &groupId, const QList<MemberRef> &members,
                                                 Action action)
{
    const LeaveGroupRequest request = LeaveGroupAsAdmin::request(groupId, members);
    auto answer = onCoordinator<LeaveGroupResponse>(
        h, timeoutMs, groupId, action, ApiKey::LeaveGroup, kLeaveGroupVersion, GroupApiCodec::encode(request, kLeaveGroupVersion),
        [](ByteReader &r, qint16 version) -> std::optional<std::pair<qint16, LeaveGroupResponse>> {
            auto response = GroupApiCodec::decodeLeaveGroupResponse(r, version);
            if (!response)
                return std::nullopt;
            return std::pair{response->errorCode, std::move(*response)};
        });
    if (!answer)
        return answer.error();
    return LeaveGroupAsAdmin::outcomes(members, *answer, action);
}

// The first bootstrap server as host and port, for the temporary member.
std::optional<KafkaWireConnection::Address> firstBootstrap(const QString &bootstrap)
{
    for (const QString &entry : bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const auto address = KafkaWireConnection::splitHostPort(entry))
            return address;
    return std::nullopt;
}

QByteArray emptySubscription(const QString &protocolType)
{
    // A consumer subscription v0 with no topics: every assignor gives such a
    // member no partitions. Other protocol types get empty metadata, which
    // their leaders must read as "nothing wanted" (Connect's and the schema
    // registry's leaders skip members they cannot parse).
    if (protocolType == QLatin1String("consumer"))
        return ConsumerProtocolDecoder::encodeSubscription(ConsumerSubscription{});
    return {};
}

// Joins as a temporary member on this (pool) thread with a local event loop,
// leaves as soon as it is in the group, and reports the generations.
Result<RebalanceTriggerReport> runTrigger(const HandlePtr &h, int timeoutMs, const QString &groupId, const QString &protocolType,
                                          const QString &assignor)
{
    constexpr Action action = Action::TriggerRebalance;
    QElapsedTimer clock;
    clock.start();
    RebalanceTriggerReport report;
    {
        const auto coordinator = CoordinatorLocator::open(h->bootstrap, groupId, h->sasl, timeoutMs, h->tls);
        if (!coordinator)
            return KafkaErrorHints::fromRdKafka(coordinator.error().code, coordinator.error().message, action);
        const auto before = describeOnCoordinator(*coordinator.value(), groupId, action);
        if (!before)
            return before.error();
        report.stateBefore = before->state;
        report.membersBefore = int(before->members.size());
        if (before->members.isEmpty())
            return KafkaError::make(
                RD_KAFKA_RESP_ERR__STATE, QStringLiteral("_STATE"),
                Text::tr("Group %1 has no active members (%2): there is nothing to rebalance.").arg(groupId, groupStateToString(before->state)),
                Text::tr("A rebalance only moves partitions between running members: start the group's consumers first."));
    }
    const std::optional<KafkaWireConnection::Address> bootstrap = firstBootstrap(h->bootstrap);
    if (!bootstrap)
        return KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__INVALID_ARG, Text::tr("no usable bootstrap server in %1").arg(h->bootstrap),
                                            action);

    WireGroupMember::Options options;
    options.groupId = groupId;
    options.clientId = kRebalanceTriggerClientId;
    options.protocolType = protocolType;
    options.protocols = {{assignor, emptySubscription(protocolType)}};
    options.groupInstanceId = std::nullopt;   // never a real member's static identity
    options.sasl = h->sasl;
    options.tls = h->tls;
    options.rebalanceTimeoutMs = timeoutMs;
    options.sessionTimeoutMs = qBound(6000, timeoutMs, 30000);   // Kafka's default group.min.session.timeout.ms is 6 s
    options.heartbeatIntervalMs = 1000;
    options.retryBackoffMs = 200;

    std::optional<KafkaError> failure;
    bool leaving = false;
    QEventLoop loop;
    auto member = std::make_unique<WireGroupMember>(options);
    auto leave = [&] {
        if (leaving)
            return;
        leaving = true;
        member->leave();
    };
    QObject::connect(member.get(), &WireGroupMember::joined, &loop, [&](int generation, bool leader) {
        report.generationJoined = generation;
        report.generationBefore = generation - 1;   // each round adds one (see RebalanceTriggerReport)
        report.joinedAfterMs = clock.elapsed();
        // As leader (the old one left in this round) it would have to assign
        // the real members' partitions: leave at once, and the next round picks
        // a real leader. As follower, sync first so the round completes.
        if (leader)
            leave();
    });
    QObject::connect(member.get(), &WireGroupMember::assigned, &loop, [&] { leave(); });
    QObject::connect(member.get(), &WireGroupMember::problem, &loop, [&](const QString &description, qint16 code) {
        if (code == ErrorCode::None || coordinatorMoved(code))
            return;   // transport trouble or a moving coordinator: the member retries
        if (!failure)
            failure = KafkaErrorHints::fromRdKafka(code, description, action);
        member->stop();
        loop.quit();
    });
    QObject::connect(member.get(), &WireGroupMember::left, &loop, [&](const QString &problem) {
        if (!problem.isEmpty() && !failure)
            failure = KafkaErrorHints::fromRdKafka(RD_KAFKA_RESP_ERR__TRANSPORT, problem, action);
        loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        if (!failure)
            failure = KafkaError::make(
                RD_KAFKA_RESP_ERR__TIMED_OUT, QStringLiteral("_TIMED_OUT"),
                Text::tr("The temporary member was not through the rebalance of group %1 within %2 ms.").arg(groupId).arg(timeoutMs),
                Text::tr("The group is rebalancing, but not every member rejoined in time (a consumer busy "
                   "in a long poll rejoins only at its next poll); it left again."));
        loop.quit();
    });
    // The round waits for every member to rejoin, up to the group's largest
    // rebalance timeout (max.poll.interval.ms: minutes): the temporary member
    // gives up after the client's timeout instead; the rebalance goes on.
    deadline.start(timeoutMs);
    member->start(bootstrap->host, bootstrap->port);
    loop.exec();

    const QString memberId = member->memberId();
    const bool answered = leaving && !failure;
    member->stop();
    member.reset();
    // Objects the member dropped with deleteLater belong to this pool thread,
    // whose event loop is gone now: delete them here.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (!answered && !memberId.isEmpty()) {
        // A JoinGroup may still be pending on the member's connection, where
        // Kafka would read a LeaveGroup only after it: leave over a new one.
        const auto left = leaveAsAdmin(h, timeoutMs, groupId, {MemberRef{memberId, {}}}, action);
        if (left && !left->isEmpty() && left->first().error && left->first().error.code != ErrorCode::UnknownMemberId)
            qCWarning(lcAdmin).noquote() << "the temporary member of" << groupId << "could not leave:" << left->first().error.toString();
    }
    if (failure)
        return *failure;
    report.totalMs = clock.elapsed();
    return report;
}

}   // namespace

RdKafkaClusterAdmin::RdKafkaClusterAdmin(const std::shared_ptr<RdKafkaClusterClient> &client)
    : m_client(client)
    , m_handle(client->handle())
    , m_timeoutMs(client->timeoutMs())
{ }

RdKafkaClusterAdmin::~RdKafkaClusterAdmin() = default;

std::shared_ptr<ClusterAdmin> RdKafkaClusterAdmin::create(const std::shared_ptr<RdKafkaClusterClient> &client)
{
    if (!client)
        return {};
    return std::shared_ptr<ClusterAdmin>(new RdKafkaClusterAdmin(client));
}

QFuture<Result<QList<PartitionWriteOutcome>>> RdKafkaClusterAdmin::commitOffsets(const QString &groupId,
                                                                                 const QHash<TopicPartition, qint64> &offsets)
{
    QList<QPair<TopicPartition, qint64>> partitions;
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
        partitions.append({it.key(), it.value()});
    return runAsync<QList<PartitionWriteOutcome>>([h = m_handle, timeout = m_timeoutMs, groupId, partitions] {
        return groupPartitionsCall(kCommitOffsetsApi, h, timeout, groupId, partitions);
    });
}

QFuture<Result<Done>> RdKafkaClusterAdmin::deleteGroup(const QString &groupId)
{
    return runAsync<Done>([h = m_handle, timeout = m_timeoutMs, groupId] {
        const QByteArray group = groupId.toUtf8();
        auto result = groupAdminCall<Done>(
            h, RD_KAFKA_ADMIN_OP_DELETEGROUPS, timeout, Action::DeleteGroup,
            [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                rd_kafka_DeleteGroup_t *req = rd_kafka_DeleteGroup_new(group.constData());
                rd_kafka_DeleteGroups(rk, &req, 1, o, q);
                rd_kafka_DeleteGroup_destroy(req);
            },
            [](rd_kafka_event_t *ev, size_t *n) {
                const auto *res = rd_kafka_event_DeleteGroups_result(ev);
                return res ? rd_kafka_DeleteGroups_result_groups(res, n) : nullptr;
            },
            [](const rd_kafka_group_result_t *g) -> Result<Done> {
                if (const rd_kafka_error_t *e = rd_kafka_group_result_error(g))
                    return KafkaErrorHints::fromRdKafka(rd_kafka_error_code(e), str(rd_kafka_error_string(e)), Action::DeleteGroup);
                return Done{};
            });
        return logged("deleteGroup", groupId, std::move(result));
    });
}

QFuture<Result<QList<PartitionWriteOutcome>>> RdKafkaClusterAdmin::deleteOffsets(const QString &groupId, const QStringList &topics)
{
    // Which partitions of these topics the group has offsets for comes from
    // the client's own offset fetch (every committed partition of the group).
    return m_client->fetchCommittedOffsets({{groupId, {}}})
        .then(Handle::pool(),
              [h = m_handle, timeout = m_timeoutMs, groupId,
               topics](Result<CommittedOffsetsAnswer> committed) -> Result<QList<PartitionWriteOutcome>> {
                  // Not knowing what the group committed is not "nothing to delete".
                  const KafkaError unread = committed ? committed->failed.value(groupId) : committed.error();
                  if (unread.isError())
                      return logged("deleteOffsets", groupId,
                                    Result<QList<PartitionWriteOutcome>>(
                                        KafkaErrorHints::fromRdKafka(unread.code, unread.message, Action::DeleteOffsets)));
                  QList<QPair<TopicPartition, qint64>> partitions;
                  for (const CommittedOffset &c : committed->offsets.value(groupId).offsets)
                      if (topics.contains(c.tp.topic))
                          partitions.append({c.tp, RD_KAFKA_OFFSET_INVALID});
                  // None of them committed (an empty list): nothing to delete, no request.
                  return groupPartitionsCall(kDeleteOffsetsApi, h, timeout, groupId, partitions);
              });
}

QFuture<Result<QList<PartitionWriteOutcome>>> RdKafkaClusterAdmin::deletePartitionOffsets(const QString &groupId,
                                                                                          const QList<TopicPartition> &partitions)
{
    QList<QPair<TopicPartition, qint64>> list;
    for (const TopicPartition &tp : partitions)
        list.append({tp, RD_KAFKA_OFFSET_INVALID});
    return runAsync<QList<PartitionWriteOutcome>>([h = m_handle, timeout = m_timeoutMs, groupId, list] {
        return groupPartitionsCall(kDeleteOffsetsApi, h, timeout, groupId, list);
    });
}

QFuture<Result<QList<MemberRemovalOutcome>>> RdKafkaClusterAdmin::removeMembers(const QString &groupId, const QList<MemberRef> &members)
{
    return runAsync<QList<MemberRemovalOutcome>>(
        [h = m_handle, timeout = m_timeoutMs, groupId, members]() -> Result<QList<MemberRemovalOutcome>> {
            if (!h->direct)
                return logged("removeMembers", groupId, Result<QList<MemberRemovalOutcome>>(ownConnectionsNeeded(Text::tr("Removing members"))));
            if (members.isEmpty())
                return QList<MemberRemovalOutcome>{};
            auto result = leaveAsAdmin(h, timeout, groupId, members, Action::RemoveMembers);
            if (result) {
                for (const MemberRemovalOutcome &o : result.value())
                    if (o.error)
                        qCWarning(lcAdmin).noquote()
                            << "removeMembers" << groupId << "refused for"
                            << (o.member.groupInstanceId.isEmpty() ? o.member.memberId : o.member.groupInstanceId) << o.error.toString();
                return result;
            }
            return logged("removeMembers", groupId, std::move(result));
        });
}

QFuture<Result<RebalanceTriggerReport>> RdKafkaClusterAdmin::triggerRebalance(const QString &groupId, const QString &protocolType,
                                                                              const QString &assignor)
{
    return runAsync<RebalanceTriggerReport>([h = m_handle, timeout = m_timeoutMs, groupId, protocolType, assignor] {
        if (!h->direct)
            return logged("triggerRebalance", groupId, Result<RebalanceTriggerReport>(ownConnectionsNeeded(Text::tr("Triggering a rebalance"))));
        return logged("triggerRebalance", groupId, runTrigger(h, timeout, groupId, protocolType, assignor));
    });
}

KafkaError RdKafkaClusterAdmin::groupProtocolRefusal() const
{
    return m_handle->direct ? KafkaError{} : ownConnectionsNeeded(Text::tr("Removing members or triggering a rebalance"));
}

}   // namespace cohort
