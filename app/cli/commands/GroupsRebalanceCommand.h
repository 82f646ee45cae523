// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli groups rebalance: makes a classic group rebalance
// (ClusterAdmin::triggerRebalance: a temporary member joins with the group's
// own protocol and assignor, takes nothing, commits nothing and leaves), then
// waits until the group is Stable again without it, and prints the
// generations and how long it took. Refused, with the reason and what to do,
// on a read-only connection, for a group that is not classic, and for one
// without members.
class GroupsRebalanceCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsRebalanceCommand)

public:
    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("rebalance"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groupIds;
};

}   // namespace cohort::cli
