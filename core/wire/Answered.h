// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

#include <QHash>

namespace cohort {

// What a batch of requests to brokers got back, and which of the asked keys
// (groups, brokers, partitions) got no usable answer, each with why: work for
// a retry or for the next way of asking (librdkafka), and what is reported
// missing when neither helps, so they travel with the answers.
template<typename T, typename K>
struct Answered
{
    T answered;
    QHash<K, KafkaError> failed;
};

}   // namespace cohort
