// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cohort {

namespace {

bool installFile(QCoreApplication &app, const QString &file)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(file)) {
        app.installTranslator(translator);
        return true;
    }
    delete translator;   // an executable built without them shows the source strings
    return false;
}

}   // namespace

void installTranslations(QCoreApplication &app)
{
    installFile(app, QStringLiteral(":/i18n/cohort_en.qm"));
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        installTranslations(app);
        return true;
    }
    auto *cohort = new QTranslator(&app);
    // cohort_zh_CN.qm, then cohort_zh.qm; the English numerus forms when neither exists.
    const bool found = cohort->load(locale, QStringLiteral("cohort"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found)
        app.installTranslator(cohort);
    else {
        delete cohort;
        installTranslations(app);
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return found;
}

}   // namespace cohort
