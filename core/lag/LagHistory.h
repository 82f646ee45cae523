// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAnswers.h"
#include "core/lag/LagAssessment.h"
#include "core/lag/LagPoint.h"
#include "core/rebalance/GroupEvent.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "core/util/TurnBudget.h"

#include <QObject>

#include <functional>

#include <memory>

namespace cohort {

// The lag history of one cluster, owned by its ClusterSession (GUI thread):
// every refresh adds a sample per group and per topic of a group for every
// group, per partition for the groups that are focused (open, watched, or in
// trouble), and Burrow's window of commits per partition for every group.
// Kept in tiered ring buffers (LagTier), so memory is bounded; persisted by
// core/history/HistoryStore through pointsRecorded() and restore().
//
// CONTRACT (shared by core/lag, core/history, widgets/ and ui/): keep these
// signatures; add, do not change.
class LagHistory : public QObject
{
    Q_OBJECT
public:
    explicit LagHistory(QObject *parent = nullptr);
    ~LagHistory() override;

    // Feeding. A whole-cluster snapshot, or one group's fast refresh.
    void addSnapshot(const ClusterSnapshot &snapshot);
    void addGroup(const GroupSnapshot &group, const QDateTime &takenAt);
    // Events seen elsewhere (a group watcher's rebalances), kept as markers.
    void addEvents(const QList<GroupEvent> &events);
    // Rebalances are told from the refreshes too (RebalanceSighting), for
    // every group but those `followed` says a watcher records already.
    void setFollowedByWatcher(std::function<bool(const QString &groupId)> followed);

    // Which groups get per-partition history: a group page is open, or the
    // user starred it on the Groups page. Groups in trouble get it too, the
    // worst first (by status, then lag), up to kMaxTroublePartitionSeries
    // partitions in all: at scale every group may be in trouble, and a series
    // per partition of each would bound neither memory nor the history file.
    static constexpr int kMaxTroublePartitionSeries = 2000;
    void setFocused(const QString &groupId, bool focused);
    void setWatched(const QString &groupId, bool watched);
    bool isWatched(const QString &groupId) const;
    QStringList watchedGroups() const;

    // Reading. The finest tier that covers [fromMs, toMs], oldest first.
    QList<LagPoint> series(const LagSeriesKey &key, qint64 fromMs, qint64 toMs) const;
    // The last `count` lag values of a group at the finest tier (sparklines).
    QList<qint64> recentLag(const QString &groupId, int count) const;
    // The topics and partitions the history has series for, for a group.
    QStringList topics(const QString &groupId) const;
    QList<TopicPartition> partitions(const QString &groupId) const;
    // Derived numbers and status at the latest sample; nullptr when unknown.
    const GroupAssessment *assessment(const QString &groupId) const;
    // State changes seen between samples, and events added, in [fromMs, toMs].
    QList<GroupEvent> events(const QString &groupId, qint64 fromMs, qint64 toMs) const;

    // Persistence: restore what a previous run stored (before the first sample).
    void restore(const QList<StoredLagPoint> &points, const QList<GroupEvent> &events);

    // What the assessments need read besides the refreshes, asked for by the
    // owner (ClusterSession) off the GUI thread and handed back here; each is
    // handed out once, again only after kAskAgainMs. Topics whose retention
    // is not known.
    static constexpr qint64 kAskAgainMs = 30 * 60 * 1000;
    QStringList retentionWanted(qint64 nowMs);
    void setTopicRetention(const TopicRetentionAnswer &answer);
    // The committed offsets (at most `max`, one per partition) whose record
    // timestamp the time lag needs: behind, and older than the history.
    static constexpr int kMaxRecordTimesPerRefresh = 100;
    QHash<TopicPartition, qint64> recordTimestampsWanted(qint64 nowMs, int max = kMaxRecordTimesPerRefresh);
    // The same walk (every partition of every group: a million at scale) in
    // slices of about budgetMs, for the GUI thread: nullopt while it goes on
    // (call again in a later turn), then what recordTimestampsWanted gives.
    std::optional<QHash<TopicPartition, qint64>> recordTimestampsWantedSome(qint64 nowMs, qint64 budgetMs,
                                                                           int max = kMaxRecordTimesPerRefresh);
    // `asked` as recordTimestampsWanted gave it; re-assesses and says updated().
    void addRecordTimestamps(const QHash<TopicPartition, qint64> &asked, const RecordTimestampsAnswer &answer);
    // The groups the history has samples of, sorted.
    QStringList groups() const;
    // The same in no order: for walks over every group at scale, where
    // sorting ten thousand ids takes a GUI turn's budget.
    QStringList unsortedGroups() const;
    // A group absent from this many successive complete snapshots was
    // deleted: its series, tracks and events go (a partial snapshot, which
    // may lack groups a broker did not list, neither counts nor resets).
    static constexpr int kForgetAfterCompleteSnapshots = 3;
    // A topic's produce rate (msg/s) over the last LagAssessor::kRateWindowMs
    // of its end offsets (summed over its partitions, from the snapshots'
    // watermarks: every topic, read or not); nullopt before two samples or
    // while a partition's end offset is unknown.
    std::optional<double> topicProduceRate(const QString &topic) const;
    // A large snapshot is applied in slices, one per turn of the event loop
    // within the turn's budget (TurnBudget), so that the GUI thread stays responsive;
    // updated() says when it is all in. A snapshot added meanwhile first
    // finishes the one before. Small snapshots are in when addSnapshot returns.
    // (True until updated() was said, which a sliced apply does in a turn of its own.)
    bool isApplying() const;

Q_SIGNALS:
    // After each sample was applied (the times of the new points).
    void updated(qint64 timeMs);
    // Every point added to any tier and every event, for the store to write.
    void pointsRecorded(const QList<cohort::StoredLagPoint> &points);
    void eventsRecorded(const QList<cohort::GroupEvent> &events);
    // A group's status changed (for notifications).
    void statusChanged(const QString &groupId, cohort::LagStatusRules::Status from, cohort::LagStatusRules::Status to);
    // Groups forgotten after kForgetAfterCompleteSnapshots complete snapshots without them.
    void groupsForgotten(const QStringList &groupIds);

private:
    // A slice within the turn's budget, or all that is left.
    void applySome(bool all, TurnBudget::Slice::Start start = TurnBudget::Slice::Start::Scheduled);
    void scheduleSlice();
    // The signals of a snapshot applied: points, events, status changes, updated().
    void tellApplied(qint64 t);
    void sampleTopicEnds(const ClusterSnapshot &snapshot);
    QStringList forgetVanishedGroups(const ClusterSnapshot &snapshot);

    struct Private;
    std::unique_ptr<Private> d;
};

}   // namespace cohort
