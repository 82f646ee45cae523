// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace cohort {

// Dates and times for people, in their locale's own order and separators
// ("12/1/26 2:30:05 PM", "01.12.26 14:30:05", "2026/12/1 14:30:05"), with
// seconds: rebalances and lag samples are seconds apart, and a locale's short
// time has none. Machine formats (CSV, JSON, the CLI's output) stay ISO 8601
// and do not come here.
class DateTimeText
{
public:
    // The locale's short date and its short time with seconds.
    static QString dateTime(const QDateTime &at, const QLocale &locale = QLocale());
    // The locale's short time with seconds.
    static QString time(const QDateTime &at, const QLocale &locale = QLocale());
    // The locale's short time format (QLocale's notation) with seconds added
    // after the minutes, with the separator the locale puts before the minutes.
    static QString timeFormatWithSeconds(const QLocale &locale);
};

}   // namespace cohort
