// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/MissingPartsSummary.h"

#include "core/snapshot/FreshnessText.h"

#include <QLocale>

#include <algorithm>

namespace cohort {

namespace {

QString count(qint64 n)
{
    return QLocale().toString(n);
}

// "Broker 1 (127.0.0.1:9093)" to start a line, "broker 1 (…)" within one.
QString broker(const MissingPart &p, bool startOfLine)
{
    if (p.brokerId < 0)
        return startOfLine ? MissingPartsSummary::tr("A broker") : MissingPartsSummary::tr("a broker");
    const QString id = QString::number(p.brokerId);
    if (p.brokerAddress.isEmpty())
        return (startOfLine ? MissingPartsSummary::tr("Broker %1") : MissingPartsSummary::tr("broker %1")).arg(id);
    return (startOfLine ? MissingPartsSummary::tr("Broker %1 (%2)") : MissingPartsSummary::tr("broker %1 (%2)")).arg(id, p.brokerAddress);
}

// The shortest name of what went wrong: the Kafka error name, else its message.
QString errorName(const KafkaError &e)
{
    return e.name.isEmpty() ? e.message : e.name;
}

// A timeout means the broker is there but slow; anything else, that it fails.
bool isTimeout(const KafkaError &e)
{
    return e.name.contains(QLatin1String("TIMED_OUT"));
}

// " for 40 s", or nothing when the part does not say since when.
QString forAge(const QDateTime &since, const QDateTime &now)
{
    return since.isValid() ? MissingPartsSummary::tr(" for %1").arg(FreshnessText::ageBetween(since, now)) : QString();
}

QString brokerListing(const MissingPart &p, const QDateTime &now)
{
    const QString who = isTimeout(p.error) ? MissingPartsSummary::tr("%1 slow").arg(broker(p, true))
                                           : MissingPartsSummary::tr("%1 failing (%2)").arg(broker(p, true), errorName(p.error));
    const QString age = forAge(p.since, now);
    if (p.groupsAffected == 1)
        return MissingPartsSummary::tr("%1: 1 group not refreshed%2").arg(who, age);
    if (p.groupsAffected > 1)
        return MissingPartsSummary::tr("%1: %2 groups not refreshed%3").arg(who, count(p.groupsAffected), age);
    return MissingPartsSummary::tr("%1: its groups not listed%2").arg(who, age);
}

QString watermarks(const MissingPart &p, const QDateTime &now)
{
    const QString what = p.partitions == 1
                             ? MissingPartsSummary::tr("End offsets of 1 partition led by %1").arg(broker(p, false))
                             : MissingPartsSummary::tr("End offsets of %1 partitions led by %2").arg(count(p.partitions), broker(p, false));
    return MissingPartsSummary::tr("%1 not read%2: %3").arg(what, forAge(p.since, now), errorName(p.error));
}

// Parts of one kind with the same error, in the order first seen, with the earliest `since`.
struct ErrorGroup
{
    QString error;
    QStringList groupIds;
    QDateTime since;
};

QList<ErrorGroup> byError(const MissingParts &parts, MissingPart::Kind kind)
{
    QList<ErrorGroup> out;
    for (const MissingPart &p : parts) {
        if (p.kind != kind)
            continue;
        const QString e = errorName(p.error);
        auto it = std::find_if(out.begin(), out.end(), [&](const ErrorGroup &g) { return g.error == e; });
        if (it == out.end()) {
            out.append(ErrorGroup{e, {}, {}});
            it = out.end() - 1;
        }
        it->groupIds << p.groupId;
        if (p.since.isValid() && (!it->since.isValid() || p.since < it->since))
            it->since = p.since;
    }
    return out;
}

}   // namespace

QStringList MissingPartsSummary::headlines(const MissingParts &parts, const QDateTime &now)
{
    QStringList lines;
    for (const MissingPart &p : parts)
        if (p.kind == MissingPart::Kind::Metadata)
            lines << tr("No broker gave the cluster's metadata%1: %2; brokers and partitions as last read").arg(forAge(p.since, now), errorName(p.error));
    for (const MissingPart &p : parts)
        if (p.kind == MissingPart::Kind::BrokerListing)
            lines << brokerListing(p, now);
    for (const ErrorGroup &g : byError(parts, MissingPart::Kind::GroupDescription)) {
        if (g.groupIds.size() == 1)
            lines << tr("Group \"%1\" not described%2: %3").arg(g.groupIds.first(), forAge(g.since, now), g.error);
        else
            lines << tr("%1 groups not described%2: %3").arg(count(g.groupIds.size()), forAge(g.since, now), g.error);
    }
    for (const ErrorGroup &g : byError(parts, MissingPart::Kind::GroupOffsets)) {
        if (g.groupIds.size() == 1)
            lines << tr("Committed offsets of group \"%1\" not read%2: %3").arg(g.groupIds.first(), forAge(g.since, now), g.error);
        else
            lines << tr("Committed offsets of %1 groups not read%2: %3").arg(count(g.groupIds.size()), forAge(g.since, now), g.error);
    }
    for (const MissingPart &p : parts)
        if (p.kind == MissingPart::Kind::Watermarks)
            lines << watermarks(p, now);
    return lines;
}

QStringList MissingPartsSummary::details(const MissingParts &parts)
{
    QStringList lines;
    lines.reserve(parts.size());
    for (const MissingPart &p : parts)
        lines << p.describe();
    return lines;
}

}   // namespace cohort
