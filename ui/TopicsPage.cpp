// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TopicsPage.h"

#include "core/session/ClusterSession.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTableModel.h"
#include "widgets/PaddedItemDelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace cohort {

TopicsPage::TopicsPage(TopicTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new TopicFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(model);
    m_filter->setPlaceholderText(tr("Filter topics and groups…"));
    m_filter->setClearButtonEnabled(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addStretch();
    bar->addWidget(m_count);

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new PaddedItemDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TopicTableModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setExpandsOnDoubleClick(false);   // double-click on a group opens it; the arrow expands
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TopicTableModel::Name, QHeaderView::Stretch);
    m_view->setColumnWidth(TopicTableModel::State, 170);
    m_view->setColumnWidth(TopicTableModel::Partitions, 100);
    m_view->setColumnWidth(TopicTableModel::EndOffsets, 170);
    m_view->setColumnWidth(TopicTableModel::Groups, 100);
    m_view->setColumnWidth(TopicTableModel::Lag, 140);
    m_view->setColumnWidth(TopicTableModel::ProduceRate, 130);
    m_view->setColumnWidth(TopicTableModel::TimeLag, 110);
    m_view->setColumnWidth(TopicTableModel::Status, 90);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateCount();
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString groupId = index.data(TopicTableModel::GroupIdRole).toString();
        if (!groupId.isEmpty())
            Q_EMIT groupActivated(groupId);
        else
            m_view->setExpanded(index.siblingAtColumn(0), !m_view->isExpanded(index.siblingAtColumn(0)));
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TopicsPage::expandNewTopics);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &TopicsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TopicsPage::updateCount);
    updateCount();
}

void TopicsPage::setSession(ClusterSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_model->setLagHistory(session ? session->lagHistory() : nullptr);
    m_model->setSnapshot(session && session->hasSnapshot() ? session->snapshot() : ClusterSnapshot{});
    if (session)
        connect(session, &ClusterSession::snapshotReady, this, [this](const ClusterSnapshot &snapshot) { m_model->setSnapshot(snapshot); });
}

void TopicsPage::expandNewTopics(const QModelIndex &parent, int first, int last)
{
    // A topic shows its consumers when it first appears; after that the user's
    // choice to fold it is kept across refreshes.
    if (parent.isValid())
        return;
    for (int r = first; r <= last; ++r)
        m_view->expand(m_proxy->index(r, 0));
}

void TopicsPage::updateCount()
{
    m_count->setText(tr("%1 of %2 topics").arg(QLocale().toString(m_proxy->rowCount()), QLocale().toString(m_model->rowCount())));
}

}   // namespace cohort
