// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RdKafkaTestClient.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

namespace cohort::test {

// Longer than any client timeout the tests configure (librdkafka calls give
// up after 3 × 10 s), well short of ctest's per-test timeout.
constexpr int kFutureTimeoutMs = 60000;

// Waits for a future, running the event loop; a consumer given keeps polling
// meanwhile so that it stays in its group (heartbeats are served from poll()).
// A future still unfinished after timeoutMs aborts the test with a message
// saying so: the result cannot be had, and blocking on it would only turn a
// stuck call into a silent ctest timeout minutes later.
template<typename T>
T waitPolling(QFuture<T> f, GroupConsumer *keepAlive = nullptr, int timeoutMs = kFutureTimeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!f.isFinished()) {
        if (deadline.hasExpired())
            qFatal("a future did not finish within %d ms (stuck call?)", timeoutMs);
        if (keepAlive)
            keepAlive->poll(20);
        else
            QTest::qWait(10);
    }
    return f.result();
}

}   // namespace cohort::test
