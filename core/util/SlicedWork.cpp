// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/SlicedWork.h"

namespace cohort {

SlicedWork::SlicedWork(Step step, QObject *parent)
    : QObject(parent)
    , m_step(std::move(step))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &SlicedWork::slice);
}

void SlicedWork::start()
{
    m_timer.stop();
    slice();
}

void SlicedWork::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void SlicedWork::slice()
{
    if (!m_step(QDeadlineTimer(kSliceBudgetMs)))
        m_timer.start();
}

}   // namespace cohort
