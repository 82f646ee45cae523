// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace cohort {

// The language the desktop app speaks: the system's, or one chosen under
// View → Language (kept in the settings, used from the next start) or given
// with --lang (this run only). A code is "" for the system's, "en" or "zh_CN".
namespace LanguageChoice {

// Every choice offered, the system's first.
QStringList codes();
// The choice kept in `settings`; "" (the system's) when none or one this
// version does not offer.
QString stored(const QSettings &settings);
void store(QSettings &settings, const QString &code);
// A --lang value ("system", "en", "zh_CN", "zh-CN", "zh") as a code; nullopt
// when it names no offered language.
std::optional<QString> parse(const QString &value);
// The locale a code stands for (the system's for "").
QLocale locale(const QString &code);

}   // namespace LanguageChoice
}   // namespace cohort
