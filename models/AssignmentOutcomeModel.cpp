// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AssignmentOutcomeModel.h"

#include "core/rebalance/OwnershipTimeline.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cohort {

namespace {

QList<TopicPartition> minus(const QList<TopicPartition> &a, const QList<TopicPartition> &b)
{
    const QSet<TopicPartition> remove(b.cbegin(), b.cend());
    QList<TopicPartition> out;
    for (const TopicPartition &tp : a)
        if (!remove.contains(tp))
            out.append(tp);
    std::sort(out.begin(), out.end());
    return out;
}

}   // namespace

AssignmentOutcomeModel::AssignmentOutcomeModel(QObject *parent)
    : KeyedTableModel(parent)
{ }
AssignmentOutcomeModel::~AssignmentOutcomeModel() = default;

void AssignmentOutcomeModel::setOutcome(const AssignorInput &input, const AssignmentOutcome &outcome)
{
    QList<Row> incoming;
    for (const AssignorMember &m : input.members) {
        Row r;
        r.memberId = m.memberId;
        r.partitions = outcome.assignment.value(m.memberId);
        std::sort(r.partitions.begin(), r.partitions.end());
        r.gains = minus(r.partitions, m.owned);
        r.loses = minus(m.owned, r.partitions);
        incoming.append(r);
    }
    apply(std::move(incoming));
}

void AssignmentOutcomeModel::clear()
{
    apply({});
}

void AssignmentOutcomeModel::apply(QList<Row> incoming)
{
    rowMerge<Row, QString>([](const Row &r) { return r.memberId; }, &AssignmentOutcomeModel::changedColumns)
        .apply(m_rows, std::move(incoming));
}

QList<int> AssignmentOutcomeModel::changedColumns(const Row &a, const Row &b)
{
    QList<int> cols;
    if (a.partitions != b.partitions)
        cols << Count << Partitions;
    if (a.gains != b.gains)
        cols << Gains;
    if (a.loses != b.loses)
        cols << Loses;
    return cols;
}

int AssignmentOutcomeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AssignmentOutcomeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssignmentOutcomeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int column = index.column();
    auto list = [](const QList<TopicPartition> &ps) { return ps.isEmpty() ? QStringLiteral("–") : OwnershipTimeline::partitionsText(ps); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Member: return r.memberId;
        case Count: return QLocale().toString(r.partitions.size());
        case Partitions: return list(r.partitions);
        case Gains: return list(r.gains);
        case Loses: return list(r.loses);
        }
        return {};
    case SortRole:
        switch (column) {
        case Member: return r.memberId;
        case Count: return int(r.partitions.size());
        case Partitions: return int(r.partitions.size());
        case Gains: return int(r.gains.size());
        case Loses: return int(r.loses.size());
        }
        return {};
    case MemberIdRole: return r.memberId;
    case Qt::ToolTipRole: {
        QStringList names;
        for (const TopicPartition &tp : column == Gains ? r.gains : column == Loses ? r.loses : r.partitions)
            names << tp.name();
        return names.isEmpty() || column == Member || column == Count ? QVariant() : QVariant(names.join(QStringLiteral(", ")));
    }
    case Qt::TextAlignmentRole:
        return column == Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant AssignmentOutcomeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Member: return tr("Member");
    case Count: return tr("Count");
    case Partitions: return tr("Partitions");
    case Gains: return tr("Would gain");
    case Loses: return tr("Would lose");
    }
    return {};
}

}   // namespace cohort
