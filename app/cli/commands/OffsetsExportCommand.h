// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli offsets export: the groups' committed offsets as a
// kafka-consumer-groups.sh CSV (what --from-file takes) on stdout.
class OffsetsExportCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(OffsetsExportCommand)

public:
    QString noun() const override { return QStringLiteral("offsets"); }
    QString verb() const override { return QStringLiteral("export"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groups;
};

}   // namespace cohort::cli
