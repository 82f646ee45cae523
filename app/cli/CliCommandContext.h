// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliFailure.h"
#include "app/cli/GlobalOptions.h"
#include "core/kafka/Result.h"
#include "core/snapshot/ClusterSnapshot.h"

#include <QTextStream>

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

    // The whole cluster as a refresh of the window sees it; partial errors are printed as warnings.
    Result<ClusterSnapshot, CliFailure> loadSnapshot();
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
};

}   // namespace cohort::cli
