// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace cohort {

// Sorts TopicTableModel numerically and filters it by text: a topic shows when
// its name or one of its consuming groups matches (case-insensitive).
class TopicFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopicFilterProxyModel)

public:
    explicit TopicFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

}   // namespace cohort
