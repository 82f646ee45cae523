// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace cohort {

// What a batch of requests to brokers got back, and which of the asked keys
// (groups, partitions) got no usable answer: those are not errors to show but
// work for the next way of asking (librdkafka), so they travel with the answers.
template<typename T, typename K>
struct Answered
{
    T answered;
    QList<K> failed;
};

}   // namespace cohort
