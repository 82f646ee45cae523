// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace cohort {

// A file written whole or not at all (QSaveFile: a temporary file beside it,
// renamed over it once every byte is written), so that a failed write never
// leaves half a file where a whole one was, or was expected.
class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    // Done, or "cannot write PATH: why" (lower case: callers put it into their own sentence).
    static Result<Done, QString> write(const QString &path, const QByteArray &bytes);
};

}   // namespace cohort
