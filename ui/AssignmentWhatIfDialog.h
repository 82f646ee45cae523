// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rebalance/AssignmentSimulator.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QTableView;
class QTableWidget;
class QTimer;

namespace cohort {

class AssignmentOutcomeModel;

// The assignment what-if: a group's members and topics (or a hand-made set),
// edited freely — members added or removed, partitions added to a topic —
// and what the chosen assignor would give each member: its partitions, their
// count, the skew (max − min) and the partitions that would move from what
// the members own now. Every number comes from core's AssignmentSimulator;
// nothing is written to the cluster.
class AssignmentWhatIfDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentWhatIfDialog)

public:
    explicit AssignmentWhatIfDialog(QWidget *parent = nullptr);
    ~AssignmentWhatIfDialog() override;

    // Starts from the group as described: its members with their
    // subscriptions and current assignments, the topics they subscribe to or
    // own with their partition counts from `metadata` and their topic ids
    // from the describe (KIP-848 groups; uniform orders topics by them), and
    // its assignor.
    void setGroup(const GroupSnapshot &group, const ClusterMetadata &metadata);
    // A hand-made start (replaces the tables).
    void setInput(const AssignorInput &input);
    void setAssignor(const QString &name);
    QString assignor() const;

    void addMember(const QString &memberId, const QStringList &topics = {});
    void removeMember(const QString &memberId);
    // Sets a topic's partition count (adding the topic when it is not there).
    void setPartitions(const QString &topic, int partitions);

    // What the tables say, or why they cannot be read (an error in words).
    Result<AssignorInput, QString> input() const;
    // Runs the simulation now (it also runs by itself after every edit).
    void simulate();

    AssignmentOutcomeModel *outcomeModel() const { return m_outcome; }
    QString summaryText() const;
    bool hasError() const { return m_error; }
    QTableWidget *memberTable() const { return m_members; }
    QTableWidget *topicTable() const { return m_topics; }

private:
    enum MemberColumn { MemberId, MemberTopics, MemberOwns };
    enum TopicColumn { TopicName, TopicPartitions };
    void appendMemberRow(const AssignorMember &member);
    void appendTopicRow(const AssignorTopic &topic);
    void showSummary(const QString &text, bool error);

    QComboBox *m_assignor;
    QComboBox *m_client;
    QTableWidget *m_topics;
    QTableWidget *m_members;
    QLabel *m_summary;
    QTableView *m_outcomeView;
    AssignmentOutcomeModel *m_outcome;
    QTimer *m_rerun;
    bool m_error = false;
    int m_newMembers = 0;
    // Who owned what when the input was set: what removed members held moves too.
    QHash<TopicPartition, QString> m_startOwners;
};

}   // namespace cohort
