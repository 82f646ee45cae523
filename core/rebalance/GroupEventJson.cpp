// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/GroupEventJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace cohort::GroupEventJson {

namespace {

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue orNull(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QJsonArray partitions(const QList<TopicPartition> &list)
{
    QJsonArray out;
    for (const TopicPartition &tp : list)
        out.append(tp.name());
    return out;
}

}   // namespace

QJsonObject toJson(const GroupEvent &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("group_id"), e.groupId);
    o.insert(QStringLiteral("event"), groupEventKindName(e.kind));
    o.insert(QStringLiteral("state"), groupStateToString(e.state));
    o.insert(QStringLiteral("generation"), orNull(qint64(e.generation)));
    o.insert(QStringLiteral("member_id"), orNull(e.memberId));
    o.insert(QStringLiteral("client_id"), orNull(e.clientId));
    o.insert(QStringLiteral("partitions_added"), partitions(e.partitionsAdded));
    o.insert(QStringLiteral("partitions_removed"), partitions(e.partitionsRemoved));
    if (e.kind == GroupEventKind::StateChanged)
        o.insert(QStringLiteral("previous_state"), groupStateToString(e.previousState));
    if (e.kind == GroupEventKind::RebalanceCompleted) {
        o.insert(QStringLiteral("duration_ms"), orNull(e.durationMs));
        o.insert(QStringLiteral("partitions_moved"), orNull(qint64(e.partitionsMoved)));
        o.insert(QStringLiteral("unowned_ms"), orNull(e.unownedMs));
        QJsonObject byPartition;
        for (auto it = e.unownedMsByPartition.cbegin(); it != e.unownedMsByPartition.cend(); ++it)
            byPartition.insert(it.key().name(), it.value());
        o.insert(QStringLiteral("unowned_ms_by_partition"), e.unownedMs < 0 ? QJsonValue() : QJsonValue(byPartition));
    }
    if (!e.memberId.isEmpty()) {
        o.insert(QStringLiteral("host"), orNull(e.host));
        o.insert(QStringLiteral("group_instance_id"), orNull(e.groupInstanceId));
    }
    o.insert(QStringLiteral("reason"), orNull(e.reason));
    return o;
}

}   // namespace cohort::GroupEventJson
