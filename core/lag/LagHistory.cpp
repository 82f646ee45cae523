// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/LagHistory.h"

#include "core/lag/LagAssessor.h"
#include "core/lag/LagTieredSeries.h"
#include "core/lag/PartitionOffsetsTrack.h"
#include "core/lag/PartitionLagTrack.h"
#include "core/lag/PartitionTrackList.h"
#include "core/rebalance/RebalanceSighting.h"
#include "core/util/TurnBudget.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace cohort {

namespace {

constexpr qint64 kEventKeepMs = 7LL * 24 * 3600 * 1000;
constexpr int kMaxEventsPerGroup = 10000;

bool consumerActive(const GroupSnapshot &g, const PartitionLag &p)
{
    switch (g.description.state) {
    case GroupState::Stable:
    case GroupState::Assigning:
    case GroupState::Reconciling:
    case GroupState::CompletingRebalance:
    case GroupState::PreparingRebalance: break;
    default: return false;
    }
    const QList<GroupMember> &members = g.description.members;
    if (members.isEmpty())
        return !g.description.describable;   // a group Cohort cannot describe: its state is all there is
    bool assignmentsKnown = false;
    for (const GroupMember &m : members)
        assignmentsKnown = assignmentsKnown || m.assignment.has_value();
    return !assignmentsKnown || p.ownerIndex >= 0;
}

// Sums over the partitions whose values are known; -1 when none is.
struct Sums
{
    qint64 end = -1, committed = -1, lag = -1;

    void add(const PartitionLag &p)
    {
        if (p.endOffset)
            end = qMax<qint64>(0, end) + *p.endOffset;
        if (p.committedOffset)
            committed = qMax<qint64>(0, committed) + *p.committedOffset;
        if (p.lag && *p.lag >= 0)
            lag = qMax<qint64>(0, lag) + *p.lag;
    }
    LagPoint point(qint64 t) const { return LagPoint{t, end, committed, lag, -1}; }
};

}   // namespace

struct LagHistory::Private
{
    struct Group
    {
        LagTieredSeries series;
        // While a group has only ever read one topic its topic series is the
        // group's: stored once (most groups read one topic).
        QString soleTopic;
        bool sharesSoleTopic = false;
        QMap<QString, LagTieredSeries> topicSeries;
        PartitionTrackList tracks;
        QMap<TopicPartition, LagTieredSeries> partitionSeries;
        std::optional<GroupState> state;
        RebalanceSighting rebalances;   // between refreshes, for the Groups page's count
        bool focused = false;
        bool watched = false;
        std::optional<GroupAssessment> assessment;
        QList<GroupEvent> events;   // time order
        int absentFromComplete = 0;   // successive complete snapshots without the group
    };

    QHash<QString, Group> groups;
    // Each partition's end offsets, shared by the tracks of every group reading it.
    QHash<TopicPartition, std::shared_ptr<PartitionOffsetsTrack>> partitionOffsets;
    // The groups in trouble whose partitions get series, worst first, within
    // kMaxTroublePartitionSeries (chosen after each whole snapshot).
    QSet<QString> troubleWithPartitions;
    std::function<bool(const QString &)> followedByWatcher;
    // Per topic, (time, sum of its partitions' end offsets) over the rate window.
    QHash<QString, QList<TimeLagEstimator::Sample>> topicEnds;
    QHash<QString, TopicRetention> retention;
    QHash<QString, qint64> retentionAskedAt;
    QHash<QString, QString> retentionProblem;
    // Record timestamps read: per partition, asked offset -> (time, asked offset).
    QHash<TopicPartition, QMap<qint64, qint64>> recordTimes;
    QHash<TopicPartition, QHash<qint64, QString>> recordTimeProblems;
    QHash<TopicPartition, QHash<qint64, qint64>> recordTimeAskedAt;

    QList<StoredLagPoint> pendingPoints;
    QList<GroupEvent> pendingEvents;
    QList<std::tuple<QString, LagStatusRules::Status, LagStatusRules::Status>> pendingChanges;
    // The snapshot being applied, slice by slice, and the next group of it.
    std::optional<ClusterSnapshot> applying;
    qsizetype nextGroup = 0;
    // A snapshot applied over several turns ends in a turn of its own
    // (forgetting vanished groups, then telling the receivers).
    bool slicedApply = false;
    bool finishingTurn = false;
    // Applied, updated() still to be said (in the turn after), for the sample at tellTimeMs.
    bool telling = false;
    qint64 tellTimeMs = 0;
    QStringList forgotten;
    // A track was dropped since the last dropUnsharedOffsets(): only then
    // can a partition's shared offsets have lost their last reader.
    bool mayHaveUnsharedOffsets = false;
    quint64 applyToken = 0;   // a slice scheduled for a snapshot finished meanwhile does nothing

    // A walk over the groups for the record timestamps they want: whole
    // (recordTimestampsWanted) or in slices (recordTimestampsWantedSome,
    // which keeps its walk here between them).
    struct RecordTimeWalk
    {
        QStringList ids;   // the groups when it began, sorted
        qsizetype next = 0;
        QHash<TopicPartition, qint64> out;
    };
    std::optional<RecordTimeWalk> recordTimeWalk;

    RecordTimeWalk startRecordTimeWalk() const
    {
        RecordTimeWalk w;
        w.ids = groups.keys();
        std::sort(w.ids.begin(), w.ids.end());
        return w;
    }

    // Goes on with `w` for about budgetMs; true when it is done (every group
    // walked, or `max` wanted).
    bool walkRecordTimes(RecordTimeWalk &w, qint64 nowMs, qint64 budgetMs, int max)
    {
        QElapsedTimer slice;
        slice.start();
        while (w.next < w.ids.size() && w.out.size() < max) {
            // A group forgotten since the walk began is passed over.
            if (const auto g = groups.constFind(w.ids.at(w.next++)); g != groups.cend())
                wantRecordTimes(*g, nowMs, max, w.out);
            if (slice.elapsed() >= budgetMs)
                break;
        }
        return w.next >= w.ids.size() || w.out.size() >= max;
    }

    // One group's partitions whose record timestamp the time lag needs, into
    // `out` (up to `max` in all), each marked asked.
    void wantRecordTimes(const Group &g, qint64 nowMs, int max, QHash<TopicPartition, qint64> &out)
    {
        for (qsizetype i = 0; i < g.tracks.size() && out.size() < max; ++i) {
            const PartitionLagTrack &track = g.tracks.at(i).track;
            // The cheap questions first: every refresh asks them of every
            // partition of every group (a million at scale), and most are
            // answered (caught up, read already, asked lately).
            const std::optional<PartitionLagTrack::Sample> latest = track.latest();
            if (!latest || latest->committedOffset < 0 || latest->endOffset < 0 || latest->committedOffset >= latest->endOffset)
                continue;   // not behind: LagAssessor::needsRecordTime says no
            const PartitionLagTrack::Sample last = *latest;
            const qint64 offset = qMax(last.committedOffset, last.logStartOffset);
            const TopicPartition tp = g.tracks.topicPartitionAt(i);
            const auto times = recordTimes.constFind(tp);
            if (times != recordTimes.cend() && times->contains(offset))
                continue;   // read already
            if (const auto asked = recordTimeAskedAt.constFind(tp); asked != recordTimeAskedAt.cend())
                if (const auto a = asked->constFind(offset); a != asked->cend() && nowMs - *a < kAskAgainMs)
                    continue;
            if (out.contains(tp) || !LagAssessor::needsRecordTime(track))
                continue;
            QHash<qint64, qint64> &askedOf = recordTimeAskedAt[tp];
            askedOf.removeIf([nowMs](const std::pair<const qint64 &, qint64 &> &e) { return nowMs - e.second >= kAskAgainMs; });
            askedOf.insert(offset, nowMs);
            out.insert(tp, offset);
        }
    }

    static void record(QList<StoredLagPoint> &out, const LagSeriesKey &key, const QList<std::pair<LagTier, LagPoint>> &added)
    {
        for (const auto &[tier, p] : added)
            out.append(StoredLagPoint{key, tier, p});
    }

    bool partitionHistoryFor(const QString &groupId, const Group &g) const
    {
        return g.focused || g.watched || troubleWithPartitions.contains(groupId);
    }
    void chooseTroubleWithPartitions();
    void dropUnsharedOffsets();

    void sample(const GroupSnapshot &snap, qint64 t);
    LagAssessor::Inputs inputs(const TopicPartition &tp, const PartitionLagTrack &track) const;
    // Returns the old and new status when it changed.
    std::optional<std::pair<LagStatusRules::Status, LagStatusRules::Status>> assess(const QString &groupId, Group &g, qint64 t);
    void addEvent(Group &g, const GroupEvent &e, bool recordIt);
};

void LagHistory::Private::addEvent(Group &g, const GroupEvent &e, bool recordIt)
{
    auto at = std::upper_bound(g.events.begin(), g.events.end(), e.timeMs, [](qint64 t, const GroupEvent &x) { return t < x.timeMs; });
    g.events.insert(at, e);
    while (g.events.size() > kMaxEventsPerGroup || (!g.events.isEmpty() && g.events.first().timeMs < e.timeMs - kEventKeepMs))
        g.events.removeFirst();
    if (recordIt)
        pendingEvents.append(e);
}

void LagHistory::Private::sample(const GroupSnapshot &snap, qint64 t)
{
    // Offsets carried forward from an earlier refresh are not a sample of now.
    if (!snap.offsetsFreshness.isFresh())
        return;
    const QString &id = snap.groupId();
    Group &g = groups[id];

    // A group a watcher follows gets its rebalances, timed, from the watcher.
    if (std::optional<GroupEvent> seen = g.rebalances.observe(snap, t); seen && !(followedByWatcher && followedByWatcher(id)))
        addEvent(g, *seen, true);
    if (snap.describedFreshness.isFresh()) {
        const GroupState now = snap.description.state;
        if (g.state && *g.state != now) {
            GroupEvent e;
            e.timeMs = t;
            e.groupId = id;
            e.kind = GroupEventKind::StateChanged;
            e.state = now;
            e.previousState = *g.state;
            e.generation = snap.generationId;
            addEvent(g, e, true);
        }
        g.state = now;
    }

    Sums all;
    QMap<QString, Sums> perTopic;
    const bool withPartitions = partitionHistoryFor(id, g);
    // Each partition's track at the partition's own index from here on.
    const bool dropped = g.tracks.syncTo(snap.partitions, [this](const TopicPartition &tp) {
        std::shared_ptr<PartitionOffsetsTrack> &offsets = partitionOffsets[tp];
        if (!offsets)
            offsets = std::make_shared<PartitionOffsetsTrack>();
        return PartitionLagTrack(offsets);
    });
    mayHaveUnsharedOffsets = mayHaveUnsharedOffsets || dropped;
    for (qsizetype i = 0; i < snap.partitions.size(); ++i) {
        const PartitionLag &p = snap.partitions.at(i);
        all.add(p);
        perTopic[p.tp.topic].add(p);
        PartitionLagTrack::Sample s;
        s.timeMs = t;
        s.endOffset = p.endOffset.value_or(-1);
        s.committedOffset = p.committedOffset.value_or(-1);
        s.logStartOffset = p.startOffset.value_or(-1);
        if (g.tracks[i].track.add(s, consumerActive(snap, p))) {
            recordTimes.remove(p.tp);   // the topic was made again: old record times are void
            recordTimeProblems.remove(p.tp);
        }
        if (withPartitions) {
            auto it = g.partitionSeries.find(p.tp);
            if (it == g.partitionSeries.end())
                it = g.partitionSeries.insert(p.tp, LagTieredSeries(true));
            const qint64 lag = p.lag && *p.lag >= 0 ? *p.lag : -1;
            record(pendingPoints, LagSeriesKey{id, p.tp.topic, p.tp.partition},
                   it->add(LagPoint{t, s.endOffset, s.committedOffset, lag, s.logStartOffset}));
        }
    }
    // Partition series not fed for longer than their finest tier reaches go.
    for (auto it = g.partitionSeries.begin(); it != g.partitionSeries.end();) {
        const std::optional<LagPoint> last = it->latest();
        if (!last || last->timeMs < t - LagTieredSeries::spanMs(LagTier::FiveSeconds))
            it = g.partitionSeries.erase(it);
        else
            ++it;
    }

    if (g.sharesSoleTopic && (perTopic.size() != 1 || perTopic.firstKey() != g.soleTopic)) {
        // A second topic: the sole topic's history so far is the group's.
        g.topicSeries.insert(g.soleTopic, g.series);
        g.sharesSoleTopic = false;
    }
    record(pendingPoints, LagSeriesKey{id, {}, -1}, g.series.add(all.point(t)));
    if (perTopic.size() == 1 && g.topicSeries.isEmpty()) {
        g.sharesSoleTopic = true;
        g.soleTopic = perTopic.firstKey();
        return;
    }
    for (auto it = perTopic.cbegin(); it != perTopic.cend(); ++it)
        record(pendingPoints, LagSeriesKey{id, it.key(), -1}, g.topicSeries[it.key()].add(it->point(t)));
}

std::optional<std::pair<LagStatusRules::Status, LagStatusRules::Status>> LagHistory::Private::assess(const QString &groupId, Group &g,
                                                                                                     qint64 t)
{
    const bool keepPartitions = partitionHistoryFor(groupId, g);
    QList<PartitionAssessment> parts;
    parts.reserve(g.tracks.size());
    for (qsizetype i = 0; i < g.tracks.size(); ++i)
        parts.append(LagAssessor::partition(inputs(g.tracks.topicPartitionAt(i), g.tracks.at(i).track), t, keepPartitions));
    const std::optional<LagStatusRules::Status> before = g.assessment ? std::optional(g.assessment->status) : std::nullopt;
    g.assessment = LagAssessor::group(groupId, std::move(parts), t, keepPartitions, [this, &g, t](const PartitionAssessment &p) {
        return LagAssessor::statusReason(inputs(p.tp, *g.tracks.find(p.tp)), p, t);
    });
    if (before && *before != g.assessment->status)
        return std::pair{*before, g.assessment->status};
    if (!before && g.assessment->status != LagStatusRules::Status::Ok)
        return std::pair{LagStatusRules::Status::Ok, g.assessment->status};
    return std::nullopt;
}

LagAssessor::Inputs LagHistory::Private::inputs(const TopicPartition &tp, const PartitionLagTrack &track) const
{
    LagAssessor::Inputs in;
    in.tp = tp;
    in.track = &track;
    if (auto r = retention.constFind(tp.topic); r != retention.cend())
        in.retention = *r;
    if (const std::optional<PartitionLagTrack::Sample> last = in.track->latest(); last && last->committedOffset >= 0) {
        const qint64 firstUnread = qMax(last->committedOffset, last->logStartOffset);
        if (auto times = recordTimes.constFind(tp); times != recordTimes.cend()) {
            // The latest record time at or before the first unread offset.
            auto it = times->upperBound(firstUnread);
            if (it != times->cbegin()) {
                --it;
                in.recordTime = TimeLagEstimator::Sample{it.value(), it.key()};
            }
        }
        if (auto problems = recordTimeProblems.constFind(tp); problems != recordTimeProblems.cend())
            in.recordTimeProblem = problems->value(firstUnread);
    }
    return in;
}

void LagHistory::Private::chooseTroubleWithPartitions()
{
    struct Candidate
    {
        const QString *id;
        int rank;
        qint64 lag;
        qsizetype partitions;
    };
    std::vector<Candidate> candidates;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        if (!it->focused && !it->watched && it->assessment && it->assessment->status != LagStatusRules::Status::Ok)
            candidates.push_back({&it.key(), LagStatusRules::troubleRank(it->assessment->status), it->assessment->lag.value_or(0),
                                  it->tracks.size()});
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.lag != b.lag)
            return a.lag > b.lag;
        return *a.id < *b.id;
    });
    troubleWithPartitions.clear();
    qsizetype budget = kMaxTroublePartitionSeries;
    for (const Candidate &c : candidates) {
        if (c.partitions > budget)
            continue;   // a smaller group further down may still fit
        budget -= c.partitions;
        troubleWithPartitions.insert(*c.id);
    }
}

void LagHistory::Private::dropUnsharedOffsets()
{
    if (!std::exchange(mayHaveUnsharedOffsets, false))
        return;   // a hundred thousand partitions at scale: not walked for nothing
    // A partition no group's track holds any more (the group or the topic went).
    partitionOffsets.removeIf([](const std::pair<const TopicPartition &, std::shared_ptr<PartitionOffsetsTrack> &> &e) {
        return e.second.use_count() == 1;
    });
}

LagHistory::LagHistory(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{ }

LagHistory::~LagHistory() = default;

void LagHistory::addSnapshot(const ClusterSnapshot &snapshot)
{
    // One snapshot at a time, in order: the rest of an earlier one first,
    // and what it has to tell.
    if (d->applying)
        applySome(true);
    if (d->telling)
        tellApplied(d->tellTimeMs);
    d->applying = snapshot;
    d->nextGroup = 0;
    sampleTopicEnds(snapshot);
    // The first slice shares its turn's budget with the snapshot's other
    // receivers (the models take theirs too: TurnBudget).
    applySome(false, TurnBudget::Slice::Start::Called);
}

void LagHistory::sampleTopicEnds(const ClusterSnapshot &snapshot)
{
    const qint64 t = snapshot.takenAt.toMSecsSinceEpoch();
    QHash<QString, QList<TimeLagEstimator::Sample>> kept;
    kept.reserve(snapshot.metadata.topics.size());
    for (const TopicInfo &topic : snapshot.metadata.topics) {
        QList<TimeLagEstimator::Sample> samples = d->topicEnds.value(topic.name);
        // A sum without a partition's end offset would read as records deleted.
        const TopicEnds ends = snapshot.endsOf(topic);
        if (ends.allKnown() && (samples.isEmpty() || samples.last().timestampMs < t)) {
            samples.append({t, ends.knownSum});
            // What the rate window needs, and at least the last two samples.
            while (samples.size() > 2 && samples.at(1).timestampMs < t - LagAssessor::kRateWindowMs)
                samples.removeFirst();
        }
        if (!samples.isEmpty())
            kept.insert(topic.name, std::move(samples));
    }
    d->topicEnds = std::move(kept);   // a topic gone from the metadata goes with it
}

std::optional<double> LagHistory::topicProduceRate(const QString &topic) const
{
    const auto it = d->topicEnds.constFind(topic);
    if (it == d->topicEnds.cend() || it->isEmpty())
        return std::nullopt;
    return LagAssessor::windowRate(*it, it->last().timestampMs);
}

QStringList LagHistory::forgetVanishedGroups(const ClusterSnapshot &snapshot)
{
    if (snapshot.isPartial())
        return {};
    QSet<QString> present;
    present.reserve(snapshot.groups.size());
    for (const GroupSnapshot &g : snapshot.groups)
        present.insert(g.groupId());
    QStringList forgotten;
    for (auto it = d->groups.begin(); it != d->groups.end();) {
        if (present.contains(it.key())) {
            it->absentFromComplete = 0;
            ++it;
            continue;
        }
        if (++it->absentFromComplete < kForgetAfterCompleteSnapshots) {
            ++it;
            continue;
        }
        if (!it->series.isEmpty() || !it->tracks.isEmpty() || !it->events.isEmpty())
            forgotten.append(it.key());
        d->mayHaveUnsharedOffsets = d->mayHaveUnsharedOffsets || !it->tracks.isEmpty();
        if (it->focused || it->watched) {
            // The user's choices outlive the data: a group made again is still starred.
            Private::Group kept;
            kept.focused = it->focused;
            kept.watched = it->watched;
            kept.absentFromComplete = it->absentFromComplete;
            *it = std::move(kept);
            ++it;
        } else {
            it = d->groups.erase(it);
        }
    }
    forgotten.sort();
    return forgotten;
}

bool LagHistory::isApplying() const
{
    return d->applying.has_value() || d->telling;
}

void LagHistory::applySome(bool all, TurnBudget::Slice::Start start)
{
    const TurnBudget::Slice turn(start);
    const ClusterSnapshot &snapshot = *d->applying;
    const qint64 t = snapshot.takenAt.toMSecsSinceEpoch();
    while (d->nextGroup < snapshot.groups.size() && (all || !turn.spent())) {
        const GroupSnapshot &g = snapshot.groups.at(d->nextGroup++);
        if (!g.offsetsFreshness.isFresh())
            continue;
        d->sample(g, t);
        if (auto c = d->assess(g.groupId(), d->groups[g.groupId()], t))
            d->pendingChanges.append({g.groupId(), c->first, c->second});
    }
    const bool moreGroups = d->nextGroup < snapshot.groups.size();
    // The finishing walks (every group again) in a turn of their own, or
    // in a turn whose budget they fit; a small snapshot is in at once.
    const bool finishLater = !all && d->slicedApply && (!d->finishingTurn || turn.spent());
    if (moreGroups || finishLater) {
        d->slicedApply = true;
        d->finishingTurn = !moreGroups;
        scheduleSlice();
        return;
    }
    const bool sliced = std::exchange(d->slicedApply, false);
    d->finishingTurn = false;
    d->forgotten = forgetVanishedGroups(snapshot);
    d->dropUnsharedOffsets();
    d->chooseTroubleWithPartitions();
    d->applying.reset();
    ++d->applyToken;
    // The receivers of updated() re-read thousands of groups (each in
    // slices of its own, sharing the turn's budget): a sliced apply tells
    // them in a later turn.
    if (sliced && !all) {
        d->telling = true;
        d->tellTimeMs = t;
        QTimer::singleShot(0, this, [this, token = d->applyToken] {
            if (d->telling && token == d->applyToken)
                tellApplied(d->tellTimeMs);
        });
        return;
    }
    tellApplied(t);
}

void LagHistory::scheduleSlice()
{
    // The GUI thread's other work between slices; the rest on the next turn.
    QTimer::singleShot(0, this, [this, token = d->applyToken] {
        if (d->applying && token == d->applyToken)
            applySome(false);
    });
}

void LagHistory::tellApplied(qint64 t)
{
    d->telling = false;
    const QStringList forgotten = std::exchange(d->forgotten, {});
    const QList<StoredLagPoint> points = std::exchange(d->pendingPoints, {});
    const QList<GroupEvent> events = std::exchange(d->pendingEvents, {});
    const auto changes = std::exchange(d->pendingChanges, {});
    if (!points.isEmpty())
        Q_EMIT pointsRecorded(points);
    if (!events.isEmpty())
        Q_EMIT eventsRecorded(events);
    for (const auto &[id, from, to] : changes)
        Q_EMIT statusChanged(id, from, to);
    if (!forgotten.isEmpty())
        Q_EMIT groupsForgotten(forgotten);
    Q_EMIT updated(t);
}

void LagHistory::addGroup(const GroupSnapshot &group, const QDateTime &takenAt)
{
    const qint64 t = takenAt.toMSecsSinceEpoch();
    if (!group.offsetsFreshness.isFresh())
        return;
    d->groups[group.groupId()].absentFromComplete = 0;
    d->sample(group, t);
    const auto change = d->assess(group.groupId(), d->groups[group.groupId()], t);
    const QList<StoredLagPoint> points = std::exchange(d->pendingPoints, {});
    const QList<GroupEvent> events = std::exchange(d->pendingEvents, {});
    if (!points.isEmpty())
        Q_EMIT pointsRecorded(points);
    if (!events.isEmpty())
        Q_EMIT eventsRecorded(events);
    if (change)
        Q_EMIT statusChanged(group.groupId(), change->first, change->second);
    Q_EMIT updated(t);
}

void LagHistory::setFollowedByWatcher(std::function<bool(const QString &groupId)> followed)
{
    d->followedByWatcher = std::move(followed);
}

void LagHistory::addEvents(const QList<GroupEvent> &events)
{
    for (const GroupEvent &e : events)
        d->addEvent(d->groups[e.groupId], e, true);
    const QList<GroupEvent> recorded = std::exchange(d->pendingEvents, {});
    if (!recorded.isEmpty())
        Q_EMIT eventsRecorded(recorded);
}

void LagHistory::setFocused(const QString &groupId, bool focused)
{
    d->groups[groupId].focused = focused;
}

void LagHistory::setWatched(const QString &groupId, bool watched)
{
    d->groups[groupId].watched = watched;
}

bool LagHistory::isWatched(const QString &groupId) const
{
    const auto it = d->groups.constFind(groupId);
    return it != d->groups.cend() && it->watched;
}

QStringList LagHistory::watchedGroups() const
{
    QStringList out;
    for (auto it = d->groups.cbegin(); it != d->groups.cend(); ++it)
        if (it->watched)
            out.append(it.key());
    out.sort();
    return out;
}

QStringList LagHistory::groups() const
{
    QStringList out = unsortedGroups();
    out.sort();
    return out;
}

QStringList LagHistory::unsortedGroups() const
{
    QStringList out;
    out.reserve(d->groups.size());
    for (auto it = d->groups.cbegin(); it != d->groups.cend(); ++it)
        if (!it->series.isEmpty())
            out.append(it.key());
    return out;
}

QList<LagPoint> LagHistory::series(const LagSeriesKey &key, qint64 fromMs, qint64 toMs) const
{
    const auto g = d->groups.constFind(key.groupId);
    if (g == d->groups.cend())
        return {};
    if (key.isGroup())
        return g->series.points(fromMs, toMs);
    if (key.isTopic()) {
        if (g->sharesSoleTopic && key.topic == g->soleTopic)
            return g->series.points(fromMs, toMs);
        const auto t = g->topicSeries.constFind(key.topic);
        return t == g->topicSeries.cend() ? QList<LagPoint>{} : t->points(fromMs, toMs);
    }
    const auto p = g->partitionSeries.constFind(TopicPartition{key.topic, key.partition});
    return p == g->partitionSeries.cend() ? QList<LagPoint>{} : p->points(fromMs, toMs);
}

QList<qint64> LagHistory::recentLag(const QString &groupId, int count) const
{
    const auto g = d->groups.constFind(groupId);
    return g == d->groups.cend() ? QList<qint64>{} : g->series.recentLag(count);
}

QStringList LagHistory::topics(const QString &groupId) const
{
    const auto g = d->groups.constFind(groupId);
    if (g == d->groups.cend())
        return {};
    if (g->sharesSoleTopic)
        return {g->soleTopic};
    return g->topicSeries.keys();
}

QList<TopicPartition> LagHistory::partitions(const QString &groupId) const
{
    const auto g = d->groups.constFind(groupId);
    return g == d->groups.cend() ? QList<TopicPartition>{} : g->partitionSeries.keys();
}

const GroupAssessment *LagHistory::assessment(const QString &groupId) const
{
    const auto g = d->groups.constFind(groupId);
    return g == d->groups.cend() || !g->assessment ? nullptr : &*g->assessment;
}

QList<GroupEvent> LagHistory::events(const QString &groupId, qint64 fromMs, qint64 toMs) const
{
    const auto g = d->groups.constFind(groupId);
    if (g == d->groups.cend())
        return {};
    QList<GroupEvent> out;
    for (const GroupEvent &e : g->events)
        if (e.timeMs >= fromMs && e.timeMs <= toMs)
            out.append(e);
    return out;
}

void LagHistory::restore(const QList<StoredLagPoint> &points, const QList<GroupEvent> &events)
{
    QList<StoredLagPoint> sorted = points;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const StoredLagPoint &a, const StoredLagPoint &b) { return a.point.timeMs < b.point.timeMs; });
    for (const StoredLagPoint &s : sorted) {
        Private::Group &g = d->groups[s.key.groupId];
        if (s.key.isGroup())
            g.series.restore(s.tier, s.point);
        else if (s.key.isTopic())
            g.topicSeries[s.key.topic].restore(s.tier, s.point);
        else {
            const TopicPartition tp{s.key.topic, s.key.partition};
            auto it = g.partitionSeries.find(tp);
            if (it == g.partitionSeries.end())
                it = g.partitionSeries.insert(tp, LagTieredSeries(true));
            it->restore(s.tier, s.point);
        }
    }
    for (const GroupEvent &e : events)
        d->addEvent(d->groups[e.groupId], e, false);
}

QStringList LagHistory::retentionWanted(qint64 nowMs)
{
    QSet<QString> topics;
    // The topics each group has series of (its sole topic, or one series per
    // topic), not a walk over its partitions: ten thousand groups at scale;
    // those whose retention is known are left out here.
    const auto want = [this, &topics](const QString &t) {
        if (!d->retention.contains(t))
            topics.insert(t);
    };
    for (const Private::Group &g : std::as_const(d->groups)) {
        if (g.sharesSoleTopic)
            want(g.soleTopic);
        for (auto it = g.topicSeries.cbegin(); it != g.topicSeries.cend(); ++it)
            want(it.key());
    }
    QStringList out;
    for (const QString &t : std::as_const(topics)) {
        const auto asked = d->retentionAskedAt.constFind(t);
        if (asked != d->retentionAskedAt.cend() && nowMs - *asked < kAskAgainMs)
            continue;
        d->retentionAskedAt.insert(t, nowMs);
        out.append(t);
    }
    out.sort();
    return out;
}

void LagHistory::setTopicRetention(const TopicRetentionAnswer &answer)
{
    for (auto it = answer.topics.cbegin(); it != answer.topics.cend(); ++it)
        d->retention.insert(it.key(), it.value());
}

QHash<TopicPartition, qint64> LagHistory::recordTimestampsWanted(qint64 nowMs, int max)
{
    Private::RecordTimeWalk w = d->startRecordTimeWalk();
    d->walkRecordTimes(w, nowMs, std::numeric_limits<qint64>::max(), max);
    return w.out;
}

std::optional<QHash<TopicPartition, qint64>> LagHistory::recordTimestampsWantedSome(qint64 nowMs, qint64 budgetMs, int max)
{
    if (!d->recordTimeWalk) {
        QElapsedTimer start;
        start.start();
        d->recordTimeWalk = d->startRecordTimeWalk();
        // Sorting ten thousand ids is half a slice already: the walk then
        // begins in the next one.
        if (start.elapsed() > budgetMs / 2)
            return std::nullopt;
    }
    if (!d->walkRecordTimes(*d->recordTimeWalk, nowMs, budgetMs, max))
        return std::nullopt;
    QHash<TopicPartition, qint64> out = std::move(d->recordTimeWalk->out);
    d->recordTimeWalk.reset();
    return out;
}

void LagHistory::addRecordTimestamps(const QHash<TopicPartition, qint64> &asked, const RecordTimestampsAnswer &answer)
{
    for (auto it = asked.cbegin(); it != asked.cend(); ++it) {
        if (const auto read = answer.timestamps.constFind(it.key()); read != answer.timestamps.cend() && read->timestampMs >= 0) {
            QMap<qint64, qint64> &times = d->recordTimes[it.key()];
            times.insert(it.value(), read->timestampMs);
            while (times.size() > 8)
                times.erase(times.begin());   // the oldest offsets matter least
        } else if (const auto failed = answer.failed.constFind(it.key()); failed != answer.failed.cend()) {
            QHash<qint64, QString> &problems = d->recordTimeProblems[it.key()];
            if (problems.size() >= 8)
                problems.clear();   // offsets long passed
            // Kafka's error name, which reads the same in every language (the
            // client's message is English text inside a translated sentence).
            problems.insert(it.value(), failed->name.isEmpty() ? failed->message : failed->name);
        }
    }
    // Re-assess the groups reading these partitions at their latest sample.
    // Found by topic first: every group against every partition asked was a
    // million lookups in one GUI turn at 10,000 groups.
    QHash<QString, QList<TopicPartition>> askedPerTopic;
    for (auto it = asked.cbegin(); it != asked.cend(); ++it)
        askedPerTopic[it.key().topic].append(it.key());
    qint64 latest = 0;
    for (auto g = d->groups.begin(); g != d->groups.end(); ++g) {
        bool touched = false;
        for (const QString &topic : g->tracks.topics()) {
            const auto of = askedPerTopic.constFind(topic);
            for (qsizetype i = 0; of != askedPerTopic.cend() && i < of->size() && !touched; ++i)
                touched = g->tracks.contains(of->at(i));
            if (touched)
                break;
        }
        if (!touched || !g->assessment)
            continue;
        const qint64 t = g->assessment->atMs;
        latest = qMax(latest, t);
        if (auto c = d->assess(g.key(), *g, t))
            Q_EMIT statusChanged(g.key(), c->first, c->second);
    }
    if (latest > 0)
        Q_EMIT updated(latest);
}

}   // namespace cohort
