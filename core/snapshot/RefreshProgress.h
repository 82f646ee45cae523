// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <atomic>
#include <limits>

namespace cohort {

// Shared between a refresh running on pool threads and whoever shows it (the
// GUI's status bar, the CLI): the one deadline the whole refresh must keep,
// a cancel flag the loader checks between and inside its steps, and what it
// is waiting for right now. Thread-safe.
class RefreshProgress
{
public:
    explicit RefreshProgress(QDeadlineTimer deadline)
        : m_deadline(deadline)
    {
        m_elapsed.start();
        m_stepElapsed.start();
    }

    // The one deadline of the whole refresh.
    QDeadlineTimer deadline() const { return m_deadline; }
    // What the current step may spend: this share of what is left of the
    // deadline (stepsLeft = this step and those after it), so that one slow
    // broker in one step cannot leave nothing for the steps after it; each
    // step's unanswered parts are reported missing. Until called, the step
    // may spend all of it.
    void setStepBudget(int stepsLeft)
    {
        const qint64 left = qMax<qint64>(0, m_deadline.remainingTime());
        m_stepDeadline.store(QDeadlineTimer(left / qMax(1, stepsLeft)).deadline());
    }
    // Milliseconds left for the current step, at least 0 (and at most `cap` when cap > 0).
    int remainingMs(int cap = 0) const
    {
        const qint64 left = qMax<qint64>(0, stepDeadline().remainingTime());
        return int(cap > 0 ? qMin<qint64>(left, cap) : qMin<qint64>(left, std::numeric_limits<int>::max()));
    }
    // The current step is out of time (so is the refresh when it is the last).
    bool expired() const { return stepDeadline().hasExpired(); }

    void cancel() { m_cancelled.store(true); }
    bool isCancelled() const { return m_cancelled.load(); }
    // Stop waiting: cancelled, or out of time for this step.
    bool shouldStop() const { return isCancelled() || expired(); }

    // What the refresh does now, for people: "Describing 1,200 groups".
    void setStep(const QString &step)
    {
        QMutexLocker lock(&m_mutex);
        m_step = step;
        m_waitingFor.clear();
        m_stepElapsed.restart();
    }
    // Who it waits for within the step: "broker 2 (127.0.0.1:9094)".
    void setWaitingFor(const QStringList &who)
    {
        QMutexLocker lock(&m_mutex);
        m_waitingFor = who;
    }

    struct State
    {
        QString step;
        QStringList waitingFor;
        qint64 stepElapsedMs = 0;
        qint64 elapsedMs = 0;
        qint64 remainingMs = 0;
        bool cancelled = false;
    };
    State state() const
    {
        QMutexLocker lock(&m_mutex);
        return State{m_step,       m_waitingFor, m_stepElapsed.elapsed(), m_elapsed.elapsed(), qMax<qint64>(0, m_deadline.remainingTime()),
                     isCancelled()};
    }

private:
    QDeadlineTimer stepDeadline() const
    {
        const qint64 step = m_stepDeadline.load();
        if (step == std::numeric_limits<qint64>::max())
            return m_deadline;
        QDeadlineTimer t;
        t.setDeadline(qMin(step, m_deadline.deadline()));
        return t;
    }

    const QDeadlineTimer m_deadline;
    std::atomic<qint64> m_stepDeadline{std::numeric_limits<qint64>::max()};   // QDeadlineTimer::deadline() of the step
    std::atomic<bool> m_cancelled{false};
    mutable QMutex m_mutex;
    QString m_step;
    QStringList m_waitingFor;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_stepElapsed;
};

}   // namespace cohort
