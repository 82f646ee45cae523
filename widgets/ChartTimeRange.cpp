// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/ChartTimeRange.h"

#include <QDateTime>

namespace cohort {

ChartTimeRange::ChartTimeRange(QObject *parent)
    : QObject(parent)
{
    // Before any sample the window ends now, so that an empty chart shows real times.
    m_latestMs = QDateTime::currentMSecsSinceEpoch();
    m_toMs = m_latestMs;
    m_fromMs = m_toMs - spanMs(m_span);
}

QList<ChartTimeRange::Span> ChartTimeRange::spans()
{
    return {Span::FifteenMinutes, Span::OneHour, Span::SixHours, Span::OneDay, Span::SevenDays};
}

qint64 ChartTimeRange::spanMs(Span span)
{
    constexpr qint64 minute = 60 * 1000;
    switch (span) {
    case Span::FifteenMinutes: return 15 * minute;
    case Span::OneHour: return 60 * minute;
    case Span::SixHours: return 6 * 60 * minute;
    case Span::OneDay: return 24 * 60 * minute;
    case Span::SevenDays: return 7 * 24 * 60 * minute;
    }
    return 60 * minute;
}

QString ChartTimeRange::spanName(Span span)
{
    switch (span) {
    case Span::FifteenMinutes: return tr("15 min");
    case Span::OneHour: return tr("1 h");
    case Span::SixHours: return tr("6 h");
    case Span::OneDay: return tr("24 h");
    case Span::SevenDays: return tr("7 d");
    }
    return {};
}

void ChartTimeRange::setSpan(Span span)
{
    const bool changed = span != m_span;
    m_span = span;
    if (changed)
        Q_EMIT spanChanged(span);
    setFollowLive(true);
    followLatest();
}

void ChartTimeRange::setFollowLive(bool live)
{
    if (live)
        followLatest();
    if (live == m_live)
        return;
    m_live = live;
    Q_EMIT followLiveChanged(live);
}

void ChartTimeRange::noteSample(qint64 timeMs)
{
    if (m_hasSample && timeMs <= m_latestMs)
        return;
    m_hasSample = true;
    m_latestMs = timeMs;
    if (m_live)
        followLatest();
}

void ChartTimeRange::setUserWindow(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return;
    if (m_live) {
        m_live = false;
        Q_EMIT followLiveChanged(false);
    }
    setWindow(fromMs, toMs);
}

void ChartTimeRange::followLatest()
{
    setWindow(m_latestMs - spanMs(m_span), m_latestMs);
}

void ChartTimeRange::setWindow(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    Q_EMIT windowChanged(fromMs, toMs);
}

}   // namespace cohort
