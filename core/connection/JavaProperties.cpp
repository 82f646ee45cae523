// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/JavaProperties.h"

namespace cohort::JavaProperties {

Line parseLine(const QString &raw)
{
    const QString line = raw.trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('!')))
        return {};
    const int eq = line.indexOf(QLatin1Char('='));
    const QString key = eq > 0 ? line.left(eq).trimmed() : QString();
    if (key.isEmpty())
        return Line{Line::Malformed, {}, {}};
    return Line{Line::Entry, key, line.mid(eq + 1).trimmed()};
}

}   // namespace cohort::JavaProperties
