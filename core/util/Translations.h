// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;
class QLocale;

namespace cohort {

// Installs Cohort's translations embedded in the executable (resources/translations/,
// resource prefix /i18n): always English, whose numerus forms turn
// "%n partition(s)" into "1 partition" / "2 partitions", which a source
// string alone cannot. Call once after the application object exists.
void installTranslations(QCoreApplication &app);

// The same for `locale`'s language where Cohort has a translation for it
// (English otherwise), plus Qt's own for its standard dialogs and buttons;
// makes `locale` the default for numbers and dates. True when Cohort's
// translation for the language was found.
bool installTranslations(QCoreApplication &app, const QLocale &locale);

}   // namespace cohort
