// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/DateTimeText.h"

namespace cohort {

QString DateTimeText::timeFormatWithSeconds(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (format.contains(QLatin1Char('s')))
        return format;
    const qsizetype minutes = format.lastIndexOf(QLatin1String("mm"));
    if (minutes < 0)   // no minutes to follow: the long format has seconds
        return locale.timeFormat(QLocale::LongFormat);
    // "h:mm" gets ":ss", Finnish "H.mm" gets ".ss".
    const QChar before = minutes > 0 ? format.at(minutes - 1) : QLatin1Char(':');
    const QChar separator = before.isLetter() || before == QLatin1Char('\'') ? QLatin1Char(':') : before;
    format.insert(minutes + 2, QString(separator) + QStringLiteral("ss"));
    return format;
}

QString DateTimeText::dateTime(const QDateTime &at, const QLocale &locale)
{
    return locale.toString(at, locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + timeFormatWithSeconds(locale));
}

QString DateTimeText::time(const QDateTime &at, const QLocale &locale)
{
    return locale.toString(at, timeFormatWithSeconds(locale));
}

}   // namespace cohort
