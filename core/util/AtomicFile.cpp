// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/AtomicFile.h"

#include <QSaveFile>

namespace cohort {

Result<Done, QString> AtomicFile::write(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return tr("cannot write %1: %2").arg(path, f.errorString());
    return Done{};
}

}   // namespace cohort
