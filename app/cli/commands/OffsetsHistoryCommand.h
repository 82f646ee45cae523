// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli offsets history: the resets whose backups this machine keeps,
// newest first; reads no cluster.
class OffsetsHistoryCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(OffsetsHistoryCommand)

public:
    QString noun() const override { return QStringLiteral("offsets"); }
    QString verb() const override { return QStringLiteral("history"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QString m_group;
};

}   // namespace cohort::cli
