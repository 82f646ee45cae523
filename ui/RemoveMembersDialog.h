// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/ClusterAdmin.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "ui/AdminOperationDialog.h"

#include <QStringList>

class QListWidget;

namespace cohort {

// Group → Remove members…: removes the ticked members from the group as an
// admin (ClusterAdmin::removeMembers, LeaveGroup v3+): a static member by its
// group.instance.id, a dynamic one by its member id (MemberRef::naming), in
// classic and KIP-848 groups alike. The group rebalances as if they had left;
// a consumer still running rejoins (classic: at its next poll; KIP-848: at
// its next heartbeat, under the same member id with a new member epoch).
class RemoveMembersDialog : public AdminOperationDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoveMembersDialog)

public:
    // `preselected`: member ids ticked at first (the rows a context menu was opened on).
    RemoveMembersDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group, const QStringList &preselected = {},
                        QWidget *parent = nullptr);

    QListWidget *memberList() const { return m_members; }
    // What removeMembers will be asked: static members by instance id only.
    QList<MemberRef> chosenMembers() const;

protected:
    void run() override;

private:
    void updateChoices();

    QListWidget *m_members;
};

}   // namespace cohort
