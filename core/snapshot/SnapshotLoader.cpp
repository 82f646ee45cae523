// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/SnapshotLoader.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/snapshot/SnapshotBuilder.h"
#include "core/util/LogCategories.h"
#include "core/wire/ErrorCode.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QSet>
#include <QtConcurrent>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace cohort::SnapshotLoader {

namespace {

// A refresh of thousands of groups allocates and frees hundreds of MB of
// small objects across the pool threads; glibc keeps the freed pages in each
// thread's arena. Handing them back keeps steady memory near what the last
// snapshot really holds.
void releaseFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// The orchestration waits on the client's futures, so it runs on a pool of its
// own: the client's pool stays free for the calls it waits for.
QThreadPool *pool()
{
    static QThreadPool *p = [] {
        auto *tp = new QThreadPool;
        tp->setMaxThreadCount(4);
        return tp;
    }();
    return p;
}

}   // namespace

namespace {

// lupdate files a tr() by the class it is called in; this names the context
// the strings below are looked up in, for calls from free functions too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotLoader)
};

QString brokerName(const ClusterMetadata &metadata, int id)
{
    for (const BrokerInfo &b : metadata.brokers)
        if (b.id == id)
            return Text::tr("broker %1 (%2:%3)").arg(id).arg(b.host).arg(b.port);
    return Text::tr("broker %1").arg(id);
}

QString addressOf(const ClusterMetadata &metadata, int id)
{
    for (const BrokerInfo &b : metadata.brokers)
        if (b.id == id)
            return QStringLiteral("%1:%2").arg(b.host).arg(b.port);
    return {};
}

// Who a step waits for: the coordinators of these groups, or every broker.
QStringList brokersOf(const ClusterMetadata &metadata, const QList<GroupListing> &listings, const QStringList &groups)
{
    QSet<int> ids;
    if (groups.isEmpty() || listings.isEmpty()) {
        for (const BrokerInfo &b : metadata.brokers)
            ids.insert(b.id);
    } else {
        const QSet<QString> wanted(groups.cbegin(), groups.cend());
        for (const GroupListing &l : listings)
            if (wanted.contains(l.groupId))
                ids.insert(l.coordinatorId);
    }
    QList<int> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    QStringList out;
    for (const int id : std::as_const(sorted))
        out << brokerName(metadata, id);
    return out;
}

KafkaError cancelled()
{
    return KafkaError::make(-1, QStringLiteral("_CANCELLED"), Text::tr("the refresh was cancelled"));
}

std::shared_ptr<RefreshProgress> orDefault(std::shared_ptr<RefreshProgress> progress)
{
    return progress ? std::move(progress) : std::make_shared<RefreshProgress>(QDeadlineTimer(kDefaultDeadlineMs));
}

MissingPart missingPart(MissingPart::Kind kind, const KafkaError &error, const QDateTime &now)
{
    MissingPart m;
    m.kind = kind;
    m.error = error;
    m.since = now;
    return m;
}

enum class Watermarked { WholeCluster, TheseGroupsOnly };

// The steps after metadata (and the listing), shared by both loads:
// descriptions, then the offsets they call for, then the watermarks, each
// failure kept as a missing part so that the rest is still shown.
void describeAndMeasure(ClusterClient &client, const QStringList &ids, SnapshotBuilder::Input &in, Watermarked scope,
                        const std::shared_ptr<RefreshProgress> &progress, const QElapsedTimer &timer)
{
    const QLocale locale;
    progress->setStep(Text::tr("Describing %1 group(s)", nullptr, int(ids.size())).arg(locale.toString(ids.size())));
    progress->setStepBudget(3);
    progress->setWaitingFor(brokersOf(in.metadata, in.listings, ids));
    Result<GroupDescriptionAnswer> descriptions = client.describeGroups(ids, progress).result();
    if (descriptions) {
        in.descriptions = std::move(descriptions->groups);
        in.notDescribed = std::move(descriptions->failed);
        // Once, here: the offsets, the watermarks and the builder read the decoded members.
        for (GroupDescription &d : in.descriptions)
            SnapshotBuilder::decodeMembers(d);
    } else {
        for (const QString &id : ids)
            in.notDescribed.insert(id, descriptions.error());
    }
    qCDebug(lcRefresh) << "groups described after" << timer.elapsed() << "ms";
    if (progress->isCancelled())
        return;

    progress->setStep(Text::tr("Reading the committed offsets of %1 group(s)", nullptr, int(ids.size())).arg(locale.toString(ids.size())));
    progress->setStepBudget(2);
    progress->setWaitingFor(brokersOf(in.metadata, in.listings, ids));
    Result<CommittedOffsetsAnswer> offsets
        = client.fetchCommittedOffsets(SnapshotBuilder::offsetRequests(ids, in.descriptions, in.metadata), progress).result();
    if (offsets) {
        in.offsets = std::move(offsets->offsets);
        in.offsetsNotRead = std::move(offsets->failed);
    } else {
        for (const QString &id : ids)
            in.offsetsNotRead.insert(id, offsets.error());
    }
    qCDebug(lcRefresh) << "committed offsets after" << timer.elapsed() << "ms";
    if (progress->isCancelled())
        return;

    const QList<TopicPartition> needed = scope == Watermarked::WholeCluster
                                             ? SnapshotBuilder::partitionsNeedingWatermarks(in.metadata, in.descriptions, in.offsets)
                                             : SnapshotBuilder::partitionsOfGroups(in.descriptions, in.offsets);
    progress->setStep(Text::tr("Reading the end offsets of %1 partition(s)", nullptr, int(needed.size())).arg(locale.toString(needed.size())));
    progress->setWaitingFor(brokersOf(in.metadata, {}, {}));
    progress->setStepBudget(1);
    Result<WatermarksAnswer> watermarks = client.fetchWatermarks(needed, progress).result();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (watermarks) {
        in.watermarks = std::move(watermarks->watermarks);
        for (const LeaderFailure &f : std::as_const(watermarks->failed)) {
            MissingPart m = missingPart(MissingPart::Kind::Watermarks, f.broker.error, now);
            m.brokerId = f.broker.brokerId;
            m.brokerAddress = f.broker.address.isEmpty() ? addressOf(in.metadata, f.broker.brokerId) : f.broker.address;
            m.partitions = int(f.partitions.size());
            in.missing.append(m);
        }
    } else if (!needed.isEmpty()) {
        MissingPart m = missingPart(MissingPart::Kind::Watermarks, watermarks.error(), now);
        m.partitions = int(needed.size());
        in.missing.append(m);
    }
    qCDebug(lcRefresh) << "watermarks after" << timer.elapsed() << "ms";

    QStringList sorted = in.notDescribed.keys();
    std::sort(sorted.begin(), sorted.end());
    for (const QString &id : std::as_const(sorted)) {
        MissingPart m = missingPart(MissingPart::Kind::GroupDescription, in.notDescribed.value(id), now);
        m.groupId = id;
        in.missing.append(m);
    }
    sorted = in.offsetsNotRead.keys();
    std::sort(sorted.begin(), sorted.end());
    for (const QString &id : std::as_const(sorted)) {
        MissingPart m = missingPart(MissingPart::Kind::GroupOffsets, in.offsetsNotRead.value(id), now);
        m.groupId = id;
        in.missing.append(m);
    }
}

}   // namespace

QFuture<Result<ClusterSnapshot>> load(std::shared_ptr<ClusterClient> client, std::shared_ptr<RefreshProgress> progressGiven)
{
    return QtConcurrent::run(pool(), [client, progress = orDefault(std::move(progressGiven))]() -> Result<ClusterSnapshot> {
        progress->setStep(Text::tr("Reading the cluster's metadata"));
        progress->setStepBudget(3);   // everything else needs it: more than a fifth
        QElapsedTimer timer;
        timer.start();
        const QDateTime readAt = QDateTime::currentDateTimeUtc();
        // One after the other: the listing asks each broker the metadata names.
        const Result<ClusterMetadata> metadata = client->fetchMetadata(progress).result();
        if (!metadata)
            return metadata.error();
        progress->setStep(Text::tr("Listing groups on %n broker(s)", nullptr, int(metadata->brokers.size())));
        progress->setWaitingFor(brokersOf(*metadata, {}, {}));
        progress->setStepBudget(4);
        const Result<GroupListingAnswer> listings = client->listGroups(progress).result();
        qCDebug(lcRefresh) << "metadata and group list after" << timer.elapsed() << "ms";
        if (progress->isCancelled())
            return cancelled();
        // Last metadata and no broker listing either: the cluster is out of
        // reach, not one broker slow; a failed refresh says so.
        if (metadata->notRefreshed
            && (!listings || (listings->groups.isEmpty() && listings->failedBrokers.size() >= metadata->brokers.size())))
            return *metadata->notRefreshed;

        SnapshotBuilder::Input in;
        in.metadata = metadata.value();
        in.readCommitted = client->readCommitted();
        in.readAt = readAt;
        if (metadata->notRefreshed)
            in.missing.append(missingPart(MissingPart::Kind::Metadata, *metadata->notRefreshed, QDateTime::currentDateTimeUtc()));
        QStringList ids;
        if (listings) {
            in.listings = listings->groups;
            for (const GroupListing &l : std::as_const(in.listings))
                ids << l.groupId;
            for (const BrokerFailure &f : listings->failedBrokers) {
                MissingPart m = missingPart(MissingPart::Kind::BrokerListing, f.error, QDateTime::currentDateTimeUtc());
                m.brokerId = f.brokerId;
                m.brokerAddress = f.address.isEmpty() ? addressOf(in.metadata, f.brokerId) : f.address;
                in.missing.append(m);
            }
        } else {
            in.missing.append(missingPart(MissingPart::Kind::BrokerListing, listings.error(), QDateTime::currentDateTimeUtc()));
        }
        describeAndMeasure(*client, ids, in, Watermarked::WholeCluster, progress, timer);
        if (progress->isCancelled())
            return cancelled();

        ClusterSnapshot snapshot = SnapshotBuilder::build(std::move(in));
        snapshot.takenAt = QDateTime::currentDateTimeUtc();
        snapshot.durationMs = timer.elapsed();
        releaseFreedMemory();
        return snapshot;
    });
}

bool groupDoesNotExist(const GroupSnapshot &group)
{
    const GroupDescription &d = group.description;
    if (!group.describedFreshness.isFresh())
        return group.describedFreshness.failure.code == ErrorCode::GroupIdNotFound;
    if (d.errorCode == ErrorCode::GroupIdNotFound)
        return true;
    const bool hasOffsets = std::any_of(group.partitions.cbegin(), group.partitions.cend(),
                                        [](const PartitionLag &p) { return p.committedOffset.has_value(); });
    return d.state == GroupState::Dead && d.members.isEmpty() && !hasOffsets && group.offsetsFreshness.isFresh();
}

QFuture<Result<GroupSnapshot>> loadGroup(std::shared_ptr<ClusterClient> client, const QString &groupId,
                                         std::optional<ClusterMetadata> metadata, std::shared_ptr<RefreshProgress> progressGiven)
{
    return QtConcurrent::run(
        pool(),
        [client, groupId, metadata = std::move(metadata), progress = orDefault(std::move(progressGiven))]() -> Result<GroupSnapshot> {
            QElapsedTimer timer;
            timer.start();
            SnapshotBuilder::Input in;
            in.readAt = QDateTime::currentDateTimeUtc();
            if (metadata) {
                in.metadata = *metadata;
            } else {
                progress->setStep(Text::tr("Reading the cluster's metadata"));
                progress->setStepBudget(4);
                Result<ClusterMetadata> fetched = client->fetchMetadata(progress).result();
                if (!fetched)
                    return fetched.error();
                in.metadata = std::move(fetched).value();
            }
            in.readCommitted = client->readCommitted();
            describeAndMeasure(*client, {groupId}, in, Watermarked::TheseGroupsOnly, progress, timer);
            if (progress->isCancelled())
                return cancelled();
            // DescribeGroups answers Dead with no members both for a group the
            // cluster does not know and for a consumer, share or streams group
            // (kafka-protocol.md §8): the listing tells them apart, one
            // ListGroups per broker, asked only then.
            if (in.descriptions.size() == 1 && in.descriptions.first().state == GroupState::Dead
                && in.descriptions.first().members.isEmpty()) {
                progress->setStep(Text::tr("Listing groups to tell an unknown group from a non-classic one"));
                if (const Result<GroupListingAnswer> listed = client->listGroups(progress).result(); listed)
                    for (const GroupListing &l : listed->groups)
                        if (l.groupId == groupId)
                            in.listings.append(l);
                // A KIP-848 group, now that the client knows its type: described
                // again, with the API of its type (ConsumerGroupDescribe).
                if (in.listings.size() == 1 && in.listings.first().type == GroupType::Consumer && !progress->isCancelled()) {
                    SnapshotBuilder::Input again;
                    again.readAt = in.readAt;
                    again.metadata = in.metadata;
                    again.readCommitted = in.readCommitted;
                    again.listings = in.listings;
                    describeAndMeasure(*client, {groupId}, again, Watermarked::TheseGroupsOnly, progress, timer);
                    if (!again.descriptions.isEmpty() && again.descriptions.first().describedAsConsumerGroup)
                        in = std::move(again);
                }
            }
            const KafkaError notDescribed = in.notDescribed.value(groupId);

            ClusterSnapshot snapshot = SnapshotBuilder::build(std::move(in));
            const GroupSnapshot *group = snapshot.group(groupId);
            if (group && groupDoesNotExist(*group)) {
                const QString name = QString::fromLatin1(ErrorCode::name(ErrorCode::GroupIdNotFound));
                return KafkaError::make(ErrorCode::GroupIdNotFound, name, Text::tr("The cluster has no group \"%1\".").arg(groupId),
                                        KafkaErrorHints::hintFor(name));
            }
            if (notDescribed.isError())
                return notDescribed;
            if (!group)
                return KafkaError::make(-1, QStringLiteral("_NOT_DESCRIBED"), Text::tr("the cluster did not describe group \"%1\"").arg(groupId));
            return *group;
        });
}

}   // namespace cohort::SnapshotLoader
