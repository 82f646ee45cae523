// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/RefreshProgress.h"

#include <QCoreApplication>
#include <QString>

namespace cohort {

// A running refresh in words for the status bar: what it does, whom it waits
// for and for how long, and how long before its deadline ("Describing 1,200
// groups — waiting for broker 2 (127.0.0.1:9094), 4 s; gives up in 26 s").
// Pure, over a RefreshProgress::State the GUI reads on a timer.
class RefreshProgressText
{
    Q_DECLARE_TR_FUNCTIONS(RefreshProgressText)

public:
    static QString describe(const RefreshProgress::State &state);
    // At most this many names of what it waits for, then "and N more".
    static constexpr int kNamesShown = 2;
};

}   // namespace cohort
