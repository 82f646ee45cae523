// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/snapshot/SnapshotLoader.h"

#include "core/snapshot/SnapshotBuilder.h"
#include "core/util/LogCategories.h"

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

} // namespace

QFuture<Result<ClusterSnapshot>> load(std::shared_ptr<ClusterClient> client)
{
    return QtConcurrent::run(pool(), [client]() -> Result<ClusterSnapshot> {
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

        Result<QList<GroupDescription>> descriptions = client->describeGroups(ids).result();
        if (descriptions)
            in.descriptions = std::move(descriptions).value();
        else
            in.partialErrors.append(descriptions.error());
        qCDebug(lcRefresh) << "groups described after" << timer.elapsed() << "ms";
        Result<QHash<QString, GroupOffsets>> offsets = client->fetchCommittedOffsets(
            SnapshotBuilder::offsetRequests(ids, in.descriptions, in.metadata)).result();
        if (offsets) {
            in.offsets = std::move(offsets).value();
        } else {
            in.partialErrors.append(offsets.error());
        }
        for (const QString &id : std::as_const(ids))
            if (!in.offsets.contains(id))
                in.groupsWithoutOffsets << id;

        qCDebug(lcRefresh) << "committed offsets after" << timer.elapsed() << "ms";
        const QList<TopicPartition> needed = SnapshotBuilder::partitionsNeedingWatermarks(in.metadata, in.descriptions, in.offsets);
        Result<QHash<TopicPartition, Watermarks>> watermarks = client->fetchWatermarks(needed).result();
        if (watermarks)
            in.watermarks = std::move(watermarks).value();
        else
            in.partialErrors.append(watermarks.error());

        qCDebug(lcRefresh) << "watermarks after" << timer.elapsed() << "ms";
        ClusterSnapshot snapshot = SnapshotBuilder::build(std::move(in));
        snapshot.takenAt = QDateTime::currentDateTimeUtc();
        snapshot.durationMs = timer.elapsed();
        releaseFreedMemory();
        return snapshot;
    });
}

} // namespace cohort::SnapshotLoader
