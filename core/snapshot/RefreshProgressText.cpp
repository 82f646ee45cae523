// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/RefreshProgressText.h"

#include "core/snapshot/FreshnessText.h"

#include <QLocale>

namespace cohort {

QString RefreshProgressText::describe(const RefreshProgress::State &s)
{
    const QString step = s.step.isEmpty() ? tr("Refreshing") : s.step;
    QString line;
    if (s.waitingFor.isEmpty()) {
        line = tr("%1, %2").arg(step, FreshnessText::age(s.stepElapsedMs / 1000));
    } else {
        QString who = s.waitingFor.mid(0, kNamesShown).join(QStringLiteral(", "));
        const qsizetype more = s.waitingFor.size() - kNamesShown;
        if (more == 1)
            who = tr("%1 and 1 more").arg(who);
        else if (more > 1)
            who = tr("%1 and %2 more").arg(who, QLocale().toString(more));
        line = tr("%1 — waiting for %2, %3").arg(step, who, FreshnessText::age(s.stepElapsedMs / 1000));
    }
    if (s.cancelled)
        return tr("%1; cancelling").arg(line);
    return tr("%1; gives up in %2").arg(line, FreshnessText::age((s.remainingMs + 999) / 1000));
}

}   // namespace cohort
