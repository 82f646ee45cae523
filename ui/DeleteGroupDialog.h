// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"
#include "ui/AdminOperationDialog.h"

namespace cohort {

// Group → Delete group…: deletes an Empty group and every offset it committed
// (ClusterAdmin::deleteGroup), after a confirmation that names the group and
// what goes with it; NON_EMPTY_GROUP and GROUP_ID_NOT_FOUND come back explained.
class DeleteGroupDialog : public AdminOperationDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteGroupDialog)

public:
    DeleteGroupDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group, QWidget *parent = nullptr);

protected:
    void run() override;
};

}   // namespace cohort
