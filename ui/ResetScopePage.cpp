// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ResetScopePage.h"

#include "core/session/ClusterSession.h"
#include "ui/OffsetResetWizard.h"
#include "ui/TableMenus.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cohort {

namespace {

constexpr int kPartitionRole = Qt::UserRole + 1;   // on partition items: the partition number; -1 on topic items

}   // namespace

ResetScopePage::ResetScopePage(OffsetResetWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_all(new QRadioButton(this))
    , m_chosen(new QRadioButton(tr("Chosen topics and partitions (tick below; a topic ticked whole takes all its partitions)"), this))
    , m_tree(new QTreeWidget(this))
    , m_otherTopics(new QComboBox(this))
    , m_add(new QPushButton(tr("Add Topic"), this))
    , m_summary(new QLabel(this))
{
    setTitle(tr("Which partitions"));
    setSubTitle(tr("Choose the partitions whose committed offsets move. Nothing is written before the preview is confirmed."));
    m_all->setText(wizard->groups().size() == 1 ? tr("Every topic the group has committed offsets for")
                                                : tr("Every topic each group has committed offsets for"));
    m_all->setObjectName(QStringLiteral("scopeAll"));
    m_chosen->setObjectName(QStringLiteral("scopeChosen"));
    auto *choice = new QButtonGroup(this);
    choice->addButton(m_all);
    choice->addButton(m_chosen);
    m_tree->setHeaderLabels({tr("Topic / partition"), tr("Committed")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 320);
    TableMenus::install(m_tree);
    m_otherTopics->setObjectName(QStringLiteral("otherTopics"));
    m_otherTopics->setToolTip(tr("Topics of the cluster the group has no committed offsets for: the reset gives them their first"));
    m_otherTopics->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setWordWrap(true);

    // What the cluster and the groups have, from the last refresh: the
    // planner reads it all again, so a stale tree can at worst be refused there.
    const ClusterSession *session = wizard->session();
    QMap<QString, QMap<int, QStringList>> committed;   // topic -> partition -> "group: offset"
    QMap<QString, QList<int>> clusterTopics;
    if (session && session->hasSnapshot()) {
        const ClusterSnapshot &snapshot = session->snapshot();
        for (const TopicInfo &t : snapshot.metadata.topics) {
            if (t.internal)
                continue;
            QList<int> partitions;
            for (const PartitionInfo &p : t.partitions)
                partitions << p.partition;
            std::sort(partitions.begin(), partitions.end());
            clusterTopics.insert(t.name, partitions);
        }
        for (const QString &g : wizard->groups())
            if (const GroupSnapshot *group = snapshot.group(g))
                for (const PartitionLag &p : group->partitions)
                    if (p.committedOffset)
                        committed[p.tp.topic][p.tp.partition]
                            << (wizard->groups().size() == 1 ? QLocale().toString(*p.committedOffset)
                                                             : g + QStringLiteral(": ") + QLocale().toString(*p.committedOffset));
    }
    QSet<QString> withOffsets;
    for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
        // Every partition of the topic, not only the committed ones: a partition
        // without an offset yet can be chosen too.
        QList<int> partitions = clusterTopics.value(it.key(), it.value().keys());
        QTreeWidgetItem *topic = addTopicItem(it.key(), partitions, true);
        for (int i = 0; i < topic->childCount(); ++i) {
            QTreeWidgetItem *p = topic->child(i);
            const QStringList offsets = it.value().value(p->data(0, kPartitionRole).toInt());
            p->setText(1, offsets.isEmpty() ? tr("none") : offsets.join(QStringLiteral(", ")));
        }
        withOffsets.insert(it.key());
    }
    for (auto it = clusterTopics.cbegin(); it != clusterTopics.cend(); ++it)
        if (!withOffsets.contains(it.key()))
            m_otherTopics->addItem(it.key());
    m_otherTopics->setEnabled(m_otherTopics->count() > 0);
    m_add->setEnabled(m_otherTopics->count() > 0);
    if (m_otherTopics->count() == 0)
        m_otherTopics->setToolTip(tr("The group has offsets for every topic of the cluster"));

    // A selection carried over from the partitions table: those partitions only.
    const QList<TopicPartition> &selected = wizard->selectedPartitions();
    if (!selected.isEmpty()) {
        for (const TopicPartition &tp : selected)
            setPartitionChecked(tp, true);
        m_chosen->setChecked(true);
    } else {
        m_all->setChecked(true);
    }

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(new QLabel(tr("Add a topic without offsets:"), this));
    addRow->addWidget(m_otherTopics);
    addRow->addWidget(m_add);
    addRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_all);
    layout->addWidget(m_chosen);
    layout->addWidget(m_tree, 1);
    layout->addLayout(addRow);
    layout->addWidget(m_summary);

    connect(choice, &QButtonGroup::buttonToggled, this, &ResetScopePage::updateState);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *, int column) {
        if (column == 0)
            updateState();
    });
    connect(m_add, &QPushButton::clicked, this, [this] { addTopic(m_otherTopics->currentText()); });
    updateState();
}

QTreeWidgetItem *ResetScopePage::addTopicItem(const QString &topic, const QList<int> &partitions, bool hasOffsets)
{
    auto *item = new QTreeWidgetItem(m_tree, {topic});
    item->setData(0, kPartitionRole, -1);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
    item->setCheckState(0, Qt::Unchecked);
    if (!hasOffsets)
        item->setText(1, tr("no offsets yet: first commit"));
    for (int p : partitions) {
        auto *child = new QTreeWidgetItem(item, {tr("partition %1").arg(p)});
        child->setData(0, kPartitionRole, p);
        child->setFlags(child->flags() | Qt::ItemIsUserCheckable);
        child->setCheckState(0, Qt::Unchecked);
        if (!hasOffsets)
            child->setText(1, tr("none"));
    }
    return item;
}

QTreeWidgetItem *ResetScopePage::topicItem(const QString &topic) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->text(0) == topic)
            return m_tree->topLevelItem(i);
    return nullptr;
}

bool ResetScopePage::setPartitionChecked(const TopicPartition &tp, bool checked)
{
    QTreeWidgetItem *topic = topicItem(tp.topic);
    if (!topic)
        return false;
    for (int i = 0; i < topic->childCount(); ++i)
        if (topic->child(i)->data(0, kPartitionRole).toInt() == tp.partition) {
            topic->child(i)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            if (checked)
                topic->setExpanded(true);
            m_chosen->setChecked(true);
            return true;
        }
    return false;
}

bool ResetScopePage::addTopic(const QString &topic)
{
    const int index = m_otherTopics->findText(topic);
    if (index < 0 || !m_wizard->session() || !m_wizard->session()->hasSnapshot())
        return false;
    QList<int> partitions;
    for (const TopicInfo &t : m_wizard->session()->snapshot().metadata.topics)
        if (t.name == topic)
            for (const PartitionInfo &p : t.partitions)
                partitions << p.partition;
    std::sort(partitions.begin(), partitions.end());
    QTreeWidgetItem *item = addTopicItem(topic, partitions, false);
    item->setCheckState(0, Qt::Checked);
    item->setExpanded(true);
    m_otherTopics->removeItem(index);
    m_otherTopics->setEnabled(m_otherTopics->count() > 0);
    m_add->setEnabled(m_otherTopics->count() > 0);
    m_chosen->setChecked(true);
    updateState();
    return true;
}

ResetScope ResetScopePage::scope() const
{
    if (m_all->isChecked())
        return ResetScope::allTopics();
    QList<ResetScope::Topic> topics;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *t = m_tree->topLevelItem(i);
        if (t->checkState(0) == Qt::Unchecked)
            continue;
        ResetScope::Topic topic{t->text(0), {}};
        if (t->checkState(0) == Qt::PartiallyChecked)
            for (int c = 0; c < t->childCount(); ++c)
                if (t->child(c)->checkState(0) == Qt::Checked)
                    topic.partitions << t->child(c)->data(0, kPartitionRole).toInt();
        topics << topic;
    }
    return ResetScope::topics(topics);
}

bool ResetScopePage::isComplete() const
{
    return m_all->isChecked() || !scope().chosenTopics().isEmpty();
}

void ResetScopePage::updateState()
{
    m_tree->setEnabled(m_chosen->isChecked());
    if (m_all->isChecked()) {
        m_summary->setText(m_tree->topLevelItemCount() == 0
                               ? tr("The last refresh shows no committed offsets for this: choose topics instead, or the plan will say so.")
                               : tr("%n topic(s) with committed offsets.", nullptr, m_tree->topLevelItemCount()));
    } else {
        const ResetScope s = scope();
        int partitions = 0;
        for (const ResetScope::Topic &t : s.chosenTopics()) {
            if (!t.partitions.isEmpty()) {
                partitions += int(t.partitions.size());
            } else if (const QTreeWidgetItem *item = topicItem(t.name)) {
                partitions += item->childCount();
            }
        }
        m_summary->setText(s.chosenTopics().isEmpty() ? tr("Tick at least one topic or partition.")
                                                      : tr("%n partition(s) chosen.", nullptr, partitions));
    }
    Q_EMIT completeChanged();
}

}   // namespace cohort
