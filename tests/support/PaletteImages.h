// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Palettes and pixel readings for the widget tests that check colours on
// rendered images (header only: the support library itself links no QtGui).

#include "models/Theme.h"
#include "widgets/AppPalette.h"

#include <QApplication>
#include <QHash>
#include <QImage>
#include <QPalette>
#include <QStyle>

#include <cstdlib>

namespace cohort::test {

// The dark palette `cohort --palette dark` draws with.
inline QPalette darkPalette()
{
    return AppPalette::dark();
}

inline QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

// The colour covering most of `rect`: the background text is drawn on.
inline QColor background(const QImage &image, const QRect &rect)
{
    QHash<QRgb, int> counts;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            best = it.key();
            most = it.value();
        }
    return QColor::fromRgb(best);
}

// The glyph pixel furthest from the background: a fully covered one, which has
// the text colour itself (antialiased edges lie between the two).
inline QColor textPixel(const QImage &image, const QRect &rect, const QColor &bg)
{
    QColor best = bg;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = QColor::fromRgb(image.pixel(x, y));
            if (Theme::contrast(c, bg) > Theme::contrast(best, bg))
                best = c;
        }
    return best;
}

// Channels within `slack` of each other: the pixel is that colour.
inline bool near(const QColor &a, const QColor &b, int slack = 6)
{
    return std::abs(a.red() - b.red()) <= slack && std::abs(a.green() - b.green()) <= slack && std::abs(a.blue() - b.blue()) <= slack;
}

// How many pixels of `rect` (the whole image when null) are `colour`, within `slack`.
inline int countPixels(const QImage &image, const QColor &colour, const QRect &rect = {}, int slack = 6)
{
    const QRect area = rect.isNull() ? image.rect() : rect.intersected(image.rect());
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            n += near(QColor::fromRgb(image.pixel(x, y)), colour, slack) ? 1 : 0;
    return n;
}

// How many pixels of `rect` are `colour` drawn over `bg` with at least
// `minShare` coverage (an antialiased line's pixels blend the two), within
// `slack` per channel of that blend.
inline int countBlends(const QImage &image, const QColor &colour, const QColor &bg, const QRect &rect, double minShare = 0.5,
                       int slack = 10)
{
    const QRect area = rect.intersected(image.rect());
    const double dr = colour.red() - bg.red(), dg = colour.green() - bg.green(), db = colour.blue() - bg.blue();
    const double norm = dr * dr + dg * dg + db * db;
    if (norm == 0)
        return 0;
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor p = QColor::fromRgb(image.pixel(x, y));
            const double pr = p.red() - bg.red(), pg = p.green() - bg.green(), pb = p.blue() - bg.blue();
            const double t = (pr * dr + pg * dg + pb * db) / norm;
            if (t < minShare || t > 1.05)
                continue;
            if (std::abs(pr - t * dr) <= slack && std::abs(pg - t * dg) <= slack && std::abs(pb - t * db) <= slack)
                ++n;
        }
    return n;
}

}   // namespace cohort::test
