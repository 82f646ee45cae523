// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lag/TimeLagEstimator.h"

#include <cmath>

namespace cohort::TimeLagEstimator {

namespace {

// The time at which the end offset reached `offset`, on the line through a and b.
double interpolate(const Sample &a, const Sample &b, qint64 offset)
{
    if (b.offset == a.offset)
        return double(b.timestampMs);
    const double fraction = double(offset - a.offset) / double(b.offset - a.offset);
    return double(a.timestampMs) + fraction * double(b.timestampMs - a.timestampMs);
}

}   // namespace

qsizetype afterLastReset(std::span<const Sample> samples)
{
    for (qsizetype i = qsizetype(samples.size()) - 1; i > 0; --i)
        if (samples[i].offset < samples[i - 1].offset)
            return i;
    return 0;
}

QList<Sample> sinceLastReset(const QList<Sample> &samples)
{
    const qsizetype first = afterLastReset(samples);
    return first == 0 ? samples : samples.mid(first);
}

std::optional<qint64> timeLagMs(const QList<Sample> &allEndOffsets, qint64 committed, qint64 nowMs)
{
    const QList<Sample> endOffsets = sinceLastReset(allEndOffsets);
    if (endOffsets.isEmpty())
        return std::nullopt;
    if (committed >= endOffsets.last().offset)
        return 0;   // caught up
    if (endOffsets.size() == 1)
        return qMax<qint64>(0, nowMs - endOffsets.first().timestampMs);   // at least this far behind
    double producedAt = 0;
    if (committed <= endOffsets.first().offset) {
        // Older than every sample: extrapolate back with the oldest rate.
        producedAt = interpolate(endOffsets.at(0), endOffsets.at(1), committed);
    } else {
        qsizetype i = 1;
        while (i < endOffsets.size() && endOffsets.at(i).offset < committed)
            ++i;
        producedAt = interpolate(endOffsets.at(i - 1), endOffsets.at(i), committed);
    }
    return qMax<qint64>(0, nowMs - qint64(std::llround(producedAt)));
}

std::optional<double> ratePerSecond(const QList<Sample> &allSamples)
{
    const qsizetype first = afterLastReset(allSamples);
    if (allSamples.size() - first < 2)
        return std::nullopt;
    return ratePerSecond(allSamples.at(first), allSamples.last());
}

std::optional<double> ratePerSecond(const Sample &from, const Sample &to)
{
    const qint64 dt = to.timestampMs - from.timestampMs;
    if (dt <= 0)
        return std::nullopt;
    return double(to.offset - from.offset) * 1000.0 / double(dt);
}

std::optional<double> catchUpSeconds(qint64 lag, double produceRate, double consumeRate)
{
    if (lag <= 0)
        return 0.0;
    const double gain = consumeRate - produceRate;
    if (gain <= 0)
        return std::nullopt;
    return double(lag) / gain;
}

}   // namespace cohort::TimeLagEstimator
