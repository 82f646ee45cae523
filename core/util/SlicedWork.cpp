// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/SlicedWork.h"

namespace cohort {

SlicedWork::SlicedWork(Step step, QObject *parent)
    : QObject(parent)
    , m_step(std::move(step))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, [this] { slice(TurnBudget::Slice::Start::Scheduled); });
}

void SlicedWork::start()
{
    m_timer.stop();
    slice(TurnBudget::Slice::Start::Called);
}

void SlicedWork::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void SlicedWork::slice(TurnBudget::Slice::Start start)
{
    const TurnBudget::Slice turn(start);
    // Earlier jobs of this turn took its time: this one waits for the next.
    if (turn.spent() || !m_step(turn.end()))
        m_timer.start();
}

}   // namespace cohort
