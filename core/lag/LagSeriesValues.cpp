// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/LagSeriesValues.h"

#include "core/lag/TimeLagEstimator.h"

#include <QMap>

#include <algorithm>

namespace cohort::LagSeriesValues {

namespace {

QList<Sample> rateOf(const QList<LagPoint> &points, qint64 LagPoint::*offset)
{
    QList<Sample> out;
    const LagPoint *previous = nullptr;
    for (const LagPoint &p : points) {
        if (p.*offset < 0)
            continue;
        if (previous && p.*offset >= previous->*offset) {
            if (const auto rate = TimeLagEstimator::ratePerSecond({{previous->timeMs, previous->*offset}, {p.timeMs, p.*offset}}))
                out.append({p.timeMs, *rate});
        }
        previous = &p;
    }
    return out;
}

qint64 latestLag(const QList<LagPoint> &points)
{
    for (auto it = points.crbegin(); it != points.crend(); ++it)
        if (it->lag >= 0)
            return it->lag;
    return -1;
}

// a + b over the known values: unknown only when both are.
qint64 addKnown(qint64 a, qint64 b)
{
    if (a < 0)
        return b;
    return b < 0 ? a : a + b;
}

}   // namespace

QList<Sample> lag(const QList<LagPoint> &points)
{
    QList<Sample> out;
    out.reserve(points.size());
    for (const LagPoint &p : points)
        if (p.lag >= 0)
            out.append({p.timeMs, double(p.lag)});
    return out;
}

QList<Sample> produceRate(const QList<LagPoint> &points)
{
    return rateOf(points, &LagPoint::endOffset);
}

QList<Sample> consumeRate(const QList<LagPoint> &points)
{
    return rateOf(points, &LagPoint::committedOffset);
}

QList<Sample> timeLagMs(const QList<LagPoint> &points)
{
    QList<Sample> out;
    QList<TimeLagEstimator::Sample> ends;
    for (const LagPoint &p : points) {
        if (p.endOffset < 0)
            continue;
        ends.append({p.timeMs, p.endOffset});   // the estimator skips what came before a counter reset
        if (p.committedOffset < 0)
            continue;
        if (const auto ms = TimeLagEstimator::timeLagMs(ends, p.committedOffset, p.timeMs))
            out.append({p.timeMs, double(*ms)});
    }
    return out;
}

QList<NamedSeries> topByLag(const QList<NamedSeries> &series, int count, const QString &othersName)
{
    QList<std::pair<qint64, qsizetype>> ranked;
    ranked.reserve(series.size());
    for (qsizetype i = 0; i < series.size(); ++i)
        ranked.append({latestLag(series.at(i).points), i});
    std::sort(ranked.begin(), ranked.end(), [&series](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first > b.first;
        return series.at(a.second).name < series.at(b.second).name;
    });
    QList<NamedSeries> out;
    const qsizetype kept = std::min<qsizetype>(std::max(0, count), ranked.size());
    for (qsizetype i = 0; i < kept; ++i)
        out.append(series.at(ranked.at(i).second));
    if (kept == ranked.size())
        return out;
    QMap<qint64, LagPoint> sums;
    for (qsizetype i = kept; i < ranked.size(); ++i)
        for (const LagPoint &p : series.at(ranked.at(i).second).points) {
            auto it = sums.find(p.timeMs);
            if (it == sums.end()) {
                sums.insert(p.timeMs, p);
                continue;
            }
            it->endOffset = addKnown(it->endOffset, p.endOffset);
            it->committedOffset = addKnown(it->committedOffset, p.committedOffset);
            it->lag = addKnown(it->lag, p.lag);
            it->logStartOffset = addKnown(it->logStartOffset, p.logStartOffset);
        }
    out.append({othersName, sums.values()});
    return out;
}

}   // namespace cohort::LagSeriesValues
