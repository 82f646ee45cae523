// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DeleteOffsetsDialog.h"

#include "core/session/ClusterSession.h"

#include <QListWidget>
#include <QMap>
#include <QSet>
#include <QVBoxLayout>

namespace cohort {

namespace {

constexpr int kTopicRole = Qt::UserRole + 1;

}   // namespace

DeleteOffsetsDialog::DeleteOffsetsDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group,
                                         const QStringList &preselected, QWidget *parent)
    : AdminOperationDialog(std::move(session), group.groupId(), tr("Delete offsets"), parent)
    , m_topics(new QListWidget(this))
{
    QMap<QString, int> committed;   // topic → partitions with a committed offset, sorted
    for (const PartitionLag &p : group.partitions)
        if (p.committedOffset)
            ++committed[p.tp.topic];
    QSet<QString> subscribed;
    for (const GroupMember &m : group.description.members)
        if (m.subscription)
            for (const QString &t : m.subscription->topics)
                subscribed.insert(t);
    for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
        auto *item = new QListWidgetItem(m_topics);
        const bool isSubscribed = subscribed.contains(it.key());
        item->setText(isSubscribed ? tr("%1 — %n partition(s), subscribed by a member", nullptr, it.value()).arg(it.key())
                                   : tr("%1 — %n partition(s)", nullptr, it.value()).arg(it.key()));
        if (isSubscribed)
            item->setToolTip(tr("Kafka refuses to delete the offsets of a topic the group's members subscribe to "
                                "(GROUP_SUBSCRIBED_TO_TOPIC) until they stop reading it."));
        item->setData(kTopicRole, it.key());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(it.key()) ? Qt::Checked : Qt::Unchecked);
    }
    choices()->addWidget(m_topics);
    setExplanation(tr("Delete the committed offsets of \"%1\" for the topics ticked below? The group's consumers would start those "
                      "topics again from their auto.offset.reset position. This cannot be undone.")
                       .arg(group.groupId()));
    setConfirmText(tr("Delete offsets"));
    if (this->session()->isProduction())
        requireTypedName();
    connect(m_topics, &QListWidget::itemChanged, this, &DeleteOffsetsDialog::updateChoices);
    updateChoices();
}

QStringList DeleteOffsetsDialog::chosenTopics() const
{
    QStringList topics;
    for (int i = 0; i < m_topics->count(); ++i)
        if (m_topics->item(i)->checkState() == Qt::Checked)
            topics << m_topics->item(i)->data(kTopicRole).toString();
    return topics;
}

void DeleteOffsetsDialog::updateChoices()
{
    const bool any = !chosenTopics().isEmpty();
    setChoicesValid(any, any ? QString() : tr("Tick the topics whose offsets should go."));
}

void DeleteOffsetsDialog::run()
{
    const QStringList topics = chosenTopics();
    const Result<ClusterAdmin *> admin = session()->admin();
    if (!admin) {
        finish(false, tr("No offsets of \"%1\" were deleted.").arg(groupId()),
               explain(admin.error(), KafkaErrorHints::Action::DeleteOffsets));
        return;
    }
    admin.value()->deleteOffsets(groupId(), topics).then(this, [this, topics](const Result<QList<PartitionWriteOutcome>> &outcome) {
        if (!outcome) {
            finish(false, tr("No offsets of \"%1\" were deleted.").arg(groupId()),
                   explain(outcome.error(), KafkaErrorHints::Action::DeleteOffsets));
            return;
        }
        int deleted = 0;
        // One line per topic and error: a refused topic is usually refused on every partition.
        QMap<QString, QMap<QString, int>> refused;   // topic → explanation → partitions
        for (const PartitionWriteOutcome &o : outcome.value()) {
            if (o.error)
                ++refused[o.tp.topic][explain(o.error, KafkaErrorHints::Action::DeleteOffsets)];
            else
                ++deleted;
        }
        QStringList lines;
        for (auto t = refused.cbegin(); t != refused.cend(); ++t)
            for (auto e = t->cbegin(); e != t->cend(); ++e)
                lines << tr("%1, %n partition(s) refused: %2", nullptr, e.value()).arg(t.key(), e.key());
        const QString summary
            = refused.isEmpty() ? tr("Deleted the offsets of \"%1\" for %2 (%3).")
                                      .arg(groupId(), topics.join(QStringLiteral(", ")), tr("%n partition(s)", nullptr, deleted))
                                : tr("Deleted %1 of \"%2\"; some were refused.").arg(tr("%n partition(s)", nullptr, deleted), groupId());
        finish(refused.isEmpty(), summary, lines.join(QLatin1Char('\n')));
    });
}

}   // namespace cohort
