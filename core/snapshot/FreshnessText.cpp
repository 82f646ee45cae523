// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/FreshnessText.h"

#include <QCoreApplication>
#include <QLocale>

namespace cohort {

QString FreshnessText::age(qint64 seconds)
{
    const QLocale locale;
    const qint64 s = qMax<qint64>(0, seconds);
    if (s < 120)
        return tr("%1 s").arg(locale.toString(s));
    if (s < 120 * 60)
        return tr("%1 min").arg(locale.toString(s / 60));
    if (s < 48 * 3600)
        return tr("%1 h").arg(locale.toString(s / 3600));
    return tr("%1 d").arg(locale.toString(s / 86400));
}

QString FreshnessText::ageBetween(const QDateTime &since, const QDateTime &now)
{
    return age(since.secsTo(now));
}

QString FreshnessText::error(const KafkaError &e)
{
    if (e.name.isEmpty())
        return e.message;
    return e.message.isEmpty() ? e.name : e.name + QStringLiteral(": ") + e.message;
}

QString FreshnessText::description(const Freshness &f, const QDateTime &now)
{
    if (!f.failure.isError())
        return {};
    if (!f.hasValue())
        return tr("Not described: %1").arg(error(f.failure));
    return tr("Not refreshed for %1: %2").arg(ageBetween(f.readAt, now), error(f.failure));
}

QString FreshnessText::offsets(const Freshness &f, const QDateTime &now)
{
    if (!f.failure.isError())
        return {};
    if (!f.hasValue())
        return tr("Committed offsets not read (the lag is unknown): %1").arg(error(f.failure));
    return tr("Committed offsets not refreshed for %1 (the lag is from then): %2").arg(ageBetween(f.readAt, now), error(f.failure));
}

QString FreshnessText::lastRead(const Freshness &f, const QDateTime &now)
{
    if (!f.hasValue())
        return tr("Never read — %1").arg(error(f.failure));
    if (!f.failure.isError())
        return tr("Last read %1 ago").arg(ageBetween(f.readAt, now));
    return tr("Last read %1 ago — %2").arg(ageBetween(f.readAt, now), error(f.failure));
}

}   // namespace cohort
