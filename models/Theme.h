// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagStatusRules.h"
#include "core/rebalance/GroupEvent.h"
#include "core/snapshot/ClusterTypes.h"

#include <QColor>
#include <QList>
#include <QPalette>

namespace cohort {

// Cohort's one source of state and status colours, derived from a palette:
// each hue is darkened (on a light palette) or lightened (on a dark one) until
// it reads at WCAG AA contrast against every background it is drawn on —
// Base, AlternateBase and Window for text, its own fill for a notice. Models
// use current() (the application palette); widgets pass their palette().
class Theme
{
public:
    // Lag and consumer status levels (Burrow's OK, WARN, ERR, STOP).
    enum class Status { Ok, Warning, Error, Stopped };
    // A strip of text on its own background: what failed, what to watch, what is only so.
    enum class Notice { Error, Warning, Info };
    struct NoticeColours
    {
        QColor background;
        QColor text;
        QColor border;
    };

    // WCAG 2 minimum contrast for body text (AA); 3 is the minimum for large or bold text and graphics.
    static constexpr double kTextContrast = 4.5;
    static constexpr double kGraphicsContrast = 3.0;

    explicit Theme(const QPalette &palette);
    // The application palette's theme, recomputed when that palette changes.
    static const Theme &current();

    bool isDark() const { return m_dark; }
    const QPalette &palette() const { return m_palette; }

    // Stable green, rebalancing amber, Dead red, Empty the plain text colour, Unknown muted.
    QColor groupState(GroupState state) const;
    QColor status(Status status) const;
    // A group event's marker (the lag charts, the rebalance timeline):
    // rebalances amber, a state change in the new state's colour, member and
    // assignment changes muted.
    QColor groupEvent(const GroupEvent &event) const;
    // Burrow's lag statuses: OK green, WARN amber, STOP purple (nothing
    // commits), ERR, STALL and REWIND red (commits that do not help).
    QColor lagStatus(LagStatusRules::Status status) const;
    // The i-th line of a chart (wrapping after seriesCount()): distinct hues,
    // each at graphics contrast (3:1) against Base, where charts are drawn.
    QColor series(int index) const;
    static int seriesCount();
    // A chart's grid lines: visible on Base without competing with the series.
    QColor grid() const { return m_grid; }
    QColor muted() const { return m_muted; }     // stale rows, captions, "nobody owns it"
    QColor accent() const { return m_accent; }   // a neutral highlight (a below-share bar)
    QColor track() const { return m_track; }     // the empty part of a bar, on Base
    NoticeColours notice(Notice notice) const;
    // "<selector> { background: …; color: …; border: 1px solid …; border-radius: 4px; <extra> }"
    QString noticeStyleSheet(Notice notice, const QString &selector, const QString &extra = {}) const;
    // "<selector> { color: …; <extra> }"
    static QString textStyleSheet(const QColor &colour, const QString &selector = {}, const QString &extra = {});

    // The WCAG 2 contrast ratio of two opaque colours, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);
    static double relativeLuminance(const QColor &c);

private:
    // `nominal`, moved towards black (light palette) or white (dark) until it
    // has `minimum` contrast against each background.
    QColor readable(const QColor &nominal, const QList<QColor> &backgrounds, double minimum = kTextContrast) const;
    NoticeColours makeNotice(const QColor &hue, const QColor &textHue) const;

    QPalette m_palette;
    bool m_dark = false;
    QList<QColor> m_textBackgrounds;
    QColor m_stable, m_rebalancing, m_empty, m_dead, m_stopped, m_muted, m_accent, m_track, m_grid;
    QList<QColor> m_series;
    NoticeColours m_error, m_warning, m_info;
};

}   // namespace cohort
