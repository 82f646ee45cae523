// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QCoreApplication>
#include <QString>

namespace cohort {

// Durations as people type them on a command line: a whole number with a
// unit, ms, s, m or h ("500ms", "30s", "2m", "1h"), or several in falling
// order ("1m30s"). A bare number is refused: seconds or milliseconds would
// be a guess.
class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(DurationText)

public:
    // Milliseconds, or why the text is no duration (with an example).
    static Result<qint64, QString> parseMs(const QString &text);
};

}   // namespace cohort
