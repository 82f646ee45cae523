// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/SandboxConfig.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace cohort::sandbox {

// A snapshot of one group as the coordinator sees it (for tests and the demo).
struct SandboxGroupInfo
{
    QString groupId;
    QString state;   // "Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead"
    QString protocolType;
    QString protocol;
    int generationId = 0;
    QString leaderId;
    struct Member
    {
        QString memberId;
        QString groupInstanceId;
        QString clientId;
        QString clientHost;
    };
    QList<Member> members;
    int coordinatorId = -1;
};

// N Kafka-compatible brokers in one process, for tests, `cohort --demo` and the
// cohort-sandbox executable. The cluster runs on its own thread; every public
// method may be called from any thread and returns once the cluster has acted.
class SandboxCluster : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxCluster)

public:
    explicit SandboxCluster(SandboxConfig config = {}, QObject *parent = nullptr);
    ~SandboxCluster() override;   // stops everything; no thread or socket is left

    // Opens every listener; returns false with a reason if one cannot listen.
    bool start(QString *error = nullptr);
    void stop();
    bool isRunning() const;

    QString bootstrapServers() const;   // "127.0.0.1:p1,127.0.0.1:p2,..."
    QList<int> brokerIds() const;
    quint16 brokerPort(int brokerId) const;
    int controllerId() const;

    // --- topics and data -------------------------------------------------
    bool createTopic(const QString &name, int partitions, QString *error = nullptr);
    QStringList topics() const;
    int partitionCount(const QString &topic) const;   // 0 when the topic does not exist
    int leaderOf(const QString &topic, int partition) const;
    // Appends records (key, value) as one uncompressed batch; returns the base offset
    // or -1. timestampMs < 0 means now.
    qint64 appendRecords(const QString &topic, int partition, const QList<QPair<QByteArray, QByteArray>> &records, qint64 timestampMs = -1);
    qint64 logStartOffset(const QString &topic, int partition) const;
    qint64 logEndOffset(const QString &topic, int partition) const;

    // --- groups ------------------------------------------------------------
    QStringList groupIds() const;
    SandboxGroupInfo groupInfo(const QString &groupId) const;   // state "Dead" when unknown
    // Committed offset of a group for a partition, -1 when none.
    qint64 committedOffset(const QString &groupId, const QString &topic, int partition) const;
    int coordinatorOf(const QString &groupId) const;
    // Creates topics and groups per spec inside the coordinator (scale fixture).
    void addSyntheticGroups(const SyntheticGroupSpec &spec);

    // --- fault injection (end by themselves or on clearFaults) ---------------
    void stopBroker(int brokerId);    // listener and connections close
    void startBroker(int brokerId);   // listens again on the same port
    bool isBrokerUp(int brokerId) const;
    void setLatency(int brokerId, int ms);   // added to every response; 0 clears
    // The next `count` requests of apiKey (on any broker, or brokerId >= 0 only)
    // are answered with errorCode in every error field of the response.
    void injectError(qint16 apiKey, qint16 errorCode, int count, int brokerId = -1);
    void moveCoordinator(const QString &groupId, int brokerId);
    void clearFaults();

    // --- counters ----------------------------------------------------------------
    qint64 requestCount(qint16 apiKey = -1) const;   // all APIs when -1
    qint64 connectionCount() const;                  // connections currently open
    qint64 storedBytes() const;                      // bytes held in partition logs

Q_SIGNALS:
    // One line per connection/error (what the executable writes to stderr).
    void logLine(const QString &line);

private:
    class Private;
    std::unique_ptr<Private> d;
};

}   // namespace cohort::sandbox
