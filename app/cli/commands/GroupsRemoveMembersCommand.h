// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/kafka/ClusterAdmin.h"

#include <QList>
#include <QStringList>

namespace cohort::cli {

// cohort-cli groups remove-members: removes members from a group
// (ClusterAdmin::removeMembers, LeaveGroup v3 as an admin): static members by
// --instance-id, dynamic and KIP-848 members by --member-id; one row per
// member with the coordinator's answer and, for a refusal, what it means.
class GroupsRemoveMembersCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsRemoveMembersCommand)

public:
    QString noun() const override { return QStringLiteral("groups"); }
    QString verb() const override { return QStringLiteral("remove-members"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QStringList m_groupIds;
    QList<MemberRef> m_members;   // in the order given
};

}   // namespace cohort::cli
