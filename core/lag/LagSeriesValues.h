// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagPoint.h"

#include <QList>
#include <QString>

namespace cohort {

// What a chart plots from a lag series (docs/architecture.md, "Lag"), one
// value per sample: the lag itself, the produce and consume rates between
// consecutive samples, the time lag at each sample; and the per-partition
// chart's reduction to the partitions furthest behind plus the rest summed.
// Pure functions; samples are oldest first, unknown values are left out.
namespace LagSeriesValues {

struct Sample
{
    qint64 timeMs = 0;   // UTC milliseconds since the epoch
    double value = 0;
    bool operator==(const Sample &) const = default;
};

// msgs, at each sample whose lag is known.
QList<Sample> lag(const QList<LagPoint> &points);
// msg/s between each sample and the previous one with a known offset, at the
// later sample's time; an offset that went back (a topic recreated, offsets
// reset) starts over instead of showing a negative rate.
QList<Sample> produceRate(const QList<LagPoint> &points);
QList<Sample> consumeRate(const QList<LagPoint> &points);
// ms at each sample: when the committed offset was the end offset, from the
// end offsets sampled up to then (TimeLagEstimator); 0 when caught up.
QList<Sample> timeLagMs(const QList<LagPoint> &points);

struct NamedSeries
{
    QString name;
    QList<LagPoint> points;
    bool operator==(const NamedSeries &) const = default;
};

// The `count` series with the largest latest known lag (ties by name), in that
// order, then one series named `othersName` summing the rest sample by sample
// (offsets and lag summed over the values known at each time); no "others"
// when nothing is left over.
QList<NamedSeries> topByLag(const QList<NamedSeries> &series, int count, const QString &othersName);

}   // namespace LagSeriesValues
}   // namespace cohort
