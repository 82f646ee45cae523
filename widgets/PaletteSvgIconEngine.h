// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QIconEngine>
#include <QPixmap>

namespace cohort {

// An SVG icon drawn in the palette's text colour. Cohort's action icons say
// `currentColor`; when drawn, that becomes the application palette's
// WindowText (its disabled colour for a disabled action, HighlightedText for
// a selected menu entry), so one file reads on light and dark palettes and
// follows a palette switch at run time, and the SVG is rendered at the device
// pixel size asked for, sharp at every scale factor (QIcon asks pixmap() for
// the device pixels; scaledPixmap's meaning of its size changed across Qt 6
// releases, so the default, which calls pixmap(), is kept). Rendering goes through
// Qt's SVG image format plugin (libqt6svg6), as QIcon's own SVG engine does.
class PaletteSvgIconEngine : public QIconEngine
{
public:
    // An icon from an SVG file or resource; null when it cannot be read.
    explicit PaletteSvgIconEngine(const QString &fileName);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

    // The colour `currentColor` becomes for `mode` in the application palette.
    static QColor colourFor(QIcon::Mode mode);
    // The SVG text with `currentColor` replaced, as it is rendered.
    static QByteArray coloured(const QByteArray &svg, const QColor &colour);

private:
    QPixmap render(const QSize &devicePixels, QIcon::Mode mode);

    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;   // by size and colour: a palette switch renders anew
};

}   // namespace cohort
