// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/AppPalette.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace cohort {

namespace {

// The selection of both palettes: white text on it reads at 6.5:1, so that
// even a thin glyph's antialiased pixels (a dash) stay above 4.5:1.
const QColor kHighlight(0x1b, 0x5f, 0xa6);

}   // namespace

QStringList AppPalette::names()
{
    return {QStringLiteral("light"), QStringLiteral("dark")};
}

std::optional<AppPalette::Kind> AppPalette::parse(const QString &name)
{
    if (name == QLatin1String("light"))
        return Kind::Light;
    if (name == QLatin1String("dark"))
        return Kind::Dark;
    return std::nullopt;
}

QPalette AppPalette::dark()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe0, 0xe0, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    // A selected row's white text at 6.5:1 (Fusion's own #2a82da gives 4:1).
    p.setColor(QPalette::Highlight, kHighlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xae, 0xe0));
    p.setColor(QPalette::LinkVisited, QColor(0xb9, 0x9d, 0xdb));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    // Fusion's 3D edges come from these: near the window colour, not Qt's light defaults.
    p.setColor(QPalette::Light, QColor(0x47, 0x47, 0x47));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x24));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    // Disabled text still readable as "greyed out" (3:1 on the window).
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette AppPalette::light()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion ? fusion->standardPalette() : QApplication::style()->standardPalette();
    delete fusion;
    // Fusion's, with two colours that fall short of WCAG AA on it: the
    // selection (#308cc6 under white text is 3.7:1) and the placeholder text
    // of an empty filter (half-transparent black is 4:1 on white).
    p.setColor(QPalette::Highlight, kHighlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x6b, 0x6b));
    return p;
}

void AppPalette::apply(Kind kind)
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(palette(kind));
}

}   // namespace cohort
