// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>
#include <span>

namespace cohort {

// How far behind in time a committed offset is, kafka-lag-exporter's way
// (what-users-compare.md): keep recent (time, end offset) samples of a
// partition; the offset was "produced" when the end offset passed it, found by
// linear interpolation between the samples around it, or extrapolated with the
// latest produce rate outside them. Also the rates and catch-up ETA of
// docs/architecture.md, "Lag". Samples are oldest first.
namespace TimeLagEstimator {

struct Sample
{
    qint64 timestampMs = 0;
    qint64 offset = 0;

    bool operator==(const Sample &) const = default;
};

// The samples after the last time the offset went down (a topic deleted and
// made again, offsets reset backwards): the ones before tell nothing of now.
QList<Sample> sinceLastReset(const QList<Sample> &samples);
// The index of the first of those (0 when the offset never went down).
qsizetype afterLastReset(std::span<const Sample> samples);

// Milliseconds between now and when `committed` was the end offset; 0 when
// caught up; nullopt without at least one sample. Samples before a counter
// reset are ignored.
std::optional<qint64> timeLagMs(const QList<Sample> &endOffsets, qint64 committed, qint64 nowMs);

// Offsets per second between the first and last sample (produce rate from end
// offsets, consume rate from committed offsets), since the last reset;
// nullopt under two samples or no elapsed time.
std::optional<double> ratePerSecond(const QList<Sample> &samples);
// Offsets per second from `from` to `to`; nullopt when no time passed.
std::optional<double> ratePerSecond(const Sample &from, const Sample &to);

// Seconds until the lag is gone at these rates: lag / (consume − produce) when
// the consumer is faster; nullopt when it is not catching up.
std::optional<double> catchUpSeconds(qint64 lag, double produceRate, double consumeRate);

}   // namespace TimeLagEstimator
}   // namespace cohort
