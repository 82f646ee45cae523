// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/DurationText.h"

#include <QRegularExpression>

namespace cohort {

Result<qint64, QString> DurationText::parseMs(const QString &text)
{
    const QString t = text.trimmed();
    auto refuse
        = [&t] { return tr("'%1' is not a duration: write a number with a unit, ms, s, m or h (500ms, 30s, 2m, 1h, 1m30s)").arg(t); };
    if (t.isEmpty())
        return refuse();
    static const QRegularExpression part(QStringLiteral("\\G(\\d+)(ms|s|m|h)"));
    // Units in falling order, each once: "1m30s" but not "30s1m" or "1s1s".
    static constexpr qint64 kUnitMs[] = {3600000, 60000, 1000, 1};
    auto rank = [](const QString &unit) {
        return unit == QLatin1String("h") ? 0 : unit == QLatin1String("m") ? 1 : unit == QLatin1String("s") ? 2 : 3;
    };
    qint64 total = 0;
    int lastRank = -1;
    qsizetype at = 0;
    while (at < t.size()) {
        const QRegularExpressionMatch m = part.match(t, at);
        if (!m.hasMatch())
            return refuse();
        const int r = rank(m.captured(2));
        if (r <= lastRank)
            return refuse();
        // Twelve digits of hours are far beyond any wait and far from overflow.
        if (m.captured(1).size() > 12)
            return tr("'%1' is too long a duration").arg(t);
        total += m.captured(1).toLongLong() * kUnitMs[r];
        lastRank = r;
        at = m.capturedEnd(0);
    }
    return total;
}

}   // namespace cohort
