// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace cohort {

// The times a reset is given, read as kafka-consumer-groups.sh reads them:
// --to-datetime's ISO 8601 date-time and --by-duration's ISO 8601 duration,
// plus the shorter forms people type ("2h 30m", a date-time without seconds).
class ResetTimeParser
{
    Q_DECLARE_TR_FUNCTIONS(ResetTimeParser)

public:
    // yyyy-MM-ddTHH:mm[:ss[.SSS]][Z|±hh[:mm]]. Without a zone the time is in
    // `zoneless`: kafka-consumer-groups.sh (Utils.getDateTime) appends "Z",
    // so the CLI passes UTC; the window passes the local zone it shows.
    static Result<QDateTime, QString> parseDateTime(const QString &text, const QTimeZone &zoneless);

    // In milliseconds: java.time.Duration.parse's [-]PnDTnHnMn.nS (a day is
    // 24 hours; each part may carry its own sign), or "1d 2h 30m 10s"-style
    // parts (d, h, m, s, ms). A negative duration points into the future.
    static Result<qint64, QString> parseDuration(const QString &text);
};

}   // namespace cohort
