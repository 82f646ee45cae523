// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QList>
#include <QString>

#include <utility>

class QObject;

namespace cohort {

// The icons of the menu bar's, toolbar's and context menus' actions. Each is
// the desktop icon theme's icon of its freedesktop name (Breeze, Adwaita)
// where the theme has it, else Cohort's own SVG (:/cohort/icons/actions/,
// drawn in the palette's text colour by PaletteSvgIconEngine), so every
// action has an icon that scales on HiDPI screens, also without a theme.
namespace ActionIcons {

// Action object name -> icon name, for every action that has an icon.
const QList<std::pair<QString, QString>> &byAction();
// The theme's `iconName`, or Cohort's SVG of that name.
QIcon themed(const QString &iconName);
// Cohort's own SVG of that name (null when there is none).
QIcon own(const QString &iconName);
// Gives every action below `root` (by object name, byAction()) its icon.
void assign(QObject *root);

}   // namespace ActionIcons

}   // namespace cohort
