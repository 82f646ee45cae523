// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RemoveMembersDialog.h"

#include "core/session/ClusterSession.h"

#include <QListWidget>
#include <QVBoxLayout>

namespace cohort {

namespace {

constexpr int kMemberIdRole = Qt::UserRole + 1;
constexpr int kInstanceIdRole = Qt::UserRole + 2;

QString refName(const MemberRef &m)
{
    return m.groupInstanceId.isEmpty() ? m.memberId : m.groupInstanceId;
}

}   // namespace

RemoveMembersDialog::RemoveMembersDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group,
                                         const QStringList &preselected, QWidget *parent)
    : AdminOperationDialog(std::move(session), group.groupId(), tr("Remove members"), parent)
    , m_members(new QListWidget(this))
{
    for (const GroupMember &m : group.description.members) {
        auto *item = new QListWidgetItem(m_members);
        const QString who = m.clientId.isEmpty() ? m.memberId : tr("%1 on %2").arg(m.clientId, m.host);
        item->setText(m.groupInstanceId.isEmpty() ? tr("%1 — dynamic member %2").arg(who, m.memberId)
                                                  : tr("%1 — static member %2").arg(who, m.groupInstanceId));
        item->setToolTip(m.groupInstanceId.isEmpty() ? tr("Removed by its member id") : tr("Removed by its group.instance.id"));
        item->setData(kMemberIdRole, m.memberId);
        item->setData(kInstanceIdRole, m.groupInstanceId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(m.memberId) ? Qt::Checked : Qt::Unchecked);
    }
    choices()->addWidget(m_members);
    setExplanation(tr("Remove the ticked members from \"%1\"? Kafka treats each as if it had left: the group rebalances and their "
                      "partitions go to the members that stay. A consumer that is still running rejoins at its next poll (a static "
                      "member under the same group.instance.id), so stop it first to keep it out.")
                       .arg(group.groupId()));
    setConfirmText(tr("Remove members"));
    connect(m_members, &QListWidget::itemChanged, this, &RemoveMembersDialog::updateChoices);
    updateChoices();
}

QList<MemberRef> RemoveMembersDialog::chosenMembers() const
{
    QList<MemberRef> chosen;
    for (int i = 0; i < m_members->count(); ++i) {
        const QListWidgetItem *item = m_members->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        // LeaveGroup v3+: a static member named by its instance id alone is
        // removed whatever its current member id; a dynamic one by member id.
        const QString instance = item->data(kInstanceIdRole).toString();
        chosen << (instance.isEmpty() ? MemberRef{item->data(kMemberIdRole).toString(), {}} : MemberRef{{}, instance});
    }
    return chosen;
}

void RemoveMembersDialog::updateChoices()
{
    const bool any = !chosenMembers().isEmpty();
    setChoicesValid(any, any ? QString() : tr("Tick the members to remove."));
}

void RemoveMembersDialog::run()
{
    const QList<MemberRef> members = chosenMembers();
    const Result<ClusterAdmin *> admin = session()->admin();
    if (!admin) {
        finish(false, tr("No member of \"%1\" was removed.").arg(groupId()),
               explain(admin.error(), KafkaErrorHints::Action::RemoveMembers));
        return;
    }
    admin.value()->removeMembers(groupId(), members).then(this, [this](const Result<QList<MemberRemovalOutcome>> &outcome) {
        if (!outcome) {
            finish(false, tr("No member of \"%1\" was removed.").arg(groupId()),
                   explain(outcome.error(), KafkaErrorHints::Action::RemoveMembers));
            return;
        }
        int removed = 0;
        QStringList lines;
        for (const MemberRemovalOutcome &o : outcome.value()) {
            if (o.error)
                lines << tr("%1: %2").arg(refName(o.member), explain(o.error, KafkaErrorHints::Action::RemoveMembers));
            else
                ++removed;
        }
        const QString summary
            = lines.isEmpty() ? tr("Removed %1 from \"%2\".").arg(tr("%n member(s)", nullptr, removed), groupId())
                              : tr("Removed %1 from \"%2\"; %3 not.")
                                    .arg(tr("%n member(s)", nullptr, removed), groupId(), tr("%n member(s)", nullptr, int(lines.size())));
        finish(lines.isEmpty(), summary, lines.join(QLatin1Char('\n')));
    });
}

}   // namespace cohort
