// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "ui/AdminOperationDialog.h"

namespace cohort {

// Group → Trigger rebalance…: says in words what will happen (a temporary
// member joins with the group's protocol type and assignor, takes no
// partitions, never commits, and leaves: two rebalances), then runs
// ClusterAdmin::triggerRebalance and shows its RebalanceTriggerReport.
class TriggerRebalanceDialog : public AdminOperationDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggerRebalanceDialog)

public:
    TriggerRebalanceDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group, QWidget *parent = nullptr);

    // The report's words, as the outcome shows them.
    static QString describe(const RebalanceTriggerReport &report);

protected:
    void run() override;

private:
    QString m_protocolType;
    QString m_assignor;
};

}   // namespace cohort
