// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reset/ResetTimeParser.h"

#include <QRegularExpression>

namespace cohort {

Result<QDateTime, QString> ResetTimeParser::parseDateTime(const QString &text, const QTimeZone &zoneless)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?"
                                                      "(Z|[+-]\\d{2}(?::?\\d{2})?)?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch m = re.match(trimmed);
    const QString expected = tr("expected an ISO 8601 date-time such as 2026-03-29T14:30:00.000 or 2026-03-29T14:30:00.000+02:00");
    if (!m.hasMatch())
        return tr("'%1' is not a date-time: %2").arg(text, expected);
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QString fraction = m.captured(7);
    const int ms = fraction.isEmpty() ? 0 : fraction.leftJustified(3, QLatin1Char('0')).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).isEmpty() ? 0 : m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return tr("'%1' is not a valid date or time of day: %2").arg(text, expected);
    const QString zone = m.captured(8);
    if (zone.isEmpty()) {
        const QDateTime local(date, time, zoneless);
        // A local time skipped by a daylight-saving change does not exist;
        // Qt would move it silently.
        if (!local.isValid() || local.time() != time)
            return tr("%1 does not exist in %2 (the clocks skip it): give the offset from UTC, e.g. %1+01:00")
                .arg(trimmed, QString::fromUtf8(zoneless.id()));
        return local;
    }
    if (zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0)
        return QDateTime(date, time, QTimeZone::utc());
    QString digits = zone.mid(1);
    digits.remove(QLatin1Char(':'));
    const int hours = digits.left(2).toInt();
    const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
    if (hours > 18 || minutes > 59)
        return tr("'%1' has no valid offset from UTC: %2").arg(text, expected);
    const int seconds = (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    return QDateTime(date, time, QTimeZone(seconds));
}

Result<qint64, QString> ResetTimeParser::parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed();
    // java.time.Duration.parse: the same grammar, case-insensitive.
    static const QRegularExpression iso(QStringLiteral("^([-+]?)P(?:([-+]?\\d+)D)?(T(?:([-+]?\\d+)H)?(?:([-+]?\\d+)M)?"
                                                       "(?:([-+]?\\d+)(?:[.,](\\d{0,9}))?S)?)?$"),
                                        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = iso.match(trimmed); m.hasMatch()) {
        const bool hasT = !m.captured(3).isEmpty();
        const bool any = !m.captured(2).isEmpty() || !m.captured(4).isEmpty() || !m.captured(5).isEmpty() || !m.captured(6).isEmpty();
        if (any && !(hasT && m.captured(3).size() == 1)) {
            qint64 ms = m.captured(2).toLongLong() * 86'400'000 + m.captured(4).toLongLong() * 3'600'000
                        + m.captured(5).toLongLong() * 60'000 + m.captured(6).toLongLong() * 1000;
            const QString fraction = m.captured(7);
            if (!fraction.isEmpty()) {
                const qint64 part = fraction.leftJustified(3, QLatin1Char('0')).left(3).toLongLong();
                ms += m.captured(6).startsWith(QLatin1Char('-')) ? -part : part;
            }
            return m.captured(1) == QLatin1String("-") ? -ms : ms;
        }
    }
    static const QRegularExpression part(QStringLiteral("(\\d+)\\s*(ms|d|h|m|s)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression shortForm(QStringLiteral("^(?:\\d+\\s*(?:ms|d|h|m|s)\\s*)+$"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (!trimmed.isEmpty() && shortForm.match(trimmed).hasMatch()) {
        qint64 ms = 0;
        for (auto it = part.globalMatch(trimmed); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString unit = m.captured(2).toLower();
            const qint64 n = m.captured(1).toLongLong();
            ms += unit == QLatin1String("d")   ? n * 86'400'000
                  : unit == QLatin1String("h") ? n * 3'600'000
                  : unit == QLatin1String("m") ? n * 60'000
                  : unit == QLatin1String("s") ? n * 1000
                                               : n;
        }
        return ms;
    }
    return tr("'%1' is not a duration: expected ISO 8601 such as PT2H30M or P1DT12H (as kafka-consumer-groups.sh takes), "
              "or parts such as \"2h 30m\"")
        .arg(text);
}

}   // namespace cohort
