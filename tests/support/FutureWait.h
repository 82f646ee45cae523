// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RdKafkaTestClient.h"

#include <QFuture>
#include <QTest>

namespace cohort::test {

// Waits for a future; a consumer given keeps polling meanwhile so that it
// stays in its group (heartbeats are served from poll()).
template<typename T>
T waitPolling(QFuture<T> f, GroupConsumer *keepAlive = nullptr)
{
    while (!f.isFinished()) {
        if (keepAlive)
            keepAlive->poll(20);
        else
            QTest::qWait(10);
    }
    return f.result();
}

} // namespace cohort::test
