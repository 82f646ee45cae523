// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CliRunner.h"

#include <QTextStream>

namespace cohort::test {

// One cohort-cli invocation in process: exit code and what it printed.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList &args, const cli::CliContext &context = {})
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = cli::runCli(args, out, err, context);
    out.flush();
    err.flush();
    return r;
}

// For a cluster shared with tests that make and delete topics and groups
// while this one runs (the suite's Kafka fixture): cohort-cli may rightly
// report their parts missing (exit 3), but never anything of `group`.
inline bool completeOnSharedCluster(const CliRun &r, const QString &group)
{
    return r.code == 0 || (r.code == 3 && !r.err.contains(group));
}

}   // namespace cohort::test
