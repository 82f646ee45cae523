// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>

#include <optional>

namespace cohort {

// The palettes `cohort --palette light|dark` forces, for screenshots, tests
// and a desktop whose own palette does not suit: the Fusion style's light
// palette, and a dark one with the colours of Fusion's dark variant as KDE's
// Breeze Dark sets them. Without the option Cohort follows the desktop's.
class AppPalette
{
public:
    enum class Kind { Light, Dark };

    static QStringList names();   // "light", "dark"
    static std::optional<Kind> parse(const QString &name);
    static QPalette dark();
    static QPalette light();
    static QPalette palette(Kind kind) { return kind == Kind::Dark ? dark() : light(); }
    // Switches the application to the Fusion style (which draws with the
    // palette as given, where a platform style may not) and the palette.
    static void apply(Kind kind);
};

}   // namespace cohort
