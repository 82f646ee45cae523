// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace cohort {

void installTranslations(QCoreApplication &app)
{
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/cohort_en.qm")))
        app.installTranslator(english);
    else
        delete english;   // an executable built without them shows the source strings
}

}   // namespace cohort
