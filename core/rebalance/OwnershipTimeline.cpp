// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rebalance/OwnershipTimeline.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace cohort {

namespace {

QString keyOf(const QString &memberId, const QString &groupInstanceId)
{
    return groupInstanceId.isEmpty() ? memberId : groupInstanceId;
}

QList<TopicPartition> sortedList(const QSet<TopicPartition> &set)
{
    QList<TopicPartition> out(set.cbegin(), set.cend());
    std::sort(out.begin(), out.end());
    return out;
}

// One lane while it is rebuilt, going back in time.
struct Working
{
    OwnershipTimeline::Lane lane;
    QSet<TopicPartition> owned;   // at `spanEnd`, going backwards
    qint64 spanEnd = 0;           // the owned set holds from some earlier time up to here
    bool present = false;         // a member of the group at `spanEnd`
    qint64 firstMs = 0;           // the earliest time it is known in the window
};

}   // namespace

QList<OwnershipTimeline::Member> OwnershipTimeline::membersOf(const GroupSnapshot &group)
{
    QList<Member> out;
    for (const GroupMember &m : group.description.members) {
        Member member{m.memberId, m.clientId, m.groupInstanceId, {}};
        if (m.assignment)
            member.partitions = m.assignment->partitions;
        out.append(member);
    }
    return out;
}

OwnershipTimeline OwnershipTimeline::build(const QList<GroupEvent> &events, const QList<Member> &current, GroupState currentState,
                                           qint64 fromMs, qint64 nowMs, qint64 knownFromMs)
{
    OwnershipTimeline out;
    // Events before the first read are what the history kept: they still count.
    for (const GroupEvent &e : events)
        if (knownFromMs >= 0 && e.timeMs < knownFromMs)
            knownFromMs = e.timeMs;
    fromMs = std::max(fromMs, knownFromMs);
    if (nowMs <= fromMs)
        return out;
    QList<GroupEvent> sorted = events;
    std::stable_sort(sorted.begin(), sorted.end(), [](const GroupEvent &a, const GroupEvent &b) { return a.timeMs < b.timeMs; });

    QHash<QString, Working> lanes;
    auto lane = [&](const QString &memberId, const QString &clientId, const QString &instanceId, qint64 atMs) -> Working & {
        const QString key = keyOf(memberId, instanceId);
        auto it = lanes.find(key);
        if (it == lanes.end()) {
            Working w;
            w.lane.key = key;
            w.spanEnd = atMs;
            w.firstMs = atMs;
            it = lanes.insert(key, w);
        }
        // The newest names under the key win (they are met first, going back).
        if (it->lane.memberId.isEmpty())
            it->lane.memberId = memberId;
        if (it->lane.clientId.isEmpty())
            it->lane.clientId = clientId;
        if (it->lane.groupInstanceId.isEmpty())
            it->lane.groupInstanceId = instanceId;
        return *it;
    };
    // What the lane owned from `fromHere` up to its span end becomes a span.
    auto close = [&](Working &w, qint64 fromHere) {
        const qint64 from = std::max(fromHere, fromMs);
        const qint64 to = std::min(w.spanEnd, nowMs);
        if (!w.owned.isEmpty() && to > from) {
            QList<Span> &spans = w.lane.spans;
            const QList<TopicPartition> partitions = sortedList(w.owned);
            // A span that goes on with the same partitions (a static restart) is one span.
            if (!spans.isEmpty() && spans.first().fromMs == to && spans.first().partitions == partitions)
                spans.first().fromMs = from;
            else
                spans.prepend(Span{from, to, partitions});
        }
        w.spanEnd = fromHere;
    };

    for (const Member &m : current) {
        Working &w = lane(m.memberId, m.clientId, m.groupInstanceId, nowMs);
        w.owned = QSet<TopicPartition>(m.partitions.cbegin(), m.partitions.cend());
        w.present = true;
    }

    GroupState state = currentState;
    qint64 bandEnd = nowMs;
    auto addBand = [&](qint64 from, GroupState s) {
        from = std::max(from, fromMs);
        const qint64 to = std::min(bandEnd, nowMs);
        if (s != GroupState::Unknown && to > from) {
            if (!out.bands.isEmpty() && out.bands.first().state == s && out.bands.first().fromMs == to)
                out.bands.first().fromMs = from;
            else
                out.bands.prepend(StateBand{from, to, s});
        }
        bandEnd = std::min(bandEnd, from);
    };

    for (auto it = sorted.crbegin(); it != sorted.crend(); ++it) {
        const GroupEvent &e = *it;
        if (e.timeMs > nowMs)
            continue;
        if (e.timeMs < fromMs)
            break;
        switch (e.kind) {
        case GroupEventKind::AssignmentChanged: {
            Working &w = lane(e.memberId, e.clientId, e.groupInstanceId, e.timeMs);
            close(w, e.timeMs);
            for (const TopicPartition &tp : e.partitionsAdded)
                w.owned.remove(tp);
            for (const TopicPartition &tp : e.partitionsRemoved)
                w.owned.insert(tp);
            w.present = true;
            w.firstMs = e.timeMs;
            break;
        }
        case GroupEventKind::MemberJoined: {
            Working &w = lane(e.memberId, e.clientId, e.groupInstanceId, e.timeMs);
            close(w, e.timeMs);
            w.owned.clear();
            w.present = false;
            w.firstMs = e.timeMs;
            break;
        }
        case GroupEventKind::MemberLeft: {
            Working &w = lane(e.memberId, e.clientId, e.groupInstanceId, e.timeMs);
            close(w, e.timeMs);
            // Before it left it held what it was last described with.
            w.owned = QSet<TopicPartition>(e.partitionsRemoved.cbegin(), e.partitionsRemoved.cend());
            w.present = true;
            w.firstMs = e.timeMs;
            break;
        }
        case GroupEventKind::StateChanged:
            addBand(e.timeMs, state);
            state = e.previousState;
            break;
        case GroupEventKind::RebalanceStarted:
        case GroupEventKind::RebalanceCompleted: break;
        }
    }
    addBand(fromMs, state);

    QList<Working> all = lanes.values();
    for (Working &w : all) {
        close(w, fromMs);
        if (w.present)
            w.firstMs = fromMs;
    }
    std::sort(all.begin(), all.end(),
              [](const Working &a, const Working &b) { return a.firstMs != b.firstMs ? a.firstMs < b.firstMs : a.lane.key < b.lane.key; });
    for (const Working &w : std::as_const(all))
        out.lanes.append(w.lane);
    return out;
}

QString OwnershipTimeline::partitionsText(const QList<TopicPartition> &partitions)
{
    QMap<QString, QList<int>> byTopic;
    for (const TopicPartition &tp : partitions)
        byTopic[tp.topic].append(tp.partition);
    QStringList topics;
    for (auto it = byTopic.begin(); it != byTopic.end(); ++it) {
        QList<int> &ps = it.value();
        std::sort(ps.begin(), ps.end());
        QStringList runs;
        for (qsizetype i = 0; i < ps.size();) {
            qsizetype j = i;
            while (j + 1 < ps.size() && ps.at(j + 1) == ps.at(j) + 1)
                ++j;
            // Two in a row are listed; three or more are a range.
            if (j == i)
                runs << QString::number(ps.at(i));
            else if (j == i + 1)
                runs << QString::number(ps.at(i)) << QString::number(ps.at(j));
            else
                runs << QString(QString::number(ps.at(i)) + QStringLiteral("–") + QString::number(ps.at(j)));
            i = j + 1;
        }
        topics << QString(it.key() + QLatin1Char(' ') + runs.join(QStringLiteral(", ")));
    }
    return topics.join(QStringLiteral(" · "));
}

}   // namespace cohort
