// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterSnapshot.h"
#include "ui/AdminOperationDialog.h"

#include <QStringList>

class QListWidget;

namespace cohort {

// Group → Delete offsets…: deletes the group's committed offsets of the topics
// ticked in a list of those it has offsets for (ClusterAdmin::deleteOffsets,
// OffsetDelete). A topic the group's members subscribe to is marked: Kafka
// refuses it (GROUP_SUBSCRIBED_TO_TOPIC) while they read it, and the outcome
// says so per topic.
class DeleteOffsetsDialog : public AdminOperationDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteOffsetsDialog)

public:
    // `preselected`: the topics ticked at first (e.g. the row a context menu was opened on).
    DeleteOffsetsDialog(std::shared_ptr<ClusterSession> session, const GroupSnapshot &group, const QStringList &preselected = {},
                        QWidget *parent = nullptr);

    QListWidget *topicList() const { return m_topics; }
    QStringList chosenTopics() const;

protected:
    void run() override;

private:
    void updateChoices();

    QListWidget *m_topics;
};

}   // namespace cohort
