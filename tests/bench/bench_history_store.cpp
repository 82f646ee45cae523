// SPDX-License-Identifier: GPL-3.0-or-later
// The on-disk history's costs: the time to write one refresh's partition
// points (20,000 by default) as one batch, first into an empty file (new
// series) and then again (known series), and the file size a day of history
// takes for a number of groups, each with its group series and one topic
// series, at every tier as the lag history keeps them (5 s points for the
// last hour, 1 min points for the day, 10 min points for the day).
// Usage: bench_history_store [--partition-points N] [--groups N] [--topics-per-group N]
// Prints one JSON line.

#include "core/history/HistoryStore.h"
#include "core/util/EventLoopWait.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace cohort;

namespace {

// Asleep in the event loop until it is done (processEvents with a time
// would spin a core beside the writer thread it measures).
void wait(const QFuture<void> &f)
{
    waitWithEventLoop(f);
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

}   // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int partitionPoints = 20000, groups = 2000, topicsPerGroup = 1;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const int v = args.at(i + 1).toInt();
        if (args.at(i) == QLatin1String("--partition-points"))
            partitionPoints = v;
        else if (args.at(i) == QLatin1String("--groups"))
            groups = v;
        else if (args.at(i) == QLatin1String("--topics-per-group"))
            topicsPerGroup = v;
    }
    QTemporaryDir dir;
    const qint64 now = 1'780'000'000'000;

    // One refresh's partition points: 100 groups x 200 partitions when 20,000.
    double firstMs = 0, againMs = 0;
    int pointsInFile = 0;
    {
        const QString path = dir.filePath(QStringLiteral("batch.sqlite"));
        HistoryStore store(path);
        wait(store.flush());   // opened
        QList<StoredLagPoint> batch;
        batch.reserve(partitionPoints);
        for (int i = 0; i < partitionPoints; ++i)
            batch.append({{QStringLiteral("group-%1").arg(i / 200), QStringLiteral("topic-%1").arg(i / 200), i % 200},
                          LagTier::FiveSeconds,
                          {now, 1'000'000 + i, 999'000 + i, 1000, 0}});
        QElapsedTimer t;
        t.start();
        store.append(batch);
        wait(store.flush());
        firstMs = t.nsecsElapsed() / 1e6;
        for (StoredLagPoint &p : batch)
            p.point.timeMs += 5000;
        t.restart();
        store.append(batch);
        wait(store.flush());
        againMs = t.nsecsElapsed() / 1e6;
        auto loaded = store.loadPoints(0);
        waitWithEventLoop(loaded);
        pointsInFile = int(loaded.result().size());
    }

    // A day of group and topic series, written a refresh at a time as the tiers fill.
    const QString dayPath = dir.filePath(QStringLiteral("day.sqlite"));
    qint64 rows = 0;
    QElapsedTimer dayTimer;
    dayTimer.start();
    {
        HistoryStore store(dayPath);
        const auto seriesPoints = [&](LagTier tier, qint64 timeMs) {
            QList<StoredLagPoint> batch;
            for (int g = 0; g < groups; ++g) {
                const QString group = QStringLiteral("group-%1").arg(g);
                batch.append({{group, {}, -1}, tier, {timeMs, 5'000'000 + timeMs / 1000, 4'990'000 + timeMs / 1000, 10000, -1}});
                for (int t = 0; t < topicsPerGroup; ++t)
                    batch.append({{group, QStringLiteral("topic-%1").arg(t), -1},
                                  tier,
                                  {timeMs, 5'000'000 + timeMs / 1000, 4'990'000 + timeMs / 1000, 10000, -1}});
            }
            rows += batch.size();
            store.append(batch);
            // One refresh's batch at a time, as the lag history appends them
            // (append never blocks: unawaited, a day's rows would pile up in the queue).
            wait(store.flush());
        };
        // In time order, as a running Cohort writes them (the store compacts
        // what is older than each tier's open chunk as it goes): the 1 min
        // and 10 min points of the day, the 5 s points of its last hour.
        const qint64 dayStart = now - 24 * 3600 * 1000LL + 60000;
        for (qint64 t = dayStart; t <= now; t += 5000) {
            const qint64 ago = now - t;
            if (ago % 60000 == 0) {
                seriesPoints(LagTier::OneMinute, t);
                if ((ago / 60000) % 10 == 0)
                    seriesPoints(LagTier::TenMinutes, t);
            }
            if (ago < 720 * 5000)
                seriesPoints(LagTier::FiveSeconds, t);
        }
        wait(store.flush());
    }
    const double dayWriteS = dayTimer.elapsed() / 1000.0;
    const qint64 dayBytes = fileBytes(dayPath);
    // What a restart reads back: every point written.
    QElapsedTimer loadTimer;
    loadTimer.start();
    qsizetype dayLoaded = 0;
    {
        HistoryStore store(dayPath);
        auto loaded = store.loadPoints(0);
        waitWithEventLoop(loaded);
        dayLoaded = loaded.result().size();
    }
    const double dayLoadS = loadTimer.elapsed() / 1000.0;

    std::printf("{\"partition_points\":%d,\"points_in_file\":%d,\"batch_write_ms_new_series\":%.1f,\"batch_write_ms\":%.1f,"
                "\"groups\":%d,\"topics_per_group\":%d,\"day_rows\":%lld,\"day_file_mb\":%.1f,\"bytes_per_row\":%.1f,"
                "\"day_write_s\":%.1f,\"day_points_loaded\":%lld,\"day_load_s\":%.1f}\n",
                partitionPoints, pointsInFile, firstMs, againMs, groups, topicsPerGroup, qlonglong(rows), dayBytes / 1048576.0,
                rows ? double(dayBytes) / double(rows) : 0.0, dayWriteS, qlonglong(dayLoaded), dayLoadS);
    return 0;
}
