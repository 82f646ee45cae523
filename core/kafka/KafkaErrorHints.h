// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

namespace cohort {

// One place that turns Kafka and librdkafka error names into advice for people.
namespace KafkaErrorHints {

// What to check or do next for an error name ("_TRANSPORT", "UNKNOWN_MEMBER_ID"...);
// empty when there is nothing useful to add.
QString hintFor(const QString &errorName, const QString &detail = {});

// A KafkaError from a librdkafka error code (rd_kafka_resp_err_t), with its
// name, librdkafka's text (or `detail` when given) and a hint.
KafkaError fromRdKafka(int rdkafkaError, const QString &detail = {});

} // namespace KafkaErrorHints
} // namespace cohort
