// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/LagAssessor.h"

#include "core/snapshot/FreshnessText.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cohort {

namespace {

QString number(qint64 n)
{
    return QLocale().toString(n);
}

}   // namespace

QString LagAssessor::duration(qint64 ms)
{
    return FreshnessText::age(qMax<qint64>(0, ms) / 1000);
}

std::optional<double> LagAssessor::windowRate(const QList<TimeLagEstimator::Sample> &samples, qint64 nowMs)
{
    // After the last reset, from the first sample in the window, keeping at
    // least the last two; by index (this runs per partition of every group).
    const qsizetype n = samples.size();
    qsizetype first = TimeLagEstimator::afterLastReset(samples);
    while (first < n - 2 && samples.at(first).timestampMs < nowMs - kRateWindowMs)
        ++first;
    if (n - first < 2)
        return std::nullopt;
    return TimeLagEstimator::ratePerSecond(samples.at(first), samples.last());
}

bool LagAssessor::needsRecordTime(const PartitionLagTrack &track)
{
    const std::optional<PartitionLagTrack::Sample> last = track.latest();
    if (!last || last->committedOffset < 0 || last->endOffset < 0 || last->committedOffset >= last->endOffset)
        return false;
    const QList<TimeLagEstimator::Sample> ends = TimeLagEstimator::sinceLastReset(track.endOffsets());
    return ends.isEmpty() || last->committedOffset < ends.first().offset;
}

PartitionAssessment LagAssessor::partition(const Inputs &in, qint64 nowMs, bool withReason)
{
    PartitionAssessment a;
    a.tp = in.tp;
    const std::optional<PartitionLagTrack::Sample> last = in.track ? in.track->latest() : std::nullopt;
    if (!last)
        return a;
    if (last->committedOffset >= 0)
        a.committedOffset = last->committedOffset;
    if (last->endOffset >= 0)
        a.endOffset = last->endOffset;
    if (last->logStartOffset >= 0)
        a.logStartOffset = last->logStartOffset;

    // Records deleted before the group read them are data loss, not lag.
    qint64 firstUnread = last->committedOffset;
    if (a.committedOffset && a.logStartOffset && *a.logStartOffset > *a.committedOffset) {
        a.recordsLost = *a.logStartOffset - *a.committedOffset;
        firstUnread = *a.logStartOffset;
    }
    if (a.committedOffset && a.endOffset)
        a.lag = qMax<qint64>(0, *a.endOffset - firstUnread);

    const QList<TimeLagEstimator::Sample> ends = TimeLagEstimator::sinceLastReset(in.track->endOffsets());

    // Time lag (why it is unknown in words only where shown, like the status reason).
    if (!a.committedOffset) {
        if (withReason)
            a.timeLagUnknownReason = tr("no committed offset");
    } else if (!a.endOffset) {
        if (withReason)
            a.timeLagUnknownReason = tr("end offset not read");
    } else if (*a.lag == 0) {
        a.timeLagMs = 0;
    } else if (!ends.isEmpty() && firstUnread >= ends.first().offset) {
        a.timeLagMs = TimeLagEstimator::timeLagMs(ends, firstUnread, nowMs);
    } else if (in.recordTime && in.recordTime->offset <= firstUnread) {
        // The record's own timestamp, then the end-offset history after it.
        QList<TimeLagEstimator::Sample> anchored{*in.recordTime};
        for (const TimeLagEstimator::Sample &s : ends)
            if (s.offset > in.recordTime->offset)
                anchored.append({qMax(s.timestampMs, in.recordTime->timestampMs), s.offset});
        if (anchored.size() == 1 || firstUnread == in.recordTime->offset)
            a.timeLagMs = qMax<qint64>(0, nowMs - in.recordTime->timestampMs);
        else
            a.timeLagMs = TimeLagEstimator::timeLagMs(anchored, firstUnread, nowMs);
    } else if (withReason) {
        a.timeLagUnknownReason = in.recordTimeProblem.isEmpty()
                                     ? tr("reading the timestamp of the record at offset %1").arg(number(firstUnread))
                                     : tr("the record at offset %1 could not be read: %2").arg(number(firstUnread), in.recordTimeProblem);
    }

    // Rates, velocity and the catch-up ETA.
    a.produceRate = windowRate(ends, nowMs);
    a.consumeRate = in.track->consumeRate(kRateWindowMs);
    if (a.produceRate && a.consumeRate)
        a.lagVelocity = *a.produceRate - *a.consumeRate;
    if (a.lag) {
        if (*a.lag == 0)
            a.etaSeconds = 0.0;
        else if (a.produceRate && a.consumeRate) {
            a.etaSeconds = TimeLagEstimator::catchUpSeconds(*a.lag, *a.produceRate, *a.consumeRate);
            a.notCatchingUp = !a.etaSeconds.has_value();
        }
    }

    // Retention risk: deletion is per segment, at or after these estimates.
    if (in.retention && a.lag) {
        const TopicRetention &r = *in.retention;
        std::optional<double> share;
        auto takeShare = [&share](double s) { share = share ? std::max(*share, s) : s; };
        if (r.retentionMs > 0 && a.timeLagMs) {
            takeShare(double(*a.timeLagMs) / double(r.retentionMs));
            a.retentionEtaMs = qMax<qint64>(0, r.retentionMs - *a.timeLagMs);
        }
        // A size limit matters once it deletes: the log start moving says the
        // log is at its limit, whose records the lag then spans a share of.
        const std::optional<TimeLagEstimator::Sample> firstStart = in.track->firstLogStart();
        const bool deleting = firstStart && a.logStartOffset && *a.logStartOffset > firstStart->offset;
        if (r.retentionBytes > 0 && deleting && a.endOffset && *a.endOffset > *a.logStartOffset)
            takeShare(double(*a.lag) / double(*a.endOffset - *a.logStartOffset));
        if (r.retentionMs < 0 && r.retentionBytes < 0)
            takeShare(0.0);   // kept forever
        a.retentionShare = share;
    }
    if (const auto first = in.track->firstLogStart(); first && a.logStartOffset && *a.lag > 0) {
        // The log start's own advance: whatever deletes records (time, size, DeleteRecords).
        const qint64 dt = nowMs - first->timestampMs;
        const qint64 moved = *a.logStartOffset - first->offset;
        if (dt > 0 && moved > 0) {
            const double perMs = double(moved) / double(dt);
            const qint64 eta = qint64(std::llround(double(firstUnread - *a.logStartOffset) / perMs));
            a.retentionEtaMs = a.retentionEtaMs ? qMin(*a.retentionEtaMs, eta) : eta;
        }
    }

    // Status; its reason in words only where it is shown (building it for
    // each of a million partitions was most of a refresh's GUI time).
    if (a.lag)
        a.status = in.track->status(*a.lag, nowMs, in.allowedLag);
    if (withReason)
        a.statusReason = statusReason(in, a, nowMs);
    return a;
}

QString LagAssessor::statusReason(const Inputs &in, const PartitionAssessment &a, qint64 nowMs)
{
    const QString name = in.tp.name();
    const CommitWindow &window = in.track->commits();
    const qint64 lag = a.lag.value_or(0);
    QString reason;
    switch (a.status) {
    case LagStatusRules::Status::Stop:
        reason = tr("%1: no commit for %2 while %3 behind").arg(name, duration(nowMs - window.lastMoveMs()), number(lag));
        break;
    case LagStatusRules::Status::Stall:
        reason = tr("%1: committed offset stuck at %2 for %3 while %4 behind")
                     .arg(name, number(a.committedOffset.value_or(-1)), duration(nowMs - window.lastMoveMs()), number(lag));
        break;
    case LagStatusRules::Status::Rewind: {
        const QList<LagStatusRules::Commit> w = window.commits();
        const qsizetype i = LagStatusRules::rewindIndex(w);
        reason = tr("%1: committed offset went back from %2 to %3, %4 behind")
                     .arg(name, number(w.at(i - 1).offset), number(w.at(i).offset), number(lag));
        break;
    }
    case LagStatusRules::Status::Warn: {
        const QList<LagStatusRules::Commit> w = window.commits();
        reason = tr("%1: lag grew from %2 to %3 in %4").arg(name, number(w.first().lag), number(lag), duration(nowMs - w.first().timestampMs));
        break;
    }
    case LagStatusRules::Status::Ok:
    case LagStatusRules::Status::Err:
        if (!a.lag)
            reason = tr("%1: lag unknown").arg(name);
        else if (lag == 0)
            reason = tr("%1: caught up").arg(name);
        else if (a.notCatchingUp)
            reason = tr("%1: %2 behind, not catching up").arg(name, number(lag));
        else if (a.etaSeconds)
            reason = tr("%1: %2 behind, caught up in about %3").arg(name, number(lag), duration(qint64(*a.etaSeconds * 1000)));
        else
            reason = tr("%1: %2 behind").arg(name, number(lag));
        break;
    }
    if (a.recordsLost > 0)
        reason += tr("; %n record(s) deleted by retention before they were read", nullptr, int(qMin<qint64>(a.recordsLost, INT_MAX)));
    return reason;
}

namespace {

// Sums of what is known; nullopt when nothing is.
template<typename T>
void addKnown(std::optional<T> &sum, const std::optional<T> &v)
{
    if (v)
        sum = sum.value_or(T{}) + *v;
}

template<typename T>
void maxKnown(std::optional<T> &m, const std::optional<T> &v)
{
    if (v)
        m = m ? std::max(*m, *v) : *v;
}

bool worse(const PartitionAssessment &a, const PartitionAssessment &b)
{
    const int sa = LagStatusRules::severity(a.status), sb = LagStatusRules::severity(b.status);
    if (sa != sb)
        return sa > sb;
    return a.lag.value_or(-1) > b.lag.value_or(-1);
}

// What the group and each topic aggregate alike.
struct Aggregate
{
    std::optional<qint64> lag, timeLagMs, retentionEtaMs;
    std::optional<double> produceRate, consumeRate, lagVelocity, etaSeconds, retentionShare;
    bool notCatchingUp = false;
    bool etaUnknown = false;
    bool timeLagUnknown = false;   // a partition behind whose time lag is not known: the worst is not known
    qint64 recordsLost = 0;
    QList<LagStatusRules::Status> statuses;
    PartitionAssessment *worst = nullptr;

    void add(PartitionAssessment &p)
    {
        addKnown(lag, p.lag);
        maxKnown(timeLagMs, p.timeLagMs);
        timeLagUnknown = timeLagUnknown || (p.lag.value_or(0) > 0 && !p.timeLagMs);
        addKnown(produceRate, p.produceRate);
        addKnown(consumeRate, p.consumeRate);
        addKnown(lagVelocity, p.lagVelocity);
        maxKnown(retentionShare, p.retentionShare);
        if (p.retentionEtaMs)
            retentionEtaMs = retentionEtaMs ? std::min(*retentionEtaMs, *p.retentionEtaMs) : *p.retentionEtaMs;
        // Caught up when the slowest partition is.
        notCatchingUp = notCatchingUp || p.notCatchingUp;
        if (p.etaSeconds)
            maxKnown(etaSeconds, p.etaSeconds);
        else if (p.lag.value_or(0) > 0)
            etaUnknown = true;
        recordsLost += p.recordsLost;
        statuses.append(p.status);
        if (!worst || worse(p, *worst))
            worst = &p;
    }

    std::optional<double> eta() const { return notCatchingUp || etaUnknown ? std::nullopt : etaSeconds; }
    std::optional<qint64> worstTimeLag() const { return timeLagUnknown ? std::nullopt : timeLagMs; }
};

// The worst partition's reason, made now if the partitions came without.
QString worstReason(const Aggregate &g, const LagAssessor::ReasonFor &reasonFor)
{
    if (g.worst->statusReason.isEmpty() && reasonFor)
        g.worst->statusReason = reasonFor(*g.worst);
    return g.worst->statusReason;
}

QString aggregateReason(const Aggregate &g, LagStatusRules::Status status, const LagAssessor::ReasonFor &reasonFor)
{
    if (!g.worst)
        return LagAssessor::tr("no committed offsets");
    if (status != LagStatusRules::Status::Ok)
        return worstReason(g, reasonFor);
    if (!g.lag)
        return LagAssessor::tr("lag unknown");
    if (*g.lag == 0 && g.recordsLost == 0)
        return LagAssessor::tr("caught up");
    if (g.worst->recordsLost > 0 || g.notCatchingUp)
        return worstReason(g, reasonFor);
    if (const std::optional<double> eta = g.eta(); eta && *eta > 0)
        return LagAssessor::tr("%1 behind, caught up in about %2")
            .arg(QLocale().toString(*g.lag), LagAssessor::duration(qint64(*eta * 1000)));
    return LagAssessor::tr("%1 behind").arg(QLocale().toString(*g.lag));
}

}   // namespace

GroupAssessment LagAssessor::group(const QString &groupId, QList<PartitionAssessment> partitions, qint64 nowMs, bool keepPartitions,
                                   const ReasonFor &reasonFor)
{
    // Hot partitions: far behind the group's median.
    QList<qint64> lags;
    for (const PartitionAssessment &p : partitions)
        if (p.lag)
            lags.append(*p.lag);
    if (lags.size() >= 2) {
        std::sort(lags.begin(), lags.end());
        const qsizetype n = lags.size();
        const double median = n % 2 ? double(lags.at(n / 2)) : (double(lags.at(n / 2 - 1)) + double(lags.at(n / 2))) / 2.0;
        for (PartitionAssessment &p : partitions)
            p.hot = p.lag && *p.lag > kHotMinLag && double(*p.lag) > kHotFactor * median;
    }

    GroupAssessment g;
    g.groupId = groupId;
    g.atMs = nowMs;
    Aggregate all;
    qsizetype i = 0;
    while (i < partitions.size()) {
        const QString topic = partitions.at(i).tp.topic;
        Aggregate t;
        for (; i < partitions.size() && partitions.at(i).tp.topic == topic; ++i) {
            t.add(partitions[i]);
            all.add(partitions[i]);
        }
        TopicAssessment ta;
        ta.topic = topic;
        ta.lag = t.lag;
        ta.timeLagMs = t.worstTimeLag();
        ta.produceRate = t.produceRate;
        ta.consumeRate = t.consumeRate;
        ta.etaSeconds = t.eta();
        ta.status = LagStatusRules::groupStatus(t.statuses);
        ta.statusReason = aggregateReason(t, ta.status, reasonFor);
        ta.recordsLost = t.recordsLost;
        g.topics.append(ta);
    }
    g.lag = all.lag;
    g.timeLagMs = all.worstTimeLag();
    g.produceRate = all.produceRate;
    g.consumeRate = all.consumeRate;
    g.lagVelocity = all.lagVelocity;
    g.etaSeconds = all.eta();
    g.notCatchingUp = all.notCatchingUp;
    g.status = LagStatusRules::groupStatus(all.statuses);
    g.statusReason = aggregateReason(all, g.status, reasonFor);
    g.retentionShare = all.retentionShare;
    g.retentionEtaMs = all.retentionEtaMs;
    g.recordsLost = all.recordsLost;
    if (keepPartitions)
        g.partitions = std::move(partitions);
    return g;
}

}   // namespace cohort
