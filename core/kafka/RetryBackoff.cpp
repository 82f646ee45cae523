// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/RetryBackoff.h"

#include "core/snapshot/RefreshProgress.h"
#include "core/wire/ErrorCode.h"

#include <QThread>

namespace cohort {

namespace {

// librdkafka's codes for a broken connection (rd_kafka_resp_err_t).
constexpr int kRdKafkaTransport = -195;

}   // namespace

bool RetryBackoff::isRetriable(const KafkaError &error)
{
    switch (error.code) {
    case ErrorCode::NotCoordinator:
    case ErrorCode::CoordinatorLoadInProgress:
    case ErrorCode::CoordinatorNotAvailable:
    case ErrorCode::RequestTimedOut:
    case kRdKafkaTransport: return true;
    default: return false;
    }
}

bool RetryBackoff::needsNewCoordinator(const KafkaError &error)
{
    return error.code == ErrorCode::NotCoordinator || error.code == ErrorCode::CoordinatorNotAvailable || error.code == kRdKafkaTransport;
}

bool RetryBackoff::mayRetry(const KafkaError &error) const
{
    return isRetriable(error) && (error.code != kRdKafkaTransport || m_attempts < kMaxTransportRetries);
}

int RetryBackoff::nextDelayMs() const
{
    const int shift = qMin(m_attempts, 4);
    return qMin(kMaxDelayMs, kFirstDelayMs << shift);
}

bool RetryBackoff::waitBeforeRetry(const RefreshProgress &progress)
{
    const int delay = nextDelayMs();
    // A retry needs time to be answered too: not worth starting in the last moment.
    if (progress.isCancelled() || progress.remainingMs() <= delay)
        return false;
    QThread::msleep(ulong(delay));
    ++m_attempts;
    return !progress.shouldStop();
}

}   // namespace cohort
