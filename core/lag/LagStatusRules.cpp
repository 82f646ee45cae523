// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/LagStatusRules.h"

namespace cohort::LagStatusRules {

QString name(Status s)
{
    switch (s) {
    case Status::Ok: return QStringLiteral("OK");
    case Status::Warn: return QStringLiteral("WARN");
    case Status::Err: return QStringLiteral("ERR");
    case Status::Stop: return QStringLiteral("STOP");
    case Status::Stall: return QStringLiteral("STALL");
    case Status::Rewind: return QStringLiteral("REWIND");
    }
    return {};
}

int troubleRank(Status s)
{
    switch (s) {
    case Status::Err: return 0;
    case Status::Stop: return 1;
    case Status::Stall: return 2;
    case Status::Rewind: return 3;
    case Status::Warn: return 4;
    case Status::Ok: return 5;
    }
    return 5;
}

bool lagAlwaysAboveAllowed(const QList<Commit> &window, qint64 allowedLag)
{
    for (const Commit &c : window)
        if (c.lagKnown && c.lag <= allowedLag)
            return false;
    return true;
}

qsizetype rewindIndex(const QList<Commit> &window)
{
    for (qsizetype i = 1; i < window.size(); ++i)
        if (window.at(i).offset < window.at(i - 1).offset)
            return i;
    return -1;
}

bool rewindRecovered(const QList<Commit> &window, qsizetype rewindIndex)
{
    const qint64 before = window.at(rewindIndex - 1).offset;
    for (qsizetype i = rewindIndex; i < window.size(); ++i)
        if (window.at(i).offset >= before)
            return true;
    return false;
}

bool offsetsStopped(const QList<Commit> &window, qint64 nowMs)
{
    const qint64 first = window.first().timestampMs;
    const qint64 last = window.last().timestampMs;
    return nowMs - last > last - first;
}

bool offsetsStalled(const QList<Commit> &window)
{
    for (qsizetype i = 1; i < window.size(); ++i)
        if (window.at(i).offset != window.at(i - 1).offset)
            return false;
    return true;
}

bool lagNotDecreasing(const QList<Commit> &window)
{
    const Commit *last = nullptr;
    for (const Commit &c : window) {
        if (!c.lagKnown)
            continue;
        if (last && c.lag < last->lag)
            return false;
        last = &c;
    }
    return true;
}

bool recentLagZero(const QList<Commit> &window, const QList<qint64> &recentEndOffsets)
{
    const qint64 lastOffset = window.last().offset;
    for (qint64 end : recentEndOffsets)
        if (end <= lastOffset)
            return true;
    return false;
}

Status partitionStatus(const QList<Commit> &window, qint64 currentLag, qint64 nowMs, qint64 allowedLag,
                       const QList<qint64> &recentEndOffsets)
{
    if (window.isEmpty() || currentLag <= allowedLag)
        return Status::Ok;
    // Stopped first: a problem even when the window once had no lag, as that
    // part of the window may be old; unless the consumer caught up recently.
    if (offsetsStopped(window, nowMs) && !recentLagZero(window, recentEndOffsets))
        return Status::Stop;
    // A rewind counts only until the consumer is back where it was (a
    // rebalance may commit an old offset once).
    const qsizetype rewind = rewindIndex(window);
    if (rewind > 0 && !rewindRecovered(window, rewind))
        return Status::Rewind;
    if (lagAlwaysAboveAllowed(window, allowedLag)) {
        if (offsetsStalled(window))
            return Status::Stall;
        if (lagNotDecreasing(window))
            return Status::Warn;
    }
    return Status::Ok;
}

Status groupStatus(const QList<Status> &partitions)
{
    Status worst = Status::Ok;
    for (Status s : partitions) {
        if (s == Status::Stop || s == Status::Stall || s == Status::Rewind || s == Status::Err)
            return Status::Err;
        if (s == Status::Warn)
            worst = Status::Warn;
    }
    return worst;
}

int severity(Status s)
{
    switch (s) {
    case Status::Ok: return 0;
    case Status::Warn: return 1;
    case Status::Rewind: return 2;
    case Status::Stall: return 3;
    case Status::Stop:
    case Status::Err: return 4;
    }
    return 0;
}

}   // namespace cohort::LagStatusRules
