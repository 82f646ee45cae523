// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lag/LagHistory.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "models/KeyedTableModel.h"

#include <QDateTime>
#include <QImage>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace cohort {

// Every consumer group of a cluster, one row each, refreshed by keyed merge.
class GroupTableModel : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupTableModel)

public:
    enum Column {
        GroupId,
        State,
        Status,   // Burrow's lag status from the session's lag history
        Type,
        ProtocolType,
        Assignor,
        Members,
        Topics,
        Partitions,
        Lag,
        TimeLag,
        Trend,   // lag velocity, msg/s
        Eta,     // catch-up time
        Coordinator,
        Rebalances,   // rebalances in the last 24 h, as setRebalanceCounts says
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers; unknown lag sorts after every known value
        RawValueRole,                  // the value behind the cell (qint64, QString, int)
        GroupIdRole,
        StateRole,        // int(GroupState)
        LagKnownRole,     // bool
        TopicNamesRole,   // QStringList
        // bool: something in the row is not from the last refresh (its
        // description or committed offsets kept from an earlier one, or never read)
        StaleRole,
        DescribedRole,   // bool: false while the group was never described (members, state unknown)
        TypeRole,        // int(GroupType)
        LagTrendRole,    // QList<qint64>: the recent lag values (oldest first) for the Lag column's sparkline
        LagStatusRole,   // int(LagStatusRules::Status), or -1 while the history has no assessment
    };
    // Recent lag values per row for the sparkline: 5 minutes at the history's 5 s tier.
    static constexpr int kTrendSamples = 60;

    explicit GroupTableModel(QObject *parent = nullptr);
    ~GroupTableModel() override;

    // Applies a snapshot as a keyed merge, at most kRowsPerSlice incoming rows
    // per event-loop turn (fewer when the turn's budget, TurnBudget, runs
    // out first) so that the GUI thread never stalls on thousands of
    // groups: small clusters are applied before this returns, larger ones
    // over the next turns (applied() says when). A newer snapshot arriving
    // meanwhile takes over where the merge stands.
    void setSnapshot(const ClusterSnapshot &snapshot);
    bool isApplying() const { return m_applying; }
    static constexpr qsizetype kRowsPerSlice = 500;
    // Status, time lag, trend and ETA (and the sparkline) come from `history`
    // (the session's; null: none), re-read whenever it is updated; rows merge
    // them in place like any other change.
    void setLagHistory(LagHistory *history);
    // Rebalances per group in the last 24 h (HistoryStore::countEventsSince;
    // a group absent had none); merged into the rows in place. Until given,
    // or after clearRebalanceCounts, the column says it does not know.
    void setRebalanceCounts(const QHash<QString, int> &counts);
    void clearRebalanceCounts();
    // Last data shown greyed out while the cluster cannot be reached.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Row of a group, -1 when absent (for selecting a group by id).
    int rowOf(const QString &groupId) const;

    // A part of a group that the last refresh could not read (Freshness,
    // kept only when it failed: a row read fresh in every refresh stays equal
    // and gets no dataChanged).
    struct PartFailure
    {
        QDateTime lastRead;   // when the value shown was read; null: never
        int errorCode = 0;
        QString errorName;
        QString errorMessage;

        static PartFailure of(const Freshness &freshness);
        bool failed() const { return errorCode != 0 || !errorName.isEmpty(); }
        Freshness freshness() const;
        friend bool operator==(const PartFailure &, const PartFailure &) = default;
    };

    // What the lag history says of a group (empty while it says nothing).
    struct LagInfo
    {
        std::optional<LagStatusRules::Status> status;
        QString statusReason;
        std::optional<qint64> timeLagMs;
        QString timeLagUnknownReason;
        std::optional<double> lagVelocity;   // msg/s
        std::optional<double> etaSeconds;
        bool notCatchingUp = false;
        QList<qint64> recentLag;
        friend bool operator==(const LagInfo &, const LagInfo &) = default;
    };

    struct Row
    {
        QString groupId;
        GroupState state = GroupState::Unknown;
        GroupType type = GroupType::Unknown;
        QString protocolType;
        QString assignor;
        int members = 0;   // -1: not known (a group type whose members Cohort cannot read)
        QStringList topics;
        int partitions = 0;
        std::optional<qint64> lag;
        int unknownLagPartitions = 0;
        int aheadOfEndPartitions = 0;   // committed past the log end (negative lag), not in lag
        int coordinatorId = -1;
        QString coordinatorAddress;
        QString note;
        PartFailure description;
        PartFailure offsets;
        LagInfo lagInfo;
        std::optional<int> rebalances;   // in the last 24 h; unknown without a history store
        friend bool operator==(const Row &, const Row &) = default;

        bool isStale() const { return description.failed() || offsets.failed(); }
        bool neverDescribed() const { return description.failed() && !description.lastRead.isValid(); }
    };

Q_SIGNALS:
    // The last snapshot given to setSnapshot is now fully shown.
    void applied();

private:
    void applySlice(TurnBudget::Slice::Start start);
    // A group's row as the table shows it (its lag columns from the history now).
    Row makeRow(const GroupSnapshot &g) const;
    LagInfo lagInfoOf(const QString &groupId) const;
    void refreshLagInfo();
    void refreshLagInfoSlice(TurnBudget::Slice::Start start);
    std::optional<int> rebalancesOf(const QString &groupId) const;
    void refreshRebalances();
    KeyedRowMerge<Row, QString> merge();
    static QList<int> changedColumns(const Row &a, const Row &b);
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;
    QString freshnessNote(const Row &r) const;
    QVariant cellToolTip(const Row &r, int column) const;
    const QImage &staleMark() const;

    QList<Row> m_rows;   // sorted by group id
    bool m_stale = false;
    mutable QImage m_staleMark;   // drawn in the theme's colours on first use, again after a theme change
    // The snapshot's groups being merged (sorted by id; shared with the
    // snapshot, their rows made slice by slice, so that the first turn does
    // not pay for all of them), how far, and where in m_rows the next
    // slice's window starts.
    QList<GroupSnapshot> m_pending;
    QHash<int, QString> m_pendingBrokers;   // broker id -> host:port
    qsizetype m_pendingDone = 0;
    qsizetype m_windowStart = 0;
    bool m_applying = false;
    QTimer *m_sliceTimer;
    QPointer<LagHistory> m_lagHistory;
    // The lag columns re-read after the history's updated(), kRowsPerSlice
    // rows per turn at most (within the turn's budget) when there are more: the next row, and the turn's timer.
    qsizetype m_lagNext = -1;   // -1: not under way
    QTimer *m_lagTimer;
    std::optional<QHash<QString, int>> m_rebalanceCounts;
};

}   // namespace cohort

// Rows are moved around when groups come and go: memmove, not element-wise
// assignment (every member is itself relocatable).
Q_DECLARE_TYPEINFO(cohort::GroupTableModel::Row, Q_RELOCATABLE_TYPE);
