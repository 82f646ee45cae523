// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli: Cohort's consumer-group views for scripts.

#include "app/cli/CliRunner.h"
#include "core/util/Translations.h"

#include <QCoreApplication>
#include <QLocale>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Messages in the system's language (LANG, LC_MESSAGES); the tables and JSON that
    // scripts read are never translated (see the glossary in core/util/Translations.cpp).
    cohort::installTranslations(app, QLocale::system());
    QCoreApplication::setApplicationName(QStringLiteral("cohort-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return cohort::cli::runCli(args, out, err);
}
