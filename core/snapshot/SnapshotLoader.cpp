// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/SnapshotLoader.h"

#include "core/kafka/KafkaErrorHints.h"
#include "core/snapshot/SnapshotBuilder.h"
#include "core/util/LogCategories.h"
#include "core/wire/ErrorCode.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QtConcurrent>

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

enum class Watermarked { WholeCluster, TheseGroupsOnly };

// The steps after metadata (and the listing), shared by both loads:
// descriptions, then the offsets they call for, then the watermarks, each
// failure kept as a partial error so that the rest is still shown.
void describeAndMeasure(ClusterClient &client, const QStringList &ids, SnapshotBuilder::Input &in, Watermarked scope,
                        const QElapsedTimer &timer)
{
    Result<QList<GroupDescription>> descriptions = client.describeGroups(ids).result();
    if (descriptions)
        in.descriptions = std::move(descriptions).value();
    else
        in.partialErrors.append(descriptions.error());
    qCDebug(lcRefresh) << "groups described after" << timer.elapsed() << "ms";

    Result<QHash<QString, GroupOffsets>> offsets
        = client.fetchCommittedOffsets(SnapshotBuilder::offsetRequests(ids, in.descriptions, in.metadata)).result();
    if (offsets)
        in.offsets = std::move(offsets).value();
    else
        in.partialErrors.append(offsets.error());
    for (const QString &id : ids)
        if (!in.offsets.contains(id))
            in.groupsWithoutOffsets << id;
    qCDebug(lcRefresh) << "committed offsets after" << timer.elapsed() << "ms";

    const QList<TopicPartition> needed = scope == Watermarked::WholeCluster
                                             ? SnapshotBuilder::partitionsNeedingWatermarks(in.metadata, in.descriptions, in.offsets)
                                             : SnapshotBuilder::partitionsOfGroups(in.descriptions, in.offsets);
    Result<QHash<TopicPartition, Watermarks>> watermarks = client.fetchWatermarks(needed).result();
    if (watermarks)
        in.watermarks = std::move(watermarks).value();
    else
        in.partialErrors.append(watermarks.error());
    qCDebug(lcRefresh) << "watermarks after" << timer.elapsed() << "ms";
}

}   // namespace

QFuture<Result<ClusterSnapshot>> load(std::shared_ptr<ClusterClient> client, std::shared_ptr<RefreshProgress> progress)
{
    return QtConcurrent::run(pool(), [client, progress]() -> Result<ClusterSnapshot> {
        if (progress)
            progress->setStep(QCoreApplication::translate("SnapshotLoader", "Reading metadata and listing groups"));
        QElapsedTimer timer;
        timer.start();
        auto metadataF = client->fetchMetadata();
        auto listingsF = client->listGroups();
        const Result<ClusterMetadata> metadata = metadataF.result();
        const Result<QList<GroupListing>> listings = listingsF.result();
        qCDebug(lcRefresh) << "metadata and group list after" << timer.elapsed() << "ms";
        if (!metadata)
            return metadata.error();

        SnapshotBuilder::Input in;
        in.metadata = metadata.value();
        in.readCommitted = client->readCommitted();
        QStringList ids;
        if (listings) {
            in.listings = listings.value();
            for (const GroupListing &l : in.listings)
                ids << l.groupId;
        } else {
            in.partialErrors.append(listings.error());
        }
        describeAndMeasure(*client, ids, in, Watermarked::WholeCluster, timer);

        ClusterSnapshot snapshot = SnapshotBuilder::build(std::move(in));
        snapshot.takenAt = QDateTime::currentDateTimeUtc();
        snapshot.durationMs = timer.elapsed();
        releaseFreedMemory();
        return snapshot;
    });
}

QFuture<Result<GroupSnapshot>> loadGroup(std::shared_ptr<ClusterClient> client, const QString &groupId,
                                         std::optional<ClusterMetadata> metadata)
{
    return QtConcurrent::run(pool(), [client, groupId, metadata = std::move(metadata)]() -> Result<GroupSnapshot> {
        QElapsedTimer timer;
        timer.start();
        SnapshotBuilder::Input in;
        if (metadata) {
            in.metadata = *metadata;
        } else {
            Result<ClusterMetadata> fetched = client->fetchMetadata().result();
            if (!fetched)
                return fetched.error();
            in.metadata = std::move(fetched).value();
        }
        in.readCommitted = client->readCommitted();
        describeAndMeasure(*client, {groupId}, in, Watermarked::TheseGroupsOnly, timer);
        // DescribeGroups answers Dead with no members both for a group the
        // cluster does not know and for a consumer, share or streams group
        // (kafka-protocol.md §8): the listing tells them apart, one ListGroups
        // per broker, asked only then.
        if (in.descriptions.size() == 1 && in.descriptions.first().state == GroupState::Dead && in.descriptions.first().members.isEmpty())
            if (const Result<QList<GroupListing>> listed = client->listGroups().result(); listed)
                for (const GroupListing &l : listed.value())
                    if (l.groupId == groupId)
                        in.listings.append(l);
        const bool described = !in.descriptions.isEmpty();
        const KafkaError firstError = in.partialErrors.value(0);

        ClusterSnapshot snapshot = SnapshotBuilder::build(std::move(in));
        const GroupSnapshot *group = snapshot.group(groupId);
        // A classic coordinator describes a group it does not know as Dead
        // with no members and no error; the librdkafka listing leaves it out.
        const bool unknown
            = !group
              || (group->description.state == GroupState::Dead && group->description.members.isEmpty() && group->partitions.isEmpty());
        if (!described && firstError.isError())
            return firstError;
        if (unknown) {
            const QString name = QString::fromLatin1(ErrorCode::name(ErrorCode::GroupIdNotFound));
            return KafkaError::make(ErrorCode::GroupIdNotFound, name,
                                    QCoreApplication::translate("SnapshotLoader", "The cluster has no group \"%1\".").arg(groupId),
                                    KafkaErrorHints::hintFor(name));
        }
        return *group;
    });
}

}   // namespace cohort::SnapshotLoader
