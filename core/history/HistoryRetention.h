// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagPoint.h"

#include <QtGlobal>

namespace cohort {

// How long HistoryStore::prune keeps each tier's points and the group events:
// by default each tier's span (1 h, 24 h, 7 d) and a week of events.
struct HistoryRetention
{
    qint64 fiveSecondsMs = 3600LL * 1000;
    qint64 oneMinuteMs = 24LL * 3600 * 1000;
    qint64 tenMinutesMs = 7LL * 24 * 3600 * 1000;
    qint64 eventsMs = 7LL * 24 * 3600 * 1000;

    qint64 forTier(LagTier tier) const
    {
        switch (tier) {
        case LagTier::FiveSeconds: return fiveSecondsMs;
        case LagTier::OneMinute: return oneMinuteMs;
        case LagTier::TenMinutes: return tenMinutesMs;
        }
        return tenMinutesMs;
    }
    bool operator==(const HistoryRetention &) const = default;
};

}   // namespace cohort
