// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

namespace cohort {

// The time window several charts show together (a group page's lag charts,
// a rebalance timeline): a chosen span (15 min … 7 d) that follows the latest
// sample while "live", or the window the user zoomed or panned to, which new
// samples leave alone until live is chosen again (or a span is). Charts read
// it and write the user's zoom into it; they never keep a window of their own.
class ChartTimeRange : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartTimeRange)

public:
    enum class Span { FifteenMinutes, OneHour, SixHours, OneDay, SevenDays };

    explicit ChartTimeRange(QObject *parent = nullptr);

    static QList<Span> spans();
    static qint64 spanMs(Span span);
    static QString spanName(Span span);   // "15 min", "1 h", "6 h", "24 h", "7 d"

    Span span() const { return m_span; }
    // Shows the last `span` up to the latest sample and follows it.
    void setSpan(Span span);
    bool followsLive() const { return m_live; }
    // true: back to the last span() up to the latest sample; false: stays where it is.
    void setFollowLive(bool live);

    // A sample at `timeMs` arrived (the latest of all the charts): a live window moves with it.
    // The first sample sets the latest even when older than now (a restored history).
    void noteSample(qint64 timeMs);
    qint64 latestMs() const { return m_latestMs; }

    // The user zoomed or panned: this window from now on, not live.
    void setUserWindow(qint64 fromMs, qint64 toMs);

    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }

Q_SIGNALS:
    void windowChanged(qint64 fromMs, qint64 toMs);
    void followLiveChanged(bool live);
    void spanChanged(cohort::ChartTimeRange::Span span);

private:
    void setWindow(qint64 fromMs, qint64 toMs);
    void followLatest();

    Span m_span = Span::OneHour;
    bool m_live = true;
    bool m_hasSample = false;   // until then the latest is "now"
    qint64 m_latestMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

}   // namespace cohort
