// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DeleteGroupDialog.h"

#include "core/session/ClusterSession.h"

#include <QLocale>
#include <QSet>

namespace cohort {

DeleteGroupDialog::DeleteGroupDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group, QWidget *parent)
    : AdminOperationDialog(std::move(session), group.groupId(), tr("Delete group"), parent)
{
    int committed = 0;
    QSet<QString> topics;
    for (const PartitionLag &p : group.partitions)
        if (p.committedOffset) {
            ++committed;
            topics.insert(p.tp.topic);
        }
    setExplanation(tr("Delete the consumer group \"%1\" from the cluster, with its committed offsets (%2 on %3)? Its consumers "
                      "would start again from their auto.offset.reset position. This cannot be undone.")
                       .arg(group.groupId(), tr("%n partition(s)", nullptr, committed), tr("%n topic(s)", nullptr, int(topics.size()))));
    setConfirmText(tr("Delete group"));
    if (this->session()->isProduction())
        requireTypedName();
}

void DeleteGroupDialog::run()
{
    const Result<ClusterAdmin *> admin = session()->admin();
    if (!admin) {
        finish(false, tr("The group \"%1\" was not deleted.").arg(groupId()), explain(admin.error(), KafkaErrorHints::Action::DeleteGroup));
        return;
    }
    admin.value()->deleteGroup(groupId()).then(this, [this](const Result<Done> &done) {
        if (done)
            finish(true, tr("The group \"%1\" was deleted.").arg(groupId()));
        else
            finish(false, tr("The group \"%1\" was not deleted.").arg(groupId()),
                   explain(done.error(), KafkaErrorHints::Action::DeleteGroup));
    });
}

}   // namespace cohort
