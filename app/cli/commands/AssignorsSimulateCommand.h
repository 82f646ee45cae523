// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliCommand.h"
#include "core/rebalance/AssignorInput.h"
#include "core/rebalance/StickyAssignor.h"

#include <QHash>

namespace cohort::cli {

// cohort-cli assignors simulate: what an assignor would give a hand-made set
// of members and topics, with per-member counts, the skew and the partitions
// that would move from --current. Needs no cluster.
class AssignorsSimulateCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(AssignorsSimulateCommand)

public:
    QString noun() const override { return QStringLiteral("assignors"); }
    QString verb() const override { return QStringLiteral("simulate"); }
    QString summary() const override;
    QString description() const override;
    void declareOptions(CliOptionSet &options) override;
    int run(CliCommandContext &context) override;

private:
    QString m_assignor;
    StickyAssignor::Implementation m_client = StickyAssignor::Implementation::Java;
    QList<AssignorTopic> m_topics;
    QList<AssignorMember> m_members;
    QHash<QString, QList<TopicPartition>> m_current;
    QList<QString> m_currentOrder;   // --current ids as given, to name an unknown one
};

}   // namespace cohort::cli
