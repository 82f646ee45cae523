// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/GroupEventText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace cohort::GroupEventText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GroupEventText", text);
}

QString partitionList(const QList<TopicPartition> &partitions)
{
    QStringList names;
    for (const TopicPartition &tp : partitions)
        names << tp.name();
    return names.join(QStringLiteral(", "));
}

}   // namespace

QString title(const GroupEvent &e)
{
    const QLocale locale;
    QString text;
    switch (e.kind) {
    case GroupEventKind::StateChanged:
        text = tr("State %1 → %2").arg(groupStateToString(e.previousState), groupStateToString(e.state));
        break;
    case GroupEventKind::MemberJoined: text = tr("Member joined"); break;
    case GroupEventKind::MemberLeft: text = tr("Member left"); break;
    case GroupEventKind::AssignmentChanged: text = tr("Assignment changed"); break;
    case GroupEventKind::RebalanceStarted: text = tr("Rebalance started"); break;
    case GroupEventKind::RebalanceCompleted: text = tr("Rebalance completed"); break;
    }
    if (e.generation >= 0)
        text += QLatin1Char(' ') + tr("(generation %1)").arg(locale.toString(e.generation));
    if (e.kind == GroupEventKind::RebalanceCompleted) {
        QStringList parts;
        if (e.partitionsMoved >= 0)
            parts << QCoreApplication::translate("GroupEventText", "%n partition(s) moved", nullptr, e.partitionsMoved);
        if (e.durationMs >= 0)
            parts << tr("in %1 s").arg(locale.toString(e.durationMs / 1000.0, 'f', 1));
        if (!parts.isEmpty())
            text += QStringLiteral(": ") + parts.join(QLatin1Char(' '));
    }
    return text;
}

QString describe(const GroupEvent &e)
{
    QStringList lines{title(e)};
    if (!e.memberId.isEmpty())
        lines << tr("Member: %1").arg(e.memberId);
    if (!e.clientId.isEmpty() || !e.host.isEmpty())
        lines << tr("Client: %1 on %2")
                     .arg(e.clientId.isEmpty() ? QStringLiteral("–") : e.clientId, e.host.isEmpty() ? QStringLiteral("–") : e.host);
    if (!e.groupInstanceId.isEmpty())
        lines << tr("Instance: %1").arg(e.groupInstanceId);
    if (!e.partitionsAdded.isEmpty())
        lines << tr("Gained: %1").arg(partitionList(e.partitionsAdded));
    if (!e.partitionsRemoved.isEmpty())
        lines << tr("Lost: %1").arg(partitionList(e.partitionsRemoved));
    if (e.unownedMs >= 0)
        lines << tr("Longest without an owner: %1 s").arg(QLocale().toString(e.unownedMs / 1000.0, 'f', 1));
    if (!e.reason.isEmpty())
        lines << e.reason;
    return lines.join(QLatin1Char('\n'));
}

}   // namespace cohort::GroupEventText
