// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/GroupEventText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace cohort::GroupEventText {

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(GroupEventText)
};

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
        text = Text::tr("State %1 → %2").arg(groupStateToString(e.previousState), groupStateToString(e.state));
        break;
    case GroupEventKind::MemberJoined: text = Text::tr("Member joined"); break;
    case GroupEventKind::MemberLeft: text = Text::tr("Member left"); break;
    case GroupEventKind::AssignmentChanged: text = Text::tr("Assignment changed"); break;
    case GroupEventKind::RebalanceStarted: text = Text::tr("Rebalance started"); break;
    case GroupEventKind::RebalanceCompleted: text = Text::tr("Rebalance completed"); break;
    }
    if (e.generation >= 0)
        text += QLatin1Char(' ') + Text::tr("(generation %1)").arg(locale.toString(e.generation));
    if (e.kind == GroupEventKind::RebalanceCompleted) {
        QStringList parts;
        if (e.partitionsMoved >= 0)
            parts << QCoreApplication::translate("GroupEventText", "%n partition(s) moved", nullptr, e.partitionsMoved);
        if (e.durationMs >= 0)
            parts << Text::tr("in %1 s").arg(locale.toString(e.durationMs / 1000.0, 'f', 1));
        if (!parts.isEmpty())
            text += QStringLiteral(": ") + parts.join(QLatin1Char(' '));
    }
    return text;
}

QString describe(const GroupEvent &e)
{
    QStringList lines{title(e)};
    if (!e.memberId.isEmpty())
        lines << Text::tr("Member: %1").arg(e.memberId);
    if (!e.clientId.isEmpty() || !e.host.isEmpty())
        lines << Text::tr("Client: %1 on %2")
                     .arg(e.clientId.isEmpty() ? QStringLiteral("–") : e.clientId, e.host.isEmpty() ? QStringLiteral("–") : e.host);
    if (!e.groupInstanceId.isEmpty())
        lines << Text::tr("Instance: %1").arg(e.groupInstanceId);
    if (!e.partitionsAdded.isEmpty())
        lines << Text::tr("Gained: %1").arg(partitionList(e.partitionsAdded));
    if (!e.partitionsRemoved.isEmpty())
        lines << Text::tr("Lost: %1").arg(partitionList(e.partitionsRemoved));
    if (e.unownedMs >= 0)
        lines << Text::tr("Longest without an owner: %1 s").arg(QLocale().toString(e.unownedMs / 1000.0, 'f', 1));
    if (!e.reason.isEmpty())
        lines << e.reason;
    return lines.join(QLatin1Char('\n'));
}

}   // namespace cohort::GroupEventText
