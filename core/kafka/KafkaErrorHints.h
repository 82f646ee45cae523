// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

namespace cohort {

// One place that turns Kafka and librdkafka error names into advice for people.
namespace KafkaErrorHints {

// What Cohort was doing when the error came back: the same error name can
// need different advice (UNKNOWN_MEMBER_ID on an admin commit means the group
// still has members; on a member removal, that the member is gone).
enum class Action { Read, CommitOffsets, DeleteGroup, DeleteOffsets, RemoveMembers, TriggerRebalance };

// What to check or do next for an error name ("_TRANSPORT", "UNKNOWN_MEMBER_ID"...);
// empty when there is nothing useful to add.
QString hintFor(const QString &errorName, const QString &detail = {}, Action action = Action::Read);

// A KafkaError from a librdkafka error code (rd_kafka_resp_err_t, whose
// positive values are Kafka's protocol error codes), with its name,
// librdkafka's text (or `detail` when given) and a hint.
KafkaError fromRdKafka(int rdkafkaError, const QString &detail = {}, Action action = Action::Read);

}   // namespace KafkaErrorHints
}   // namespace cohort
