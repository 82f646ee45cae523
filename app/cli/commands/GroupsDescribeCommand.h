// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"

#include <QStringList>

namespace cohort::cli {

// cohort-cli groups describe: per partition of the named groups the committed
// offset, end offset, lag and owner, as kafka-consumer-groups.sh --describe
// prints them; with --members, the members instead (--verbose: and their
// assignments, as --members --verbose); --all-groups for every group of the
// cluster.
class GroupsDescribeCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsDescribeCommand)

public:
    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("describe"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groupIds;
    bool m_members = false;
    bool m_state = false;
    bool m_verbose = false;
    bool m_allGroups = false;
};

}   // namespace cohort::cli
