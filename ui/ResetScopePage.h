// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reset/ResetScope.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace cohort {

class OffsetResetWizard;

// The reset wizard's first page: which partitions move. Every topic the
// group has offsets for, or chosen topics and partitions in a tree (a topic
// ticked whole is --topic T, some of its partitions --topic T:0,2); topics
// the group has no offsets for can be added from the cluster's (Kafka takes
// a first commit for them). A selection in the group page's partitions
// table arrives ticked.
class ResetScopePage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetScopePage)

public:
    explicit ResetScopePage(OffsetResetWizard *wizard);

    ResetScope scope() const;
    bool isComplete() const override;

    QRadioButton *allTopicsButton() const { return m_all; }
    QRadioButton *chosenButton() const { return m_chosen; }
    QTreeWidget *tree() const { return m_tree; }
    QComboBox *otherTopics() const { return m_otherTopics; }
    // Ticks (or unticks) one partition and chooses "chosen partitions"; false when the tree has no such partition.
    bool setPartitionChecked(const TopicPartition &tp, bool checked);
    // Adds a topic of the cluster the group has no offsets for, every partition ticked.
    bool addTopic(const QString &topic);

private:
    QTreeWidgetItem *addTopicItem(const QString &topic, const QList<int> &partitions, bool hasOffsets);
    QTreeWidgetItem *topicItem(const QString &topic) const;
    void updateState();

    OffsetResetWizard *m_wizard;
    QRadioButton *m_all;
    QRadioButton *m_chosen;
    QTreeWidget *m_tree;
    QComboBox *m_otherTopics;
    QPushButton *m_add;
    QLabel *m_summary;
};

}   // namespace cohort
