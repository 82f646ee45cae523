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
        const MemberRef ref = MemberRef::naming(m);
        item->setData(kMemberIdRole, ref.memberId);
        item->setData(kInstanceIdRole, ref.groupInstanceId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(m.memberId) ? Qt::Checked : Qt::Unchecked);
    }
    choices()->addWidget(m_members);
    // What a removed member's client does next differs by protocol: a
    // classic one joins again at its next poll under a new member id; a
    // KIP-848 one (seen on Kafka 4.4 with librdkafka 2.16) is fenced, told
    // UNKNOWN_MEMBER_ID at its next heartbeat, gives its partitions up as
    // lost and joins again at once under the same member id (KIP-1082: the
    // client makes its id) at epoch 0, getting a new member epoch, the group
    // epoch going up once for the removal and once per rejoin.
    setExplanation(group.description.describedAsConsumerGroup
                       ? tr("Remove the ticked members from \"%1\"? Kafka fences each at once, as if its session had expired: the "
                            "group epoch goes up and the broker's assignor gives their partitions to the members that stay. A consumer "
                            "that is still running finds out at its next heartbeat, loses its partitions and rejoins under the same "
                            "member id (a static one under the same group.instance.id) with a new member epoch, so stop it first to "
                            "keep it out.")
                             .arg(group.groupId())
                       : tr("Remove the ticked members from \"%1\"? Kafka treats each as if it had left: the group rebalances and their "
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
        // Named as MemberRef::naming said when the list was made.
        chosen << MemberRef{item->data(kMemberIdRole).toString(), item->data(kInstanceIdRole).toString()};
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
