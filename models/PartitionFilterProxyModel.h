// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace cohort {

// Sorts PartitionTableModel numerically and narrows it to one topic (or all).
class PartitionFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartitionFilterProxyModel)

public:
    explicit PartitionFilterProxyModel(QObject *parent = nullptr);

    void setTopic(const QString &topic);   // empty: every topic
    QString topic() const { return m_topic; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_topic;
};

}   // namespace cohort
