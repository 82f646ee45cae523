// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/snapshot/ClusterTypes.h"

#include <optional>

namespace cohort::cli {

// cohort-cli groups list: every consumer group with its state, protocol type,
// type, assignor, member count and total lag, optionally only those in one
// state or of some types.
class GroupsListCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsListCommand)

public:
    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("list"); }
    QString summary() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    std::optional<GroupState> m_state;
    QList<GroupType> m_types;   // empty: every type
};

}   // namespace cohort::cli
