// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

namespace cohort {

// Waits for a future with this thread's event loop running (QtKeychain and
// queued signals still get served). For cohort-cli and for start-up before
// any window exists: never on behalf of a window, whose thread must not wait.
// Returns whether the future holds a result (false when it was cancelled).
template<typename T>
bool waitWithEventLoop(const QFuture<T> &future)
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return !future.isCanceled() && future.resultCount() > 0;
}

}   // namespace cohort
