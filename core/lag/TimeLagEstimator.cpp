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

QList<Sample> sinceLastReset(const QList<Sample> &samples)
{
    for (qsizetype i = samples.size() - 1; i > 0; --i)
        if (samples.at(i).offset < samples.at(i - 1).offset)
            return samples.mid(i);
    return samples;
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
    const QList<Sample> samples = sinceLastReset(allSamples);
    if (samples.size() < 2)
        return std::nullopt;
    const qint64 dt = samples.last().timestampMs - samples.first().timestampMs;
    if (dt <= 0)
        return std::nullopt;
    return double(samples.last().offset - samples.first().offset) * 1000.0 / double(dt);
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
