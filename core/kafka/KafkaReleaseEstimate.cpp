// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaReleaseEstimate.h"

#include "core/wire/ApiKey.h"

#include <QList>

#include <array>

namespace cohort {

namespace {

// The releases that can be told apart, oldest first, each with the API
// versions it was the first to offer (from each release's message specs;
// 3.4 and 3.6 raised only inter-broker, controller or transaction APIs, and
// 2.8 offered what 3.0 did of these).
struct Marker
{
    qint16 apiKey;
    qint16 version;
};
struct Step
{
    const char *first;
    const char *last;
    QList<Marker> markers;
};

constexpr qint16 kDescribeAcls = 29;
constexpr qint16 kDescribeLogDirs = 35;
constexpr qint16 kAlterPartitionReassignments = 45;
constexpr qint16 kListTransactions = 66;

const QList<Step> &steps()
{
    using namespace ApiKey;
    static const QList<Step> table = {
        {"2.8", "3.0", {{Metadata, 11}}},   // 2.8 offered what 3.0 did of these (Fetch v12 came with 2.7)
        {"3.1", "3.1", {{Fetch, 13}, {Metadata, 12}}},
        {"3.2", "3.2", {{JoinGroup, 9}, {LeaveGroup, 5}, {kDescribeLogDirs, 3}}},
        {"3.3", "3.4", {{kDescribeAcls, 3}, {kDescribeLogDirs, 4}}},
        {"3.5", "3.6", {{Fetch, 15}, {ListOffsets, 8}}},
        {"3.7", "3.7", {{Fetch, 16}, {OffsetCommit, 9}, {OffsetFetch, 9}}},
        {"3.8", "3.8", {{FindCoordinator, 5}, {ListGroups, 5}, {kListTransactions, 1}}},
        {"3.9", "3.9", {{Fetch, 17}, {FindCoordinator, 6}, {ApiVersions, 4}}},
        {"4.0", "4.0", {{Metadata, 13}, {ListOffsets, 10}, {DescribeGroups, 6}}},
        {"4.1", "4.1", {{Fetch, 18}, {kAlterPartitionReassignments, 1}, {kListTransactions, 2}}},
        {"4.2", "4.2", {{ListOffsets, 11}, {OffsetCommit, 10}, {OffsetFetch, 10}}},
        {"4.3", "4.3", {{kDescribeLogDirs, 5}}},
        {"4.4", "4.4", {{ApiVersions, 5}, {DeleteGroups, 3}}},
    };
    return table;
}

// The index of the release step, in steps(); -1: older than the first; -2: no release's.
int stepOf(const QHash<qint16, qint16> &maxVersions)
{
    const QList<Step> &table = steps();
    // A release offers every version its own and earlier steps introduced and
    // none of the later ones': the steps met must be a prefix, each whole.
    int reached = -1;
    bool gap = false;
    for (int i = 0; i < table.size(); ++i) {
        int met = 0;
        for (const Marker &m : table.at(i).markers)
            met += maxVersions.value(m.apiKey, -1) >= m.version ? 1 : 0;
        if (met == table.at(i).markers.size() && !gap)
            reached = i;
        else if (met > 0 && (gap || met < table.at(i).markers.size()))
            return -2;
        else
            gap = true;
    }
    return reached;
}

}   // namespace

KafkaReleaseEstimate KafkaReleaseEstimate::fromMaxVersions(const QHash<qint16, qint16> &maxVersions)
{
    KafkaReleaseEstimate e;
    if (maxVersions.isEmpty())
        return e;
    const int step = stepOf(maxVersions);
    if (step == -2) {
        e.kind = Kind::Unrecognised;
        return e;
    }
    e.kind = Kind::Release;
    const QList<Step> &table = steps();
    if (step >= 0)
        e.lowest = QString::fromLatin1(table.at(step).first);
    if (step + 1 < table.size())
        e.highest = step >= 0 ? QString::fromLatin1(table.at(step).last) : QString::fromLatin1(table.first().first);
    return e;
}

KafkaReleaseEstimate KafkaReleaseEstimate::ofCluster(const QHash<int, QHash<qint16, qint16>> &byBroker)
{
    QList<KafkaReleaseEstimate> each;
    for (auto it = byBroker.cbegin(); it != byBroker.cend(); ++it)
        if (const KafkaReleaseEstimate e = fromMaxVersions(it.value()); e.kind != Kind::Unknown)
            each << e;
    if (each.isEmpty())
        return {};
    KafkaReleaseEstimate out = each.first();
    const auto order = [](const QString &release) {
        const QList<Step> &table = steps();
        for (int i = 0; i < table.size(); ++i)
            if (release == QLatin1String(table.at(i).first) || release == QLatin1String(table.at(i).last))
                return i;
        return -1;
    };
    for (const KafkaReleaseEstimate &e : std::as_const(each)) {
        if (e == out)
            continue;
        out.brokersDiffer = true;
        if (e.kind == Kind::Unrecognised || out.kind == Kind::Unrecognised) {
            out.kind = Kind::Unrecognised;
            continue;
        }
        // The span from the oldest broker's lowest to the newest one's highest.
        if (e.lowest.isEmpty() || (!out.lowest.isEmpty() && order(e.lowest) < order(out.lowest)))
            out.lowest = e.lowest;
        if (e.highest.isEmpty() || (!out.highest.isEmpty() && order(e.highest) > order(out.highest)))
            out.highest = e.highest;
    }
    return out;
}

QString KafkaReleaseEstimate::text() const
{
    QString range;
    switch (kind) {
    case Kind::Unknown: return tr("not known yet (read from the brokers' API versions after the first refresh)");
    case Kind::Unrecognised:
        range = tr("not recognised: the brokers' API versions match no Apache Kafka release (another implementation, or unstable "
                   "versions enabled)");
        break;
    case Kind::Release:
        if (lowest.isEmpty())
            range = tr("before %1").arg(highest);
        else if (highest.isEmpty())
            range = tr("%1 or later").arg(lowest);
        else if (lowest == highest)
            range = lowest;
        else if (brokersDiffer)
            range = tr("%1 to %2").arg(lowest, highest);
        else
            range = tr("%1 or %2").arg(lowest, highest);   // two releases that offer the same versions
        break;
    }
    return brokersDiffer ? tr("%1 (the brokers differ)").arg(range) : range;
}

}   // namespace cohort
