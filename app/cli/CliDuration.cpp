// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/CliDuration.h"

#include <QRegularExpression>

namespace cohort::cli::CliDuration {

std::optional<qint64> parseMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})(ms|s|m|h)?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("ms"))
        return n;
    if (unit == QLatin1String("m"))
        return n * 60000;
    if (unit == QLatin1String("h"))
        return n * 3600000;
    return n * 1000;
}

}   // namespace cohort::cli::CliDuration
