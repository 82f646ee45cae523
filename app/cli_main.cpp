// SPDX-License-Identifier: GPL-3.0-or-later
// cohort-cli: Cohort's consumer-group views for scripts.

#include "app/cli/CliRunner.h"
#include "core/util/Translations.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    cohort::installTranslations(app);
    QCoreApplication::setApplicationName(QStringLiteral("cohort-cli"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return cohort::cli::runCli(args, out, err);
}
