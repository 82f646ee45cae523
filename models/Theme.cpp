// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/Theme.h"

#include <QGuiApplication>
#include <QStyleHints>

#include <cmath>
#include <optional>

namespace cohort {

namespace {

// a + (b - a) * t per channel: a tint of b over a.
QColor mix(const QColor &a, const QColor &b, double t)
{
    auto ch = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(ch(a.red(), b.red()), ch(a.green(), b.green()), ch(a.blue(), b.blue()));
}

// The palette decides, since it is what the colours are drawn on; the
// platform's colour scheme (Qt 6.5 and later) only settles a mid-grey window.
bool paletteIsDark(const QPalette &palette)
{
    const double window = Theme::relativeLuminance(palette.color(QPalette::Window));
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (window > 0.15 && window < 0.3 && QGuiApplication::styleHints()) {
        const Qt::ColorScheme scheme = QGuiApplication::styleHints()->colorScheme();
        if (scheme != Qt::ColorScheme::Unknown)
            return scheme == Qt::ColorScheme::Dark;
    }
#endif
    // 0.18 is the luminance from which black text reads better than white.
    return window < 0.18;
}

}   // namespace

double Theme::relativeLuminance(const QColor &c)
{
    auto linear = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = c.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

double Theme::contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Theme::Theme(const QPalette &palette)
    : m_palette(palette)
    , m_dark(paletteIsDark(palette))
{
    m_textBackgrounds = {palette.color(QPalette::Base), palette.color(QPalette::AlternateBase), palette.color(QPalette::Window)};
    // Material Design's 800 shades on light palettes and 300 shades on dark
    // ones: the hues people already read as "fine", "busy", "broken".
    const QColor green = m_dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    const QColor amber = m_dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb3, 0x6b, 0x00);
    const QColor red = m_dark ? QColor(0xef, 0x73, 0x73) : QColor(0xc6, 0x28, 0x28);
    const QColor purple = m_dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
    const QColor blue = m_dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    const QColor text = palette.color(QPalette::Text);

    m_stable = readable(green, m_textBackgrounds);
    m_rebalancing = readable(amber, m_textBackgrounds);
    m_dead = readable(red, m_textBackgrounds);
    m_stopped = readable(purple, m_textBackgrounds);
    m_accent = readable(blue, m_textBackgrounds);
    m_empty = readable(text, m_textBackgrounds);
    m_muted = readable(mix(text, palette.color(QPalette::Base), 0.4), m_textBackgrounds);
    m_track = mix(palette.color(QPalette::Base), text, 0.15);
    m_grid = mix(palette.color(QPalette::Base), text, m_dark ? 0.18 : 0.12);
    // Tableau's ten colours (light) and their lighter tints (dark): hues that
    // stay apart for the colour-blind as well, in this order.
    static const QRgb lightSeries[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    static const QRgb darkSeries[] = {0x6aaee0, 0xffa04d, 0x6cc66c, 0xf06a6b, 0xb99ddb, 0xc08f84, 0xf0a6db, 0xb0b0b0, 0xdbdc5a, 0x5fd8e6};
    for (int i = 0; i < seriesCount(); ++i)
        m_series << readable(QColor(m_dark ? darkSeries[i] : lightSeries[i]), {palette.color(QPalette::Base)}, kGraphicsContrast);

    m_error = makeNotice(red, m_dark ? QColor(0xff, 0xcd, 0xd2) : QColor(0x8a, 0x1c, 0x13));
    m_warning = makeNotice(amber, m_dark ? QColor(0xff, 0xe0, 0xb2) : QColor(0x6d, 0x4c, 0x00));
    m_info = makeNotice(text, m_muted);
}

const Theme &Theme::current()
{
    // GUI thread only, like the palette itself. Keyed by the palette's cache
    // key, so a page asking before the palette-change event reached the
    // models still gets the new colours.
    static std::optional<Theme> cached;
    static qint64 cachedKey = 0;
    const QPalette palette = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::palette() : QPalette();
    if (!cached || cachedKey != palette.cacheKey()) {
        cached.emplace(palette);
        cachedKey = palette.cacheKey();
    }
    return *cached;
}

QColor Theme::groupState(GroupState state) const
{
    switch (state) {
    case GroupState::Stable: return m_stable;
    case GroupState::PreparingRebalance:
    case GroupState::CompletingRebalance:
    case GroupState::Assigning:
    case GroupState::Reconciling:
    case GroupState::NotReady: return m_rebalancing;
    case GroupState::Dead: return m_dead;
    case GroupState::Empty: return m_empty;
    case GroupState::Unknown: break;
    }
    return m_muted;
}

QColor Theme::groupEvent(const GroupEvent &event) const
{
    switch (event.kind) {
    case GroupEventKind::StateChanged: return groupState(event.state);
    case GroupEventKind::RebalanceStarted:
    case GroupEventKind::RebalanceCompleted: return status(Status::Warning);
    case GroupEventKind::MemberJoined:
    case GroupEventKind::MemberLeft:
    case GroupEventKind::AssignmentChanged: break;
    }
    return m_muted;
}

QColor Theme::status(Status status) const
{
    switch (status) {
    case Status::Ok: return m_stable;
    case Status::Warning: return m_rebalancing;
    case Status::Error: return m_dead;
    case Status::Stopped: return m_stopped;
    }
    return m_muted;
}

QColor Theme::lagStatus(LagStatusRules::Status status) const
{
    switch (status) {
    case LagStatusRules::Status::Ok: return m_stable;
    case LagStatusRules::Status::Warn: return m_rebalancing;
    case LagStatusRules::Status::Stop: return m_stopped;
    case LagStatusRules::Status::Err:
    case LagStatusRules::Status::Stall:
    case LagStatusRules::Status::Rewind: return m_dead;
    }
    return m_muted;
}

int Theme::seriesCount()
{
    return 10;
}

QColor Theme::series(int index) const
{
    return m_series.at(((index % seriesCount()) + seriesCount()) % seriesCount());
}

Theme::NoticeColours Theme::notice(Notice notice) const
{
    switch (notice) {
    case Notice::Error: return m_error;
    case Notice::Warning: return m_warning;
    case Notice::Info: break;
    }
    return m_info;
}

QString Theme::noticeStyleSheet(Notice kind, const QString &selector, const QString &extra) const
{
    const NoticeColours n = notice(kind);
    return QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; border-radius: 4px; %5 }")
        .arg(selector, n.background.name(), n.text.name(), n.border.name(), extra);
}

QString Theme::textStyleSheet(const QColor &colour, const QString &selector, const QString &extra)
{
    const QString body = QStringLiteral("color: %1; %2").arg(colour.name(), extra).trimmed();
    return selector.isEmpty() ? body : QStringLiteral("%1 { %2 }").arg(selector, body);
}

QColor Theme::readable(const QColor &nominal, const QList<QColor> &backgrounds, double minimum) const
{
    const QColor target = m_dark ? QColor(Qt::white) : QColor(Qt::black);
    auto worst = [&backgrounds](const QColor &c) {
        double w = 21;
        for (const QColor &b : backgrounds)
            w = std::min(w, contrast(c, b));
        return w;
    };
    // A little above the minimum, so that rounding to 8 bits and blending of
    // antialiased edges does not take it below.
    const double wanted = minimum + 0.1;
    QColor c = nominal.toRgb();
    for (int step = 1; step <= 20 && worst(c) < wanted; ++step)
        c = mix(nominal, target, step / 20.0);
    return c;
}

Theme::NoticeColours Theme::makeNotice(const QColor &hue, const QColor &textHue) const
{
    const QColor window = m_palette.color(QPalette::Window);
    NoticeColours n;
    n.background = mix(window, hue, m_dark ? 0.22 : 0.12);
    n.border = mix(window, hue, m_dark ? 0.5 : 0.35);
    n.text = readable(textHue, {n.background});
    return n;
}

}   // namespace cohort
