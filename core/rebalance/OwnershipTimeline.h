// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/GroupEvent.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QList>
#include <QString>

namespace cohort {

// Who owned which partitions of one group over a time window, and in which
// state the group was, rebuilt from its GroupEvents (what the rebalance
// timeline draws). Pure.
//
// Events carry changes only (partitions gained and lost), so the picture is
// rebuilt backwards from the present: what each member owns now, undone
// event by event towards the window's start. Members are keyed as the
// detector keys ownership: a static member by its group.instance.id (a
// restart keeps its lane), a dynamic one by its member id.
class OwnershipTimeline
{
public:
    // A member as the group is now.
    struct Member
    {
        QString memberId;
        QString clientId;
        QString groupInstanceId;
        QList<TopicPartition> partitions;
    };
    // A time a lane held one set of partitions (never empty: a lane without
    // partitions has no span then).
    struct Span
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QList<TopicPartition> partitions;   // sorted
        bool operator==(const Span &) const = default;
    };
    struct Lane
    {
        QString key;        // group.instance.id or member id
        QString memberId;   // the latest member id seen under this key
        QString clientId;
        QString groupInstanceId;
        QList<Span> spans;   // oldest first
        bool operator==(const Lane &) const = default;
    };
    // The group in one state from fromMs to toMs.
    struct StateBand
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        GroupState state = GroupState::Unknown;
        bool operator==(const StateBand &) const = default;
    };

    // The members of a described group, with what their assignments say.
    static QList<Member> membersOf(const GroupSnapshot &group);

    // `events` of one group (any order), `current` and `currentState` as at
    // `nowMs`; lanes and bands are cut to [fromMs, nowMs], and to start no
    // earlier than `knownFromMs` (when the group was first read: what came
    // before is not known, and is not drawn as the earliest state stretched
    // back). Lanes come in the order their members first appear in the
    // window (then by key).
    static OwnershipTimeline build(const QList<GroupEvent> &events, const QList<Member> &current, GroupState currentState,
                                   qint64 fromMs, qint64 nowMs, qint64 knownFromMs = -1);

    QList<Lane> lanes;
    QList<StateBand> bands;

    // A compact label of partitions: "orders 0–2, 5 · payments 1".
    static QString partitionsText(const QList<TopicPartition> &partitions);
};

}   // namespace cohort
