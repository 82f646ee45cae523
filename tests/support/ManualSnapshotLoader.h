// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/snapshot/ClusterMonitor.h"

#include <QPromise>

#include <memory>
#include <vector>

namespace cohort::test {

// A ClusterMonitor loader that hands out futures and keeps their promises,
// and the RefreshProgress of each refresh, so that the test decides when
// (and with what) each refresh finishes and what it says it waits for.
struct ManualSnapshotLoader
{
    std::vector<std::shared_ptr<QPromise<Result<ClusterSnapshot>>>> promises;
    std::vector<std::shared_ptr<RefreshProgress>> progress;

    ClusterMonitor::Loader loader()
    {
        return [this](std::shared_ptr<ClusterClient>, std::shared_ptr<RefreshProgress> p) {
            auto promise = std::make_shared<QPromise<Result<ClusterSnapshot>>>();
            promise->start();
            promises.push_back(promise);
            progress.push_back(std::move(p));
            return promise->future();
        };
    }
    void succeed(size_t i, const ClusterSnapshot &snapshot)
    {
        promises.at(i)->addResult(Result<ClusterSnapshot>(snapshot));
        promises.at(i)->finish();
    }
    // A snapshot of `groups` groups g0, g1, … taken now.
    void succeed(size_t i, int groups)
    {
        ClusterSnapshot s;
        s.takenAt = QDateTime::currentDateTimeUtc();
        for (int g = 0; g < groups; ++g) {
            GroupSnapshot gs;
            gs.description.groupId = QStringLiteral("g%1").arg(g);
            s.groups.append(gs);
        }
        succeed(i, s);
    }
    void fail(size_t i)
    {
        promises.at(i)->addResult(
            Result<ClusterSnapshot>(KafkaError::make(-195, QStringLiteral("_TRANSPORT"), QStringLiteral("broker down"))));
        promises.at(i)->finish();
    }
};

}   // namespace cohort::test
