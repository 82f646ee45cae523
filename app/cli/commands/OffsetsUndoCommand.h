// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

#include <optional>

namespace cohort::cli {

// cohort-cli offsets undo: the group's last reset taken back from its backup,
// planned (a dry run unless --execute) and applied like any reset.
class OffsetsUndoCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(OffsetsUndoCommand)

public:
    QString noun() const override { return QStringLiteral("offsets"); }
    QString verb() const override { return QStringLiteral("undo"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QString m_group;
    bool m_execute = false;
    std::optional<QString> m_wait;   // --wait's value as given
};

}   // namespace cohort::cli
