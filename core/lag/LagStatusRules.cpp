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

Status partitionStatus(const QList<Commit> &window, qint64 currentLag, qint64 nowMs, qint64 allowedLag)
{
    if (window.size() < 2 || currentLag <= allowedLag)
        return Status::Ok;
    for (const Commit &c : window)
        if (c.lag <= allowedLag)
            return Status::Ok;   // caught up at some point of the window
    for (qsizetype i = 1; i < window.size(); ++i)
        if (window.at(i).offset < window.at(i - 1).offset)
            return Status::Rewind;
    const qint64 first = window.first().timestampMs;
    const qint64 last = window.last().timestampMs;
    if (nowMs - last > last - first)
        return Status::Stop;
    bool moved = false;
    for (const Commit &c : window)
        moved = moved || c.offset != window.first().offset;
    if (!moved)
        return Status::Stall;
    for (qsizetype i = 1; i < window.size(); ++i)
        if (window.at(i).lag < window.at(i - 1).lag)
            return Status::Ok;   // the lag went down at least once
    return Status::Warn;
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

}   // namespace cohort::LagStatusRules
