// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli groups delete: kafka-consumer-groups.sh --delete, groups and
// their offsets (only Empty groups can go).
class GroupsDeleteCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsDeleteCommand)

public:
    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("delete"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groups;
};

}   // namespace cohort::cli
