// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace cohort {

// Installs Cohort's translations embedded in the executable (translations/,
// resource prefix /i18n): always English, whose numerus forms turn
// "%n partition(s)" into "1 partition" / "2 partitions", which a source
// string alone cannot. Call once after the application object exists.
void installTranslations(QCoreApplication &app);

}   // namespace cohort
