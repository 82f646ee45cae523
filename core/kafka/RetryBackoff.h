// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/KafkaError.h"

namespace cohort {

class RefreshProgress;

// When and how long to wait before asking again, within one refresh's
// deadline. Retriable are the errors Kafka's own clients retry: the
// coordinator moved, is loading or is not available yet, the broker timed
// out the request, the connection dropped. Waits 100 ms, then doubles, at
// most 1.6 s apart; never waits past the deadline nor after a cancel.
class RetryBackoff
{
public:
    static constexpr int kFirstDelayMs = 100;
    static constexpr int kMaxDelayMs = 1600;

    // NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE,
    // REQUEST_TIMED_OUT, and a transport failure (_TRANSPORT).
    static bool isRetriable(const KafkaError &error);
    // The ones after which the group's coordinator is looked up again (FindCoordinator).
    static bool needsNewCoordinator(const KafkaError &error);

    // A transport failure is retried at most this often: a dropped connection
    // comes back at once, a stopped broker stays stopped for the deadline.
    static constexpr int kMaxTransportRetries = 2;

    // Whether this error is worth another attempt after `attempts()` retries.
    bool mayRetry(const KafkaError &error) const;

    // The delay before retry number attempts() + 1: 100, 200, 400, ... 1600, 1600.
    int nextDelayMs() const;
    int attempts() const { return m_attempts; }

    // Sleeps nextDelayMs() and counts the attempt; false (without sleeping)
    // when that would pass the deadline or the refresh is cancelled: then
    // what is still missing is reported missing.
    bool waitBeforeRetry(const RefreshProgress &progress);

private:
    int m_attempts = 0;
};

}   // namespace cohort
