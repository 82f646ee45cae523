// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// qcustomplot.h, for Cohort's targets: its declarations use Qt's keywords
// (signals, slots, emit, foreach), which every target turns off
// (QT_NO_KEYWORDS); they are defined for the header only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef emit
#undef slots
#undef signals
