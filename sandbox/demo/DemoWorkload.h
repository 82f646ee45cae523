// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <memory>

namespace cohort::sandbox {

class SandboxCluster;

// A living cluster for `cohort --demo` and `cohort-sandbox --demo`: topics with
// steady and bursty producers, and consumer groups in every situation Cohort
// exists for (healthy, lagging, stopped with lag, rebalancing every minute,
// static members, cooperative-sticky, several topics, a non-consumer protocol).
// Every client is real (librdkafka, or the raw protocol for the connect group)
// and talks to the cluster over TCP. Nothing here blocks the calling thread.
class DemoWorkload : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoWorkload)

public:
    struct Options
    {
        int rebalancePeriodMs = 60000;   // clickstream-enricher's extra member comes and goes
        int burstPeriodMs = 20000;       // the bursty producer's period
        double rateScale = 1.0;          // multiplies every produce rate
    };

    explicit DemoWorkload(SandboxCluster &cluster, QObject *parent = nullptr);
    DemoWorkload(SandboxCluster &cluster, Options options, QObject *parent = nullptr);
    ~DemoWorkload() override;   // stops every client

    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    // Per-partition byte cap for a demo cluster: with it every log of the demo
    // stays small, so a demo left running for days stays under ~100 MB.
    static constexpr qint64 kRetentionBytesPerPartition = 2LL << 20;

    // The groups the demo runs, for tests and the UI's first view.
    static QStringList groupIds();

private:
    class Private;
    std::unique_ptr<Private> d;
};

}   // namespace cohort::sandbox
