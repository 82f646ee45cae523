// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/GroupTableModel.h"

#include "core/lag/LagAssessor.h"
#include "core/snapshot/FreshnessText.h"
#include "core/util/TurnBudget.h"
#include "models/Theme.h"
#include "models/ThemeNotifier.h"

#include <QBrush>
#include <QLocale>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace cohort {

GroupTableModel::GroupTableModel(QObject *parent)
    : KeyedTableModel(parent)
    , m_sliceTimer(new QTimer(this))
    , m_lagTimer(new QTimer(this))
{
    m_sliceTimer->setSingleShot(true);
    m_sliceTimer->setInterval(0);
    connect(m_sliceTimer, &QTimer::timeout, this, [this] { applySlice(TurnBudget::Slice::Start::Scheduled); });
    m_lagTimer->setSingleShot(true);
    m_lagTimer->setInterval(0);
    connect(m_lagTimer, &QTimer::timeout, this, [this] { refreshLagInfoSlice(TurnBudget::Slice::Start::Scheduled); });
    ThemeNotifier::repaintOnChange(this);
    // Views repaint after this event, by when the mark is drawn again in the new colours.
    connect(ThemeNotifier::instance(), &ThemeNotifier::changed, this, [this] { m_staleMark = QImage(); });
}
GroupTableModel::~GroupTableModel() = default;

GroupTableModel::PartFailure GroupTableModel::PartFailure::of(const Freshness &f)
{
    if (!f.failure.isError())
        return {};
    return PartFailure{f.readAt, f.failure.code, f.failure.name, f.failure.message};
}

Freshness GroupTableModel::PartFailure::freshness() const
{
    if (!failed())
        return {};
    return Freshness::failed(KafkaError::make(errorCode, errorName, errorMessage), lastRead);
}

void GroupTableModel::setSnapshot(const ClusterSnapshot &snapshot)
{
    m_pendingBrokers.clear();
    for (const BrokerInfo &b : snapshot.metadata.brokers)
        m_pendingBrokers.insert(b.id, b.host + QLatin1Char(':') + QString::number(b.port));
    // Snapshots come sorted by group id: shared as they are, no copy.
    m_pending = snapshot.groups;
    const auto byId = [](const GroupSnapshot &a, const GroupSnapshot &b) { return a.groupId() < b.groupId(); };
    if (!std::is_sorted(m_pending.cbegin(), m_pending.cend(), byId))
        std::sort(m_pending.begin(), m_pending.end(), byId);
    m_pendingDone = 0;
    m_windowStart = 0;
    m_applying = true;
    m_sliceTimer->stop();
    applySlice(TurnBudget::Slice::Start::Called);
}

GroupTableModel::Row GroupTableModel::makeRow(const GroupSnapshot &g) const
{
    Row r;
    r.groupId = g.groupId();
    r.state = g.description.state;
    r.type = g.description.type;
    r.protocolType = g.description.protocolType;
    r.assignor = g.description.protocol;
    r.members = g.description.membersKnown() ? int(g.description.members.size()) : -1;
    r.topics.reserve(g.topics.size());
    for (const TopicLag &t : g.topics)
        r.topics << t.topic;
    r.partitions = int(g.partitions.size());
    r.lag = g.totalLag;
    r.aheadOfEndPartitions = g.aheadOfEndPartitions;
    r.unknownLagPartitions = g.unknownLagPartitions;
    r.coordinatorId = g.description.coordinatorId;
    r.coordinatorAddress = m_pendingBrokers.value(r.coordinatorId);
    r.note = g.description.note;
    r.description = PartFailure::of(g.describedFreshness);
    r.offsets = PartFailure::of(g.offsetsFreshness);
    r.lagInfo = lagInfoOf(r.groupId);
    r.rebalances = rebalancesOf(r.groupId);
    return r;
}

void GroupTableModel::setLagHistory(LagHistory *history)
{
    if (m_lagHistory == history)
        return;
    if (m_lagHistory)
        disconnect(m_lagHistory, nullptr, this, nullptr);
    m_lagHistory = history;
    if (history)
        connect(history, &LagHistory::updated, this, &GroupTableModel::refreshLagInfo);
    refreshLagInfo();
}

GroupTableModel::LagInfo GroupTableModel::lagInfoOf(const QString &groupId) const
{
    LagInfo info;
    if (!m_lagHistory)
        return info;
    if (const GroupAssessment *a = m_lagHistory->assessment(groupId)) {
        info.status = a->status;
        info.statusReason = a->statusReason;
        info.timeLagMs = a->timeLagMs;
        for (const PartitionAssessment &p : a->partitions)
            if (!p.timeLagMs && !p.timeLagUnknownReason.isEmpty()) {
                info.timeLagUnknownReason = p.timeLagUnknownReason;
                break;
            }
        info.lagVelocity = a->lagVelocity;
        info.etaSeconds = a->etaSeconds;
        info.notCatchingUp = a->notCatchingUp;
    }
    info.recentLag = m_lagHistory->recentLag(groupId, kTrendSamples);
    return info;
}

void GroupTableModel::refreshLagInfo()
{
    // Thousands of rows are re-read over several turns, like a snapshot.
    m_lagNext = 0;
    m_lagTimer->stop();
    refreshLagInfoSlice(TurnBudget::Slice::Start::Called);
}

void GroupTableModel::refreshLagInfoSlice(TurnBudget::Slice::Start start)
{
    if (m_lagNext < 0)
        return;
    const TurnBudget::Slice turn(start);
    const qsizetype end = qMin(m_lagNext + kRowsPerSlice, m_rows.size());
    qsizetype i = m_lagNext;
    // In place, row by row: only the cells whose values changed are told,
    // consecutive changed rows as one range (a sorting proxy re-sorts once).
    qsizetype runFirst = -1, runLast = -1;
    int runC0 = 0, runC1 = 0;
    auto flush = [&] {
        if (runFirst >= 0)
            Q_EMIT dataChanged(index(int(runFirst), runC0), index(int(runLast), runC1));
        runFirst = -1;
    };
    // Up to kRowsPerSlice rows, fewer when the turn's budget ends first.
    for (; i < end && !turn.spent(); ++i) {
        Row &r = m_rows[i];
        LagInfo info = lagInfoOf(r.groupId);
        if (info == r.lagInfo) {
            flush();
            continue;
        }
        Row changed = r;
        changed.lagInfo = std::move(info);
        const QList<int> columns = changedColumns(r, changed);
        r = std::move(changed);
        if (columns.isEmpty()) {
            flush();
            continue;
        }
        const auto [lo, hi] = std::minmax_element(columns.cbegin(), columns.cend());
        if (runFirst < 0) {
            runFirst = i;
            runC0 = *lo;
            runC1 = *hi;
        } else {
            runC0 = qMin(runC0, *lo);
            runC1 = qMax(runC1, *hi);
        }
        runLast = i;
    }
    flush();
    if (i < m_rows.size()) {
        m_lagNext = i;
        m_lagTimer->start();
        return;
    }
    m_lagNext = -1;
}

void GroupTableModel::setRebalanceCounts(const QHash<QString, int> &counts)
{
    m_rebalanceCounts = counts;
    refreshRebalances();
}

void GroupTableModel::clearRebalanceCounts()
{
    m_rebalanceCounts.reset();
    refreshRebalances();
}

std::optional<int> GroupTableModel::rebalancesOf(const QString &groupId) const
{
    if (!m_rebalanceCounts)
        return std::nullopt;
    return m_rebalanceCounts->value(groupId, 0);
}

void GroupTableModel::refreshRebalances()
{
    // In place: only the rows whose count changed are told.
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const std::optional<int> count = rebalancesOf(m_rows.at(i).groupId);
        if (count == m_rows.at(i).rebalances)
            continue;
        m_rows[i].rebalances = count;
        Q_EMIT dataChanged(index(int(i), Rebalances), index(int(i), Rebalances));
    }
}

KeyedRowMerge<GroupTableModel::Row, QString> GroupTableModel::merge()
{
    return rowMerge<Row, QString>([](const Row &r) { return r.groupId; }, &GroupTableModel::changedColumns);
}

void GroupTableModel::applySlice(TurnBudget::Slice::Start start)
{
    if (!m_applying)
        return;
    const TurnBudget::Slice turn(start);
    if (turn.spent()) {
        m_sliceTimer->start();   // the turn's budget went to earlier slices
        return;
    }
    const auto m = merge();
    // Up to kRowsPerSlice rows, fewer when half of what the turn's budget
    // has left is used making them (the merge takes about as long).
    const QDeadlineTimer makeEnd(turn.remainingMs() / 2, Qt::PreciseTimer);
    const qsizetype last = qMin(m_pendingDone + kRowsPerSlice, m_pending.size());
    QList<Row> slice;
    slice.reserve(last - m_pendingDone);
    qsizetype end = m_pendingDone;
    while (end < last && (end == m_pendingDone || !makeEnd.hasExpired()))
        slice.append(makeRow(m_pending.at(end++)));
    // The window: existing rows whose keys fall in this slice's key range
    // (everything left when this is the last slice).
    const qsizetype windowEnd = end < m_pending.size() ? m.lowerBound(m_rows, m_windowStart, m_pending.at(end).groupId()) : m_rows.size();
    const qsizetype rowsBefore = m_rows.size();
    m_windowStart = m.applyWindow(m_rows, m_windowStart, windowEnd, std::move(slice));
    m_pendingDone = end;
    // Rows came or went: a re-read of the lag columns under way starts
    // again (the new rows have theirs already, the indexes moved).
    if (m_lagNext > 0 && m_rows.size() != rowsBefore)
        m_lagNext = 0;
    if (m_pendingDone < m_pending.size()) {
        m_sliceTimer->start();
        return;
    }
    m_pending.clear();
    m_pendingBrokers.clear();
    m_applying = false;
    Q_EMIT applied();
}

QList<int> GroupTableModel::changedColumns(const Row &a, const Row &b)
{
    QList<int> cols;
    if (a.state != b.state)
        cols << State;
    if (a.type != b.type)
        cols << Type;
    if (a.protocolType != b.protocolType)
        cols << ProtocolType;
    if (a.assignor != b.assignor)
        cols << Assignor;
    if (a.members != b.members)
        cols << Members;
    if (a.topics != b.topics)
        cols << Topics;
    if (a.partitions != b.partitions)
        cols << Partitions;
    if (a.lag != b.lag || a.unknownLagPartitions != b.unknownLagPartitions || a.aheadOfEndPartitions != b.aheadOfEndPartitions)
        cols << Lag;
    if (a.lagInfo.recentLag != b.lagInfo.recentLag && !cols.contains(Lag))
        cols << Lag;
    if (a.lagInfo.status != b.lagInfo.status || a.lagInfo.statusReason != b.lagInfo.statusReason)
        cols << Status;
    if (a.lagInfo.timeLagMs != b.lagInfo.timeLagMs || a.lagInfo.timeLagUnknownReason != b.lagInfo.timeLagUnknownReason)
        cols << TimeLag;
    if (a.lagInfo.lagVelocity != b.lagInfo.lagVelocity)
        cols << Trend;
    if (a.lagInfo.etaSeconds != b.lagInfo.etaSeconds || a.lagInfo.notCatchingUp != b.lagInfo.notCatchingUp)
        cols << Eta;
    if (a.coordinatorId != b.coordinatorId || a.coordinatorAddress != b.coordinatorAddress)
        cols << Coordinator;
    if (a.note != b.note)
        cols << GroupId;
    if (a.rebalances != b.rebalances)
        cols << Rebalances;
    // Staleness shows in every cell (muted text, the tooltip) and in what the
    // unknown cells of a never-described group say.
    if (a.description != b.description || a.offsets != b.offsets) {
        cols.clear();
        for (int c = 0; c < ColumnCount; ++c)
            cols << c;
    }
    return cols;
}

void GroupTableModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), {Qt::ForegroundRole, Qt::ToolTipRole});
}

int GroupTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int GroupTableModel::rowOf(const QString &groupId) const
{
    return indexOfKey(m_rows, groupId, &Row::groupId);
}

QVariant GroupTableModel::display(const Row &r, int column) const
{
    const QLocale locale;
    // Never described: the listing gave the id (and maybe the protocol type),
    // nothing else is known; "–", never "Unknown, 0 members" as if Kafka said so.
    if (r.neverDescribed()) {
        switch (column) {
        case State: return tr("not described");
        case Assignor:
        case Members: return QStringLiteral("–");
        case Topics:
        case Partitions:
            if (r.partitions == 0)
                return QStringLiteral("–");
            break;
        default: break;
        }
    }
    switch (column) {
    case GroupId: return r.groupId;
    case State: return groupStateToString(r.state);
    // Unknown: the broker's ListGroups is older than v5 (before Kafka 3.8).
    case Type: return r.type == GroupType::Unknown ? QStringLiteral("–") : groupTypeToString(r.type);
    case ProtocolType: return r.protocolType.isEmpty() ? tr("(none)") : r.protocolType;
    case Assignor: return r.assignor.isEmpty() ? QStringLiteral("–") : r.assignor;
    // Not known without the group's own describe API (consumer, share, streams).
    case Members: return r.members >= 0 ? locale.toString(r.members) : QStringLiteral("–");
    case Topics: return locale.toString(r.topics.size());
    case Partitions: return locale.toString(r.partitions);
    case Lag: return r.lag ? locale.toString(*r.lag) : QStringLiteral("–");
    case Status: return r.lagInfo.status ? LagStatusRules::name(*r.lagInfo.status) : QStringLiteral("–");
    case TimeLag: return r.lagInfo.timeLagMs ? LagAssessor::duration(*r.lagInfo.timeLagMs) : QStringLiteral("–");
    case Trend: {
        if (!r.lagInfo.lagVelocity)
            return QStringLiteral("–");
        const double v = *r.lagInfo.lagVelocity;
        // Growing lag is the news: an arrow says which way at a glance.
        const QString arrow = v > 0 ? QStringLiteral("↑ ") : v < 0 ? QStringLiteral("↓ ") : QString();
        return QString(arrow + tr("%1 msg/s").arg(locale.toString(std::abs(v), 'f', std::abs(v) < 10 ? 1 : 0)));
    }
    case Eta:
        if (r.lagInfo.etaSeconds)
            return *r.lagInfo.etaSeconds <= 0 ? tr("caught up") : LagAssessor::duration(qint64(*r.lagInfo.etaSeconds * 1000));
        return r.lagInfo.notCatchingUp ? tr("not catching up") : QStringLiteral("–");
    case Coordinator:
        if (r.coordinatorId < 0)
            return QStringLiteral("–");
        return r.coordinatorAddress.isEmpty() ? QString::number(r.coordinatorId)
                                              : QStringLiteral("%1 (%2)").arg(r.coordinatorId).arg(r.coordinatorAddress);
    case Rebalances: return r.rebalances ? locale.toString(*r.rebalances) : QStringLiteral("–");
    }
    return {};
}

QVariant GroupTableModel::sortValue(const Row &r, int column) const
{
    switch (column) {
    case Members: return r.neverDescribed() || r.members < 0 ? std::numeric_limits<int>::max() : r.members;   // unknown after every count
    case Topics: return int(r.topics.size());
    case Partitions: return r.partitions;
    case Lag: return r.lag ? *r.lag : std::numeric_limits<qint64>::max();
    case Status: {
        // Ascending puts trouble first: ERR, STOP, STALL, REWIND, WARN, OK, then unknown.
        return r.lagInfo.status ? LagStatusRules::troubleRank(*r.lagInfo.status) : 100;
    }
    case TimeLag: return r.lagInfo.timeLagMs ? *r.lagInfo.timeLagMs : std::numeric_limits<qint64>::max();
    case Trend: return r.lagInfo.lagVelocity ? *r.lagInfo.lagVelocity : std::numeric_limits<double>::max();
    // Sooner first; "not catching up" after every time, unknown last.
    case Eta:
        return r.lagInfo.etaSeconds      ? *r.lagInfo.etaSeconds
               : r.lagInfo.notCatchingUp ? std::numeric_limits<double>::max() / 2
                                         : std::numeric_limits<double>::max();
    case Coordinator: return r.coordinatorId;
    case Rebalances: return r.rebalances ? *r.rebalances : -1;   // unknown below none: descending puts the busiest first
    // Classic, Consumer, Share, Streams, then the unknown ones, like unknown lag.
    case Type: return r.type == GroupType::Unknown ? std::numeric_limits<int>::max() : int(r.type);
    default: return display(r, column);   // the state as shown: "not described" sorts as such
    }
}

QString GroupTableModel::freshnessNote(const Row &r) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines;
    if (const QString d = FreshnessText::description(r.description.freshness(), now); !d.isEmpty())
        lines << d;
    if (const QString o = FreshnessText::offsets(r.offsets.freshness(), now); !o.isEmpty())
        lines << o;
    return lines.join(QLatin1Char('\n'));
}

const QImage &GroupTableModel::staleMark() const
{
    if (!m_staleMark.isNull())
        return m_staleMark;
    // A clock face: "this is how it was some time ago".
    constexpr int kSize = 16;
    constexpr qreal kScale = 2;
    QImage image(int(kSize * kScale), int(kSize * kScale), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kScale);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(Theme::current().status(Theme::Status::Warning), 1.6);
    pen.setCapStyle(Qt::RoundCap);
    p.setPen(pen);
    p.drawEllipse(QRectF(2, 2, kSize - 4, kSize - 4));
    const QPointF centre(kSize / 2.0, kSize / 2.0);
    p.drawLine(centre, centre + QPointF(0, -4));
    p.drawLine(centre, centre + QPointF(3, 1.5));
    p.end();
    m_staleMark = image;
    return m_staleMark;
}

QVariant GroupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(r, column);
    case SortRole: return sortValue(r, column);
    case RawValueRole:
        if (column == Lag)
            return r.lag ? QVariant(*r.lag) : QVariant();
        return sortValue(r, column);
    case GroupIdRole: return r.groupId;
    case StateRole: return int(r.state);
    case TypeRole: return int(r.type);
    case LagKnownRole: return r.lag.has_value();
    case TopicNamesRole: return r.topics;
    case StaleRole: return r.isStale();
    case DescribedRole: return !r.neverDescribed();
    case LagTrendRole: return QVariant::fromValue(r.lagInfo.recentLag);
    case LagStatusRole: return r.lagInfo.status ? int(*r.lagInfo.status) : -1;
    case Qt::DecorationRole:
        if (column == GroupId && r.isStale())
            return staleMark();
        return {};
    case Qt::TextAlignmentRole:
        if (column == Members || column == Topics || column == Partitions || column == Lag || column == TimeLag || column == Trend
            || column == Eta || column == Rebalances)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == State && r.neverDescribed())
            return QBrush(Theme::current().status(Theme::Status::Warning));
        if (m_stale || r.isStale())
            return QBrush(Theme::current().muted());
        if (column == State)
            return QBrush(Theme::current().groupState(r.state));
        if (column == Status && r.lagInfo.status)
            return QBrush(Theme::current().lagStatus(*r.lagInfo.status));
        if (column == Trend && r.lagInfo.lagVelocity && *r.lagInfo.lagVelocity > 0)
            return QBrush(Theme::current().status(Theme::Status::Warning));
        if (column == Eta && r.lagInfo.notCatchingUp)
            return QBrush(Theme::current().status(Theme::Status::Warning));
        if (column == Lag && r.aheadOfEndPartitions > 0)
            return QBrush(Theme::current().status(Theme::Status::Warning));
        return {};
    case Qt::ToolTipRole: {
        // What is not from the last refresh comes first, on every cell of the row.
        const QString stale = r.isStale() ? freshnessNote(r) : QString();
        const QVariant own = cellToolTip(r, column);
        if (stale.isEmpty())
            return own;
        const QString ownText = own.toString();
        return ownText.isEmpty() ? stale : stale + QLatin1Char('\n') + ownText;
    }
    }
    return {};
}

QVariant GroupTableModel::cellToolTip(const Row &r, int column) const
{
    if (column == Topics)
        return r.topics.join(QStringLiteral(", "));
    if (column == Lag) {
        QStringList why;
        if (!r.lag && !r.offsets.failed())   // a failed read says so itself
            why << tr("Unknown: no partition of this group has a committed offset and a known end offset.");
        else if (r.lag && r.unknownLagPartitions > 0)
            why << tr("%n partition(s) without a committed offset are not counted.", nullptr, r.unknownLagPartitions);
        if (r.aheadOfEndPartitions > 0)
            why << tr("%n partition(s) have a committed offset ahead of the log end (the topic was truncated or recreated): "
                      "not counted as lag; open the group to see which.",
                      nullptr, r.aheadOfEndPartitions);
        return why.isEmpty() ? QVariant() : QVariant(why.join(QLatin1Char('\n')));
    }
    if (column == GroupId && !r.note.isEmpty())
        return r.note;
    if (column == Status && r.lagInfo.status)
        return r.lagInfo.statusReason.isEmpty() ? LagStatusRules::name(*r.lagInfo.status) : r.lagInfo.statusReason;
    if (column == TimeLag && !r.lagInfo.timeLagMs && !r.lagInfo.timeLagUnknownReason.isEmpty())
        return r.lagInfo.timeLagUnknownReason;
    if (column == Trend && r.lagInfo.lagVelocity)
        return tr("The lag grows (+) or shrinks (−) by this many messages per second.");
    if (column == Rebalances)
        return r.rebalances ? tr("Rebalances seen to complete in the last 24 hours. A group's rebalances are seen while it is "
                                 "watched: while its page is open in Cohort.")
                            : tr("Not known: this connection keeps no history file.");
    if (column == Type && r.type == GroupType::Unknown)
        return tr("The broker does not say the group's type (its ListGroups is older than v5, Kafka 3.8).");
    return {};
}

QVariant GroupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case GroupId: return tr("Group");
    case State: return tr("State");
    case Type: return tr("Type");
    case ProtocolType: return tr("Protocol type");
    case Assignor: return tr("Assignor");
    case Members: return tr("Members");
    case Topics: return tr("Topics");
    case Partitions: return tr("Partitions");
    case Lag: return tr("Lag (msgs)");
    case Status: return tr("Status");
    case TimeLag: return tr("Time lag");
    case Trend: return tr("Trend");
    case Eta: return tr("Catch-up");
    case Coordinator: return tr("Coordinator");
    case Rebalances: return tr("Rebalances (24 h)");
    }
    return {};
}

}   // namespace cohort
