// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/GlobalOptions.h"

#include "app/cli/CliOptionSet.h"

namespace cohort::cli {

void GlobalOptions::declare(CliOptionSet &options)
{
    options.addString(QStringLiteral("bootstrap-server"), QStringLiteral("HOST:PORT[,...]"),
                      tr("the cluster's brokers; with --profile, replaces the profile's servers"), tr("--bootstrap-server needs HOST:PORT"),
                      &bootstrapServers);
    const QString profileMissing = tr("--profile needs the name of a saved connection");
    options.addValue(QStringLiteral("profile"), QStringLiteral("NAME"),
                     tr("a connection saved in Cohort's connection dialog; a SASL password\n"
                        "comes from $COHORT_PASSWORD, else from the system keychain;\n"
                        "--bootstrap-server replaces its servers, --command-config adds\n"
                        "properties that override it"),
                     profileMissing, [this, profileMissing](const QString &name) {
                         if (name.isEmpty())
                             return profileMissing;
                         profile = name;
                         return QString();
                     });
    options.addString(QStringLiteral("command-config"), QStringLiteral("FILE"),
                      tr("client properties (key=value lines, as kafka-consumer-groups.sh takes),\n"
                         "such as security settings"),
                      tr("--command-config needs a file"), &commandConfig);
    options.addChoice(QStringLiteral("output"), QStringLiteral("table|json|csv"),
                      tr("an aligned table like kafka-consumer-groups.sh (the default), a JSON\n"
                         "array of objects, or CSV with a header row"),
                      tr("--output takes table, json or csv"),
                      QList<std::pair<QString, CliTable::Format>>{{QStringLiteral("table"), CliTable::Format::Table},
                                                                  {QStringLiteral("json"), CliTable::Format::Json},
                                                                  {QStringLiteral("csv"), CliTable::Format::Csv}},
                      &output, [](const QString &) { return tr("--output takes table, json or csv"); });
    options.addInt(QStringLiteral("timeout"), QStringLiteral("MS"),
                   tr("one deadline for the whole command, connecting included (default 10000);\n"
                      "what is not read by then is reported missing (exit 3)"),
                   tr("--timeout needs milliseconds (at least 100)"), 100, &timeoutMs);
    options.addFlag(QStringLiteral("help"), tr("this help; after a command, the command's (also -h)"), &help);
    options.addFlag(QStringLiteral("version"), tr("the version"), &version);
}

}   // namespace cohort::cli
