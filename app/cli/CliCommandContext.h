// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliFailure.h"
#include "app/cli/GlobalOptions.h"
#include "core/kafka/ClusterClient.h"
#include "core/kafka/Result.h"
#include "core/snapshot/ClusterSnapshot.h"
#include "core/snapshot/RefreshProgress.h"

#include <QObject>
#include <QTextStream>

#include <memory>

namespace cohort {
class ClusterSession;
class GroupWatcher;
}

namespace cohort::cli {

class CliCluster;
struct CliTable;

// What a running command gets: the global options, its output streams, the
// cluster they point at, and the one way to report a failure.
class CliCommandContext
{
public:
    CliCommandContext(const GlobalOptions &options, QTextStream &out, QTextStream &err, const CliCluster &cluster, const QString &usage);

    const GlobalOptions &options() const { return m_options; }
    const CliCluster &cluster() const { return m_cluster; }
    QTextStream &out() { return m_out; }

    // The whole cluster as a refresh of the window sees it, within the one
    // deadline of the command (--timeout, connecting included); each part it
    // could not read is a warning line on stderr and makes the run partial.
    Result<ClusterSnapshot, CliFailure> loadSnapshot();
    // One group the snapshot does not have, asked of its coordinator within
    // what is left of the deadline: GROUP_ID_NOT_FOUND only when Kafka said
    // the group does not exist; any other error is the group's error.
    Result<GroupSnapshot> loadGroup(const QString &groupId, const ClusterMetadata &metadata);
    // The same with a deadline of its own (--timeout from now), for commands
    // that sample a group again and again.
    Result<GroupSnapshot> sampleGroup(const QString &groupId, const ClusterMetadata &metadata);
    // The client loadSnapshot() connected; null before it.
    const std::shared_ptr<ClusterClient> &client() const { return m_client; }
    // A deadline of --timeout from now.
    std::shared_ptr<RefreshProgress> freshDeadline() const;
    // A session on the cluster, for commands that watch a group or write:
    // writable unless --profile names a read-only connection (whose
    // session then refuses every write, as the window's does). Its
    // continuations run on this thread while the command waits with an
    // event loop.
    Result<std::shared_ptr<ClusterSession>, CliFailure> openSession();
    // The group read once through the session (ClusterSession::refreshGroup):
    // GROUP_ID_NOT_FOUND only when Kafka said it does not exist.
    Result<GroupSnapshot> readGroup(ClusterSession &session, const QString &groupId);
    // After GroupWatcher::stop(): a read still in flight holds the session's
    // client, so the command waits (asleep in an event loop) until it ends
    // on its own deadline; then the session and its threads can go.
    static void waitForReadToEnd(GroupWatcher &watcher);
    // The command's deadline (--timeout), for commands that wait longer
    // than one read (they ask for each read within a fresh one).
    int timeoutMs() const { return m_options.timeoutMs; }
    QTextStream &err() { return m_err; }
    // What is left of the command's one deadline, in ms (at least 1).
    int remainingMs() const { return qMax(1, m_progress->remainingMs()); }
    // "cohort-cli: <message>" without the usage, and exit code 1: a refusal or a Kafka error.
    int refuse(const QString &message);
    // Something asked for could not be read: the run exits 3 unless it fails otherwise.
    void markPartial() { m_partial = true; }
    bool isPartial() const { return m_partial; }
    // The exit code of a run that got this far: `code`, or 3 when it is 0 and the result is partial.
    int finish(int code) const;
    // The rows in the format --output asked for.
    void write(const CliTable &table);
    // "cohort-cli: <message>" on stderr.
    void note(const QString &message);
    // Prints the failure (with the command's usage when it is bad usage) and returns its exit code.
    int fail(const CliFailure &failure);

private:
    const GlobalOptions &m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    const CliCluster &m_cluster;
    QString m_usage;
    std::shared_ptr<RefreshProgress> m_progress;   // the command's one deadline, from its start
    std::shared_ptr<ClusterClient> m_client;
    bool m_partial = false;
    QObject m_sessionContext;   // where the session is made and its answers arrive
};

}   // namespace cohort::cli
