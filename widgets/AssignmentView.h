// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

class QSortFilterProxyModel;

namespace cohort {

class AssignmentTreeModel;

// A group's assignment as a tree (member → topic → partition), sortable, with
// each member's and topic's partition count drawn as a bar against the fair
// share. Members open on their topics by default; refreshes keep what the
// user expanded or collapsed.
class AssignmentView : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentView)

public:
    explicit AssignmentView(QWidget *parent = nullptr);

    void setAssignmentModel(AssignmentTreeModel *model);
    AssignmentTreeModel *assignmentModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void expandNewMembers(const QModelIndex &parent, int first, int last);

    AssignmentTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy;
};

}   // namespace cohort
