// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LocalTimeTicker.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace cohort {

LocalTimeTicker::LocalTimeTicker()
{
    setTimeZone(QTimeZone::systemTimeZone());
    setTickCount(6);
}

QString LocalTimeTicker::zoneName(qint64 atMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs);
    const QString abbreviation = at.timeZoneAbbreviation();
    return abbreviation.isEmpty() ? at.toString(QStringLiteral("t")) : abbreviation;
}

double LocalTimeTicker::getTickStep(const QCPRange &range)
{
    static const double steps[] = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800};
    const double wanted = range.size() / std::max(1, tickCount());
    // The nice step nearest the wanted one (by ratio), so that a window
    // gets about tickCount() ticks.
    double step = steps[0];
    for (const double candidate : steps)
        if (std::abs(std::log(candidate / wanted)) < std::abs(std::log(step / wanted)))
            step = candidate;
    setDateTimeFormat(step < 60               ? QStringLiteral("HH:mm:ss")
                      : range.size() <= 86400 ? QStringLiteral("HH:mm")
                      : step < 86400          ? QStringLiteral("ddd HH:mm")
                                              : QStringLiteral("ddd d MMM"));
    return step;
}

int LocalTimeTicker::getSubTickCount(double tickStep)
{
    // Sub-ticks at whole units: 5 min in 5, 1 h in 4 quarters, a day in 4.
    const int n = int(std::lround(tickStep));
    for (const int parts : {5, 4, 3, 2})
        if (n % parts == 0)
            return parts - 1;
    return 0;
}

QVector<double> LocalTimeTicker::createTickVector(double tickStep, const QCPRange &range)
{
    // Multiples of the step in local time: 13:00 CET, not 12:00 UTC + 1 h.
    const double offset = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(range.center() * 1000.0))).offsetFromUtc();
    QVector<double> ticks;
    for (double t = std::floor((range.lower + offset) / tickStep) * tickStep - offset; t <= range.upper; t += tickStep)
        if (t >= range.lower)
            ticks.append(t);
    return ticks;
}

}   // namespace cohort
