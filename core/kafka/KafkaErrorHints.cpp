// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaErrorHints.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <librdkafka/rdkafka.h>

namespace cohort::KafkaErrorHints {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KafkaErrorHints)
};

namespace {

// librdkafka names the broker first ("sasl_ssl://host:9093/1: Connect to ...
// failed"): the protocol in that name says nothing about the cause, so it must
// not make a refused connection read as a SASL or TLS problem.
QString withoutBrokerNames(const QString &detail)
{
    static const QRegularExpression brokerName(QStringLiteral("\\b(?:plaintext|ssl|sasl_plaintext|sasl_ssl)://\\S*"),
                                               QRegularExpression::CaseInsensitiveOption);
    return QString(detail).remove(brokerName);
}

// Advice that depends on what was being written; empty where the general advice holds.
QString hintForAction(const QString &name, Action action)
{
    switch (action) {
    case Action::Read: break;
    case Action::CommitOffsets:
        if (name == QLatin1String("UNKNOWN_MEMBER_ID") || name == QLatin1String("ILLEGAL_GENERATION")
            || name == QLatin1String("REBALANCE_IN_PROGRESS"))
            return Text::tr("The group still has active members: stop its consumers first (offsets can only be reset while the group is Empty).");
        if (name == QLatin1String("UNKNOWN_TOPIC_OR_PARTITION") || name == QLatin1String("UNKNOWN_TOPIC_OR_PART"))
            return Text::tr("This topic or partition does not exist (any more): refresh and check the plan.");
        break;
    case Action::DeleteGroup:
        if (name == QLatin1String("NON_EMPTY_GROUP"))
            return Text::tr("The group still has active members: stop its consumers first (only an Empty group can be deleted).");
        if (name == QLatin1String("GROUP_ID_NOT_FOUND"))
            return Text::tr("No group with this id exists (any more): refresh the list of groups.");
        break;
    case Action::DeleteOffsets:
        if (name == QLatin1String("GROUP_SUBSCRIBED_TO_TOPIC"))
            return Text::tr("The group's active members still subscribe to this topic: stop its consumers or change their subscription first.");
        if (name == QLatin1String("GROUP_ID_NOT_FOUND"))
            return Text::tr("No group with this id exists (any more): refresh the list of groups.");
        break;
    case Action::RemoveMembers:
        // Kafka 3.7-3.9 also answer it for a KIP-848 member of the consumer
        // protocol (GroupMetadataManager's throwIfMemberDoesNotUseClassicProtocol,
        // dropped in 4.0 by KAFKA-18188).
        if (name == QLatin1String("UNKNOWN_MEMBER_ID"))
            return Text::tr("This member is not in the group (any more): it left, or its session expired. Refresh the group. (Kafka "
                      "before 4.0 says this too of a KIP-848 consumer group's member that uses the consumer protocol: only Kafka 4.0 "
                      "and newer let an admin remove one.)");
        if (name == QLatin1String("FENCED_INSTANCE_ID"))
            return Text::tr("Another member id now holds this group.instance.id (the static member restarted): refresh and remove it by its "
                      "instance id alone.");
        if (name == QLatin1String("UNSUPPORTED_VERSION"))
            return Text::tr("Removing members needs LeaveGroup v3 (Kafka 2.4 or newer).");
        break;
    case Action::TriggerRebalance:
        if (name == QLatin1String("INCONSISTENT_GROUP_PROTOCOL"))
            return Text::tr("The group's protocol type or assignor changed since the last refresh: refresh the group and try again.");
        if (name == QLatin1String("GROUP_MAX_SIZE_REACHED"))
            return Text::tr("The group is at the broker's group.max.size: no temporary member can join to trigger a rebalance.");
        if (name == QLatin1String("UNKNOWN_MEMBER_ID") || name == QLatin1String("ILLEGAL_GENERATION"))
            return Text::tr(
                "The group rebalanced again while the temporary member was joining: refresh and check whether another trigger is needed.");
        break;
    }
    return {};
}

}   // namespace

QString hintFor(const QString &name, const QString &detail, Action action)
{
    if (const QString specific = hintForAction(name, action); !specific.isEmpty())
        return specific;
    const QString lower = withoutBrokerNames(detail).toLower();
    if (lower.contains(QLatin1String("resolve")) || name == QLatin1String("_RESOLVE"))
        return Text::tr("The broker host name could not be resolved: check the bootstrap address for typos and your DNS.");
    if (lower.contains(QLatin1String("connection refused")))
        return Text::tr("Nothing listens at that address: check the bootstrap address and port, and that the brokers are running.");
    if (lower.contains(QLatin1String("plaintext broker listener")))
        return Text::tr("The broker closed the connection during the TLS handshake: this listener may not be TLS (security.protocol=PLAINTEXT "
                  "or SASL_PLAINTEXT), or use the broker's TLS port.");
    if (lower.contains(QLatin1String("ssl listener")))
        return Text::tr("The broker closed the connection on a plaintext request: this listener may expect TLS (security.protocol=SSL or "
                  "SASL_SSL), or use the broker's plaintext port.");
    if (name == QLatin1String("SASL_AUTHENTICATION_FAILED") || name == QLatin1String("_AUTHENTICATION")
        || lower.contains(QLatin1String("authentication")))
        return Text::tr("Authentication failed: check the SASL mechanism, user name and password of this connection.");
    if (name == QLatin1String("_SSL") || lower.contains(QLatin1String("ssl")) || lower.contains(QLatin1String("certificate")))
        return Text::tr("The TLS handshake failed: check security.protocol (SSL/SASL_SSL), the CA file and the client certificate.");
    if (lower.contains(QLatin1String("disconnected")))
        return Text::tr("The broker closed the connection: check that security.protocol (TLS, SASL) matches the listener at this address; "
                  "a broker that restarted closes connections too.");
    if (name == QLatin1String("_TRANSPORT") || name == QLatin1String("_ALL_BROKERS_DOWN"))
        return Text::tr("The cluster is unreachable: check the bootstrap address and port, that the brokers are running, and any firewall or VPN "
                  "in between.");
    if (name == QLatin1String("_TIMED_OUT") || name == QLatin1String("REQUEST_TIMED_OUT"))
        return Text::tr("The cluster did not answer in time: check that the address is a Kafka listener and that the network is up; a busy "
                  "cluster may need a longer timeout.");
    if (name == QLatin1String("UNKNOWN_MEMBER_ID"))
        return Text::tr("The group still has active members: stop its consumers (the group must be Empty) and try again.");
    if (name == QLatin1String("NON_EMPTY_GROUP"))
        return Text::tr("The group still has active members: stop its consumers first.");
    if (name == QLatin1String("GROUP_ID_NOT_FOUND"))
        return Text::tr("No group with this id exists (any more): refresh the list of groups.");
    if (name == QLatin1String("GROUP_SUBSCRIBED_TO_TOPIC"))
        return Text::tr("The group's active members still subscribe to this topic: stop its consumers or change their subscription first.");
    if (name == QLatin1String("FENCED_INSTANCE_ID"))
        return Text::tr("Another process joined with the same group.instance.id and took this static member's place.");
    if (name == QLatin1String("REBALANCE_IN_PROGRESS"))
        return Text::tr("The group is rebalancing: wait until it is Stable and try again.");
    if (name == QLatin1String("UNSUPPORTED_VERSION"))
        return Text::tr("The broker is too old for this request: Cohort needs Kafka 2.4 or newer for it.");
    if (name == QLatin1String("GROUP_AUTHORIZATION_FAILED") || name == QLatin1String("TOPIC_AUTHORIZATION_FAILED")
        || name == QLatin1String("CLUSTER_AUTHORIZATION_FAILED"))
        return Text::tr(
            "This user is not allowed to do that: ask the cluster's administrators for the ACLs (Describe/Read on the group and topics).");
    if (name == QLatin1String("COORDINATOR_NOT_AVAILABLE") || name == QLatin1String("NOT_COORDINATOR")
        || name == QLatin1String("COORDINATOR_LOAD_IN_PROGRESS"))
        return Text::tr("The group coordinator is moving or starting; the next refresh usually succeeds.");
    if (name == QLatin1String("_INVALID_ARG") || name == QLatin1String("_UNKNOWN_PROTOCOL"))
        return Text::tr("A connection property is not valid: check the extra librdkafka properties of this connection.");
    return {};
}

KafkaError fromRdKafka(int err, const QString &detail, Action action)
{
    const auto e = rd_kafka_resp_err_t(err);
    const QString name = QString::fromUtf8(rd_kafka_err2name(e));
    const QString message = detail.isEmpty() ? QString::fromUtf8(rd_kafka_err2str(e)) : detail;
    return KafkaError::make(err, name, message, hintFor(name, message, action));
}

}   // namespace cohort::KafkaErrorHints
