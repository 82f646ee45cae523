// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/TurnBudget.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace cohort {

// Work over thousands of rows that the GUI thread does in slices, one per
// turn of its event loop, so that no turn holds it much longer than a frame
// (10,000 groups at scale). The step does work until the slice's deadline
// (what the turn's budget has left: TurnBudget) and says whether all is
// done; a job that fits in one slice (tests, small clusters) is done when
// start() returns, unless the turn's budget is spent already.
class SlicedWork : public QObject
{
    Q_OBJECT
public:
    using Step = std::function<bool(const QDeadlineTimer &sliceEnd)>;
    SlicedWork(Step step, QObject *parent);

    // The first slice now, the rest in later turns. While a job is under
    // way it goes on: the step keeps its own progress (and may start over).
    void start();
    // The first slice in a later turn: for work asked for from within
    // another long turn (a signal many receivers take), coalesced.
    void schedule();
    bool isRunning() const { return m_timer.isActive(); }
    void cancel() { m_timer.stop(); }

private:
    void slice(TurnBudget::Slice::Start start);

    Step m_step;
    QTimer m_timer;
};

}   // namespace cohort
