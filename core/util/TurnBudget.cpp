// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/TurnBudget.h"

#include <QAbstractEventDispatcher>
#include <QObject>
#include <QPointer>

namespace cohort {

namespace {

// Per thread, as event loops are: the GUI thread's is the one that matters.
struct TurnClock
{
    qint64 usedNs = 0;
    int depth = 0;
    QDeadlineTimer outerEnd;
    QPointer<QAbstractEventDispatcher> watched;
    QMetaObject::Connection awake;

    // The turn's time used so far, after a new turn began: zero.
    qint64 used()
    {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        if (dispatcher != watched) {
            QObject::disconnect(awake);
            watched = dispatcher;
            usedNs = 0;
            if (dispatcher)
                awake = QObject::connect(dispatcher, &QAbstractEventDispatcher::awake, dispatcher, [this] { usedNs = 0; },
                                         Qt::DirectConnection);
        }
        return usedNs;
    }
};

thread_local TurnClock t_clock;

constexpr qint64 kTurnBudgetNs = TurnBudget::kTurnBudgetMs * 1000 * 1000;

}   // namespace

TurnBudget::Slice::Slice(Start start)
{
    TurnClock &c = t_clock;
    if (c.depth++ > 0) {
        m_end = c.outerEnd;
        return;
    }
    m_outer = true;
    m_elapsed.start();
    // A slice called for (not a timer's) keeps half a budget of its own: what
    // its caller was promised (a small job done when the call returns) holds
    // in a turn whose budget earlier slices spent, or outside an event loop.
    const qint64 floorNs = start == Start::Called ? kTurnBudgetNs / 2 : 0;
    m_end = QDeadlineTimer(std::chrono::nanoseconds(qMax(floorNs, kTurnBudgetNs - c.used())), Qt::PreciseTimer);
    c.outerEnd = m_end;
}

TurnBudget::Slice::~Slice()
{
    TurnClock &c = t_clock;
    --c.depth;
    if (m_outer)
        c.usedNs = c.used() + m_elapsed.nsecsElapsed();
}

}   // namespace cohort
