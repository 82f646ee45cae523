// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/PaletteSvgIconEngine.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QPainter>
#include <QPalette>

#include <cmath>

namespace cohort {

namespace {

// Pixmaps kept per icon: a few sizes (menu, toolbar, HiDPI) times the modes.
constexpr qsizetype kMaxCached = 24;

QColor mix(const QColor &a, const QColor &b, double t)
{
    auto ch = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(ch(a.red(), b.red()), ch(a.green(), b.green()), ch(a.blue(), b.blue()));
}

}   // namespace

PaletteSvgIconEngine::PaletteSvgIconEngine(const QString &fileName)
{
    QFile file(fileName);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

QColor PaletteSvgIconEngine::colourFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    switch (mode) {
    case QIcon::Selected: return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Disabled: {
        // A palette set with setColor(role, colour) has the same colour in
        // every group: a disabled icon then fades towards the window instead.
        const QColor disabled = palette.color(QPalette::Disabled, QPalette::WindowText);
        return disabled != text ? disabled : mix(text, palette.color(QPalette::Active, QPalette::Window), 0.55);
    }
    case QIcon::Normal:
    case QIcon::Active: break;
    }
    return text;
}

QByteArray PaletteSvgIconEngine::coloured(const QByteArray &svg, const QColor &colour)
{
    QByteArray out = svg;
    return out.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
}

QPixmap PaletteSvgIconEngine::render(const QSize &devicePixels, QIcon::Mode mode)
{
    if (m_svg.isEmpty() || devicePixels.isEmpty())
        return {};
    const QColor colour = colourFor(mode);
    const QString key = QStringLiteral("%1x%2 %3").arg(devicePixels.width()).arg(devicePixels.height()).arg(colour.name());
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;
    QByteArray svg = coloured(m_svg, colour);
    QBuffer buffer(&svg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "svg");
    reader.setScaledSize(devicePixels);   // the vector drawn at this size, not a bitmap scaled
    const QImage image = reader.read();
    if (image.isNull())
        return {};   // no SVG image format plugin: the action shows its text only
    if (m_cache.size() >= kMaxCached)
        m_cache.clear();
    const QPixmap pixmap = QPixmap::fromImage(image);
    m_cache.insert(key, pixmap);
    return pixmap;
}

void PaletteSvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const int side = qMin(rect.width(), rect.height());
    QPixmap pixmap = render(QSize(side, side) * dpr, mode);
    if (pixmap.isNull())
        return;
    pixmap.setDevicePixelRatio(dpr);
    const QRect target(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side);
    painter->drawPixmap(target, pixmap);
}

QPixmap PaletteSvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    const int side = qMin(size.width(), size.height());
    return render(QSize(side, side), mode);
}

QSize PaletteSvgIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    const int side = qMin(size.width(), size.height());
    return {side, side};
}

QIconEngine *PaletteSvgIconEngine::clone() const
{
    auto *copy = new PaletteSvgIconEngine(QString());
    copy->m_svg = m_svg;
    return copy;
}

QString PaletteSvgIconEngine::key() const
{
    return QStringLiteral("PaletteSvgIconEngine");
}

bool PaletteSvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}

}   // namespace cohort
