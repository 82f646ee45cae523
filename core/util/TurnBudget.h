// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QtGlobal>

namespace cohort {

// The GUI thread's time for sliced work in one turn of its event loop,
// shared by every job that slices its work (the lag history's apply, the
// models' merges, the alert walk, the record-time walk). Each job used to
// take a budget of its own, but the zero timers and queued calls that are
// due all run in one pass of the loop: three jobs of 5-8 ms each made one
// turn of 18 ms. A job now takes what the turn's earlier slices left; when
// nothing is left it waits for the next turn. A turn ends when the event
// loop's dispatcher wakes (QAbstractEventDispatcher::awake, once per pass).
// Only the time spent in slices counts, so code that never returns to an
// event loop (a test's calls in a row) spends it only as fast as it slices.
class TurnBudget
{
public:
    // Slices of all jobs together stay within this per turn: a 60 Hz frame
    // is 16 ms, and the turn has other events too (paints, input, the
    // snapshot's delivery).
    static constexpr qint64 kTurnBudgetMs = 8;

    // One slice of a job, for its scope: its end is what is left of the
    // turn's budget. A slice within a slice (a signal emitted in one starts
    // another job) shares the outer one's end and is counted once.
    class Slice
    {
    public:
        enum class Start { Scheduled, Called };
        explicit Slice(Start start = Start::Scheduled);
        ~Slice();
        Slice(const Slice &) = delete;
        Slice &operator=(const Slice &) = delete;
        const QDeadlineTimer &end() const { return m_end; }
        bool spent() const { return m_end.hasExpired(); }
        qint64 remainingMs() const { return m_end.remainingTime(); }

    private:
        QDeadlineTimer m_end;
        QElapsedTimer m_elapsed;
        bool m_outer = false;
    };
};

}   // namespace cohort
